#pragma once

#include <model/progress.h>
#include <preflight/preflightreport.h>

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QList>
#include <QString>

#include <optional>

namespace engine::history {

// How a recorded migration ended. "running" is what a crashed process leaves behind; a controller destroyed
// mid-migration records "interrupted".
enum class Outcome { Running, Succeeded, Failed, Aborted, Interrupted };
QString outcomeName(Outcome outcome); // stable ids stored in the journal: "succeeded", "failed", ...
Outcome outcomeFromName(const QString &name);

// One point of the monitor's charts, as kept in the journal.
struct HistorySample {
    qint64 elapsedMillis = 0;
    migration::MigrationState state = migration::MigrationState::Idle;
    quint64 rowsCopied = 0;
    quint64 rowsEstimate = 0;
    double copyRowsPerSecond = 0;
    quint64 eventsApplied = 0;
    double applyEventsPerSecond = 0;
    quint64 backlog = 0;
    qint64 streamLagMillis = -1;
    qint64 replicaLagMillis = -1;
    bool throttled = false;

    static HistorySample fromSnapshot(const migration::ProgressSnapshot &snapshot);
    // The snapshot the monitor's charts take (copyPercent from the rows; no per-replica readings, no reason).
    [[nodiscard]] migration::ProgressSnapshot toSnapshot() const;
    bool operator==(const HistorySample &) const = default;
};

// One period the migration was throttled, in ms since its start. Recorded from every snapshot (not the thinned
// samples), so that short episodes are kept; journals of schema 3 and older have none (derive them from samples).
struct ThrottleEpisode {
    qint64 fromMillis = 0;
    qint64 toMillis = 0;
    QString reason;
    bool operator==(const ThrottleEpisode &) const = default;
};

// One migration as the journal remembers it. Parameters never include passwords.
struct HistoryEntry {
    qint64 id = 0;
    QDateTime startedAt; // UTC
    QDateTime endedAt;   // invalid while running
    Outcome outcome = Outcome::Running;
    QString database, table, alter;
    bool dryRun = false;
    QString inspectedEndpoint;  // host:port of --host
    QJsonObject parameters;     // the MigrationSpec's fields by gh-ost flag name, passwords left out
    migration::MigrationFailure failure;  // filled when failed or aborted
    migration::MigrationSummary summary;  // final figures (rows, events, verify, cut-over)
    qint64 elapsedMillis = 0;
    QMap<QString, qint64> millisInState;  // phase timings by state id ("copying", ...)
    int sampleCount = 0;
    // Schema 4 and later (empty in older journals): the total time throttled, the throttle episodes, and the
    // preflight report the engine's gate passed (not run: dry runs, --skip-preflight, the gate refused).
    qint64 throttledMillis = 0;
    bool throttleEpisodesRecorded = false;
    QList<ThrottleEpisode> throttleEpisodes;
    std::optional<preflight::PreflightReport> preflight;

    // How long it ran: the recorded elapsed time, else the summary's (older journals).
    [[nodiscard]] qint64 durationMillis() const { return elapsedMillis > 0 ? elapsedMillis : summary.totalMillis; }
};

} // namespace engine::history
