#pragma once

#include "cutoverwindowpoller.h"

#include <QGroupBox>

#include <functional>
#include <optional>

class QLabel;
class QTimer;
class QTreeWidget;

namespace ui {

class Session;

// The cut-over window of one table on its primary, looked at every second while the panel is shown and started:
// sessions that hold or wait for its metadata locks (and why each would hold the swap back), transactions open
// too long, each replica's lag, Threads_running, which source the locks were read from and how to get a better
// one, and the cut-over attempts the monitor hands in. Each listed session has a KILL… button that asks (KILL
// QUERY or KILL CONNECTION) and sends it off the GUI thread. GUI thread.
class CutOverWindowPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit CutOverWindowPanel(QWidget *parent = nullptr);

    // Where to look. A new target drops what was shown and any look in flight.
    void setTarget(const engine::mysql::ConnectionSettings &primary, const QString &schema, const QString &table,
                   const QList<engine::mysql::ConnectionSettings> &replicas = {});
    // A transaction open this long is listed as long, and a session holding the table this long is a blocker.
    void setLongTransactionSeconds(int seconds);
    // Looks every second while shown; stop() also closes its connections.
    void start();
    void stop();
    [[nodiscard]] bool isStarted() const { return m_started; }
    // The monitor's attempts (ProgressSnapshot::cutOverAttempts); an empty list hides their table.
    void setCutOverAttempts(const QList<engine::migration::CutOverAttempt> &attempts);

    // How the panel asks before a KILL: title, text and the choices ("KILL QUERY", "KILL CONNECTION"); returns
    // the choice, or an empty string to cancel. Tests replace the dialog.
    using KillConfirm =
        std::function<QString(const QString &title, const QString &text, const QStringList &choices)>;
    void setConfirmHandler(KillConfirm confirm) { m_confirm = std::move(confirm); }
    // What the KILL… button of session `id` does.
    void confirmKill(qint64 id);

    [[nodiscard]] const std::optional<CutOverWindowReading> &lastReading() const { return m_last; }
    [[nodiscard]] QString killResult() const;

    // The primary the cut-over locks, as the session reaches it (the source of the replica it connected to),
    // and the replicas whose lag matters (the replica it connected to, if any).
    static engine::mysql::ConnectionSettings primaryOf(const Session &session);
    static QList<engine::mysql::ConnectionSettings> replicasOf(const Session &session);
    // A window of its own with a started panel for the session's table (Migration ▸ Cut-over window…); null, after
    // saying why, when there is no connection or table yet.
    static CutOverWindowPanel *openWindow(Session *session, QWidget *parent);
    // The same for another table on the session's server (a migration watched through its socket).
    static CutOverWindowPanel *openWindow(Session *session, const QString &database, const QString &table,
                                          QWidget *parent);

Q_SIGNALS:
    void readingShown(); // after each look is on screen

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void pollNow();
    void present(const CutOverWindowReading &reading);
    void showSessions(const engine::cutover::LockPicture &picture);
    void showTransactions(const engine::cutover::LockPicture &picture);
    void showSummary(const CutOverWindowReading &reading);
    void onKilled(qint64 id, engine::cutover::KillScope scope, const QString &error);
    void clearShown();

    CutOverWindowPoller *m_poller;
    QTimer *m_timer;
    QLabel *m_summary;
    QLabel *m_source;
    QLabel *m_hint;
    QLabel *m_errors;
    QTreeWidget *m_sessions;
    QTreeWidget *m_transactions;
    QLabel *m_attemptsTitle;
    QTreeWidget *m_attempts;
    QLabel *m_killResult;
    KillConfirm m_confirm;
    CutOverWindowPoller::Target m_target;
    std::optional<CutOverWindowReading> m_last;
    QList<qint64> m_sessionIds; // the rows of m_sessions, in order
    bool m_started = false;
};

} // namespace ui
