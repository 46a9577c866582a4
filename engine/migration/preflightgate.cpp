#include "preflightgate.h"

#include <model/migrationcontext.h>

#include <logging/logging.h>
#include <preflight/preflightrunner.h>

using namespace Qt::StringLiterals;

namespace engine::migration {

preflight::PreflightRequest preflightRequestFor(const MigrationSpec &spec)
{
    preflight::PreflightRequest request;
    request.inspected = spec.inspector;
    if (!spec.assumeMasterHost.isEmpty()) {
        const QString host = spec.assumeMasterHost.section(u':', 0, 0);
        const unsigned port = spec.assumeMasterHost.section(u':', 1, 1).toUInt();
        request.primary = spec.inspector.withEndpoint(host, port ? port : 3306);
    } else if (spec.testOnReplica || spec.migrateOnReplica) {
        request.primary = spec.inspector;
        // The scratch table preflight creates must not take a GTID from the primary's domain either; on MySQL
        // the statement fails harmlessly (unknown variable) and preflight reports it.
        request.primary->sessionInit = replicaModeSessionInit(spec);
    } else if (spec.allowOnMaster) {
        request.primary = spec.inspector;
    }
    request.primaryUser = spec.masterUser;
    request.primaryPassword = spec.masterPassword;
    request.database = spec.database;
    request.table = spec.table;
    request.alter = spec.alter;
    preflight::PreflightOptions &o = request.options;
    o.exactRowCount = false; // the migration counts for itself; preflight must stay quick
    o.allowOnPrimary = spec.allowOnMaster;
    o.onReplica = spec.testOnReplica || spec.migrateOnReplica;
    o.approveRenamedColumns = spec.approveRenamedColumns;
    o.skipRenamedColumns = spec.skipRenamedColumns;
    o.allowNullableUniqueKey = spec.allowNullableUniqueKey;
    o.discardForeignKeys = spec.discardForeignKeys;
    o.includeTriggers = spec.includeTriggers;
    o.triggerSuffix = spec.triggerSuffix;
    o.removeTriggerSuffixIfExists = spec.removeTriggerSuffixIfExists;
    o.cutOverLockTimeoutSeconds = spec.cutOverLockTimeoutSeconds;
    o.twoStepCutOver = spec.cutOver == CutOverType::TwoStep;
    o.maxLagMillis = static_cast<int>(spec.maxLagMillis);
    return request;
}

preflight::PreflightReport passPreflightGate(const MigrationSpec &spec, std::atomic<bool> *cancel)
{
    const preflight::PreflightReport report = preflight::runPreflight(preflightRequestFor(spec), cancel);
    if (!report.ran()) {
        if (cancel && cancel->load())
            throw MigrationAborted(u"aborted during preflight"_s);
        throw MigrationError(u"preflight-failed"_s,
                             u"preflight could not inspect the table, so nothing was started: %1"_s.arg(report.failure));
    }
    for (const preflight::Finding &finding : report.findings)
        if (finding.severity != preflight::Severity::Ok)
            SS_INFO("preflight {}: {}", finding.id.toStdString(), finding.title.toStdString());
    const QStringList blocking = preflight::blockingFindingIds(report, spec.forcedPreflightIds);
    if (blocking.isEmpty())
        return report;
    QStringList reasons;
    for (const preflight::Finding &finding : report.findings)
        if (blocking.contains(finding.id))
            reasons << u"%1: %2%3"_s.arg(finding.id, finding.title,
                                         finding.fix.isEmpty() ? QString() : u" (fix: %1)"_s.arg(finding.fix));
    throw MigrationError(u"preflight-blocked"_s,
                         u"preflight found what would make this migration unsafe, so nothing was started.\n  %1\n"
                         "Fix these, or override a finding you have judged safe with --force-preflight=%2"_s
                             .arg(reasons.join(u"\n  "_s), blocking.join(u',')));
}

} // namespace engine::migration
