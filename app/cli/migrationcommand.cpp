#include "migrationcommand.h"

#include "clirunner.h"

#include <control/controllertarget.h>
#include <history/historyjournal.h>
#include <logging/logging.h>
#include <migration/migrationcontroller.h>

#include <QCoreApplication>
#include <QRegularExpression>
#include <QTimer>
#include <QTextStream>

#include <atomic>
#include <csignal>
#include <limits>

using namespace Qt::StringLiterals;
using namespace engine::migration;

namespace cli {

bool buildMigrationSpec(const FlagParser &f, const engine::mysql::ConnectionSettings &inspector,
                        MigrationSpec &spec, QString *error)
{
    spec.inspector = inspector;
    spec.assumeMasterHost = f.stringValue(u"assume-master-host"_s);
    spec.masterUser = f.stringValue(u"master-user"_s);
    spec.masterPassword = f.stringValue(u"master-password"_s);
    spec.allowOnMaster = f.boolValue(u"allow-on-master"_s);
    spec.testOnReplica = f.boolValue(u"test-on-replica"_s);
    spec.testOnReplicaSkipReplicaStop = f.boolValue(u"test-on-replica-skip-replica-stop"_s);
    spec.migrateOnReplica = f.boolValue(u"migrate-on-replica"_s);
    spec.replicaModeGtidDomainId = static_cast<quint32>(f.intValue(u"replica-gtid-domain-id"_s));
    spec.database = f.stringValue(u"database"_s);
    spec.table = f.stringValue(u"table"_s);
    spec.alter = f.stringValue(u"alter"_s);
    spec.execute = f.boolValue(u"execute"_s);
    spec.replicaServerId = static_cast<quint32>(f.intValue(u"replica-server-id"_s));
    spec.chunkSize = f.intValue(u"chunk-size"_s);
    spec.chunkTargetMillis = f.intValue(u"chunk-target-millis"_s);
    // gh-ost's default of 10 events per round trip is sized for one statement per event; Shadowswap re-reads
    // changed keys in bulk, so its default is 1000 keys unless the flag is given.
    spec.dmlBatchSize = f.isSet(u"dml-batch-size"_s) ? f.intValue(u"dml-batch-size"_s) : 1000;
    spec.exactRowcount = f.boolValue(u"exact-rowcount"_s);
    spec.defaultRetries = static_cast<int>(f.intValue(u"default-retries"_s));
    spec.reconnectLimitSeconds = static_cast<int>(f.intValue(u"reconnect-limit-seconds"_s));
    spec.stallLimitSeconds = static_cast<int>(f.intValue(u"stall-limit-seconds"_s));
    spec.cleanupOnFailure = f.boolValue(u"cleanup-on-failure"_s);
    spec.niceRatio = f.floatValue(u"nice-ratio"_s);
    spec.lagTargetRatio = f.floatValue(u"lag-target-ratio"_s);
    spec.skipStrictMode = f.boolValue(u"skip-strict-mode"_s);
    spec.verify = f.boolValue(u"verify"_s);
    spec.deferSecondaryIndexes = f.boolValue(u"defer-secondary-indexes"_s);
    spec.approveRenamedColumns = f.boolValue(u"approve-renamed-columns"_s);
    spec.skipRenamedColumns = f.boolValue(u"skip-renamed-columns"_s);
    spec.discardForeignKeys = f.boolValue(u"discard-foreign-keys"_s);
    spec.skipForeignKeyChecks = f.boolValue(u"skip-foreign-key-checks"_s);
    spec.includeTriggers = f.boolValue(u"include-triggers"_s);
    spec.triggerSuffix = f.stringValue(u"trigger-suffix"_s);
    spec.removeTriggerSuffixIfExists = f.boolValue(u"remove-trigger-suffix-if-exists"_s);
    spec.allowNullableUniqueKey = f.boolValue(u"allow-nullable-unique-key"_s);
    spec.initiallyDropGhostTable = f.boolValue(u"initially-drop-ghost-table"_s);
    spec.initiallyDropOldTable = f.boolValue(u"initially-drop-old-table"_s);
    spec.okToDropTable = f.boolValue(u"ok-to-drop-table"_s);
    spec.timestampOldTable = f.boolValue(u"timestamp-old-table"_s);
    spec.forceTableNames = f.stringValue(u"force-table-names"_s);
    spec.resume = f.boolValue(u"resume"_s);
    spec.checkpointSeconds = static_cast<int>(f.intValue(u"checkpoint-seconds"_s));
    spec.runPreflight = !f.boolValue(u"skip-preflight"_s);
    for (const QString &id : f.stringValue(u"force-preflight"_s).split(u',', Qt::SkipEmptyParts))
        spec.forcedPreflightIds << id.trimmed().toLower();
    const QString cutOver = f.stringValue(u"cut-over"_s).toLower();
    if (cutOver == u"atomic"_s || cutOver == u"default"_s) {
        spec.cutOver = CutOverType::Atomic;
    } else if (cutOver == u"two-step"_s) {
        spec.cutOver = CutOverType::TwoStep;
    } else {
        *error = u"--cut-over must be atomic or two-step (got \"%1\")"_s.arg(cutOver);
        return false;
    }
    spec.cutOverLockTimeoutSeconds = static_cast<int>(f.intValue(u"cut-over-lock-timeout-seconds"_s));
    spec.cutOverExponentialBackoff = f.boolValue(u"cut-over-exponential-backoff"_s);
    spec.exponentialBackoffMaxInterval = static_cast<int>(f.intValue(u"exponential-backoff-max-interval"_s));
    spec.throttle.postponeCutOverFlagFile = f.stringValue(u"postpone-cut-over-flag-file"_s);
    {
        static const QRegularExpression duration(u"^(\\d+)([smh]?)$"_s);
        const QString text = f.stringValue(u"revert-window"_s).trimmed();
        const auto match = duration.match(text);
        if (!match.hasMatch()) {
            *error = u"--revert-window: \"%1\" is not a duration such as 90s, 30m or 2h (0 = off)"_s.arg(text);
            return false;
        }
        const int unit = match.captured(2) == u"h"_s ? 3600 : match.captured(2) == u"m"_s ? 60 : 1;
        bool ok = false; // fails for more digits than qint64 holds, and for the non-ASCII digits \d matches
        const qint64 amount = match.captured(1).toLongLong(&ok);
        if (!ok || amount > std::numeric_limits<int>::max() / unit) {
            *error = u"--revert-window: \"%1\" is not a duration of at most %2 seconds"_s.arg(text).arg(
                std::numeric_limits<int>::max());
            return false;
        }
        spec.revertWindowSeconds = static_cast<int>(amount) * unit;
    }
    for (const auto &[flag, limits] : {std::pair{u"max-load"_s, &spec.throttle.maxLoad},
                                       std::pair{u"critical-load"_s, &spec.throttle.criticalLoad}}) {
        QString problem;
        const auto parsed = engine::throttle::parseLoadLimits(f.stringValue(flag), &problem);
        if (!parsed) {
            *error = u"--%1: %2"_s.arg(flag, problem);
            return false;
        }
        *limits = *parsed;
    }
    spec.throttle.criticalLoadIntervalMillis = static_cast<int>(f.intValue(u"critical-load-interval-millis"_s));
    spec.throttle.criticalLoadHibernateSeconds = static_cast<int>(f.intValue(u"critical-load-hibernate-seconds"_s));
    spec.throttle.throttleQuery = f.stringValue(u"throttle-query"_s);
    spec.throttle.throttleFlagFile = f.stringValue(u"throttle-flag-file"_s);
    spec.throttle.throttleAdditionalFlagFile = f.stringValue(u"throttle-additional-flag-file"_s);
    spec.throttle.throttleControlReplicas = f.stringValue(u"throttle-control-replicas"_s);
    spec.throttle.panicFlagFile = f.stringValue(u"panic-flag-file"_s);
    spec.maxLagMillis = f.intValue(u"max-lag-millis"_s);
    spec.heartbeatIntervalMillis = f.intValue(u"heartbeat-interval-millis"_s);
    spec.hooksPath = f.stringValue(u"hooks-path"_s);
    spec.hooksHint = f.stringValue(u"hooks-hint"_s);
    spec.hooksHintOwner = f.stringValue(u"hooks-hint-owner"_s);
    spec.hooksHintToken = f.stringValue(u"hooks-hint-token"_s);
    spec.hooksStatusIntervalSeconds = static_cast<int>(f.intValue(u"hooks-status-interval"_s));
    spec.hookTimeoutSeconds = static_cast<int>(f.intValue(u"hooks-timeout-seconds"_s));
    if (spec.removeTriggerSuffixIfExists && (!spec.includeTriggers || spec.triggerSuffix.isEmpty())) {
        *error = u"--remove-trigger-suffix-if-exists needs --include-triggers and --trigger-suffix (it names the "
                 "suffix to remove)"_s;
        return false;
    }
    if (spec.includeTriggers && spec.triggerSuffix.isEmpty()) {
        *error = u"--include-triggers needs --trigger-suffix (the recreated triggers need names of their own)"_s;
        return false;
    }
    *error = spec.validate();
    return error->isEmpty();
}

namespace {
QString duration(qint64 seconds)
{
    if (seconds < 0)
        return u"N/A"_s;
    if (seconds < 60)
        return u"%1s"_s.arg(seconds);
    if (seconds < 3600)
        return u"%1m%2s"_s.arg(seconds / 60).arg(seconds % 60, 2, 10, QChar(u'0'));
    return u"%1h%2m%3s"_s.arg(seconds / 3600).arg((seconds % 3600) / 60, 2, 10, QChar(u'0')).arg(seconds % 60, 2, 10, QChar(u'0'));
}

std::atomic<bool> g_signalled{false};

QString seconds(qint64 millis)
{
    return u"%1 s"_s.arg(double(millis) / 1000.0, 0, 'f', 1);
}

// "Time: validate 0.1 s, ghost 0.0 s, copy 11.2 s (throttled 2.0 s, waiting for the appliers 0.3 s, copying 8.9 s),
// index build 2.1 s, verify 1.0 s, cut-over 0.2 s": where a run's wall time went, states that took no time left out.
QString timeBreakdown(const MigrationSummary &summary)
{
    const auto in = [&summary](MigrationState state) { return summary.millisInState[static_cast<size_t>(state)]; };
    QStringList parts;
    const auto add = [&parts](const QString &name, qint64 millis) {
        if (millis >= 50)
            parts << u"%1 %2"_s.arg(name, seconds(millis));
    };
    add(u"connect"_s, in(MigrationState::Connecting));
    add(u"validate"_s, in(MigrationState::Validating));
    add(u"ghost"_s, in(MigrationState::CreatingGhost));
    const qint64 copy = summary.copyMillis;
    const qint64 copying = std::max<qint64>(
        0, copy - summary.copyThrottledMillis - summary.copyPacedMillis - summary.copyCatchUpMillis);
    parts << u"copy %1 (throttled %2, paced %3, waiting for the appliers %4, copying %5)"_s.arg(
        seconds(copy), seconds(summary.copyThrottledMillis), seconds(summary.copyPacedMillis),
        seconds(summary.copyCatchUpMillis), seconds(copying));
    if (!summary.deferredIndexes.isEmpty())
        parts << u"index build %1 (%2)"_s.arg(seconds(summary.indexBuildMillis), summary.deferredIndexes.join(u", "_s));
    // The Copying state also holds the catch-up after the copy and the index build.
    add(u"catch-up"_s, in(MigrationState::Copying) - copy - summary.indexBuildMillis);
    add(u"verify"_s, in(MigrationState::Verifying));
    add(u"postponed"_s, in(MigrationState::Postponed));
    add(u"cut-over"_s, in(MigrationState::CuttingOver));
    add(u"revert window"_s, in(MigrationState::RevertWindow));
    return u"Time: "_s + parts.join(u", "_s);
}
} // namespace

QString statusLine(const ProgressSnapshot &s)
{
    QString state = stateName(s.state);
    if (s.throttled)
        state = u"throttled, "_s + s.throttleReason;
    const QString eta = s.state == MigrationState::Postponed ? u"due (postponed)"_s
                        : s.etaSeconds == 0                  ? u"due"_s
                                                             : duration(s.etaSeconds);
    return u"Copy: %1/%2 %3%; Applied: %4; Backlog: %5; Time: %6; Lag: %7; State: %8; ETA: %9"_s
        .arg(s.rowsCopied)
        .arg(s.rowsEstimate)
        .arg(s.copyPercent, 0, 'f', 1)
        .arg(s.eventsApplied)
        .arg(s.backlog)
        .arg(duration(s.elapsedMillis / 1000))
        .arg(std::max(s.streamLagMillis, s.replicaLagMillis) < 0
                 ? u"N/A"_s
                 : u"%1s"_s.arg(double(std::max(s.streamLagMillis, s.replicaLagMillis)) / 1000.0, 0, 'f', 2))
        .arg(state, eta);
}

int runMigrationCommand(const MigrationSpec &spec, const QString &historyFile, const ControlSetup &control)
{
    QTextStream out(stdout);
    MigrationController controller;
    // The control socket is up before the migration starts, so that nothing starts when it can't be served.
    engine::control::ControllerTarget controlTarget(controller);
    engine::control::ControlServer controlServer(controlTarget, control.identity);
    if (QString problem; !controlServer.start(control.server, &problem)) {
        QTextStream(stderr) << "shadowswap-cli: " << problem << '\n';
        return Usage;
    }
    if (historyFile != u"off"_s) {
        auto journal = std::make_shared<engine::history::HistoryJournal>();
        if (journal->open(historyFile.isEmpty() ? engine::history::HistoryJournal::defaultPath() : historyFile))
            controller.setHistoryJournal(journal);
        else
            SS_WARN("this migration is not recorded in the history: {}", journal->lastError().toStdString());
    }
    // SIGINT/SIGTERM abort cleanly: the original stays untouched and the helper tables are dropped.
    std::signal(SIGINT, [](int) { g_signalled = true; });
    std::signal(SIGTERM, [](int) { g_signalled = true; });
    QTimer signalWatch;
    QObject::connect(&signalWatch, &QTimer::timeout, [&] {
        if (g_signalled.exchange(false))
            controller.abort();
    });
    signalWatch.start(100);

    int exitCode = 1;
    qint64 lastPrinted = -100000;
    QObject::connect(&controller, &MigrationController::progressed, [&](const ProgressSnapshot &s) {
        const qint64 every = s.elapsedMillis < 10000 ? 1000 : 5000;
        if (s.elapsedMillis - lastPrinted >= every) {
            lastPrinted = s.elapsedMillis;
            out << statusLine(s) << Qt::endl;
        }
    });
    QObject::connect(&controller, &MigrationController::stateChanged, [&](MigrationState state) {
        SS_INFO("state: {}", stateName(state).toStdString());
    });
    QObject::connect(&controller, &MigrationController::finished, [&](const MigrationSummary &summary) {
        if (summary.dryRun) {
            out << "Dry run: the ALTER is valid on an empty ghost table, which was dropped again. Resulting table:\n"
                << summary.newCreateStatement << '\n';
            if (!summary.deferredIndexes.isEmpty())
                out << "Secondary indexes built after the copy (--defer-secondary-indexes): "
                    << summary.deferredIndexes.join(u", "_s) << '\n';
            out << "(pass --execute to migrate)" << Qt::endl;
        } else {
            out << statusLine(controller.snapshot()) << '\n';
            out << "Done: " << summary.database << '.' << summary.table << " migrated in "
                << duration(summary.totalMillis / 1000) << ". Rows copied: " << summary.rowsCopied
                << "; events applied: " << summary.eventsApplied << "; copy time: " << summary.copyMillis
                << " ms; verify: " << (summary.verifyResult.isEmpty() ? u"skipped"_s : summary.verifyResult)
                << "; cut-over lock: " << summary.cutOverLockMillis << " ms (" << summary.cutOverAttempts
                << " attempt(s))";
            if (!summary.oldTable.isEmpty())
                out << "; old table kept as " << summary.oldTable;
            out << '\n' << timeBreakdown(summary) << Qt::endl;
        }
        exitCode = 0;
        QCoreApplication::quit();
    });
    QObject::connect(&controller, &MigrationController::failed, [&](const MigrationFailure &failure) {
        QTextStream err(stderr);
        err << "shadowswap-cli: " << (failure.code == u"aborted"_s ? u"aborted"_s : u"migration failed"_s) << " ["
            << failure.code << "]: " << failure.message << '\n';
        if (!failure.statement.isEmpty())
            err << "  statement: " << failure.statement.left(300) << '\n';
        err << (failure.originalUntouched ? "  The original table is untouched.\n"
                : failure.code == u"internal"_s ? "  The failure was unexpected: check the tables before you retry.\n"
                                                : "  The tables were already swapped.\n");
        exitCode = failure.code == u"aborted"_s ? 3 : 1;
        QCoreApplication::quit();
    });
    controller.start(spec);
    QCoreApplication::exec();
    return exitCode;
}

} // namespace cli
