#include "statusreport.h"

#include "controltarget.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>

using namespace Qt::StringLiterals;
using engine::migration::MigrationState;

namespace engine::control {

QString goDuration(qint64 seconds)
{
    if (seconds < 60)
        return u"%1s"_s.arg(seconds);
    if (seconds < 3600)
        return u"%1m%2s"_s.arg(seconds / 60).arg(seconds % 60);
    return u"%1h%2m%3s"_s.arg(seconds / 3600).arg((seconds % 3600) / 60).arg(seconds % 60);
}

namespace {
QString lagText(qint64 millis)
{
    return millis < 0 ? u"N/A"_s : u"%1s"_s.arg(double(millis) / 1000.0, 0, 'f', 2);
}

QString stateText(const migration::ProgressSnapshot &s)
{
    // gh-ost's words where it has them: scripts wait for "postponing cut-over" and match "throttled".
    if (s.state == MigrationState::Postponed)
        return u"postponing cut-over"_s;
    if (s.throttled)
        return u"throttled, "_s + s.throttleReason;
    if (s.state == MigrationState::Copying)
        return u"migrating"_s;
    return migration::stateName(s.state);
}

QString flagFileLine(const QString &name, const QString &path)
{
    return u"# %1: %2 [%3]\n"_s.arg(name, path, QFile::exists(path) ? u"set"_s : u"not set"_s);
}
} // namespace

QString ghostStatusLine(const migration::ProgressSnapshot &s)
{
    const QString eta = s.state == MigrationState::Postponed || s.etaSeconds == 0 ? u"due"_s
                        : s.etaSeconds < 0                                        ? u"N/A"_s
                                                                                  : goDuration(s.etaSeconds);
    const qint64 copyMillis = s.millisInState[static_cast<size_t>(MigrationState::Copying)];
    return u"Copy: %1/%2 %3%; Applied: %4; Backlog: %5; Time: %6(total), %7(copy); streamer: %8; Lag: %9, "
           "HeartbeatLag: %10, State: %11; ETA: %12"_s
        .arg(s.rowsCopied)
        .arg(s.rowsEstimate)
        .arg(s.copyPercent, 0, 'f', 1)
        .arg(s.eventsApplied)
        .arg(s.backlog)
        .arg(goDuration(s.elapsedMillis / 1000), goDuration(copyMillis / 1000),
             s.binlogPosition.isEmpty() ? u"N/A"_s : s.binlogPosition, lagText(s.replicaLagMillis),
             lagText(s.streamLagMillis), stateText(s), eta);
}

QString ghostStatusHint(const ControlIdentity &identity, const ControlTarget &target)
{
    const migration::ProgressSnapshot s = target.snapshot();
    const throttle::ThrottleSettings t = target.throttleSettings();
    QString text = u"# Migrating `%1`.`%2`; Ghost table is `%1`.`%3`\n"_s.arg(identity.database, identity.table,
                                                                             identity.ghostTable);
    const QDateTime started = QDateTime::currentDateTimeUtc().addMSecs(-s.elapsedMillis);
    text += u"# Migration started at %1\n"_s.arg(started.toString(Qt::ISODate));
    text += u"# Engine: shadowswap %1\n"_s.arg(QString::fromLatin1(SHADOWSWAP_VERSION));
    const qint64 pinned = target.pinnedChunkSize();
    const QString chunk = pinned > 0 ? u"%1 (pinned)"_s.arg(pinned)
                                     : u"%1 (adapting to %2 ms chunks)"_s.arg(s.chunkSize).arg(target.chunkTargetMillis());
    text += u"# chunk-size: %1; max-lag-millis: %2ms; dml-batch-size: %3; max-load: %4; critical-load: %5; "
            "nice-ratio: %6\n"_s.arg(chunk)
                .arg(target.maxLagMillis())
                .arg(target.dmlBatchSize())
                .arg(throttle::formatLoadLimits(t.maxLoad), throttle::formatLoadLimits(t.criticalLoad))
                .arg(target.niceRatio(), 0, 'f', 6);
    if (!t.throttleFlagFile.isEmpty())
        text += flagFileLine(u"throttle-flag-file"_s, t.throttleFlagFile);
    if (!t.throttleAdditionalFlagFile.isEmpty())
        text += flagFileLine(u"throttle-additional-flag-file"_s, t.throttleAdditionalFlagFile);
    if (!t.throttleQuery.isEmpty())
        text += u"# throttle-query: %1\n"_s.arg(t.throttleQuery);
    if (!t.throttleControlReplicas.isEmpty())
        text += u"# throttle-control-replicas: %1\n"_s.arg(t.throttleControlReplicas);
    if (!s.replicaLags.isEmpty()) {
        QStringList lags;
        for (const auto &replica : s.replicaLags)
            lags << u"%1 %2"_s.arg(replica.endpoint, replica.lagMillis >= 0 ? lagText(replica.lagMillis)
                                                                             : u"unreadable (%1)"_s.arg(replica.error));
        text += u"# Replica lag: %1\n"_s.arg(lags.join(u"; "_s));
    }
    if (target.isThrottledByOperator())
        text += u"# throttled by the operator (send no-throttle to release)\n"_s;
    if (!s.activity.isEmpty())
        text += u"# Now: %1\n"_s.arg(s.activity);
    if (!s.pacing.isEmpty())
        text += u"# Pacing: %1\n"_s.arg(s.pacing);
    if (!t.postponeCutOverFlagFile.isEmpty())
        text += flagFileLine(u"postpone-cut-over-flag-file"_s, t.postponeCutOverFlagFile);
    if (!t.panicFlagFile.isEmpty())
        text += flagFileLine(u"panic-flag-file"_s, t.panicFlagFile);
    if (s.state == MigrationState::RevertWindow) {
        const QString left = goDuration(std::max<qint64>(0, s.revertWindowRemainingSeconds));
        text += u"# Revert window: %1 left; the old table is %2 behind `%3`.`%4` (revert swaps it back, "
                "close-revert-window keeps the new schema)\n"_s.arg(left, lagText(s.oldTableLagMillis),
                                                                    identity.database, identity.table);
    }
    for (const QString &endpoint : identity.servingOn)
        text += u"# Serving on %1\n"_s.arg(endpoint);
    return text;
}

} // namespace engine::control
