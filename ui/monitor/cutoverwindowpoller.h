#pragma once

#include <cutover/lockpicture.h>
#include <model/progress.h>
#include <mysql/connectionsettings.h>

#include <QDateTime>
#include <QList>
#include <QObject>

#include <memory>

class QThread;

namespace ui {

// What the cut-over window shows at one moment: the primary's lock picture and each replica's lag. Plain value.
struct CutOverWindowReading {
    engine::cutover::LockPicture picture;
    QList<engine::migration::ReplicaLagReading> replicaLags;
    QDateTime takenAt;
    qint64 tookMillis = 0; // how long the look took (the server round trips, and table_handles' second read)
};

// Looks at the cut-over window from a thread of its own, through connections it keeps open between looks (one
// to the primary, one per replica) and closes when stopped. At most one look is in flight; the result of a look
// taken for an earlier target, or before stop(), is dropped. The object itself lives in the GUI thread; only
// plain values cross to the poll thread.
class CutOverWindowPoller : public QObject {
    Q_OBJECT
public:
    struct Target {
        engine::mysql::ConnectionSettings primary;
        QString schema, table;
        QList<engine::mysql::ConnectionSettings> replicas;
        int longTransactionSeconds = 2;
    };

    explicit CutOverWindowPoller(QObject *parent = nullptr);
    // Waits for a look or KILL in flight (bounded by the connections' 10 s read timeout), then closes them.
    ~CutOverWindowPoller() override;
    CutOverWindowPoller(const CutOverWindowPoller &) = delete;
    CutOverWindowPoller &operator=(const CutOverWindowPoller &) = delete;

    void setTarget(const Target &target);
    [[nodiscard]] const Target &target() const { return m_target; }
    // Starts a look; false (and nothing done) while one is in flight.
    bool poll();
    [[nodiscard]] bool isPolling() const { return m_inFlight; }
    // Closes the connections; the next poll() opens them again.
    void stop();
    // Sends the KILL from the poll thread's primary connection; killed() tells how it went.
    void kill(qint64 id, engine::cutover::KillScope scope);

Q_SIGNALS:
    void polled(const ui::CutOverWindowReading &reading);
    void killed(qint64 id, engine::cutover::KillScope scope, const QString &error);

private:
    struct Sessions;
    template <typename Work>
    void onPollThread(Work work);

    QThread *m_thread;
    QObject *m_pollContext; // lives in m_thread: what the queued work runs on
    std::shared_ptr<Sessions> m_sessions; // touched only on the poll thread
    Target m_target;
    quint64 m_generation = 0; // bumped by setTarget() and stop(): older looks are dropped
    bool m_inFlight = false;
};

} // namespace ui
