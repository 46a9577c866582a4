-- scripts/bench-oltp.lua: sysbench's oltp_write_only, unchanged, plus one line per transaction for scripts/bench.
-- Used as: sysbench scripts/bench-oltp.lua --bench-out=PREFIX [oltp_write_only options] run
-- Each worker thread writes PREFIX.<thread>, one line per transaction (or failed attempt):
--   "<end time, unix seconds> <latency ms> <0 | MySQL error number> <service time ms>".
-- sysbench itself prints its final report only when --time runs out, not when it is stopped; scripts/bench stops
-- the load when the migration is over, so it takes the window's tps, p99, max latency and errors from these lines.
-- Latency is measured like sysbench --rate measures it: from the transaction's scheduled start (a Poisson arrival
-- at --bench-rate per second, shared out over the threads), so time spent waiting behind a stalled transaction
-- counts (no coordinated omission). sysbench's own --rate must then be 0.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
int usleep(unsigned int usec);
]]

local script = os.getenv("SYSBENCH_OLTP_WRITE_ONLY") or "/usr/share/sysbench/oltp_write_only.lua"
dofile(script)

sysbench.cmdline.options.bench_out = {"scripts/bench: prefix of the per-thread transaction logs", ""}
sysbench.cmdline.options.bench_rate = {"scripts/bench: total scheduled transactions per second (0: unlimited)", 0}

local ts = ffi.new("bench_timespec")
local function now()
  ffi.C.clock_gettime(0, ts) -- CLOCK_REALTIME: comparable with the shell's date +%s.%N
  return tonumber(ts.tv_sec) + tonumber(ts.tv_nsec) * 1e-9
end

local inner_thread_init = thread_init
local inner_thread_done = thread_done
local inner_event = event
local out, next_start, mean_gap

function thread_init()
  inner_thread_init()
  out = assert(io.open(sysbench.opt.bench_out .. "." .. sysbench.tid, "w"))
  out:setvbuf("line")
  local rate = tonumber(sysbench.opt.bench_rate) or 0
  mean_gap = rate > 0 and sysbench.opt.threads / rate or 0
  math.randomseed(os.time() + sysbench.tid * 7919)
  next_start = now()
end

local function error_number(e)
  if type(e) == "table" then
    return tonumber(e.sql_errno) or 1
  end
  return tonumber(tostring(e):match("errno = (%d+)")) or 1
end

function event()
  local scheduled
  if mean_gap > 0 then
    next_start = next_start - math.log(1 - math.random()) * mean_gap
    scheduled = next_start
    local wait = scheduled - now()
    if wait > 0 then ffi.C.usleep(math.floor(wait * 1e6)) end
  else
    scheduled = now()
  end
  local started = now()
  local ok, e = pcall(inner_event)
  local t = now()
  out:write(string.format("%.6f %.3f %d %.3f\n", t, (t - scheduled) * 1000, ok and 0 or error_number(e),
                          (t - started) * 1000))
  if not ok then error(e, 0) end
end

function thread_done()
  if out then out:close() end
  if inner_thread_done then inner_thread_done() end
end
