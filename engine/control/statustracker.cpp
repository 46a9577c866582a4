#include "statustracker.h"

#include <algorithm>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using engine::migration::MigrationState;

namespace engine::control {

MigrationState StatusTracker::stateOf(const MigrationStatus &status) {
    const QString state = status.state.trimmed();
    if (status.postponed())
        return MigrationState::Postponed;
    // gh-ost says "migrating" from the first chunk to the cut-over; "throttled, <why>" in between.
    if (state == u"migrating"_s || status.throttled())
        return MigrationState::Copying;
    for (int i = 0; i < migration::migrationStateCount; ++i)
        if (state == migration::stateName(MigrationState(i)))
            return MigrationState(i);
    return MigrationState::Copying;
}

QString StatusTracker::inspectedEndpoint(const MigrationStatus &status) {
    static const QRegularExpression inspecting(u"^Migrating \\S+; inspecting (\\S+?);"_s);
    for (const QString &line : status.headerLines)
        if (const auto m = inspecting.match(line); m.hasMatch())
            return m.captured(1);
    return {};
}

migration::ProgressSnapshot StatusTracker::add(const MigrationStatus &status, qint64 atMillis) {
    // An elapsed time or a counter that went back is another run on the same endpoint: its times are anchored
    // at its own elapsed time and its rates start over. Two seconds of slack: gh-ost rounds its elapsed time.
    m_startedOver = !m_readings.empty() &&
                    ((status.elapsedSeconds >= 0 && m_lastElapsedSeconds >= 0 &&
                      status.elapsedSeconds + 2 < m_lastElapsedSeconds) ||
                     status.rowsCopied < m_readings.back().rowsCopied || status.applied < m_readings.back().applied);
    if (m_startedOver)
        m_readings.clear();
    if (!m_anchored || m_startedOver) {
        m_offsetMillis = std::max<qint64>(0, status.elapsedSeconds) * 1000 - atMillis;
        m_anchored = true;
    }
    if (status.elapsedSeconds >= 0)
        m_lastElapsedSeconds = status.elapsedSeconds;
    m_readings.push_back({atMillis, status.rowsCopied, status.applied});
    while (m_readings.size() > 2 && atMillis - m_readings.front().atMillis > 5000)
        m_readings.pop_front();

    migration::ProgressSnapshot s;
    s.state = stateOf(status);
    s.elapsedMillis = atMillis + m_offsetMillis;
    s.rowsCopied = status.rowsCopied;
    s.rowsEstimate = status.rowsEstimate;
    s.copyPercent = std::clamp(status.copyPercent, 0.0, 100.0);
    s.eventsApplied = status.applied;
    s.backlog = status.backlog;
    if (const Reading &first = m_readings.front(); atMillis > first.atMillis) {
        const double seconds = double(atMillis - first.atMillis) / 1000.0;
        s.copyRowsPerSecond = s.state == MigrationState::Copying && s.copyPercent < 100.0
                                  ? double(status.rowsCopied - first.rowsCopied) / seconds
                                  : 0.0;
        s.applyEventsPerSecond = double(status.applied - first.applied) / seconds;
    }
    s.streamLagMillis = status.lagSeconds ? qint64(*status.lagSeconds * 1000.0) : -1;
    if (status.heartbeatLagSeconds) {
        s.replicaLagMillis = qint64(*status.heartbeatLagSeconds * 1000.0);
        const QString inspected = inspectedEndpoint(status);
        s.replicaLags.append({inspected.isEmpty() ? u"heartbeat"_s : inspected, s.replicaLagMillis, {}});
    }
    if (status.eta == u"due"_s)
        s.etaSeconds = 0;
    else
        s.etaSeconds = parseGoDuration(status.eta);
    // Shadowswap reports the operator's throttle itself (whoever commanded it); for gh-ost only this
    // watcher's own command is known.
    const bool byOperator =
        status.engine == u"shadowswap"_s
            ? status.headerLines.contains(u"throttled by the operator (send no-throttle to release)"_s)
            : m_throttledHere;
    s.throttled = status.throttled() || byOperator;
    if (status.throttled())
        s.throttleReason = status.state.trimmed();
    else if (s.throttled)
        s.throttleReason = u"throttled by the operator"_s;
    return s;
}

} // namespace engine::control
