#pragma once

#include <model/migrationcontext.h>
#include <model/migrationspec.h>
#include <model/progress.h>

#include <preflight/preflightreport.h>

#include <QObject>
#include <QThread>
#include <QTimer>

#include <deque>
#include <memory>

namespace engine::history {
class HistoryJournal;
class MigrationRecorder;
} // namespace engine::history

namespace engine::migration {

class MigrationWorker;

// The facade the GUI and the CLI drive. Lives in the caller's thread; the migration runs in a worker thread.
// Commands are non-blocking; results come back as typed signals carrying plain values, in the caller's thread.
// One migration per controller at a time.
class MigrationController : public QObject {
    Q_OBJECT
public:
    explicit MigrationController(QObject *parent = nullptr);
    ~MigrationController() override;

    void start(const MigrationSpec &spec);
    [[nodiscard]] bool isRunning() const { return m_running; }

    // Live controls; each takes effect at the engine's next chunk or batch.
    void abort();
    void setThrottled(bool throttled);
    void requestCutOver(); // "unpostpone"
    // Within the revert window: swap the old table back (revert) or end the window keeping the new schema.
    void requestRevert();
    void closeRevertWindow();
    void setChunkTargetMillis(qint64 millis); // also un-pins a chunk size set with setChunkSize
    // gh-ost's chunk-size: pins every following chunk at `rows` (no adapting) until setChunkTargetMillis.
    void setChunkSize(qint64 rows);
    void setDmlBatchSize(qint64 keys);
    void setMaxLagMillis(qint64 millis);
    void setNiceRatio(double ratio);
    // The live values above, as the engine will use them next (0 / false before start()).
    [[nodiscard]] bool isThrottledByOperator() const;
    [[nodiscard]] qint64 pinnedChunkSize() const; // 0: the chunk size adapts
    [[nodiscard]] qint64 chunkTargetMillis() const;
    [[nodiscard]] qint64 dmlBatchSize() const;
    [[nodiscard]] qint64 maxLagMillis() const;
    [[nodiscard]] double niceRatio() const;
    // Replaces the throttle/postpone/panic settings of the running migration (read-modify-write from the
    // caller's thread: take throttleSettings(), change a field, set it back).
    void setThrottleSettings(const throttle::ThrottleSettings &settings);
    [[nodiscard]] throttle::ThrottleSettings throttleSettings() const;

    [[nodiscard]] ProgressSnapshot snapshot() const { return m_last; }
    void setSnapshotIntervalMillis(int millis) { m_timer.setInterval(millis); }

    // Records every migration started from now on in this journal (start, samples, outcome), or none when null.
    // The journal must belong to this controller's thread.
    void setHistoryJournal(std::shared_ptr<history::HistoryJournal> journal);
    [[nodiscard]] qint64 historyId() const; // the running or last migration's journal id, 0 if not recorded

Q_SIGNALS:
    void stateChanged(engine::migration::MigrationState state);
    void progressed(const engine::migration::ProgressSnapshot &snapshot);
    // The engine's own preflight gate passed (executed migrations that run preflight), before anything changed.
    void preflightPassed(const engine::preflight::PreflightReport &report);
    void finished(const engine::migration::MigrationSummary &summary);
    void failed(const engine::migration::MigrationFailure &failure);

private:
    void sample();
    void onWorkerDone();

    std::shared_ptr<MigrationContext> m_context;
    QThread m_thread;
    MigrationWorker *m_worker = nullptr;
    QTimer m_timer;
    bool m_running = false;
    ProgressSnapshot m_last;
    std::shared_ptr<history::HistoryJournal> m_journal;
    std::unique_ptr<history::MigrationRecorder> m_recorder;
    struct Sample {
        qint64 millis;
        quint64 rows;
        quint64 events;
    };
    std::deque<Sample> m_window; // the last ~10 s, for smoothed rates
};

void registerMetaTypes();

} // namespace engine::migration
