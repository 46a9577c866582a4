#include "historyrecord.h"

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

} // namespace engine::history
