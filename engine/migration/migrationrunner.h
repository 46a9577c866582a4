#pragma once

#include "checkpoint.h"
#include <model/migrationcontext.h>
#include <model/migrationspec.h>
#include <model/progress.h>
#include "topology.h"

#include <hooks/hookevent.h>
#include <binlog/binlogposition.h>
#include <inspect/deferredindexes.h>
#include <inspect/migrationplan.h>
#include <inspect/tableschema.h>
#include <mysql/connection.h>
#include <throttle/throttlemonitor.h>

#include <QElapsedTimer>

#include <functional>
#include <memory>
#include <thread>

namespace engine::apply {
class Applier;
class ChangeCapture;
class ChangeSet;
class KeyCodec;
} // namespace engine::apply

namespace engine::hooks {
class MigrationHooks;
}

namespace engine::migration {

class CopyTestHold;
class Heartbeat;

// One migration from start to finish, blocking, on the calling (worker) thread:
// connect → validate → create ghost and changelog → stream binlog → copy rows (appliers running alongside) →
// postpone (optional) → verify → cut over → clean up, checkpointing progress into _T_ghk (or, with --resume,
// continuing from that checkpoint). Helper threads (binlog reader, appliers, heartbeat) are
// started and always stopped here. A failure or abort before the swap leaves the original table and its traffic
// untouched, then rethrows (MigrationError / MigrationAborted). An abort, or a failure before the copy began,
// drops the ghost and changelog; a failure after it keeps them and the checkpoint for --resume.
class MigrationRunner {
public:
    // `hooks` (optional, owned by the caller) runs gh-ost's hooks at the milestones; a failing one stops the run.
    MigrationRunner(MigrationSpec spec, std::shared_ptr<MigrationContext> context,
                    hooks::MigrationHooks *hooks = nullptr);
    ~MigrationRunner();

    MigrationSummary run();

private:
    void validateOriginal();
    void prepareGhost();
    void buildPlan(); // from m_original and the ghost as it is on the server
    void refuseNullKeys(); // a nullable key (--allow-nullable-unique-key) with NULLs would lose those rows
    void refuseServerIdInUse(); // --replica-server-id taken by the inspected server or one of its replicas
    // --resume (resume.cpp): the checkpoint, the ghost and the binlog it needs, all checked before anything runs.
    void refuseOrAdoptLeftovers();
    // A named lock on the migrated server, held by the worker's connection for the whole run: a second run on the
    // same table (a resume while the first process still lives) is refused instead of racing it.
    // Waits up to `waitSeconds` for a holder to go (a resume right after a kill -9, a reconnect whose old session
    // the server has not closed yet).
    void claimTable(mysql::Connection &session, int waitSeconds);
    [[nodiscard]] QString tableLockName() const;
    // The worker's session on the primary: re-dialled when lost, with its session state and the table's named
    // lock restored (reconnectPrimary); checked with a cheap round trip at most every 5 s while the run idles in
    // a phase (keepPrimaryAlive), so that wait_timeout never closes it and a loss is repaired before it matters.
    void reconnectPrimary();
    void keepPrimaryAlive(bool now = false);
    // After the copy began, a failure keeps the ghost, changelog and checkpoint so that --resume continues.
    [[nodiscard]] bool keepsWorkOnFailure(const QString &failureCode) const;
    // For the binlog reader: throws MigrationError "binlog-purged" when a failed stream's position is gone.
    static std::function<void(const binlog::BinlogPosition &)> binlogStillReadable(
        const mysql::ConnectionSettings &source, const QString &endpoint);
    void keepWorkForResume(MigrationFailure &failure);
    void adoptInterruptedGhost();
    [[nodiscard]] binlog::BinlogPosition resumePosition(mysql::Connection &inspector);
    void startCheckpoints(mysql::Connection &inspector);
    void tickCheckpoint();
    void dropCheckpointTable();
    void startStreaming();
    void copyRows();
    // Deferred secondary indexes (deferredindexes.cpp): dropped from the fresh ghost before the copy, or found
    // missing on a resumed one; built after the copy while the appliers keep running.
    void deferSecondaryIndexes(const QString &fullCreateStatement);
    void findIndexesLeftToBuild();
    void buildDeferredIndexes();
    void waitForBacklog(quint64 maxKeys);
    // Before a step that pauses the application's writes until a marker comes back through the stream (verify,
    // cut-over): waits, bounded, until the stream is close to live, so that the pause is short.
    void waitForStreamToSettle();
    // While the stream's heartbeats stop arriving (replication stopped on the inspected replica, or far behind):
    // waits, throttled with the reason shown, up to --stall-limit-seconds, then fails (resumable).
    void waitWhileStreamStalls(const std::function<qint64()> &lagMillis);
    void verify();
    void postponeIfAsked();
    void cutOver();
    void swapAndSwapBackOnReplica(); // --test-on-replica
    // --revert-window (revertwindow.cpp): keeps the old table in sync after the swap; reverts on request.
    void keepRevertWindow();
    void revertSwap();
    [[nodiscard]] QString inverseProblem() const; // why the change can't be reverted safely, or empty
    void finish();
    void stopHelpers();
    void startExactRowCount(); // --exact-rowcount: SELECT COUNT(*) on the inspected server, beside the copy
    void cleanupAfterFailure();
    // Blocks while the copy is throttled; `duringWait` (optional) runs every round (the worker's health checks).
    void waitWhileThrottled(const std::function<void()> &duringWait = {});
    void holdCopyForTest(const CopyTestHold &hold); // SHADOWSWAP_TEST_HOLD_COPY_FILE, see copytesthold.h
    bool writeMarkerAndWait(const QString &token, int timeoutMillis);
    void checkHelpers();
    void runHook(hooks::HookEvent event);

    MigrationSpec m_spec;
    std::shared_ptr<MigrationContext> m_context;
    Topology m_topology;
    TableNames m_names;
    mysql::Connection m_primary; // the worker's own connection to the primary
    inspect::TableSchema m_original;
    inspect::TableSchema m_ghost;
    inspect::MigrationPlan m_plan;
    std::shared_ptr<apply::KeyCodec> m_codec;
    std::shared_ptr<apply::ChangeSet> m_changes;
    std::unique_ptr<apply::ChangeCapture> m_capture;
    std::unique_ptr<apply::Applier> m_applier;
    std::unique_ptr<Heartbeat> m_heartbeat;
    hooks::MigrationHooks *m_hooks = nullptr;
    std::unique_ptr<throttle::ThrottleMonitor> m_throttleMonitor;
    MigrationSummary m_summary;
    bool m_ghostCreated = false;
    bool m_changelogCreated = false;
    bool m_checkpointCreated = false;
    std::optional<Checkpoint> m_resumeFrom;             // --resume: where the interrupted run stopped
    std::unique_ptr<CheckpointWriter> m_checkpoints;
    std::optional<QStringList> m_copyFrontier;          // the last committed chunk's upper key
    bool m_copyComplete = false;
    QList<inspect::DeferredIndex> m_deferredIndexes; // built after the copy
    qint64 m_indexBuildMillis = 0;                   // how long the primary took; replicas replay it after
    bool m_copyStarted = false;     // rows may be in the ghost: a failure keeps the work (keepsWorkOnFailure)
    QElapsedTimer m_primaryCheckedAt;
    bool m_swapped = false;
    bool m_testedOnReplica = false;
    std::thread m_rowCounter;
    unsigned long m_rowCounterSession = 0; // its connection id, to KILL it when the migration ends first
    std::mutex m_rowCounterMutex;
    std::atomic<bool> m_rowCountCompleted{false};
    binlog::BinlogPosition m_beforeSwap;
};

} // namespace engine::migration
