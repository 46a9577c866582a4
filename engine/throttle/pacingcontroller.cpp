#include "pacingcontroller.h"

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace engine::throttle {

qint64 PacingController::pauseAfterChunk(qint64 chunkMillis, qint64 lagMillis, qint64 targetMillis)
{
    m_lagMillis = lagMillis;
    m_targetMillis = targetMillis;
    if (targetMillis <= 0 || lagMillis < 0) {
        m_ratio = 0;
        m_previousLagMillis = -1;
        return 0;
    }
    if (m_previousLagMillis >= 0 && m_lastChunkMillis > 0) {
        const double g = std::clamp(double(lagMillis - m_previousLagMillis + m_lastChunkMillis + m_lastPauseMillis)
                                        / double(m_lastChunkMillis),
                                    0.0, 50.0);
        m_speedRatio = m_speedRatio < 0 ? g : 0.7 * m_speedRatio + 0.3 * g;
    }
    m_previousLagMillis = lagMillis;
    const qint64 chunk = std::max<qint64>(1, chunkMillis);
    if (lagMillis < targetMillis / 4) {
        m_ratio = m_ratio < 0.1 ? 0 : m_ratio * 0.4;
        m_speedRatio = 1 + m_ratio;
    } else {
        const double steady = m_speedRatio < 0 ? 0 : m_speedRatio - 1;
        m_ratio = std::clamp(steady + double(lagMillis - targetMillis) / (3.0 * double(chunk)), 0.0, maxRatio);
    }
    const qint64 pause = std::min<qint64>(maxPauseMillis, std::llround(m_ratio * double(chunk)));
    m_lastChunkMillis = chunkMillis;
    m_lastPauseMillis = pause;
    return pause;
}

double PacingController::chunkScale() const
{
    return std::clamp(1.0 / (1.0 + m_ratio / 2.0), 0.25, 1.0);
}

QString PacingController::explanation() const
{
    if (m_ratio <= 0)
        return {};
    return u"copy paced to %1% of full speed: lag %2 ms, target %3 ms"_s.arg(
        QString::number(std::lround(dutyCycle() * 100)), QString::number(m_lagMillis), QString::number(m_targetMillis));
}

} // namespace engine::throttle
