#include "ghostflags.h"

using namespace Qt::StringLiterals;

namespace cli {

namespace {
FlagSpec flag(const char16_t *name, FlagKind kind, const char16_t *defaultValue, const char16_t *help,
              bool supported = true)
{
    return FlagSpec{QString::fromUtf16(name), kind, QString::fromUtf16(defaultValue), QString::fromUtf16(help),
                    supported};
}
constexpr auto B = FlagKind::Bool;
constexpr auto S = FlagKind::String;
constexpr auto I = FlagKind::Int;
constexpr auto F = FlagKind::Float;
} // namespace

std::vector<FlagSpec> ghostCompatibleFlags()
{
    return {
        // Connection
        flag(u"host", S, u"127.0.0.1", u"MySQL hostname (preferably a replica, not the primary)"),
        flag(u"port", I, u"3306", u"MySQL port (preferably a replica, not the primary)"),
        flag(u"user", S, u"", u"MySQL user"),
        flag(u"password", S, u"", u"MySQL password"),
        flag(u"ask-pass", B, u"", u"prompt for the MySQL password"),
        flag(u"conf", S, u"", u"my.cnf-style file with a [client] section (user, password, host, port)"),
        flag(u"master-user", S, u"", u"MySQL user on the primary, if different from --user"),
        flag(u"master-password", S, u"", u"MySQL password on the primary, if different from --password"),
        flag(u"ssl", B, u"", u"use TLS to connect"),
        flag(u"ssl-ca", S, u"", u"CA certificate file (implies --ssl)"),
        flag(u"ssl-cert", S, u"", u"client certificate file (implies --ssl)"),
        flag(u"ssl-key", S, u"", u"client key file (implies --ssl)"),
        flag(u"ssl-allow-insecure", B, u"", u"do not verify the server certificate"),
        flag(u"mysql-timeout", F, u"0", u"connect/read timeout in seconds for MySQL connections (0: defaults)"),
        // What to migrate
        flag(u"database", S, u"", u"database name (mandatory)"),
        flag(u"table", S, u"", u"table name (mandatory)"),
        flag(u"alter", S, u"", u"the ALTER statement body, without ALTER TABLE <name> (mandatory)"),
        flag(u"execute", B, u"", u"actually migrate; without it this is a dry run (noop)"),
        // Topology
        flag(u"allow-on-master", B, u"", u"allow running when --host is the primary; read its binlog"),
        flag(u"assume-master-host", S, u"", u"the primary as host:port, instead of discovering it from the replica"),
        flag(u"allow-master-master", B, u"", u"accept an active-passive master-master setup", false),
        flag(u"assume-rbr", B, u"", u"trust that binlog_format=ROW; do not restart replication to apply it"),
        flag(u"switch-to-rbr", B, u"", u"switch the replica to ROW binlog format", false),
        flag(u"replica-server-id", I, u"99999", u"server_id this tool uses when reading the binlog as a replica"),
        flag(u"tungsten", B, u"", u"Tungsten replication topology", false),
        flag(u"aliyun-rds", B, u"", u"Aliyun RDS", false),
        flag(u"gcp", B, u"", u"Google Cloud SQL", false),
        flag(u"azure", B, u"", u"Azure Database for MySQL", false),
        flag(u"gtid", B, u"", u"position the binlog stream by GTID (Shadowswap records both file:pos and GTID)"),
        // Copy and apply
        flag(u"chunk-size", I, u"1000", u"rows per copy chunk to start from (10-100000); chunks then adapt to "
                                        u"--chunk-target-millis"),
        flag(u"chunk-target-millis", I, u"500", u"[Shadowswap] target duration of one copy chunk"),
        flag(u"dml-batch-size", I, u"10", u"changed keys applied per round trip (1-1000)"),
        flag(u"exact-rowcount", B, u"", u"count the table's rows exactly (concurrently with the copy)"),
        flag(u"concurrent-rowcount", B, u"true", u"run the exact count concurrently with the copy"),
        flag(u"default-retries", I, u"60", u"how many times to retry a failing operation (and to re-dial a lost "
                                           u"connection)"),
        flag(u"nice-ratio", F, u"0", u"sleep this many times the last chunk's duration after each chunk"),
        flag(u"skip-strict-mode", B, u"", u"do not add STRICT_ALL_TABLES to the copy and apply sessions"),
        flag(u"allow-zero-in-date", B, u"", u"allow zero dates in the copy and apply sessions"),
        flag(u"panic-on-warnings", B, u"", u"Shadowswap always stops on data-losing warnings", false),
        flag(u"storage-engine", S, u"innodb", u"storage engine of the table"),
        flag(u"verify", B, u"true", u"[Shadowswap] checksum original against ghost before the swap"),
        flag(u"lag-target-ratio", F, u"0.5",
             u"[Shadowswap] pace the copy to hold replica lag near this share of --max-lag-millis (0: stop-and-go only)"),
        flag(u"defer-secondary-indexes", B, u"false",
             u"[Shadowswap] copy without the non-unique secondary indexes and build them after the copy (online)"),
        // Validation toggles
        flag(u"approve-renamed-columns", B, u"", u"approve CHANGE old new column renames"),
        flag(u"skip-renamed-columns", B, u"", u"do not copy data of renamed columns"),
        flag(u"discard-foreign-keys", B, u"", u"create the ghost without the table's child-side foreign keys"),
        flag(u"skip-foreign-key-checks", B, u"", u"do not look for foreign keys (you know there are none)"),
        flag(u"include-triggers", B, u"", u"recreate the table's triggers on the new table"),
        flag(u"trigger-suffix", S, u"", u"suffix for the recreated triggers' names"),
        flag(u"remove-trigger-suffix-if-exists", B, u"", u"strip the suffix from trigger names that have it"),
        flag(u"allow-nullable-unique-key", B, u"", u"allow a migration key with nullable columns"),
        flag(u"skip-metadata-lock-check", B, u"", u"do not require the metadata-lock instrument"),
        flag(u"allow-setup-metadata-lock-instruments", B, u"", u"enable the metadata-lock instrument if off"),
        flag(u"initially-drop-ghost-table", B, u"", u"drop a leftover _T_gho before starting"),
        flag(u"initially-drop-old-table", B, u"", u"drop a leftover _T_del before starting"),
        flag(u"initially-drop-socket-file", B, u"", u"delete a leftover socket at --serve-socket-file before starting"),
        flag(u"ok-to-drop-table", B, u"", u"drop the old table after the swap"),
        flag(u"timestamp-old-table", B, u"", u"name the old table _T_<timestamp>_del"),
        flag(u"force-table-names", S, u"", u"prefix for the ghost/changelog/old table names instead of _T"),
        // Cut-over
        flag(u"cut-over", S, u"atomic", u"cut-over type: atomic (default) or two-step"),
        flag(u"cut-over-lock-timeout-seconds", I, u"3", u"seconds a cut-over lock may wait (1-10); retried"),
        flag(u"cut-over-exponential-backoff", B, u"", u"wait 1, 2, 4, ... seconds between cut-over attempts"),
        flag(u"exponential-backoff-max-interval", I, u"64", u"the longest wait between attempts, in seconds"),
        flag(u"postpone-cut-over-flag-file", S, u"", u"while this file exists, the swap waits"),
        flag(u"force-named-cut-over", B, u"", u"the cut-over command must name the table"),
        flag(u"force-named-panic", B, u"", u"the panic command must name the table"),
        flag(u"attempt-instant-ddl", B, u"", u"try ALGORITHM=INSTANT first", false),
        flag(u"analyze-ghost-table-before-cutover", B, u"", u"ANALYZE TABLE the ghost before the swap"),
        // Throttling
        flag(u"max-lag-millis", I, u"1500", u"throttle when replication lag exceeds this (min 100)"),
        flag(u"throttle-control-replicas", S, u"", u"replicas whose lag throttles, host:port,host:port"),
        flag(u"max-load", S, u"", u"throttle on status variables, e.g. Threads_running=25,Threads_connected=300"),
        flag(u"critical-load", S, u"", u"abort (or hibernate) on status variables past these values"),
        flag(u"critical-load-interval-millis", I, u"0", u"second look before acting on --critical-load"),
        flag(u"critical-load-hibernate-seconds", I, u"0", u"instead of aborting, go quiet for this long"),
        flag(u"throttle-query", S, u"", u"a query returning a number; > 0 throttles"),
        flag(u"throttle-flag-file", S, u"", u"throttle while this file exists"),
        flag(u"throttle-additional-flag-file", S, u"/tmp/gh-ost.throttle", u"throttle while this file exists"),
        flag(u"throttle-http", S, u"", u"throttle when this URL does not answer 200", false),
        flag(u"heartbeat-interval-millis", I, u"100", u"heartbeat injection interval (100-1000)"),
        flag(u"replication-lag-query", S, u"", u"deprecated in gh-ost", false),
        flag(u"panic-flag-file", S, u"", u"abort at once when this file appears"),
        // Control and observability
        flag(u"serve-socket-file", S, u"", u"unix socket (mode 0600) for interactive commands; default with "
                                           u"--execute: /tmp/gh-ost.<database>.<table>.sock"),
        flag(u"serve-tcp-port", S, u"0", u"TCP port for interactive commands, on 127.0.0.1 unless given as "
                                         u"ADDRESS:PORT (0: none)"),
        flag(u"watch", S, u"", u"watch a running migration (Shadowswap's or gh-ost's): its control socket path or "
                               u"HOST:PORT; prints a status line every --watch-interval-millis, changes nothing"),
        flag(u"watch-token-file", S, u"", u"file whose first line is the watched TCP port's token"),
        flag(u"watch-interval-millis", I, u"1000", u"--watch: time between readings"),
        flag(u"watch-count", I, u"0", u"--watch: stop after this many readings (0: until interrupted)"),
        flag(u"serve-tcp-token-file", S, u"", u"file whose first line is the secret a TCP client must send as its "
                                              u"first line; required beyond loopback"),
        flag(u"serve-tcp-token", S, u"", u"the TCP secret itself (visible to other users: prefer the file)"),
        flag(u"serve-tcp-allow-all-commands", B, u"", u"allow throttle-query=, throttle-control-replicas= and "
                                                      u"postpone-cut-over-flag-file= over TCP"),
        flag(u"hooks-path", S, u"", u"directory with gh-ost-on-* hook executables"),
        flag(u"hooks-hint", S, u"", u"arbitrary text passed to hooks"),
        flag(u"hooks-hint-owner", S, u"", u"arbitrary text passed to hooks"),
        flag(u"hooks-hint-token", S, u"", u"arbitrary text passed to hooks"),
        flag(u"hooks-status-interval", I, u"60", u"seconds between status hooks"),
        flag(u"hooks-timeout-seconds", I, u"600", u"[Shadowswap] a hook running longer is killed and counts as failed"),
        flag(u"test-on-replica", B, u"", u"migrate on a replica, swap and swap back, stop replication"),
        flag(u"test-on-replica-skip-replica-stop", B, u"", u"with --test-on-replica: don't stop replication"),
        flag(u"migrate-on-replica", B, u"", u"migrate on a replica, including the swap"),
        flag(u"replica-gtid-domain-id", I, u"9999",
             u"[Shadowswap] MariaDB: gtid_domain_id of the replica modes' own writes (keeps gtid_strict_mode replication running)"),
        flag(u"checkpoint", B, u"", u"write checkpoints into _T_ghk so that --resume can continue "
                                     u"(Shadowswap: always on)"),
        flag(u"checkpoint-seconds", I, u"10", u"seconds between checkpoints (Shadowswap's default: 10)"),
        flag(u"resume", B, u"", u"continue an interrupted migration from its checkpoint in _T_ghk (same --alter, "
                                 u"same --host)"),
        flag(u"revert", B, u"", u"revert a completed migration"),
        flag(u"revert-window", S, u"0",
             u"[Shadowswap] after the swap keep the old table in sync this long (90s, 30m, 2h) so that 'revert' on "
             "the control socket swaps it back with every write; 0 = off"),
        flag(u"old-table", S, u"", u"with --revert: the old table"),
        flag(u"statsd-addr", S, u"", u"StatsD address", false),
        flag(u"cpu-profile", S, u"", u"Go profiling", false),
        flag(u"stack", B, u"", u"print stack traces on errors", false),
        flag(u"check-flag", B, u"", u"exit 0 when all given flags are known"),
        // Shadowswap's own
        flag(u"preflight-only", B, u"", u"[Shadowswap] run the preflight checks and exit"),
        flag(u"format", S, u"text", u"[Shadowswap] output format: text, json or html (--preflight-only), text or json "
                                    u"(--history), json or html (--report; json unless given)"),
        flag(u"force-preflight", S, u"", u"[Shadowswap] override blocking preflight findings by id, comma-separated"),
        flag(u"skip-preflight", B, u"", u"[Shadowswap] do not run preflight before --execute (not recommended)"),
        flag(u"preflight-timeout-seconds", I, u"10", u"[Shadowswap] time limit of each preflight check"),
        flag(u"preflight-long-transaction-seconds", I, u"10",
             u"[Shadowswap] preflight reports transactions (and idle lock holders) older than this"),
        flag(u"preflight-free-disk", S, u"", u"[Shadowswap] free space on the primary's data volume, in bytes "
                                             u"(suffix K, M, G, T), when preflight can't read it"),
        flag(u"reconnect-limit-seconds", I, u"600", u"[Shadowswap] how long a lost connection is re-dialled "
                                                     u"(with --default-retries) before the run stops, resumable"),
        flag(u"stall-limit-seconds", I, u"1800", u"[Shadowswap] how long verification and cut-over wait for a stalled "
                                                 u"binlog stream (replication stopped) before the run stops, resumable"),
        flag(u"cleanup-on-failure", B, u"", u"[Shadowswap] drop the ghost, changelog and checkpoint tables when the "
                                            u"run fails after the copy began (default: keep them for --resume)"),
        flag(u"server-facts", B, u"", u"[Shadowswap] print the server's version and binlog settings and exit"),
        flag(u"history-file", S, u"", u"[Shadowswap] SQLite journal of migrations (default in the data directory; off: none)"),
        flag(u"history", B, u"", u"[Shadowswap] list the migrations in the journal (--history-file) and exit"),
        flag(u"report", S, u"", u"[Shadowswap] write the report of the journal's migration with this id (see "
                                u"--history) and exit: --format=json or html (charts included; no display needed)"),
        flag(u"report-file", S, u"", u"[Shadowswap] write --report, --history or the --preflight-only report to this "
                                     u"file instead of stdout"),
        // Output
        flag(u"verbose", B, u"", u"more log output"),
        flag(u"debug", B, u"", u"debug log output"),
        flag(u"quiet", B, u"", u"errors only"),
        flag(u"version", B, u"", u"print the version and exit"),
        flag(u"help", B, u"", u"print this help and exit"),
    };
}

} // namespace cli
