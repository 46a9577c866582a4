#pragma once

#include "statusparse.h"

#include <deque>
#include <model/progress.h>

namespace engine::control {

// Turns successive `status` replies of a watched migration (gh-ost's or Shadowswap's) into the snapshots the
// Monitor charts show: rates come from the differences between readings (over the last ~5 s), times from the
// watcher's own steady clock anchored at the first reading's elapsed time. Plain value; any thread, one at a
// time.
class StatusTracker {
public:
    // `atMillis`: the watcher's steady clock when the reading arrived (e.g. QElapsedTimer::elapsed()).
    migration::ProgressSnapshot add(const MigrationStatus &status, qint64 atMillis);
    void reset() { *this = StatusTracker(); }
    // The last add() was the first reading of another run on the same endpoint (its elapsed time or its
    // counters went back): the watcher's charts start over.
    [[nodiscard]] bool startedOver() const { return m_startedOver; }
    // The operator's throttle as sent from this watcher: gh-ost's State does not say so (its changelog does);
    // Shadowswap's header does, so for it this is not used.
    void setThrottledHere(bool on) { m_throttledHere = on; }
    [[nodiscard]] bool throttledHere() const { return m_throttledHere; }

    static migration::MigrationState stateOf(const MigrationStatus &status);
    // The inspected server from gh-ost's "# Migrating a:1; inspecting b:2; executing on c" header (empty if
    // none).
    static QString inspectedEndpoint(const MigrationStatus &status);

private:
    struct Reading {
        qint64 atMillis;
        quint64 rowsCopied, applied;
    };
    std::deque<Reading> m_readings; // the last ~5 s
    qint64 m_offsetMillis = 0;      // migration elapsed minus watcher clock, from the first reading
    bool m_anchored = false;
    bool m_startedOver = false;
    qint64 m_lastElapsedSeconds = -1;
    bool m_throttledHere = false;
};

} // namespace engine::control
