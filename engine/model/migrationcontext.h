#pragma once

#include "progress.h"

#include <throttle/throttlesettings.h>

#include <QElapsedTimer>
#include <QString>

#include <atomic>
#include <mutex>
#include <vector>
#include <stdexcept>

namespace engine::migration {

// Thrown inside the engine's threads to stop a migration with a stable code; caught at the worker's boundary.
class MigrationError : public std::runtime_error {
public:
    MigrationError(QString code, QString message, QString statement = {}, unsigned serverError = 0);
    MigrationFailure failure;
};

// Thrown when the DBA aborted (abort / panic): the same clean-up path as a failure, a different outcome.
class MigrationAborted : public std::runtime_error {
public:
    explicit MigrationAborted(QString reason);
    QString reason;
    bool originalUntouched = true; // false once the tables were swapped (set by the runner)
};

// State shared by the migration's threads (worker, binlog reader, appliers, heartbeat) and read by the
// controller for snapshots. Counters are atomics; the few strings sit behind a mutex. Owned by a shared_ptr
// that every thread holds, so it outlives whichever thread stops last.
class MigrationContext {
public:
    MigrationContext();

    // Control requests, written by the controller's thread, read by the engine between units of work.
    std::atomic<bool> abortRequested{false};
    std::atomic<bool> manualThrottle{false};
    std::atomic<bool> cutOverRequested{false}; // "unpostpone": proceed even if the postpone flag file exists
    std::atomic<bool> revertRequested{false};  // within the revert window: swap the old table back
    std::atomic<bool> closeRevertWindow{false}; // end the revert window now, keeping the new schema
    std::atomic<qint64> chunkTargetMillis{500};
    // gh-ost's chunk-size command: >0 pins every following chunk at this many rows (the copier stops adapting);
    // 0 lets the size adapt to chunkTargetMillis. Setting a chunk target un-pins.
    std::atomic<qint64> pinnedChunkSize{0};
    std::atomic<qint64> dmlBatchSize{1000};
    std::atomic<qint64> maxLagMillis{1500};
    // The copy is paced to hold the replicas' lag near this fraction of maxLagMillis (0: on/off throttling only).
    std::atomic<double> lagTargetRatio{0.5};
    std::atomic<double> niceRatio{0};

    // Progress, written by the engine.
    std::atomic<int> state{static_cast<int>(MigrationState::Idle)};
    std::atomic<quint64> rowsCopied{0};
    std::atomic<quint64> rowsEstimate{0};
    std::atomic<bool> rowsExact{false};
    std::atomic<quint64> eventsRead{0};
    std::atomic<quint64> binlogReconnects{0}; // the binlog reader's reconnects so far
    std::atomic<quint64> eventsApplied{0};
    std::atomic<quint64> backlog{0};
    std::atomic<qint64> streamLagMillis{-1};
    std::atomic<qint64> replicaLagMillis{-1};   // worst heartbeat lag over the watched replicas; -1 = none
    std::atomic<qint64> streamHeartbeatNanos{0}; // send time of the newest heartbeat seen in the binlog stream
    std::atomic<quint64> chunkSize{0};
    std::atomic<bool> throttled{false};
    std::atomic<qint64> throttledMillis{0};
    std::atomic<qint64> pacedMillis{0}; // pauses of the pacing controller between chunks
    // The revert window's figures (ProgressSnapshot has their meaning), -1 before it; they keep their last values
    // after it (snapshots show them only in the RevertWindow state). Written by the worker.
    std::atomic<qint64> revertWindowRemainingSeconds{-1};
    std::atomic<qint64> oldTableLagMillis{-1};

    void setState(MigrationState next);
    [[nodiscard]] MigrationState currentState() const { return static_cast<MigrationState>(state.load()); }
    [[nodiscard]] qint64 elapsedMillis() const { return m_clock.elapsed(); }
    // Milliseconds spent in each state, including the current one up to now.
    [[nodiscard]] std::array<qint64, migrationStateCount> millisPerState() const;

    // The live throttle/postpone/panic settings: set from the spec at start, changed by the controller.
    void setThrottleSettings(const throttle::ThrottleSettings &settings);
    [[nodiscard]] throttle::ThrottleSettings throttleSettings() const;

    // The throttle monitor's verdict (empty: no source throttles). Written by the monitor thread.
    void setSourceThrottleReason(const QString &reason);
    [[nodiscard]] QString sourceThrottleReason() const;
    // Abort with a reason (panic, critical load); checkAbort() then throws MigrationAborted carrying it.
    void requestAbort(const QString &reason);

    void setThrottleReason(const QString &reason);
    [[nodiscard]] QString throttleReason() const;
    // What the current phase is doing beyond its name ("building 2 deferred indexes: k_1, k_2"); empty: nothing.
    void setActivity(const QString &activity);
    [[nodiscard]] QString activity() const;
    // The pacing controller's current verdict ("copy paced to 48% of full speed: ..."); empty: full speed.
    void setPacing(const QString &pacing);
    [[nodiscard]] QString pacing() const;
    void setBinlogPosition(const QString &position);
    [[nodiscard]] QString binlogPosition() const;
    // Written by the throttle monitor after each replica sample.
    void setReplicaLags(QList<ReplicaLagReading> lags);
    [[nodiscard]] QList<ReplicaLagReading> replicaLags() const;
    // Written by the runner when an attempt starts and when it ends (same number: replaced).
    void setCutOverAttempt(const CutOverAttempt &attempt);
    [[nodiscard]] QList<CutOverAttempt> cutOverAttempts() const;

    // States entered since the last call, in order: the controller reports every one, even those that lasted
    // less than a sampling interval.
    [[nodiscard]] std::vector<MigrationState> takeTransitions();

    // Throws MigrationAborted when an abort was requested. Call between units of work.
    void checkAbort() const;

private:
    QElapsedTimer m_clock;
    mutable std::mutex m_mutex;
    std::array<qint64, migrationStateCount> m_millisInState{};
    qint64 m_stateEnteredAt = 0;
    std::vector<MigrationState> m_transitions;
    QString m_throttleReason;
    QString m_activity;
    QString m_pacing;
    QString m_sourceThrottleReason;
    QString m_abortReason;
    throttle::ThrottleSettings m_throttleSettings;
    QString m_binlogPosition;
    QList<ReplicaLagReading> m_replicaLags;
    QList<CutOverAttempt> m_cutOverAttempts;
};

} // namespace engine::migration
