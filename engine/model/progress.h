#pragma once

#include <QMetaType>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>

namespace engine::migration {

enum class MigrationState {
    Idle,
    Connecting,
    Validating,
    CreatingGhost,
    Copying,
    Verifying,
    Postponed,     // copy done, changes still applied, the swap waits for the DBA
    CuttingOver,
    Done,
    DryRunDone,
    Failed,
    Aborted,
    RevertWindow,  // swapped; the old table is kept in sync so that a revert loses nothing (--revert-window)
};
constexpr int migrationStateCount = static_cast<int>(MigrationState::RevertWindow) + 1;

QString stateName(MigrationState state); // stable lower-case ids: "copying", "cutting-over", ...
bool isTerminal(MigrationState state);

// One look at a running migration, taken in the controller's thread from the engine's counters.
// One replica's heartbeat lag: how old the newest heartbeat it has applied is. Plain value.
struct ReplicaLagReading {
    QString endpoint;     // host:port
    qint64 lagMillis = -1; // -1 when it could not be read
    QString error;        // why not, when lagMillis is -1
    bool operator==(const ReplicaLagReading &) const = default;
};

// One cut-over attempt, for the monitor: listed from the moment it starts. Plain value.
struct CutOverAttempt {
    enum class Outcome { Running, Swapped, Failed };
    int number = 0; // 1, 2, … within this migration
    Outcome outcome = Outcome::Running;
    QString why;            // why it failed, as the engine logged it; empty otherwise
    qint64 lockMillis = -1; // how long it held the table (application writes waited); -1: it never locked it
    qint64 attemptMillis = 0; // how long the attempt took (a lock that could not be had waited this long)
    QStringList blockers;   // sessions that held the table, as describeLockBlockers() named them
    bool operator==(const CutOverAttempt &) const = default;
};

struct ProgressSnapshot {
    MigrationState state = MigrationState::Idle;
    qint64 elapsedMillis = 0;
    std::array<qint64, migrationStateCount> millisInState{}; // time spent in each state so far
    quint64 rowsCopied = 0;
    quint64 rowsEstimate = 0;
    bool rowsExact = false;
    double copyPercent = 0;      // 0..100, never above 100
    double copyRowsPerSecond = 0;   // smoothed
    quint64 eventsRead = 0;      // row events read from the binlog for the table
    quint64 eventsApplied = 0;
    double applyEventsPerSecond = 0; // smoothed
    quint64 backlog = 0;         // changed keys read but not yet applied
    qint64 streamLagMillis = -1; // age of the newest heartbeat seen in the stream (-1: none yet)
    qint64 replicaLagMillis = -1;
    qint64 etaSeconds = -1;      // -1: unknown; 0: due
    bool throttled = false;
    QString throttleReason;
    QString activity; // what the phase is doing beyond its name, e.g. building the deferred indexes; often empty
    QString pacing;   // the pacing controller's verdict while it slows the copy; empty at full speed
    qint64 throttledMillis = 0;
    QString binlogPosition;
    quint64 chunkSize = 0;
    // The revert window (RevertWindow state; -1 outside it). Seconds until it closes by itself, rounded up.
    qint64 revertWindowRemainingSeconds = -1;
    // How far the old table (_T_del) is behind the live one, in ms: the stream lag (the age of the newest
    // heartbeat when it was read) while every change read from the stream has been applied to the old table;
    // while some are still waiting, plus the time since that was last the case. So it bounds the age of the
    // oldest write the old table still misses, to within a heartbeat interval.
    qint64 oldTableLagMillis = -1;
    // Heartbeat lag of each watched replica (the inspected one and --throttle-control-replicas), as last sampled
    // by the throttle monitor; replicaLagMillis is the worst of them.
    QList<ReplicaLagReading> replicaLags;
    QList<CutOverAttempt> cutOverAttempts; // every attempt so far, in order; the last may be running
};

struct MigrationSummary {
    bool dryRun = false;
    QString database, table, alter;
    QString newCreateStatement;  // the ghost's CREATE TABLE (dry run and success)
    quint64 rowsCopied = 0;
    quint64 eventsApplied = 0;
    qint64 copyMillis = 0;
    qint64 totalMillis = 0;
    bool verified = false;
    QString verifyResult;
    qint64 verifyMillis = 0;
    qint64 cutOverLockMillis = 0;
    int cutOverAttempts = 0;
    QStringList deferredIndexes; // secondary indexes built after the copy (--defer-secondary-indexes)
    qint64 indexBuildMillis = 0;
    // Where the time went: per state, and within the copy the time throttled and the time spent waiting for the
    // appliers to catch up (a value that moved between rows); the rest of copyMillis ran copy statements.
    std::array<qint64, migrationStateCount> millisInState{};
    qint64 copyThrottledMillis = 0;
    qint64 copyPacedMillis = 0;
    qint64 copyCatchUpMillis = 0;
    bool reverted = false;       // the DBA reverted within the window: the old schema is live again
    QStringList cutOverBlockers; // sessions that held the table during failed cut-over attempts, as reported
    QStringList cutOverFailures; // why each failed cut-over attempt failed, in attempt order
    QString oldTable;            // where the original table now is (kept for rollback) or empty if dropped
};

// Why a migration stopped. `code` is stable for scripts and translations ("unique-duplicates", "no-shared-key").
struct MigrationFailure {
    QString code;
    QString message;
    QString statement;
    unsigned serverError = 0;
    bool originalUntouched = true;
    // The helper tables were kept after a failure past the start of the copy: --resume continues.
    bool resumable = false;
};

} // namespace engine::migration

Q_DECLARE_METATYPE(engine::migration::MigrationState)
Q_DECLARE_METATYPE(engine::migration::ProgressSnapshot)
Q_DECLARE_METATYPE(engine::migration::MigrationSummary)
Q_DECLARE_METATYPE(engine::migration::MigrationFailure)
