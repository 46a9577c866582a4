#include "historyrecord.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace engine::history {

QString outcomeName(Outcome outcome)
{
    switch (outcome) {
    case Outcome::Running: return u"running"_s;
    case Outcome::Succeeded: return u"succeeded"_s;
    case Outcome::Failed: return u"failed"_s;
    case Outcome::Aborted: return u"aborted"_s;
    case Outcome::Interrupted: return u"interrupted"_s;
    }
    return u"running"_s;
}

Outcome outcomeFromName(const QString &name)
{
    for (const Outcome outcome :
         {Outcome::Running, Outcome::Succeeded, Outcome::Failed, Outcome::Aborted, Outcome::Interrupted})
        if (outcomeName(outcome) == name)
            return outcome;
    return Outcome::Interrupted;
}

HistorySample HistorySample::fromSnapshot(const migration::ProgressSnapshot &s)
{
    HistorySample sample;
    sample.elapsedMillis = s.elapsedMillis;
    sample.state = s.state;
    sample.rowsCopied = s.rowsCopied;
    sample.rowsEstimate = s.rowsEstimate;
    sample.copyRowsPerSecond = s.copyRowsPerSecond;
    sample.eventsApplied = s.eventsApplied;
    sample.applyEventsPerSecond = s.applyEventsPerSecond;
    sample.backlog = s.backlog;
    sample.streamLagMillis = s.streamLagMillis;
    sample.replicaLagMillis = s.replicaLagMillis;
    sample.throttled = s.throttled;
    return sample;
}

migration::ProgressSnapshot HistorySample::toSnapshot() const
{
    migration::ProgressSnapshot s;
    s.elapsedMillis = elapsedMillis;
    s.state = state;
    s.rowsCopied = rowsCopied;
    s.rowsEstimate = rowsEstimate;
    s.copyPercent = rowsEstimate > 0 ? std::min(100.0, 100.0 * double(rowsCopied) / double(rowsEstimate)) : 0.0;
    s.copyRowsPerSecond = copyRowsPerSecond;
    s.eventsApplied = eventsApplied;
    s.applyEventsPerSecond = applyEventsPerSecond;
    s.backlog = backlog;
    s.streamLagMillis = streamLagMillis;
    s.replicaLagMillis = replicaLagMillis;
    s.throttled = throttled;
    return s;
}

} // namespace engine::history
