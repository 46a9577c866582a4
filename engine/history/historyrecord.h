#pragma once

#include <migration/progress.h>

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QString>

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
    bool operator==(const HistorySample &) const = default;
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
};

} // namespace engine::history
