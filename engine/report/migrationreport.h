#pragma once

#include "runsummary.h"

#include <history/historyrecord.h>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <vector>

namespace engine::report {

// A chart of the report as an image the caller rendered (the engine draws none: it has no Qt Gui).
struct ReportImage {
    QString title;
    QString source; // a data: URL for a self-contained file, or a name the renderer resolves (the PDF)
    int width = 0;  // CSS pixels
    int height = 0;
};

// Everything a change board files about one recorded migration, as plain values built from the journal: what
// ran (the summary, the same as the console's review), when, against what, how it went (phases, throttling,
// the verification, the cut-over, the figures) and the samples behind the charts.
struct MigrationReport {
    struct Phase {
        QString state;          // the engine's state id: "copying", "cutting-over", ...
        qint64 fromMillis = -1; // since the start, from the samples (-1: no sample in this phase)
        qint64 toMillis = -1;
    };
    struct PhaseTotal {
        QString state;
        qint64 millis = 0; // exact, from the engine's own clock
    };

    qint64 id = 0;
    QDateTime startedAt, endedAt; // UTC; endedAt invalid while running or after a crash
    history::Outcome outcome = history::Outcome::Running;
    bool dryRun = false;
    bool reverted = false;
    bool resumed = false;
    QString inspectedEndpoint;
    RunSummary summary;
    migration::MigrationFailure failure;

    qint64 elapsedMillis = 0;
    QList<Phase> timeline;
    QList<PhaseTotal> phaseTotals;

    // Throttling: recorded episodes (schema 4), or derived from the samples' throttled flag (older journals:
    // episodes shorter than the sample spacing are missed, and no reason is known).
    QList<history::ThrottleEpisode> throttleEpisodes;
    bool throttleFromSamples = false;
    qint64 throttledMillis = 0;

    // Verification (the checksum of original against ghost before the swap).
    bool verifyEnabled = true;
    bool verified = false;
    QString verifyResult;
    qint64 verifyMillis = 0;

    // Cut-over: attempts (failed ones first), the lock time of the one that swapped, and who blocked the
    // others.
    QString cutOverType;
    int cutOverAttempts = 0;
    qint64 cutOverLockMillis = 0;
    QStringList cutOverBlockers;
    QStringList cutOverFailures;

    quint64 rowsCopied = 0;
    quint64 eventsApplied = 0;
    qint64 copyMillis = 0;
    qint64 totalMillis = 0;
    qint64 peakStreamLagMillis = -1;
    qint64 peakReplicaLagMillis = -1;
    quint64 peakBacklog = 0;
    QString oldTable;
    QString newCreateStatement;
    qint64 maxLagMillis = 1500; // the throttle threshold, for the lag chart's line

    std::vector<history::HistorySample> samples;

    static MigrationReport build(const history::HistoryEntry &entry,
                                 std::vector<history::HistorySample> samples);

    // "succeeded", "failed", ... plus what it means ("done, reverted in the revert window").
    [[nodiscard]] QString outcomeText() const;
    // Copy rate over the copy phase, rows per second (0 when unknown).
    [[nodiscard]] double averageCopyRate() const;

    // Every field above, samples included (arrays of values, for plotting elsewhere).
    [[nodiscard]] QJsonObject toJson() const;
    // The whole report as one page (English). `charts` go after the summary, in order.
    [[nodiscard]] QString toHtml(const QList<ReportImage> &charts, const QString &generatedNote = {}) const;
};

// Throttle episodes from a sample series: runs of throttled samples, each ending at the next unthrottled
// sample.
QList<history::ThrottleEpisode>
throttleEpisodesFromSamples(const std::vector<history::HistorySample> &samples);

} // namespace engine::report
