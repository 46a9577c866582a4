#pragma once

#include <QString>

namespace engine::throttle {

// Holds the replicas' lag near a target (a fraction of --max-lag-millis) by pacing the copy instead of stopping
// and starting it: after each chunk it pauses `ratio` times the chunk's own duration, and shrinks the chunk target
// while the ratio is high, so that the copy uses just the headroom the replicas have.
// The lag integrates what the replica has not applied yet, so a controller acting on the lag alone oscillates.
// This one estimates how much faster the copy writes than the replica applies (g, from how the lag moved over the
// last chunk and pause: Δlag = copy·g − copy − pause, smoothed), pauses what keeps the lag steady (g − 1), and
// adds a third of the distance to the target per step. Below a quarter of the target it lets go quickly (a lag at
// its floor says nothing about g). The hard limits (max-lag, max-load, flag files, the operator) still throttle at
// once elsewhere. Plain value; the copier's thread.
class PacingController {
public:
    // After a chunk that took `chunkMillis`, with the worst lag now `lagMillis` (-1: unknown) and the target
    // `targetMillis` (0: pacing off): how long to pause before the next chunk.
    qint64 pauseAfterChunk(qint64 chunkMillis, qint64 lagMillis, qint64 targetMillis);
    // How much of the chunk target to use (1: all of it; down to 0.25 while the pause ratio is high).
    [[nodiscard]] double chunkScale() const;
    // The share of time spent copying, 0..1 (1: not paced).
    [[nodiscard]] double dutyCycle() const { return 1.0 / (1.0 + m_ratio); }
    [[nodiscard]] double ratio() const { return m_ratio; }
    // "copy paced to 48% of full speed: lag 820 ms, target 750 ms" (empty while not pacing).
    [[nodiscard]] QString explanation() const;

    static constexpr double maxRatio = 20.0;
    static constexpr qint64 maxPauseMillis = 2000;

private:
    double m_ratio = 0;
    double m_speedRatio = -1; // g: the copy's write speed over the replica's apply speed; -1 until estimated
    qint64 m_lagMillis = -1;
    qint64 m_previousLagMillis = -1;
    qint64 m_targetMillis = 0;
    qint64 m_lastChunkMillis = 0;
    qint64 m_lastPauseMillis = 0;
};

} // namespace engine::throttle
