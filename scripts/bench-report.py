#!/usr/bin/env python3
"""Statistics and the results table for scripts/bench.

  bench-report.py app PREFIX T0 T1        application figures of one window from scripts/bench-oltp.lua's logs (JSON)
  bench-report.py lag FILE T0 T1          max replica lag (ms) in a window from the heartbeat poll log
  bench-report.py report RUNS.jsonl META.json OUT.json [MARKDOWN_OUT]
                                          the table with ratios to native COPY idle, the targets, the JSON
"""
import glob
import json
import math
import os
import sys


def app_window(prefix, t0, t1):
    """Transactions that overlap [t0, t1] (began before t1 and ended after t0): a transaction held up by the
    migration counts even when it ends after it. tps counts those that completed inside the window."""
    lats, service, errors, errnos, completed = [], [], 0, {}, 0
    for path in glob.glob(prefix + ".*"):
        with open(path) as f:
            for line in f:
                parts = line.split()
                if len(parts) != 4:
                    continue  # the last line of a stopped thread may be cut short
                end, lat, err, svc = float(parts[0]), float(parts[1]), int(parts[2]), float(parts[3])
                if end < t0 or end - lat / 1000 > t1:
                    continue
                if err:
                    errors += 1
                    errnos[str(err)] = errnos.get(str(err), 0) + 1
                    continue
                lats.append(lat)
                service.append(svc)
                if end <= t1:
                    completed += 1
    span = max(t1 - t0, 1e-9)
    lats.sort()
    p99 = lats[min(len(lats) - 1, max(0, math.ceil(0.99 * len(lats)) - 1))] if lats else None
    return {"window_s": round(span, 3), "transactions": len(lats), "tps": round(completed / span, 1),
            "p99_ms": round(p99, 2) if p99 is not None else None,
            "max_ms": round(lats[-1], 2) if lats else None,
            "max_service_ms": round(max(service), 2) if service else None, "errors": errors, "error_codes": errnos}


def lag_window(path, t0, t1):
    worst = 0.0
    seen = False
    with open(path) as f:
        for line in f:
            parts = line.split()
            if len(parts) != 2 or parts[1] == "NULL":
                continue
            t, lag = float(parts[0]), float(parts[1])
            if t0 <= t <= t1:
                worst, seen = max(worst, lag), True
    return round(worst, 1) if seen else None


def fmt(v, digits=1):
    if v is None:
        return "-"
    if isinstance(v, float):
        if abs(v) >= 1000:
            return f"{v:,.0f}"
        return f"{v:.{digits}f}"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def errors_text(app):
    if app.get("errors") is None:
        return "-"
    codes = ", ".join(f"{n}x{c}" for c, n in sorted(app.get("error_codes", {}).items()))
    return f"{app['errors']}" + (f" ({codes})" if codes else "")


def report(runs_path, meta_path, out_path, md_path=None):
    with open(meta_path) as f:
        meta = json.load(f)
    runs = []
    with open(runs_path) as f:
        for line in f:
            if line.strip():
                runs.append(json.loads(line))
    # --repeat: runs of one name are summed up by their median run (by wall time; for the catch-up, by its rate),
    # with the range of the wall times (or rates) beside it.
    groups = {}
    for r in runs:
        groups.setdefault(r["name"], []).append(r)
    runs = []
    for name, group in groups.items():
        key = (lambda r: r.get("events_per_s") or 0) if "catch-up" in name else (lambda r: r.get("wall_s") or 0)
        ordered = sorted(group, key=key)
        median = dict(ordered[(len(ordered) - 1) // 2])
        median["repeats"] = len(group)
        median["range"] = [key(ordered[0]), key(ordered[-1])]
        median["all_exits"] = [r.get("exit") for r in group]
        if any(r.get("exit") not in (0, None) for r in group):
            median["exit"] = next(r.get("exit") for r in group if r.get("exit") not in (0, None))
        runs.append(median)
    by = {r["name"]: r for r in runs}
    ref = by.get("native-copy-idle", {}).get("wall_s")
    base = by.get("baseline-no-migration", {})
    base_p99 = (base.get("app") or {}).get("p99_ms")
    for r in runs:
        r["ratio_to_native_idle"] = (round(r["wall_s"] / ref, 2)
                                     if ref and r.get("wall_s") and "catch-up" not in r["name"] else None)
        app = r.get("app") or {}
        r["p99_ratio_to_no_migration"] = (round(app["p99_ms"] / base_p99, 2)
                                          if base_p99 and app.get("p99_ms") is not None and r is not base else None)

    head = ["run", "exit", "wall s", "x native idle", "app tps", "p99 ms", "p99 x no-mig", "max ms", "max svc ms",
            "app errors",
            "max lag s", "peak RSS MB", "rows/s", "events applied", "events/s"]
    rows = []
    for r in runs:
        app = r.get("app") or {}
        lag = r.get("max_replica_lag_ms")
        wall = fmt(r.get("wall_s"), 2)
        if r.get("repeats", 1) > 1 and "catch-up" not in r["name"]:
            wall += f" ({fmt(r['range'][0], 2)}-{fmt(r['range'][1], 2)})"
        rows.append([r["name"], fmt(r.get("exit")), wall, fmt(r.get("ratio_to_native_idle"), 2),
                     fmt(app.get("tps")), fmt(app.get("p99_ms")), fmt(r.get("p99_ratio_to_no_migration"), 2),
                     fmt(app.get("max_ms")), fmt(app.get("max_service_ms")), errors_text(app),
                     fmt(lag / 1000 if lag is not None else None),
                     fmt(r.get("peak_rss_mb")), fmt(r.get("rows_per_s")), fmt(r.get("events_applied")),
                     fmt(r.get("events_per_s"))])
    widths = [max(len(h), *(len(row[i]) for row in rows)) for i, h in enumerate(head)]
    line = lambda cells: "| " + " | ".join(c.ljust(w) for c, w in zip(cells, widths)) + " |"
    table = [line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"] + [line(r) for r in rows]

    # Targets. A target is judged only from the run it names; "not measured" when that run is missing.
    ss_idle, ss_load, catch = by.get("shadowswap-idle"), by.get("shadowswap-load"), by.get("shadowswap-catch-up")
    targets = []

    def target(name, value, limit, ok, note="", run=None):
        if run is not None and run.get("exit") not in (0, None):
            targets.append({"target": name, "value": None, "limit": limit,
                            "status": f"NOT met (the {run['name']} run failed, exit {run['exit']})", "note": note})
            return
        met = None if value is None else bool(ok)
        targets.append({"target": name, "value": value, "limit": limit,
                        "status": "not measured" if met is None else ("met" if met else "NOT met"), "note": note})

    # Issue 15's targets.
    v = ss_idle and ss_idle.get("ratio_to_native_idle")
    target("idle time / native COPY idle", v, "<= 1.5", v is not None and v <= 1.5, run=ss_idle)
    pt_idle = by.get("pt-osc-idle")
    v = ss_idle and pt_idle and ss_idle.get("wall_s") and pt_idle.get("wall_s") and round(ss_idle["wall_s"] / pt_idle["wall_s"], 2)
    target("idle time / pt-osc idle (same run)", v or None, "< 1", v is not None and v < 1, run=ss_idle)
    v = ss_load and ss_load.get("ratio_to_native_idle")
    target("under load: time / native COPY idle", v, "<= 6", v is not None and v <= 6, run=ss_load)
    v = ss_load and (ss_load.get("app") or {}).get("errors")
    target("under load: application errors", v, "0", v == 0, run=ss_load)
    v = ss_load and (ss_load.get("app") or {}).get("p99_ms")
    target("under load: application p99 (ms)", v, "<= 1000", v is not None and v <= 1000, run=ss_load)
    v = ss_load and (ss_load.get("app") or {}).get("max_ms")
    target("under load: max application latency (ms)", v, "<= 2000", v is not None and v <= 2000, run=ss_load)
    v = ss_load and ss_load.get("max_replica_lag_ms")
    target("under load: max replica lag (ms)", v, "<= 2500 (max-lag-millis + 1 s)", v is not None and v <= 2500,
           run=ss_load)
    v = catch and catch.get("events_per_s")
    target("apply catch-up rate (row events/s)", v, ">= 80000", v is not None and v >= 80000,
           f"{catch.get('events_applied_in_drain')} events drained in {catch.get('drain_s')} s" if catch else "",
           run=catch)
    # Scale targets need runs at 1M and 10M rows: earlier results-<rows>.json files next to OUT.json count.
    rss_here = max([r["peak_rss_mb"] for r in runs if r.get("peak_rss_mb")] or [0]) or None
    target(f"peak RSS at {meta['rows']:,} rows (MB)", rss_here, "<= 200", rss_here is not None and rss_here <= 200)
    other = {}
    for rows_n in (1000000, 10000000):
        p = os.path.join(os.path.dirname(out_path), f"results-{rows_n}.json")
        if rows_n == meta["rows"]:
            other[rows_n] = {"runs": runs}
        elif os.path.exists(p):
            with open(p) as f:
                other[rows_n] = json.load(f)
    def idle_of(doc):
        r = [x for x in doc["runs"] if x["name"] == "shadowswap-idle"]
        return r[0] if r else None
    if 1000000 in other and 10000000 in other and idle_of(other[1000000]) and idle_of(other[10000000]):
        a, b = idle_of(other[1000000]), idle_of(other[10000000])
        v = round(b["wall_s"] / a["wall_s"], 2)
        target("--rows 10000000 idle time / 1M idle time", v, "<= 11", v <= 11)
        v = round(b.get("peak_rss_mb", 0) / a.get("peak_rss_mb", 1), 2)
        target("peak RSS 10M / 1M (flat)", v, "~ 1", v <= 1.25)
    else:
        target("--rows 10000000 idle time / 1M idle time", None, "<= 11", False, "needs a 1M and a 10M run")
        target("peak RSS flat in table size (10M / 1M)", None, "~ 1", False, "needs a 1M and a 10M run")

    doc = {"meta": meta, "runs": runs, "targets": targets}
    with open(out_path, "w") as f:
        json.dump(doc, f, indent=2)
    rows_copy = os.path.join(os.path.dirname(out_path), f"results-{meta['rows']}.json")
    with open(rows_copy, "w") as f:
        json.dump(doc, f, indent=2)

    lines = []
    lines.append(f"Shadowswap benchmark, {meta['date']}: {meta['rows']:,} rows{' (--quick)' if meta.get('quick') else ''};"
                 f" {meta['machine']}; {meta['mariadb']}; {meta['sysbench']}; {meta['pt_osc']}")
    lines.append(f"Load: {meta['load']}")
    lines.append("")
    lines += table
    lines.append("")
    lines.append("| target (issue 15) | limit | value | status |")
    lines.append("|---|---|---|---|")
    for t in targets:
        note = f" ({t['note']})" if t["note"] else ""
        lines.append(f"| {t['target']} | {t['limit']} | {fmt(t['value'], 2)} | {t['status']}{note} |")
    text = "\n".join(lines)
    print(text)
    if md_path:
        with open(md_path, "w") as f:
            f.write(text + "\n")


def main():
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "app":
        print(json.dumps(app_window(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))))
    elif cmd == "lag":
        v = lag_window(sys.argv[2], float(sys.argv[3]), float(sys.argv[4]))
        print("null" if v is None else v)
    elif cmd == "report":
        report(*sys.argv[2:6])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(64)


if __name__ == "__main__":
    main()
