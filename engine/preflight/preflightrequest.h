#pragma once

#include <mysql/connectionsettings.h>

#include <QString>

#include <optional>
#include <vector>

namespace engine::preflight {

struct PreflightOptions {
    // Each check must finish within this many seconds: every statement it sends is limited to what is left
    // (max_statement_time / MAX_EXECUTION_TIME, lock_wait_timeout) and the client stops reading a few seconds
    // later. A check that runs out reports "could not determine".
    int checkTimeoutSeconds = 10;
    // Transactions open longer than this, and sessions idle that long while holding a lock on the table,
    // are reported.
    int longTransactionSeconds = 10;
    bool exactRowCount = false; // SELECT COUNT(*) on the inspected server, within the time limit

    // The migration's own settings that change what blocks (gh-ost's flags of the same names).
    bool allowOnPrimary = false;
    // --test-on-replica / --migrate-on-replica: the replica given by --host takes the migration's writes
    // (a read_only replica is expected then; the login needs the privilege to write through it).
    bool onReplica = false;
    bool approveRenamedColumns = false;
    bool skipRenamedColumns = false;
    bool allowNullableUniqueKey = false;
    bool discardForeignKeys = false;
    bool includeTriggers = false;
    QString triggerSuffix;
    bool removeTriggerSuffixIfExists = false;
    int cutOverLockTimeoutSeconds = 3;
    bool twoStepCutOver = false; // --cut-over=two-step
    int maxLagMillis = 1500;

    // Free bytes where the primary keeps its data, as entered by the DBA when the server can't tell.
    std::optional<quint64> freeDiskBytes;
    // Copy speed for the duration estimate; 0 measures it on the scratch table (or assumes a default).
    double copyRowsPerSecond = 0;
};

// What to inspect. Plain value; copy it into the thread that runs preflight.
struct PreflightRequest {
    // --host: where the migration reads the binlog, preferably a replica.
    mysql::ConnectionSettings inspected;
    // Where the ghost table is written and the swap happens. When unset: the inspected server's replication
    // source (with primaryUser/primaryPassword when given), or the inspected server itself when it is no replica.
    std::optional<mysql::ConnectionSettings> primary;
    QString primaryUser;
    QString primaryPassword;
    // Replicas whose lag throttles the migration (--throttle-control-replicas); the inspected server counts too
    // when it is a replica.
    std::vector<mysql::ConnectionSettings> controlReplicas;

    QString database;
    QString table;
    QString alter; // the body after ALTER TABLE <name>; may be empty (then only the table is inspected)
    PreflightOptions options;
};

} // namespace engine::preflight
