#pragma once

#include <history/historyrecord.h>
#include <model/migrationspec.h>

#include <QObject>
#include <QPointer>

#include <functional>
#include <optional>

class QWidget;

namespace ui {

class PasswordStore;
class Session;

// "Resume…" on the History page: continues a migration that a crash (or a closed console) interrupted, from its
// checkpoint in _T_ghk. Rebuilds the spec from the journal's parameters (resume, execute), asks the DBA, finds
// the password the way the Connections page keeps it (this console's connection, else the keyring entry of a
// saved profile with the same host, port and user, else typed), checks it with a connection (which becomes the
// console's connection), then starts the migration in the session as the New migration page does. GUI thread only.
class ResumeLauncher : public QObject {
    Q_OBJECT
public:
    // Returns true to go ahead.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    // The typed password, or nullopt when the DBA cancelled.
    using AskPassword = std::function<std::optional<QString>(const QString &title, const QString &label)>;
    // Tells the DBA why nothing started, or that the resumed migration was refused or failed.
    using Notify = std::function<void(const QString &title, const QString &text)>;

    ResumeLauncher(Session *session, QWidget *dialogParent);

    // Executed, and recorded as running (no end: the process died) or interrupted.
    [[nodiscard]] static bool isResumable(const engine::history::HistoryEntry &entry);
    // The spec that continues the entry's migration; passwords empty.
    [[nodiscard]] static engine::migration::MigrationSpec resumeSpec(const engine::history::HistoryEntry &entry);

    // Asks, obtains the password, starts. Returns at once; the steps that wait (keyring, connection check)
    // continue later. Ignored while a resume is being prepared.
    void resume(const engine::history::HistoryEntry &entry);
    [[nodiscard]] bool isBusy() const { return m_busy; }

    void setConfirmHandler(Confirm confirm) { m_confirm = std::move(confirm); }
    void setPasswordHandler(AskPassword ask) { m_askPassword = std::move(ask); }
    void setNotifyHandler(Notify notify) { m_notify = std::move(notify); }

Q_SIGNALS:
    // The migration runs in the session (the monitor shows it).
    void started();
    // Preparing ended without starting (cancelled, or the connection check failed).
    void abandoned();

private:
    using PasswordDone = std::function<void(std::optional<QString>)>;
    void findPassword(const engine::migration::MigrationSpec &spec, PasswordDone done);
    void askPassword(const engine::migration::MigrationSpec &spec, const QString &why, PasswordDone done);
    void checkAndStart(engine::migration::MigrationSpec spec, bool postponeCutOver);
    void watchOutcome();
    void giveUp(const QString &title, const QString &text);

    Session *m_session;
    QPointer<QWidget> m_dialogParent;
    PasswordStore *m_passwords;
    Confirm m_confirm;
    AskPassword m_askPassword;
    Notify m_notify;
    bool m_busy = false;
};

} // namespace ui
