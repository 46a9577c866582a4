#include "migrationspec.h"

#include <mysql/statementcheck.h>

#include <QFileInfo>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace engine::migration {

QString replicaModeSessionInit(const MigrationSpec &spec)
{
    return u"SET @shadowswap_replica_mode = 1 /*M!, SESSION gtid_domain_id = %1 */"_s.arg(spec.replicaModeGtidDomainId);
}

QString MigrationSpec::validate() const
{
    if (database.isEmpty())
        return u"no database: give --database"_s;
    if (table.isEmpty())
        return u"no table: give --table"_s;
    if (alter.trimmed().isEmpty())
        return u"no ALTER: give --alter, e.g. --alter \"ADD COLUMN note TEXT\""_s;
    if (chunkSize < 10 || chunkSize > 100000)
        return u"--chunk-size must be between 10 and 100000 (got %1)"_s.arg(chunkSize);
    if (dmlBatchSize < 1 || dmlBatchSize > 10000)
        return u"--dml-batch-size must be between 1 and 10000 (got %1)"_s.arg(dmlBatchSize);
    if (cutOverLockTimeoutSeconds < 1 || cutOverLockTimeoutSeconds > 10)
        return u"--cut-over-lock-timeout-seconds must be between 1 and 10 (got %1); longer waits let "
               "application queries pile up behind the lock"_s.arg(cutOverLockTimeoutSeconds);
    if (maxLagMillis < 100)
        return u"--max-lag-millis must be at least 100 (got %1)"_s.arg(maxLagMillis);
    if (heartbeatIntervalMillis < 100 || heartbeatIntervalMillis > 1000)
        return u"--heartbeat-interval-millis must be between 100 and 1000"_s;
    if (const QString problem = mysql::multipleStatementsProblem(alter); !problem.isEmpty())
        return u"--alter is refused: "_s + problem;
    if (const QString problem = mysql::multipleStatementsProblem(throttle.throttleQuery); !problem.isEmpty())
        return u"--throttle-query is refused: "_s + problem;
    if (defaultRetries < 1)
        return u"--default-retries must be at least 1"_s;
    if (cutOver == CutOverType::TwoStep && revertWindowSeconds > 0)
        return u"--revert-window can't follow a two-step cut-over (it keeps the old table in sync from the atomic "
               "swap's rename): use the default --cut-over=atomic"_s;
    if (reconnectLimitSeconds < 1 || reconnectLimitSeconds > 86400)
        return u"--reconnect-limit-seconds must be between 1 and 86400 (got %1)"_s.arg(reconnectLimitSeconds);
    if (stallLimitSeconds < 10 || stallLimitSeconds > 7 * 86400)
        return u"--stall-limit-seconds must be between 10 and 604800 (got %1)"_s.arg(stallLimitSeconds);
    if (niceRatio < 0 || niceRatio > 100)
        return u"--nice-ratio must be between 0 and 100"_s;
    if (!(lagTargetRatio >= 0 && lagTargetRatio <= 0.95))
        return u"--lag-target-ratio must be between 0 (off) and 0.95: the lag the copy is paced to, as a share of "
               "--max-lag-millis"_s;
    if (resume && !execute)
        return u"--resume continues an interrupted migration: it needs --execute"_s;
    if (resume && initiallyDropGhostTable)
        return u"--resume continues with the ghost table and --initially-drop-ghost-table drops it: choose one"_s;
    if (checkpointSeconds < 1 || checkpointSeconds > 3600)
        return u"--checkpoint-seconds must be between 1 and 3600 (got %1)"_s.arg(checkpointSeconds);
    if (testOnReplica && migrateOnReplica)
        return u"--test-on-replica and --migrate-on-replica contradict each other: choose one"_s;
    if ((testOnReplica || migrateOnReplica) && allowOnMaster)
        return u"--allow-on-master can't be combined with --test-on-replica or --migrate-on-replica, which work "
               "on the replica given by --host"_s;
    if (approveRenamedColumns && skipRenamedColumns)
        return u"--approve-renamed-columns and --skip-renamed-columns contradict each other: choose one"_s;
    if (applyWorkers < 1 || applyWorkers > 16)
        return u"apply workers must be between 1 and 16"_s;
    if (!hooksPath.isEmpty() && !QFileInfo(hooksPath).isDir())
        return u"--hooks-path %1 is not a directory"_s.arg(hooksPath);
    if (hooksStatusIntervalSeconds < 1)
        return u"--hooks-status-interval must be at least 1 second"_s;
    if (hookTimeoutSeconds < 1)
        return u"--hooks-timeout-seconds must be at least 1"_s;
    return {};
}

TableNames TableNames::forSpec(const MigrationSpec &spec, const QString &timestamp)
{
    TableNames names;
    names.original = spec.table;
    const QString prefix = spec.forceTableNames.isEmpty() ? u"_"_s + spec.table : spec.forceTableNames;
    names.ghost = prefix + u"_gho"_s;
    names.changelog = prefix + u"_ghc"_s;
    names.checkpoint = prefix + u"_ghk"_s;
    names.old = spec.timestampOldTable && !timestamp.isEmpty() ? QString(prefix + u"_"_s + timestamp + u"_del"_s)
                                                               : QString(prefix + u"_del"_s);
    names.sentry = names.old;
    return names;
}

std::chrono::milliseconds retryLimit(const MigrationSpec &spec)
{
    return std::chrono::seconds(std::max(1, spec.reconnectLimitSeconds));
}

} // namespace engine::migration
