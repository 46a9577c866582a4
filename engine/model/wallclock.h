#pragma once

#include <QDateTime>

namespace engine::migration {

// Nanoseconds since the epoch, by this machine's clock: heartbeats carry it and lag is measured against it, so
// server clock skew never enters the figure. (Millisecond resolution, in nanoseconds for gh-ost's format.)
inline qint64 wallClockNanos()
{
    return QDateTime::currentMSecsSinceEpoch() * 1'000'000;
}

} // namespace engine::migration
