#pragma once

#include <mysql/connectionsettings.h>
#include <throttle/throttlesettings.h>

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <chrono>

namespace engine::migration {

enum class CutOverType { Atomic, TwoStep };

// Everything a migration needs to run, as the DBA chose it. Plain value: built by the CLI or the GUI,
// copied into the worker thread. Field meanings follow gh-ost's flags of the same names.
struct MigrationSpec {
    mysql::ConnectionSettings inspector;  // --host: the server whose binlog is read (preferably a replica)
    QString assumeMasterHost;             // "host:port" of the primary; empty = discover from the replica
    QString masterUser, masterPassword;   // when different from the inspector's credentials
    bool allowOnMaster = false;
    // gh-ost's replica modes. Both read and write on the replica given by --host.
    bool testOnReplica = false;            // swap, swap back, leave both tables with replication stopped
    bool testOnReplicaSkipReplicaStop = false;
    bool migrateOnReplica = false;         // the whole migration, swap included, on the replica only
    // MariaDB: the replica modes write with this gtid_domain_id, so that the replica's own transactions never
    // take sequence numbers from the primary's domain (with gtid_strict_mode that would stop replication).
    quint32 replicaModeGtidDomainId = 9999;
    QString database;
    QString table;
    QString alter;
    bool execute = false;                 // false = dry run: build and validate the ghost, then drop it

    quint32 replicaServerId = 99999;
    qint64 chunkSize = 1000;              // rows in the first chunk; later chunks adapt to chunkTargetMillis
    qint64 chunkTargetMillis = 500;
    qint64 dmlBatchSize = 1000;           // changed keys applied per round trip
    int applyWorkers = 2;
    bool exactRowcount = false;
    int defaultRetries = 60;              // also: how many times a lost connection is re-dialled
    int reconnectLimitSeconds = 600;      // ... and for how long at most, per loss
    // How long a wait for the stream (stream check, verify, cut-over) goes on while replication is stopped or the
    // stream is behind before the run stops, resumable.
    int stallLimitSeconds = 1800;
    // Drop the ghost, changelog and checkpoint tables when the run fails after the copy began (by default they
    // are kept, so that --resume continues).
    bool cleanupOnFailure = false;
    double niceRatio = 0;
    bool skipStrictMode = false;
    bool verify = true;
    // Copy into a ghost without its ordinary secondary indexes and build them after the copy (ALGORITHM=INPLACE,
    // LOCK=NONE, the appliers running): inspect::deferrableIndexes says which. Off by default: measured at 1M and
    // 10M rows it copied 2x faster but took as long overall, and the replicas lagged by the replayed build (README).
    bool deferSecondaryIndexes = false;

    bool approveRenamedColumns = false;
    bool skipRenamedColumns = false;
    bool discardForeignKeys = false;
    bool skipForeignKeyChecks = false;
    bool includeTriggers = false;
    QString triggerSuffix;
    bool removeTriggerSuffixIfExists = false; // inspect::ghostTriggerName
    bool allowNullableUniqueKey = false;
    bool initiallyDropGhostTable = false;
    bool initiallyDropOldTable = false;
    bool okToDropTable = false;
    bool timestampOldTable = false;
    QString forceTableNames;              // replaces "_<table>" as the prefix of the helper tables

    CutOverType cutOver = CutOverType::Atomic;
    int cutOverLockTimeoutSeconds = 3;
    bool cutOverExponentialBackoff = false;
    int exponentialBackoffMaxInterval = 64;
    throttle::ThrottleSettings throttle;  // initial values; changeable while running (controller)
    qint64 maxLagMillis = 1500;
    // Pace the copy to hold the lag near this fraction of maxLagMillis (throttle::PacingController); 0: off.
    double lagTargetRatio = 0.5;
    qint64 heartbeatIntervalMillis = 100;
    bool keepHelperTablesOnAbort = false;
    // After the swap, keep the old table in sync (changes on the new table applied back) for this long, so that
    // a revert brings the old schema back with every write. 0 = no window.
    int revertWindowSeconds = 0;

    // Progress is checkpointed into _T_ghk this often (checkpoint.h); `resume` continues an interrupted
    // migration (its ghost, changelog and checkpoint tables left behind) from there instead of starting over.
    int checkpointSeconds = 10;
    bool resume = false;

    // Preflight runs before every executed migration; a blocking finding stops it unless its id is listed here.
    bool runPreflight = true;
    QStringList forcedPreflightIds;

    // gh-ost's hooks: executables named gh-ost-on-<event>* in hooksPath run at the migration's milestones with
    // GH_OST_* variables (engine/hooks). Empty path: no hooks.
    QString hooksPath;
    QString hooksHint, hooksHintOwner, hooksHintToken;
    int hooksStatusIntervalSeconds = 60;
    int hookTimeoutSeconds = 600; // a hook still running after this long is killed and counts as failed

    // Checks the values and their combinations; returns an explanation of the first problem, or empty.
    [[nodiscard]] QString validate() const;
};

// How long one lost connection may be re-dialled (mysql::RetryPolicy::limit).
std::chrono::milliseconds retryLimit(const MigrationSpec &spec);

// The session setup of the replica modes: on MariaDB, writes go to spec.replicaModeGtidDomainId (an executable
// comment, so the same statement is harmless on MySQL).
QString replicaModeSessionInit(const MigrationSpec &spec);

// The helper tables' names, gh-ost's convention: _T_gho (ghost), _T_ghc (changelog), _T_ghk (checkpoint),
// _T_del (old table).
struct TableNames {
    QString original;
    QString ghost;
    QString changelog;
    QString checkpoint; // _T_ghk: where an interrupted migration resumes
    QString old;
    QString sentry; // the cut-over sentry takes the old table's name until the swap

    static TableNames forSpec(const MigrationSpec &spec, const QString &timestamp = {});
};

} // namespace engine::migration

Q_DECLARE_METATYPE(engine::migration::MigrationSpec)
