#include "migrationreport.h"

#include <algorithm>
#include <QJsonArray>

using namespace Qt::StringLiterals;
using namespace engine::history;
using engine::migration::MigrationState;

namespace engine::report {

QList<ThrottleEpisode> throttleEpisodesFromSamples(const std::vector<HistorySample> &samples) {
    QList<ThrottleEpisode> episodes;
    bool open = false;
    for (const HistorySample &sample : samples) {
        if (sample.throttled && !open)
            episodes.append({sample.elapsedMillis, sample.elapsedMillis, {}});
        if (open || sample.throttled)
            episodes.last().toMillis = sample.elapsedMillis;
        open = sample.throttled;
    }
    return episodes;
}

MigrationReport MigrationReport::build(const HistoryEntry &e, std::vector<HistorySample> samples) {
    MigrationReport r;
    r.id = e.id;
    r.startedAt = e.startedAt;
    r.endedAt = e.endedAt;
    r.outcome = e.outcome;
    r.dryRun = e.dryRun;
    r.reverted = e.summary.reverted;
    r.resumed = e.parameters.value(u"resume"_s).toBool();
    r.inspectedEndpoint = e.inspectedEndpoint;
    r.summary = RunSummary::build(e.parameters, e.preflight);
    r.failure = e.failure;
    r.elapsedMillis = e.durationMillis();
    r.maxLagMillis = e.parameters.value(u"max-lag-millis"_s).toInteger(1500);

    for (int i = 0; i < migration::migrationStateCount; ++i) {
        const QString state = migration::stateName(static_cast<MigrationState>(i));
        if (const qint64 millis = e.millisInState.value(state); millis > 0)
            r.phaseTotals << PhaseTotal{state, millis};
    }
    for (const HistorySample &sample : samples) {
        const QString state = migration::stateName(sample.state);
        if (r.timeline.isEmpty() || r.timeline.last().state != state) {
            if (!r.timeline.isEmpty())
                r.timeline.last().toMillis = sample.elapsedMillis;
            r.timeline << Phase{state, sample.elapsedMillis, sample.elapsedMillis};
        } else {
            r.timeline.last().toMillis = sample.elapsedMillis;
        }
        r.peakStreamLagMillis = std::max(r.peakStreamLagMillis, sample.streamLagMillis);
        r.peakReplicaLagMillis = std::max(r.peakReplicaLagMillis, sample.replicaLagMillis);
        r.peakBacklog = std::max(r.peakBacklog, sample.backlog);
    }

    r.throttledMillis = e.throttledMillis;
    if (e.throttleEpisodesRecorded) {
        r.throttleEpisodes = e.throttleEpisodes;
    } else {
        r.throttleEpisodes = throttleEpisodesFromSamples(samples);
        r.throttleFromSamples = true;
        for (const ThrottleEpisode &episode : std::as_const(r.throttleEpisodes))
            r.throttledMillis += episode.toMillis - episode.fromMillis;
    }

    r.verifyEnabled = e.parameters.value(u"verify"_s).toBool(true);
    r.verified = e.summary.verified;
    r.verifyResult = e.summary.verifyResult;
    r.verifyMillis = e.summary.verifyMillis;
    r.cutOverType = e.parameters.value(u"cut-over"_s).toString(u"atomic"_s);
    r.cutOverAttempts = e.summary.cutOverAttempts;
    r.cutOverLockMillis = e.summary.cutOverLockMillis;
    r.cutOverBlockers = e.summary.cutOverBlockers;
    r.cutOverFailures = e.summary.cutOverFailures;
    r.rowsCopied = e.summary.rowsCopied;
    r.eventsApplied = e.summary.eventsApplied;
    r.copyMillis = e.summary.copyMillis;
    r.totalMillis = e.summary.totalMillis;
    r.oldTable = e.summary.oldTable;
    r.newCreateStatement = e.summary.newCreateStatement;
    r.samples = std::move(samples);
    return r;
}

QString MigrationReport::outcomeText() const {
    switch (outcome) {
    case Outcome::Running:
        return u"running, or the process died (no end recorded)"_s;
    case Outcome::Succeeded:
        if (dryRun)
            return u"dry run passed"_s;
        if (reverted)
            return u"succeeded, then reverted to the old schema in the revert window"_s;
        return resumed ? u"succeeded (resumed from a checkpoint)"_s : u"succeeded"_s;
    case Outcome::Failed:
        return u"failed"_s;
    case Outcome::Aborted:
        return u"aborted"_s;
    case Outcome::Interrupted:
        return u"interrupted (the program stopped during the migration)"_s;
    }
    return {};
}

double MigrationReport::averageCopyRate() const {
    return copyMillis > 0 ? double(rowsCopied) * 1000.0 / double(copyMillis) : 0.0;
}

QJsonObject MigrationReport::toJson() const {
    QJsonArray timelineJson, totals, episodes;
    for (const Phase &phase : timeline)
        timelineJson.append(QJsonObject{{u"state"_s, phase.state},
                                        {u"from_millis"_s, phase.fromMillis},
                                        {u"to_millis"_s, phase.toMillis}});
    for (const PhaseTotal &total : phaseTotals)
        totals.append(QJsonObject{{u"state"_s, total.state}, {u"millis"_s, total.millis}});
    for (const ThrottleEpisode &episode : throttleEpisodes)
        episodes.append(QJsonObject{{u"from_millis"_s, episode.fromMillis},
                                    {u"to_millis"_s, episode.toMillis},
                                    {u"reason"_s, episode.reason}});
    // Column arrays: compact, and what a plotting tool wants.
    QJsonArray t, state, rows, estimate, copyRate, events, applyRate, backlog, streamLag, replicaLag,
        throttled;
    for (const HistorySample &s : samples) {
        t.append(s.elapsedMillis);
        state.append(migration::stateName(s.state));
        rows.append(static_cast<qint64>(s.rowsCopied));
        estimate.append(static_cast<qint64>(s.rowsEstimate));
        copyRate.append(s.copyRowsPerSecond);
        events.append(static_cast<qint64>(s.eventsApplied));
        applyRate.append(s.applyEventsPerSecond);
        backlog.append(static_cast<qint64>(s.backlog));
        streamLag.append(s.streamLagMillis);
        replicaLag.append(s.replicaLagMillis);
        throttled.append(s.throttled);
    }
    QJsonObject json{
        {u"id"_s, id},
        {u"started_at"_s, startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"ended_at"_s,
         endedAt.isValid() ? QJsonValue(endedAt.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue()},
        {u"outcome"_s, outcomeName(outcome)},
        {u"outcome_text"_s, outcomeText()},
        {u"dry_run"_s, dryRun},
        {u"reverted"_s, reverted},
        {u"resumed"_s, resumed},
        {u"inspected_endpoint"_s, inspectedEndpoint},
        {u"summary"_s, summary.toJson()},
        {u"elapsed_millis"_s, elapsedMillis},
        {u"phases"_s, totals},
        {u"timeline"_s, timelineJson},
        {u"throttling"_s, QJsonObject{{u"throttled_millis"_s, throttledMillis},
                                      {u"source"_s, throttleFromSamples ? u"samples"_s : u"recorded"_s},
                                      {u"episodes"_s, episodes}}},
        {u"verification"_s, QJsonObject{{u"enabled"_s, verifyEnabled},
                                        {u"verified"_s, verified},
                                        {u"result"_s, verifyResult},
                                        {u"millis"_s, verifyMillis}}},
        {u"cut_over"_s, QJsonObject{{u"type"_s, cutOverType},
                                    {u"attempts"_s, cutOverAttempts},
                                    {u"lock_millis"_s, cutOverLockMillis},
                                    {u"blockers"_s, QJsonArray::fromStringList(cutOverBlockers)},
                                    {u"failed_attempts"_s, QJsonArray::fromStringList(cutOverFailures)}}},
        {u"figures"_s, QJsonObject{{u"rows_copied"_s, static_cast<qint64>(rowsCopied)},
                                   {u"events_applied"_s, static_cast<qint64>(eventsApplied)},
                                   {u"copy_millis"_s, copyMillis},
                                   {u"total_millis"_s, totalMillis},
                                   {u"average_copy_rows_per_second"_s, averageCopyRate()},
                                   {u"peak_stream_lag_millis"_s, peakStreamLagMillis},
                                   {u"peak_replica_lag_millis"_s, peakReplicaLagMillis},
                                   {u"peak_backlog"_s, static_cast<qint64>(peakBacklog)},
                                   {u"old_table"_s, oldTable}}},
        {u"new_create_statement"_s, newCreateStatement},
        {u"samples"_s, QJsonObject{{u"elapsed_millis"_s, t},
                                   {u"state"_s, state},
                                   {u"rows_copied"_s, rows},
                                   {u"rows_estimate"_s, estimate},
                                   {u"copy_rows_per_second"_s, copyRate},
                                   {u"events_applied"_s, events},
                                   {u"apply_events_per_second"_s, applyRate},
                                   {u"backlog"_s, backlog},
                                   {u"stream_lag_millis"_s, streamLag},
                                   {u"replica_lag_millis"_s, replicaLag},
                                   {u"throttled"_s, throttled}}},
    };
    if (outcome == Outcome::Failed || outcome == Outcome::Aborted || outcome == Outcome::Interrupted)
        json.insert(u"failure"_s, QJsonObject{{u"code"_s, failure.code},
                                              {u"message"_s, failure.message},
                                              {u"statement"_s, failure.statement},
                                              {u"original_untouched"_s, failure.originalUntouched},
                                              {u"resumable"_s, failure.resumable}});
    return json;
}

} // namespace engine::report
