#include "specparameters.h"

using namespace Qt::StringLiterals;

namespace engine::history {

QJsonObject specParameters(const migration::MigrationSpec &spec)
{
    const auto &inspector = spec.inspector;
    const auto &throttle = spec.throttle;
    QJsonObject p{
        {u"host"_s, inspector.host},
        {u"port"_s, static_cast<int>(inspector.port)},
        {u"user"_s, inspector.user},
        {u"ssl"_s, inspector.useTls},
        {u"ssl-ca"_s, inspector.tlsCa},
        {u"ssl-cert"_s, inspector.tlsCert},
        {u"ssl-key"_s, inspector.tlsKey},
        {u"assume-master-host"_s, spec.assumeMasterHost},
        {u"master-user"_s, spec.masterUser},
        {u"allow-on-master"_s, spec.allowOnMaster},
        {u"database"_s, spec.database},
        {u"table"_s, spec.table},
        {u"alter"_s, spec.alter},
        {u"execute"_s, spec.execute},
        {u"replica-server-id"_s, static_cast<qint64>(spec.replicaServerId)},
        {u"chunk-size"_s, spec.chunkSize},
        {u"chunk-target-millis"_s, spec.chunkTargetMillis},
        {u"dml-batch-size"_s, spec.dmlBatchSize},
        {u"apply-workers"_s, spec.applyWorkers},
        {u"exact-rowcount"_s, spec.exactRowcount},
        {u"default-retries"_s, spec.defaultRetries},
        {u"nice-ratio"_s, spec.niceRatio},
        {u"skip-strict-mode"_s, spec.skipStrictMode},
        {u"verify"_s, spec.verify},
        {u"approve-renamed-columns"_s, spec.approveRenamedColumns},
        {u"skip-renamed-columns"_s, spec.skipRenamedColumns},
        {u"discard-foreign-keys"_s, spec.discardForeignKeys},
        {u"skip-foreign-key-checks"_s, spec.skipForeignKeyChecks},
        {u"include-triggers"_s, spec.includeTriggers},
        {u"trigger-suffix"_s, spec.triggerSuffix},
        {u"allow-nullable-unique-key"_s, spec.allowNullableUniqueKey},
        {u"initially-drop-ghost-table"_s, spec.initiallyDropGhostTable},
        {u"initially-drop-old-table"_s, spec.initiallyDropOldTable},
        {u"ok-to-drop-table"_s, spec.okToDropTable},
        {u"timestamp-old-table"_s, spec.timestampOldTable},
        {u"force-table-names"_s, spec.forceTableNames},
        {u"cut-over"_s, spec.cutOver == migration::CutOverType::Atomic ? u"atomic"_s : u"two-step"_s},
        {u"cut-over-lock-timeout-seconds"_s, spec.cutOverLockTimeoutSeconds},
        {u"cut-over-exponential-backoff"_s, spec.cutOverExponentialBackoff},
        {u"exponential-backoff-max-interval"_s, spec.exponentialBackoffMaxInterval},
        {u"max-lag-millis"_s, spec.maxLagMillis},
        {u"heartbeat-interval-millis"_s, spec.heartbeatIntervalMillis},
        {u"max-load"_s, throttle::formatLoadLimits(throttle.maxLoad)},
        {u"critical-load"_s, throttle::formatLoadLimits(throttle.criticalLoad)},
        {u"critical-load-interval-millis"_s, throttle.criticalLoadIntervalMillis},
        {u"critical-load-hibernate-seconds"_s, throttle.criticalLoadHibernateSeconds},
        {u"throttle-query"_s, throttle.throttleQuery},
        {u"throttle-flag-file"_s, throttle.throttleFlagFile},
        {u"throttle-additional-flag-file"_s, throttle.throttleAdditionalFlagFile},
        {u"throttle-control-replicas"_s, throttle.throttleControlReplicas},
        {u"postpone-cut-over-flag-file"_s, throttle.postponeCutOverFlagFile},
        {u"panic-flag-file"_s, throttle.panicFlagFile},
        {u"preflight"_s, spec.runPreflight},
        {u"force-preflight"_s, spec.forcedPreflightIds.join(u',')},
        {u"hooks-path"_s, spec.hooksPath},
        {u"hooks-hint"_s, spec.hooksHint},
        {u"hooks-hint-owner"_s, spec.hooksHintOwner},
        {u"hooks-status-interval"_s, spec.hooksStatusIntervalSeconds},
        {u"hooks-timeout-seconds"_s, spec.hookTimeoutSeconds},
    };
    // --hooks-hint-token is a credential for the hook's own use: recorded as given or not, never its value.
    p.insert(u"hooks-hint-token"_s, spec.hooksHintToken.isEmpty() ? QString() : u"(set)"_s);
    return p;
}

} // namespace engine::history
