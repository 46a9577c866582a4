#include "specparameters.h"

#include <type_traits>

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
        {u"ssl-allow-insecure"_s, !inspector.tlsVerifyServer},
        {u"assume-master-host"_s, spec.assumeMasterHost},
        {u"master-user"_s, spec.masterUser},
        {u"allow-on-master"_s, spec.allowOnMaster},
        {u"test-on-replica"_s, spec.testOnReplica},
        {u"test-on-replica-skip-replica-stop"_s, spec.testOnReplicaSkipReplicaStop},
        {u"migrate-on-replica"_s, spec.migrateOnReplica},
        {u"replica-gtid-domain-id"_s, static_cast<qint64>(spec.replicaModeGtidDomainId)},
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
        {u"reconnect-limit-seconds"_s, spec.reconnectLimitSeconds},
        {u"stall-limit-seconds"_s, spec.stallLimitSeconds},
        {u"cleanup-on-failure"_s, spec.cleanupOnFailure},
        {u"nice-ratio"_s, spec.niceRatio},
        {u"lag-target-ratio"_s, spec.lagTargetRatio},
        {u"skip-strict-mode"_s, spec.skipStrictMode},
        {u"verify"_s, spec.verify},
        {u"defer-secondary-indexes"_s, spec.deferSecondaryIndexes},
        {u"approve-renamed-columns"_s, spec.approveRenamedColumns},
        {u"skip-renamed-columns"_s, spec.skipRenamedColumns},
        {u"discard-foreign-keys"_s, spec.discardForeignKeys},
        {u"skip-foreign-key-checks"_s, spec.skipForeignKeyChecks},
        {u"include-triggers"_s, spec.includeTriggers},
        {u"trigger-suffix"_s, spec.triggerSuffix},
        {u"remove-trigger-suffix-if-exists"_s, spec.removeTriggerSuffixIfExists},
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
        {u"keep-helper-tables-on-abort"_s, spec.keepHelperTablesOnAbort},
        {u"revert-window"_s, spec.revertWindowSeconds}, // seconds (the flag also takes 90s, 30m, 2h)
        {u"checkpoint-seconds"_s, spec.checkpointSeconds},
        {u"resume"_s, spec.resume},
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

migration::MigrationSpec specFromParameters(const QJsonObject &p)
{
    // Every field starts at MigrationSpec's default, so a journal written before a field existed still reads.
    migration::MigrationSpec spec;
    auto &inspector = spec.inspector;
    auto &throttle = spec.throttle;
    const auto text = [&p](const char16_t *key, QString &field) {
        field = p.value(QStringView(key)).toString(field);
    };
    const auto flag = [&p](const char16_t *key, bool &field) {
        field = p.value(QStringView(key)).toBool(field);
    };
    const auto number = [&p](const char16_t *key, auto &field) {
        using T = std::remove_reference_t<decltype(field)>;
        const QJsonValue value = p.value(QStringView(key));
        if (value.isDouble())
            field = std::is_floating_point_v<T> ? static_cast<T>(value.toDouble())
                                                : static_cast<T>(value.toInteger());
    };
    const auto loadLimits = [&p](const char16_t *key, std::vector<throttle::LoadLimit> &field) {
        // Written by formatLoadLimits, so it parses; a value edited by hand that doesn't keeps the default.
        QString ignored;
        if (const auto limits = throttle::parseLoadLimits(p.value(QStringView(key)).toString(), &ignored))
            field = *limits;
    };

    text(u"host", inspector.host);
    number(u"port", inspector.port);
    text(u"user", inspector.user);
    flag(u"ssl", inspector.useTls);
    text(u"ssl-ca", inspector.tlsCa);
    text(u"ssl-cert", inspector.tlsCert);
    text(u"ssl-key", inspector.tlsKey);
    if (p.contains(u"ssl-allow-insecure"))
        inspector.tlsVerifyServer = !p.value(u"ssl-allow-insecure").toBool();
    text(u"assume-master-host", spec.assumeMasterHost);
    text(u"master-user", spec.masterUser);
    flag(u"allow-on-master", spec.allowOnMaster);
    flag(u"test-on-replica", spec.testOnReplica);
    flag(u"test-on-replica-skip-replica-stop", spec.testOnReplicaSkipReplicaStop);
    flag(u"migrate-on-replica", spec.migrateOnReplica);
    number(u"replica-gtid-domain-id", spec.replicaModeGtidDomainId);
    text(u"database", spec.database);
    text(u"table", spec.table);
    text(u"alter", spec.alter);
    flag(u"execute", spec.execute);
    number(u"replica-server-id", spec.replicaServerId);
    number(u"chunk-size", spec.chunkSize);
    number(u"chunk-target-millis", spec.chunkTargetMillis);
    number(u"dml-batch-size", spec.dmlBatchSize);
    number(u"apply-workers", spec.applyWorkers);
    flag(u"exact-rowcount", spec.exactRowcount);
    number(u"default-retries", spec.defaultRetries);
    number(u"reconnect-limit-seconds", spec.reconnectLimitSeconds);
    number(u"stall-limit-seconds", spec.stallLimitSeconds);
    flag(u"cleanup-on-failure", spec.cleanupOnFailure);
    number(u"nice-ratio", spec.niceRatio);
    number(u"lag-target-ratio", spec.lagTargetRatio);
    flag(u"skip-strict-mode", spec.skipStrictMode);
    flag(u"verify", spec.verify);
    flag(u"defer-secondary-indexes", spec.deferSecondaryIndexes);
    flag(u"approve-renamed-columns", spec.approveRenamedColumns);
    flag(u"skip-renamed-columns", spec.skipRenamedColumns);
    flag(u"discard-foreign-keys", spec.discardForeignKeys);
    flag(u"skip-foreign-key-checks", spec.skipForeignKeyChecks);
    flag(u"include-triggers", spec.includeTriggers);
    text(u"trigger-suffix", spec.triggerSuffix);
    flag(u"remove-trigger-suffix-if-exists", spec.removeTriggerSuffixIfExists);
    flag(u"allow-nullable-unique-key", spec.allowNullableUniqueKey);
    flag(u"initially-drop-ghost-table", spec.initiallyDropGhostTable);
    flag(u"initially-drop-old-table", spec.initiallyDropOldTable);
    flag(u"ok-to-drop-table", spec.okToDropTable);
    flag(u"timestamp-old-table", spec.timestampOldTable);
    text(u"force-table-names", spec.forceTableNames);
    if (p.contains(u"cut-over"))
        spec.cutOver = p.value(u"cut-over").toString() == u"two-step"_s ? migration::CutOverType::TwoStep
                                                                        : migration::CutOverType::Atomic;
    number(u"cut-over-lock-timeout-seconds", spec.cutOverLockTimeoutSeconds);
    flag(u"cut-over-exponential-backoff", spec.cutOverExponentialBackoff);
    number(u"exponential-backoff-max-interval", spec.exponentialBackoffMaxInterval);
    number(u"max-lag-millis", spec.maxLagMillis);
    number(u"heartbeat-interval-millis", spec.heartbeatIntervalMillis);
    flag(u"keep-helper-tables-on-abort", spec.keepHelperTablesOnAbort);
    number(u"revert-window", spec.revertWindowSeconds);
    number(u"checkpoint-seconds", spec.checkpointSeconds);
    flag(u"resume", spec.resume);
    loadLimits(u"max-load", throttle.maxLoad);
    loadLimits(u"critical-load", throttle.criticalLoad);
    number(u"critical-load-interval-millis", throttle.criticalLoadIntervalMillis);
    number(u"critical-load-hibernate-seconds", throttle.criticalLoadHibernateSeconds);
    text(u"throttle-query", throttle.throttleQuery);
    text(u"throttle-flag-file", throttle.throttleFlagFile);
    text(u"throttle-additional-flag-file", throttle.throttleAdditionalFlagFile);
    text(u"throttle-control-replicas", throttle.throttleControlReplicas);
    text(u"postpone-cut-over-flag-file", throttle.postponeCutOverFlagFile);
    text(u"panic-flag-file", throttle.panicFlagFile);
    flag(u"preflight", spec.runPreflight);
    for (const QString &id : p.value(u"force-preflight").toString().split(u',', Qt::SkipEmptyParts))
        spec.forcedPreflightIds << id.trimmed();
    text(u"hooks-path", spec.hooksPath);
    text(u"hooks-hint", spec.hooksHint);
    text(u"hooks-hint-owner", spec.hooksHintOwner);
    number(u"hooks-status-interval", spec.hooksStatusIntervalSeconds);
    number(u"hooks-timeout-seconds", spec.hookTimeoutSeconds);
    // Never stored: the inspector's and the primary's passwords, and --hooks-hint-token ("(set)" at most).
    return spec;
}

} // namespace engine::history
