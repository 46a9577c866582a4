#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz targets (tests/fuzz/corpus/<target>/) from the unit tests' fixtures, and the
dictionaries of the two text targets (tests/fuzz/<target>.dict: the flag and command names, which libFuzzer can't
guess from comparisons made inside Qt).

The binlog seeds are the recorded MariaDB 10.11 stream of tst_binlogdecoder (tests/engine/data) and the events its
hand-built cases make; the JSON seeds are tst_binlogdecoder's documents plus one per value type; the control and
flag seeds are the command lines of tst_controlcommand and tst_flagparser. Run it again after changing a fixture:
  tests/fuzz/makecorpus.py
"""
import pathlib
import re
import shutil
import struct
import zlib

ROOT = pathlib.Path(__file__).resolve().parent
CORPUS = ROOT / "corpus"
RECORDING = ROOT.parent / "engine" / "data" / "mariadb-10.11-alltypes.hex"
GHOST_FLAGS = ROOT.parent.parent / "app" / "cli" / "ghostflags.cpp"

# Event and column type codes (engine/binlog/eventtype.h, columntype.h).
QUERY, ROTATE, FORMAT_DESCRIPTION, XID, TABLE_MAP = 2, 4, 15, 16, 19
WRITE_V1, UPDATE_V1, DELETE_V1, INCIDENT, HEARTBEAT = 23, 24, 25, 26, 27
WRITE_V2, UPDATE_V2, DELETE_V2, MYSQL_GTID, PREVIOUS_GTIDS = 30, 31, 32, 33, 35
ANNOTATE_ROWS, MARIA_GTID, MARIA_GTID_LIST, WRITE_COMPRESSED_V1 = 160, 162, 163, 166
TINY, SHORT, LONG, FLOAT, DOUBLE, TIMESTAMP, LONGLONG, INT24 = 1, 2, 3, 4, 5, 7, 8, 9
DATE, TIME, DATETIME, YEAR, VARCHAR, BIT, TIMESTAMP2, DATETIME2, TIME2 = 10, 11, 12, 13, 15, 16, 17, 18, 19
JSON, NEWDECIMAL, BLOB, STRING, GEOMETRY = 245, 246, 252, 254, 255

# Options byte of fuzz_binlogevent.
CHECKSUM_EXPECTED, VERIFY_CHECKSUMS, COLUMN_DETAILS, FILTER_TABLES = 0x01, 0x02, 0x04, 0x08


def le(value, size):
    return (value & ((1 << (8 * size)) - 1)).to_bytes(size, "little")


def packed(value):
    if value < 251:
        return le(value, 1)
    if value < 65536:
        return b"\xfc" + le(value, 2)
    return b"\xfd" + le(value, 3)


def event(kind, body, next_position=0, checksum=True, server_id=1, flags=0):
    length = 19 + len(body) + (4 if checksum else 0)
    out = le(1709214307, 4) + le(kind, 1) + le(server_id, 4) + le(length, 4) + le(next_position, 4) + le(flags, 2)
    out += body
    return out + le(zlib.crc32(out), 4) if checksum else out


def format_description(crc32=True, mysql=False):
    version = (b"8.0.36" if mysql else b"10.11.19-MariaDB-log").ljust(50, b"\0")
    lengths = bytearray(41 if mysql else 171)
    for kind, length in [(QUERY, 13), (ROTATE, 8), (FORMAT_DESCRIPTION, 84), (TABLE_MAP, 8), (MYSQL_GTID, 42)]:
        lengths[kind - 1] = length
    for kind in (WRITE_V1, UPDATE_V1, DELETE_V1):
        lengths[kind - 1] = 8
    for kind in (WRITE_V2, UPDATE_V2, DELETE_V2):
        lengths[kind - 1] = 10
    if not mysql:
        lengths[MARIA_GTID - 1], lengths[MARIA_GTID_LIST - 1] = 19, 4
    body = le(4, 2) + version + le(0, 4) + le(19, 1) + bytes(lengths) + le(1 if crc32 else 0, 1)
    out = event(FORMAT_DESCRIPTION, body)
    return out if crc32 else out[:-4] + bytes(4)


def table_map(table_id, columns, optional=b"", table=b"t"):
    types = bytes(kind for kind, _ in columns)
    meta = b"".join(m for _, m in columns)
    nullable = b"\xff" * ((len(columns) + 7) // 8)
    return (le(table_id, 6) + le(1, 2) + le(2, 1) + b"db\0" + le(len(table), 1) + table + b"\0" + packed(len(columns))
            + types + packed(len(meta)) + meta + nullable + optional)


def all_set(columns):
    return bytes((0xff if (i + 1) * 8 <= columns else (1 << (columns % 8)) - 1) for i in range((columns + 7) // 8))


def rows(table_id, columns, images, update=False, v2=False, present=None, extra=b""):
    present = present if present is not None else all_set(columns)
    body = le(table_id, 6) + le(1, 2)
    if v2:
        body += le(2 + len(extra), 2) + extra
    return body + packed(columns) + present + (present if update else b"") + images


def query(text, database=b""):
    return le(1, 4) + le(0, 4) + le(len(database), 1) + le(0, 2) + le(0, 2) + database + b"\0" + text


def maria_gtid(sequence, domain=0, standalone=False):
    return le(sequence, 8) + le(domain, 4) + le(1 if standalone else 0, 1) + bytes(6)


def stream(columns, images, kind=WRITE_V1, options=CHECKSUM_EXPECTED, v2=False, present=None, optional=b""):
    """A decoder's view of one transaction: FORMAT_DESCRIPTION, GTID, TABLE_MAP of `columns`, one rows event, XID."""
    update = kind in (UPDATE_V1, UPDATE_V2)
    return (bytes([options]) + format_description() + event(MARIA_GTID, maria_gtid(42), 100)
            + event(TABLE_MAP, table_map(42, columns, optional), 200)
            + event(kind, rows(42, len(columns), images, update, v2, present), 300) + event(XID, le(7, 8), 400))


def h(text):
    return bytes.fromhex(text)


def binlog_seeds():
    seeds = {}
    recorded = [bytes.fromhex(line) for line in RECORDING.read_text().split() if line]
    seeds["recorded-stream"] = bytes([CHECKSUM_EXPECTED | COLUMN_DETAILS]) + b"".join(recorded)
    head, transactions = recorded[:2], []
    for bytes_ in recorded[2:]:
        if bytes_[4] == MARIA_GTID:
            transactions.append([])
        transactions[-1].append(bytes_)
    for n, transaction in enumerate(transactions):
        if len(b"".join(transaction)) < 2048:  # the big ones are in recorded-stream
            seeds[f"recorded-transaction-{n}"] = bytes([CHECKSUM_EXPECTED | VERIFY_CHECKSUMS | COLUMN_DETAILS]) \
                + b"".join(head + transaction)

    ints = [(TINY, b""), (SHORT, b""), (INT24, b""), (LONG, b""), (LONGLONG, b"")]
    seeds["integers"] = stream(ints, b"\0" + h("80008000008000000080") + h("0000000000000080")
                               + b"\0" + h("7FFF7FFFFF7FFFFFFF7F") + h("FFFFFFFFFFFFFF7F"), options=CHECKSUM_EXPECTED
                               | COLUMN_DETAILS)
    seeds["signedness-metadata"] = stream([(TINY, b""), (LONGLONG, b""), (LONG, b"")],
                                          b"\0" + h("FF" "FFFFFFFFFFFFFFFF" "FFFFFFFF"),
                                          optional=le(1, 1) + packed(1) + h("A0") + le(4, 1) + packed(6) + b"\x01a\x01b\x01c")
    seeds["decimals"] = stream([(NEWDECIMAL, h("0E04")), (NEWDECIMAL, h("1406")), (NEWDECIMAL, h("0A0A")),
                                (NEWDECIMAL, h("4119"))],
                               b"\0" + h("810DFB38D204D2") + h("7FCFC6D788CA0DFE1DBF") + h("BB9AC9FF09")
                               + h("84D221D950CB1B3A0C14149AA4350DFB38D2075BCD1500BC5EA800000000"))
    seeds["floats"] = stream([(FLOAT, h("04")), (DOUBLE, h("08"))], b"\0" + le(0xBFC00000, 4) + struct.pack("<d", -2.25e-300))
    emoji = "😀✓é 😀".encode()
    seeds["strings"] = stream([(VARCHAR, le(1200, 2)), (VARCHAR, le(100, 2)), (STRING, h("FE28")), (STRING, h("EE90")),
                               (STRING, h("FE08")), (BLOB, h("01")), (BLOB, h("02")), (BLOB, h("03")), (BLOB, h("04")),
                               (GEOMETRY, h("04"))],
                              b"\0\0" + le(14, 2) + emoji + h("03C4E9FF") + le(14, 1) + emoji + le(270, 2) + "€".encode() * 90
                              + h("0800FF0000AB000000") + h("0300FF00") + le(2, 2) + b"ab" + le(3, 3) + b"zzz"
                              + le(0, 4) + le(3, 4) + b"geo", options=CHECKSUM_EXPECTED | COLUMN_DETAILS)
    seeds["enum-set-bit-year"] = stream([(STRING, h("F701")), (STRING, h("F702")), (STRING, h("F803")),
                                         (STRING, h("F808")), (BIT, h("0100")), (BIT, h("0501")), (BIT, h("0008")),
                                         (YEAR, b"")],
                                        b"\0" + h("03") + le(300, 2) + le(0x80201, 3) + le(2**64 - 1, 8) + h("01")
                                        + h("1555") + h("8000000000000001") + h("FF"))
    seeds["temporals"] = stream([(DATE, b""), (TIME2, h("00")), (TIME2, h("01")), (TIME2, h("03")), (TIME2, h("06")),
                                 (DATETIME2, h("00")), (DATETIME2, h("03")), (DATETIME2, h("06")),
                                 (TIMESTAMP2, h("00")), (TIMESTAMP2, h("02")), (TIMESTAMP2, h("06")), (TIME, b""),
                                 (DATETIME, b""), (TIMESTAMP, b"")],
                                b"\0\0" + le((2024 << 9) | (2 << 5) | 29, 3) + h("4B9105") + h("7FFFFFCE")
                                + h("7FEF7CFFD8") + h("7FFFFFFFFFFF") + h("FEF3FF7EFB") + h("99B2BADB4704B0")
                                + h("99B2BADB4701E240") + h("65E08A63") + h("65E08A630C") + h("7FFFFFFF0F423F")
                                + le(-123456 & 0xFFFFFF, 3) + le(20240229134507, 8) + le(1709214307, 4))
    doc = h("00" "0200" "1600" "12000100" "13000100" "050100" "0C1400" "61" "62" "0178")
    seeds["json-column"] = stream([(JSON, h("04"))], b"\0" + le(len(doc), 4) + doc)
    nine = [(LONG, b""), (VARCHAR, le(10, 2)), (TINY, b""), (SHORT, b""), (LONG, b""), (TINY, b""), (TINY, b""),
            (TINY, b""), (SHORT, b"")]
    seeds["null-bitmaps"] = stream(nine, h("0A01") + le(7, 4) + le(5, 1) + le(9, 4) + h("010203"))
    seeds["minimal-delete"] = stream(nine, h("02") + le(7, 4) + le(9, 4), kind=DELETE_V1, present=h("1300"))
    pair = [(LONG, b""), (VARCHAR, le(40, 2))]
    updates = (h("00") + le(1, 4) + le(1, 1) + b"a" + h("02") + le(10, 4) + h("00") + le(2, 4) + le(4, 1)
               + "😀".encode() + h("00") + le(2, 4) + le(4, 1) + "𝄞".encode())
    seeds["update-v1"] = stream(pair, updates, kind=UPDATE_V1)
    seeds["update-v2-extra"] = stream(pair, updates, kind=UPDATE_V2, v2=True)

    sid = h("3E11FA4771CA11E19E33C80AA9429562")
    seeds["mysql-gtids-rows-v2"] = (bytes([CHECKSUM_EXPECTED | FILTER_TABLES]) + format_description(True, True)
                                    + event(PREVIOUS_GTIDS, le(1, 8) + sid + le(1, 8) + le(1, 8) + le(6, 8), 150)
                                    + event(MYSQL_GTID, le(1, 1) + sid + le(6, 8) + bytes(17), 200)
                                    + event(QUERY, query(b"BEGIN"), 250)
                                    + event(TABLE_MAP, table_map(7, [(LONG, b"")]), 300)
                                    + event(TABLE_MAP, table_map(8, [(LONG, b"")], table=b"other"), 350)
                                    + event(WRITE_V2, rows(7, 1, h("00") + le(5, 4), v2=True), 400)
                                    + event(WRITE_V2, rows(8, 1, h("00") + le(5, 4), v2=True), 450)
                                    + event(XID, le(1, 8), 500)
                                    + event(MYSQL_GTID, le(1, 1) + sid + le(8, 8) + bytes(17), 600)
                                    + event(QUERY, query(b"DROP TABLE t"), 700))
    seeds["gtids-positions"] = (bytes([CHECKSUM_EXPECTED])
                                + event(ROTATE, le(1000, 8) + b"bin.000007", 0, flags=0x20) + format_description()
                                + event(MARIA_GTID, maria_gtid(42), 1100)
                                + event(QUERY, query(b"ROLLBACK TO SAVEPOINT s"), 1150) + event(XID, le(77, 8), 1200)
                                + event(MARIA_GTID, maria_gtid(6, 1, True), 1300, server_id=3)
                                + event(QUERY, query(b"CREATE TABLE x (a INT)", b"db"), 1400, server_id=3)
                                + event(MARIA_GTID, maria_gtid(43), 1500) + event(QUERY, query(b"COMMIT"), 1600)
                                + event(ANNOTATE_ROWS, b"INSERT INTO t VALUES (1)", 1650)
                                + event(TABLE_MAP, table_map(42, [(LONG, b"")]), 1700)
                                + event(HEARTBEAT, b"bin.000007", 9999, flags=0x20)
                                + event(ROTATE, le(4, 8) + b"bin.000008", 1750)
                                + event(MARIA_GTID_LIST, le(2, 4) + le(0, 4) + le(1, 4) + le(40, 8) + le(2, 4) + le(9, 4)
                                        + le(3, 8), 300))
    seeds["no-checksums"] = (bytes([0]) + format_description(False)
                             + event(TABLE_MAP, table_map(42, [(LONG, b"")]), 200, checksum=False)
                             + event(WRITE_V1, rows(42, 1, h("00") + le(6, 4)), 300, checksum=False))
    seeds["refused-events"] = (bytes([CHECKSUM_EXPECTED]) + format_description()
                               + event(WRITE_COMPRESSED_V1, h("00")) + event(INCIDENT, le(1, 2) + le(11, 1) + b"LOST_EVENTS")
                               + event(99, h("00")) + event(123, b"future", flags=0x80)
                               + event(WRITE_V1, rows(77, 1, h("00") + le(1, 4))) + event(XID, le(1, 4)))
    # Findings (tst_fuzzfindings): images of no present column took no bytes and decoding never ended.
    seeds["finding-no-column-present"] = stream([(LONG, b"")], h("00") + h("00"), present=h("00"))
    return seeds


def json_value(value, large=False):
    """MySQL's binary JSON of a Python value: (type byte, bytes)."""
    if value is None or isinstance(value, bool):
        return 0x04, le({None: 0, True: 1, False: 2}[value], 1)
    if isinstance(value, int):
        if -2**15 <= value < 2**15:
            return 0x05, le(value, 2)
        if -2**31 <= value < 2**31:
            return 0x07, le(value, 4)
        if value < 2**63:
            return 0x09, le(value, 8)
        return 0x0a, le(value, 8)
    if isinstance(value, float):
        return 0x0b, struct.pack("<d", value)
    if isinstance(value, tuple):  # (opaque field type, bytes)
        return 0x0f, bytes([value[0]]) + varlen(len(value[1])) + value[1]
    if isinstance(value, str):
        data = value.encode()
        return 0x0c, varlen(len(data)) + data
    return json_container(value, large)


def varlen(n):
    out = b""
    while True:
        byte, n = n & 0x7f, n >> 7
        out += bytes([byte | (0x80 if n else 0)])
        if not n:
            return out


def json_container(value, large):
    size = 4 if large else 2
    is_object = isinstance(value, dict)
    items = list(value.items()) if is_object else [(None, v) for v in value]
    header = 2 * size + len(items) * ((size + 2 if is_object else 0) + 1 + size)
    keys = b"".join(k.encode() for k, _ in items) if is_object else b""
    key_entries, value_entries, payload = b"", b"", b""
    key_offset = header
    for k, _ in items if is_object else []:
        key_entries += le(key_offset, size) + le(len(k.encode()), 2)
        key_offset += len(k.encode())
    data_offset = header + len(keys)
    for _, v in items:
        kind, data = json_value(v, large)
        inline = kind == 0x04 or kind in (0x05, 0x06) or (large and kind in (0x07, 0x08))
        if inline:
            value_entries += bytes([kind]) + data.ljust(size, b"\0")
        else:
            value_entries += bytes([kind]) + le(data_offset + len(payload), size)
            payload += data
    body = key_entries + value_entries + keys + payload
    total = 2 * size + len(body)
    return (0x01 if large else 0x00) if is_object else (0x03 if large else 0x02), le(len(items), size) + le(total, size) + body


def json_seeds():
    def doc(value, large=False):
        kind, data = json_value(value, large)
        return bytes([kind]) + data

    return {
        "object-from-test": h("00" "0200" "1600" "12000100" "13000100" "050100" "0C1400" "61" "62" "0178"),
        "array-from-test": h("02" "0100" "0700" "050100"),
        "empty-is-null": b"",
        "literals": doc([None, True, False]),
        "numbers": doc([1, -40000, 3000000000, -2**62, 2**64 - 1, 1.5, 1e20, -1e-5]),
        "strings": doc(["", "plain", "quote\" backslash\\ tab\t newline\n \x01 é😀", "x" * 200]),
        "nested": doc({"a": [1, {"b": None, "c": [True, "s"]}], "d": {"e": {"f": []}}, "g": {}}),
        "large-containers": doc({"k": [1, 70000, -70000, "v"], "l": {"m": 2.5}}, large=True),
        "opaque-decimal": doc([(NEWDECIMAL, h("0E04") + h("810DFB38D204D2"))]),
        "opaque-temporals": doc([(DATE, le((2024 * 13 + 2 << 5 | 29) << 17 << 24, 8)),
                                 (DATETIME, le(((2024 * 13 + 2 << 5 | 29) << 17 | 13 << 12 | 45 << 6 | 7) << 24 | 120000, 8)),
                                 (TIME, le((1 << 12 | 2 << 6 | 3) << 24 | 400000, 8)), (GEOMETRY, b"blob")]),
        "scalar-string": doc("top-level"),
        "scalar-double": doc(-0.0),
        # Finding (tst_fuzzfindings): a TIME packed as INT64_MIN was negated, a signed overflow.
        "finding-time-int64-min": doc([(TIME, le(-2**63, 8))]),
        # Found by reading (tst_fuzzfindings): entries sharing their values printed 2^levels of them.
        "finding-shared-values": b"\x02" + b"".join(le(2, 2) + le(10 * (20 - level) + 4, 2) + h("020A00020A00")
                                                    for level in range(20)) + h("00000400"),
    }


def control_seeds():
    # The options byte: state (low bits, MigrationState order: 4 copying, 6 postponed, 12 revert window),
    # 0x40 --force-named-cut-over, 0x80 --force-named-panic.
    lines = {
        "read-everything": (4, ["help", "status", "info", "sup", "coordinates", "coordinates=?", "chunk-size=?",
                                "chunk-target-millis=?", "dml-batch-size=?", "max-lag-millis=?", "nice-ratio=?",
                                "max-load=?", "critical-load=?", "throttle-query=?", "throttle-control-replicas=?"]),
        "settings": (4, ["chunk-size=250", "chunk-target-millis=2000", "dml-batch-size=50", "max-lag-millis=5000",
                         "nice-ratio=0.7", "max-load=Threads_running=50,threads_connected=1000",
                         "critical-load=Threads_running=1000",
                         "throttle-query=SELECT COUNT(*) > 5 FROM jobs WHERE x = 'a=b'",
                         "throttle-control-replicas=db2:3307, db3", "  max-lag-millis = 2500  \r", "max-load="]),
        "refused": (4, ["bogus", "", "chunk-size=abc", "chunk-size=5", "chunk-size=100001", "chunk-size",
                        "chunk-size=10.5", "dml-batch-size=99999999999999999999", "max-lag-millis=-1",
                        "nice-ratio=nan", "nice-ratio=inf", "max-load=Threads_running", "max-load=Threads_running=many",
                        "critical-load=Threads_running=10,=2", "throttle-control-replicas=db2:99999",
                        "throttle-control-replicas=db 2", "throttle-query=SELECT 1; DROP TABLE t",
                        "coordinates=mariadb-bin.000001:4", "throttle-http", "applier"]),
        "throttle": (4, ["throttle", "throttle=orders", "throttle=other", "no-throttle", "pause", "resume",
                         "suspend", "continue", "unthrottle"]),
        "postponed": (6 | 0x40, ["unpostpone", "unpostpone=orders", "cut-over=other", "no-postpone"]),
        "revert-window": (12, ["revert", "close-revert-window", "revert=orders"]),
        "panic": (7 | 0x80, ["panic", "panic=orders", "sup"]),
    }
    return {name: bytes([state]) + "\n".join(commands).encode() for name, (state, commands) in lines.items()}


def flag_seeds():
    lines = {
        "go-style": ["-host", "db1", "--port=3307", "--execute", "-alter=ADD COLUMN x INT", "--allow-on-master=false",
                     "--chunk-size", "500"],
        "full-migration": ["--host=127.0.0.1", "--port=23306", "--user=shadowswap", "--database=shop",
                           "--table=orders", "--alter=ADD COLUMN note TEXT", "--execute", "--allow-on-master",
                           "--chunk-size=2000", "--dml-batch-size=100", "--max-lag-millis=1500",
                           "--max-load=Threads_running=25", "--critical-load=Threads_running=1000",
                           "--nice-ratio=0.5", "--cut-over=two-step", "--revert-window=30m",
                           "--serve-socket-file=/tmp/x.sock", "--serve-tcp-port=127.0.0.1:9001",
                           "--throttle-control-replicas=db2:3307,db3", "--force-preflight=metadata_locks",
                           "--preflight-free-disk=500G", "--assume-master-host=db0:3306", "--force-named-cut-over"],
        "unknown": ["--no-such-flag"],
        "malformed": ["--chunk-size=lots", "--execute=maybe"],
        "missing-value": ["--host"],
        "positional": ["--execute", "false"],
        "unquoted-alter": ["--alter", "ADD", "COLUMN", "x"],
        "no-effect": ["--tungsten", "--host", "x", "--", "rest"],
        "preflight-only": ["--preflight-only", "--database=d", "--table=t", "--format=json",
                           "--preflight-timeout-seconds=5", "--preflight-long-transaction-seconds=0",
                           "--preflight-free-disk=1.5T", "--user=u"],
        # Findings (tst_fuzzfindings): int and double-to-integer overflows.
        "finding-revert-window-beyond-int": ["--database=d", "--table=t", "--alter=ADD COLUMN c INT",
                                             "--revert-window=000000244157168m"],
        "finding-free-disk-beyond-64-bits": ["--preflight-only", "--database=d", "--table=t",
                                             "--preflight-free-disk=" + "4" * 82 + "500G"],
    }
    return {name: "\0".join(args).encode() for name, args in lines.items()}


def dictionaries():
    flags = re.findall(r'flag\(u"([a-z0-9-]+)"', GHOST_FLAGS.read_text())
    commands = ["help", "status", "info", "sup", "coordinates", "chunk-size", "chunk-target-millis", "dml-batch-size",
                "max-lag-millis", "nice-ratio", "max-load", "critical-load", "throttle-query",
                "throttle-control-replicas", "throttle", "no-throttle", "pause", "suspend", "unthrottle", "resume",
                "continue", "unpostpone", "no-postpone", "cut-over", "revert", "close-revert-window", "panic",
                "throttle-http", "applier", "Threads_running", "orders", "=?", "SELECT", "/*!", "*/", "--", "'", ";"]
    return {
        "fuzz_flagparser": [f"--{name}=" for name in flags] + ["true", "false", "two-step", "30m", "1.5T", "::1",
                                                                "127.0.0.1:9001", "Threads_running=", "--"],
        "fuzz_controlcommand": commands,
    }


def main():
    targets = {"fuzz_binlogevent": binlog_seeds(), "fuzz_jsonbinary": json_seeds(),
               "fuzz_controlcommand": control_seeds(), "fuzz_flagparser": flag_seeds()}
    for target, seeds in targets.items():
        directory = CORPUS / target
        shutil.rmtree(directory, ignore_errors=True)
        directory.mkdir(parents=True)
        for name, data in seeds.items():
            (directory / name).write_bytes(data)
        print(f"{target}: {len(seeds)} seeds, {sum(map(len, seeds.values()))} bytes")
    for target, words in dictionaries().items():
        (ROOT / f"{target}.dict").write_text("".join(f'"{word}"\n' for word in words))
        print(f"{target}.dict: {len(words)} words")


if __name__ == "__main__":
    main()
