#include "migrationcontext.h"

#include <utility>

using namespace Qt::StringLiterals;

namespace engine::migration {

MigrationError::MigrationError(QString code, QString message, QString statement, unsigned serverError)
    : std::runtime_error(message.toStdString())
    , failure{std::move(code), std::move(message), std::move(statement), serverError, true}
{
}

MigrationAborted::MigrationAborted(QString why)
    : std::runtime_error(why.toStdString())
    , reason(std::move(why))
{
}

MigrationContext::MigrationContext()
{
    m_clock.start();
}

void MigrationContext::setState(MigrationState next)
{
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock.elapsed();
    m_millisInState[static_cast<size_t>(state.load())] += now - m_stateEnteredAt;
    m_stateEnteredAt = now;
    state = static_cast<int>(next);
    m_transitions.push_back(next);
}

std::vector<MigrationState> MigrationContext::takeTransitions()
{
    std::lock_guard lock(m_mutex);
    return std::exchange(m_transitions, {});
}

std::array<qint64, migrationStateCount> MigrationContext::millisPerState() const
{
    std::lock_guard lock(m_mutex);
    auto result = m_millisInState;
    result[static_cast<size_t>(state.load())] += m_clock.elapsed() - m_stateEnteredAt;
    return result;
}

void MigrationContext::setThrottleSettings(const throttle::ThrottleSettings &settings)
{
    std::lock_guard lock(m_mutex);
    m_throttleSettings = settings;
}

throttle::ThrottleSettings MigrationContext::throttleSettings() const
{
    std::lock_guard lock(m_mutex);
    return m_throttleSettings;
}

void MigrationContext::setSourceThrottleReason(const QString &reason)
{
    std::lock_guard lock(m_mutex);
    m_sourceThrottleReason = reason;
}

QString MigrationContext::sourceThrottleReason() const
{
    std::lock_guard lock(m_mutex);
    return m_sourceThrottleReason;
}

void MigrationContext::requestAbort(const QString &reason)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_abortReason.isEmpty())
            m_abortReason = reason;
    }
    abortRequested = true;
}

void MigrationContext::setThrottleReason(const QString &reason)
{
    std::lock_guard lock(m_mutex);
    m_throttleReason = reason;
}

QString MigrationContext::throttleReason() const
{
    std::lock_guard lock(m_mutex);
    return m_throttleReason;
}

void MigrationContext::setActivity(const QString &activity)
{
    std::lock_guard lock(m_mutex);
    m_activity = activity;
}

QString MigrationContext::activity() const
{
    std::lock_guard lock(m_mutex);
    return m_activity;
}

void MigrationContext::setPacing(const QString &pacing)
{
    std::lock_guard lock(m_mutex);
    m_pacing = pacing;
}

QString MigrationContext::pacing() const
{
    std::lock_guard lock(m_mutex);
    return m_pacing;
}

void MigrationContext::setBinlogPosition(const QString &position)
{
    std::lock_guard lock(m_mutex);
    m_binlogPosition = position;
}

QString MigrationContext::binlogPosition() const
{
    std::lock_guard lock(m_mutex);
    return m_binlogPosition;
}

void MigrationContext::checkAbort() const
{
    if (abortRequested.load()) {
        std::lock_guard lock(m_mutex);
        throw MigrationAborted(m_abortReason.isEmpty() ? u"aborted on request"_s : m_abortReason);
    }
}

void MigrationContext::setReplicaLags(QList<ReplicaLagReading> lags)
{
    std::lock_guard lock(m_mutex);
    m_replicaLags = std::move(lags);
}

QList<ReplicaLagReading> MigrationContext::replicaLags() const
{
    std::lock_guard lock(m_mutex);
    return m_replicaLags;
}

void MigrationContext::setCutOverAttempt(const CutOverAttempt &attempt)
{
    std::lock_guard lock(m_mutex);
    for (CutOverAttempt &known : m_cutOverAttempts)
        if (known.number == attempt.number) {
            known = attempt;
            return;
        }
    m_cutOverAttempts.append(attempt);
}

QList<CutOverAttempt> MigrationContext::cutOverAttempts() const
{
    std::lock_guard lock(m_mutex);
    return m_cutOverAttempts;
}

} // namespace engine::migration
