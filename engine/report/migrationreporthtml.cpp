// MigrationReport::toHtml: the report as one page (migrationreport.cpp builds the values).
#include "htmldocument.h"
#include "migrationreport.h"

using namespace Qt::StringLiterals;
using namespace engine::history;

namespace engine::report {

namespace {
// Episodes listed one by one in the page; the rest are summed up (the JSON has them all).
constexpr int listedEpisodes = 200;

QString offset(qint64 millis) {
    return millis < 0 ? u"-"_s : u"+"_s + formatMillis(millis);
}

QString utc(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s) : u"-"_s;
}

QString lagText(qint64 millis) {
    return millis < 0 ? u"not measured"_s : formatMillis(millis);
}
} // namespace

QString MigrationReport::toHtml(const QList<ReportImage> &charts, const QString &generatedNote) const {
    HtmlDocument doc(
        u"Migration report #%1: %2.%3"_s.arg(QString::number(id), summary.database, summary.table));
    const bool good = outcome == Outcome::Succeeded;
    doc.paragraph(u"Outcome: "_s + outcomeText(), good ? u"good"_s : u"bad"_s);
    QList<HtmlDocument::Field> identity{
        {u"Journal id"_s, QString::number(id), u"id"_s},
        {u"Outcome"_s, outcomeName(outcome), u"outcome"_s},
        {u"Started"_s, utc(startedAt), u"started"_s},
        {u"Ended"_s, utc(endedAt), u"ended"_s},
        {u"Duration"_s, formatMillis(elapsedMillis), u"duration"_s},
        {u"Inspected server (--host)"_s, inspectedEndpoint, u"server"_s},
    };
    doc.fields(identity, u"identity"_s);

    if (outcome == Outcome::Failed || outcome == Outcome::Aborted || outcome == Outcome::Interrupted) {
        doc.heading(2, u"Why it stopped"_s, u"failure"_s);
        QList<HtmlDocument::Field> why{
            {u"Code"_s, failure.code, u"failure-code"_s},
            {u"Message"_s, failure.message, u"failure-message"_s},
            {u"Original table"_s, failure.originalUntouched ? u"untouched"_s : u"already swapped"_s, {}},
            {u"Resumable"_s,
             failure.resumable ? u"yes: the helper tables were kept for --resume"_s : u"no"_s,
             {}},
        };
        if (!failure.statement.isEmpty())
            why << HtmlDocument::Field{u"Statement"_s, failure.statement, {}};
        doc.fields(why);
    }

    summary.appendHtml(doc);

    doc.heading(2, u"Charts"_s, u"charts"_s);
    if (charts.isEmpty())
        doc.paragraph(samples.empty() ? u"No samples were recorded for this migration."_s
                                      : u"Charts were not rendered (see the JSON report for the samples)."_s,
                      u"note"_s);
    for (qsizetype i = 0; i < charts.size(); ++i)
        doc.image(charts[i].source, charts[i].title, charts[i].width, charts[i].height,
                  u"chart-"_s + QString::number(i));
    if (!samples.empty())
        doc.paragraph(u"%1 samples over %2; shaded areas: throttled."_s.arg(
                          QString::number(samples.size()), formatMillis(samples.back().elapsedMillis)),
                      u"note"_s);

    doc.heading(2, u"Phases"_s, u"phases"_s);
    if (!timeline.isEmpty()) {
        QList<QStringList> rows;
        for (const Phase &phase : timeline)
            rows << QStringList{phase.state, offset(phase.fromMillis), offset(phase.toMillis)};
        doc.table({u"Phase"_s, u"From"_s, u"To"_s}, rows, u"timeline"_s);
        doc.paragraph(u"From the samples: each boundary is exact to within the spacing of the samples."_s,
                      u"note"_s);
    }
    if (!phaseTotals.isEmpty()) {
        QList<QStringList> rows;
        for (const PhaseTotal &total : phaseTotals)
            rows << QStringList{total.state, formatMillis(total.millis)};
        doc.table({u"Phase"_s, u"Time in phase"_s}, rows, u"phase-totals"_s);
    } else {
        doc.paragraph(u"No phase times were recorded."_s, u"note"_s);
    }

    doc.heading(2, u"Throttling"_s, u"throttling"_s);
    doc.fields({{u"Time throttled"_s, formatMillis(throttledMillis), u"throttled-time"_s},
                {u"Episodes"_s, QString::number(throttleEpisodes.size()), u"throttle-episodes"_s}});
    if (throttleFromSamples)
        doc.paragraph(
            u"This journal predates recorded throttle episodes: they are derived from the samples, so "
            "episodes shorter than the sample spacing are missing and no reason is known."_s,
            u"note"_s);
    if (!throttleEpisodes.isEmpty()) {
        QList<QStringList> rows;
        for (qsizetype i = 0; i < throttleEpisodes.size() && i < listedEpisodes; ++i) {
            const ThrottleEpisode &episode = throttleEpisodes[i];
            rows << QStringList{offset(episode.fromMillis), offset(episode.toMillis),
                                formatMillis(episode.toMillis - episode.fromMillis),
                                episode.reason.isEmpty() ? u"-"_s : episode.reason};
        }
        doc.table({u"From"_s, u"To"_s, u"Length"_s, u"Reason"_s}, rows, u"throttle-table"_s);
        if (throttleEpisodes.size() > listedEpisodes)
            doc.paragraph(u"%1 more episodes are in the JSON report."_s.arg(
                              QString::number(throttleEpisodes.size() - listedEpisodes)),
                          u"note"_s);
    }

    doc.heading(2, u"Verification"_s, u"verification"_s);
    doc.fields({{u"Checksum of original against ghost"_s,
                 !verifyEnabled ? u"disabled (--verify=false)"_s
                 : verified     ? u"done"_s
                                : u"not done"_s,
                 u"verify-state"_s},
                {u"Result"_s, verifyResult.isEmpty() ? u"-"_s : verifyResult, u"verify-result"_s},
                {u"Time"_s, formatMillis(verifyMillis), u"verify-time"_s}});

    doc.heading(2, u"Cut-over"_s, u"cut-over"_s);
    doc.fields(
        {{u"Type"_s, cutOverType, u"cut-over-type"_s},
         {u"Attempts"_s, QString::number(cutOverAttempts), u"cut-over-attempts"_s},
         {u"Application writes waited (lock time)"_s, formatMillis(cutOverLockMillis), u"cut-over-lock"_s}});
    if (!cutOverFailures.isEmpty()) {
        QList<QStringList> rows;
        for (qsizetype i = 0; i < cutOverFailures.size(); ++i)
            rows << QStringList{QString::number(i + 1), cutOverFailures[i]};
        doc.heading(3, u"Failed attempts"_s);
        doc.table({u"Attempt"_s, u"Why it failed (nothing was swapped)"_s}, rows, u"cut-over-failures"_s);
    }
    if (!cutOverBlockers.isEmpty()) {
        doc.heading(3, u"Sessions that blocked an attempt"_s);
        doc.list(cutOverBlockers, u"cut-over-blockers"_s);
    }
    if (outcome != Outcome::Succeeded && cutOverAttempts == 0)
        doc.paragraph(
            u"A migration that stopped records no cut-over figures; its failure message names the attempts, "
            "if it got that far."_s,
            u"note"_s);

    doc.heading(2, u"Figures"_s, u"figures"_s);
    doc.fields({{u"Rows copied"_s, QString::number(rowsCopied), u"rows-copied"_s},
                {u"Binlog changes applied"_s, QString::number(eventsApplied), u"events-applied"_s},
                {u"Copy time"_s, formatMillis(copyMillis), u"copy-time"_s},
                {u"Average copy rate"_s, QString::number(qRound64(averageCopyRate())) + u" rows/s"_s,
                 u"copy-rate"_s},
                {u"Total time"_s, formatMillis(totalMillis), u"total-time"_s},
                {u"Peak binlog stream lag"_s, lagText(peakStreamLagMillis), u"peak-stream-lag"_s},
                {u"Peak replica lag"_s, lagText(peakReplicaLagMillis), u"peak-replica-lag"_s},
                {u"Peak backlog (changed keys)"_s, QString::number(peakBacklog), u"peak-backlog"_s},
                {u"Old table"_s, oldTable.isEmpty() ? u"dropped or none"_s : oldTable, u"old-table"_s}});
    if (!newCreateStatement.isEmpty()) {
        doc.heading(3, u"The table's definition afterwards"_s);
        doc.preformatted(newCreateStatement, u"new-create-statement"_s);
    }
    if (!generatedNote.isEmpty())
        doc.paragraph(generatedNote, u"note"_s);
    return doc.toString();
}

} // namespace engine::report
