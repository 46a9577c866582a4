#include "resumelauncher.h"

#include "backgroundtask.h"
#include "passwordstore.h"
#include "session.h"

#include <history/specparameters.h>
#include <mysql/connection.h>
#include <mysql/dberror.h>

#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>

using namespace Qt::StringLiterals;
using namespace engine::migration;
using engine::history::HistoryEntry;
using engine::history::Outcome;

namespace ui {

namespace {
constexpr unsigned accessDenied = 1045; // ER_ACCESS_DENIED_ERROR: the password (or user) is wrong

struct CheckResult {
    bool ok = false;
    bool accessDenied = false;
    QString error;
    engine::mysql::ServerFacts facts;
};

bool sameServer(const ConnectionProfile &profile, const engine::mysql::ConnectionSettings &settings)
{
    return profile.host.compare(settings.host, Qt::CaseInsensitive) == 0 && profile.port == settings.port
        && profile.user == settings.user;
}

// The console's connection for the resumed migration's server: a saved profile's settings when one matches.
ConnectionProfile profileFor(const MigrationSpec &spec)
{
    for (const QString &name : ProfileStore::names())
        if (const auto saved = ProfileStore::load(name); saved && sameServer(*saved, spec.inspector))
            return *saved;
    ConnectionProfile p;
    p.name = u"%1:%2"_s.arg(spec.inspector.host).arg(spec.inspector.port);
    p.host = spec.inspector.host;
    p.port = spec.inspector.port;
    p.user = spec.inspector.user;
    p.useTls = spec.inspector.useTls;
    p.tlsCa = spec.inspector.tlsCa;
    p.tlsCert = spec.inspector.tlsCert;
    p.tlsKey = spec.inspector.tlsKey;
    p.tlsVerifyServer = spec.inspector.tlsVerifyServer;
    p.readPrimaryBinlog = spec.allowOnMaster;
    return p;
}
} // namespace

ResumeLauncher::ResumeLauncher(Session *session, QWidget *dialogParent)
    : QObject(dialogParent)
    , m_session(session)
    , m_dialogParent(dialogParent)
    , m_passwords(new PasswordStore(this))
    , m_confirm([this](const QString &title, const QString &text) {
        return QMessageBox::question(m_dialogParent, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel)
            == QMessageBox::Yes;
    })
    , m_askPassword([this](const QString &title, const QString &label) -> std::optional<QString> {
        bool ok = false;
        const QString password = QInputDialog::getText(m_dialogParent, title, label, QLineEdit::Password, {}, &ok);
        return ok ? std::optional<QString>(password) : std::nullopt;
    })
    , m_notify([this](const QString &title, const QString &text) {
        QMessageBox::warning(m_dialogParent, title, text);
    })
{
}

bool ResumeLauncher::isResumable(const HistoryEntry &entry)
{
    return !entry.dryRun && entry.parameters.value(u"execute"_s).toBool()
        && (entry.outcome == Outcome::Running || entry.outcome == Outcome::Interrupted
            || (entry.outcome == Outcome::Failed && entry.failure.resumable));
}

MigrationSpec ResumeLauncher::resumeSpec(const HistoryEntry &entry)
{
    MigrationSpec spec = engine::history::specFromParameters(entry.parameters);
    spec.execute = true;
    spec.resume = true;
    spec.initiallyDropGhostTable = false; // it would drop the very ghost the resume continues with
    return spec;
}

void ResumeLauncher::resume(const HistoryEntry &entry)
{
    if (m_busy)
        return;
    if (m_session->isMigrating()) {
        m_notify(tr("Resume migration"), tr("A migration is running in this console. Resume when it has ended."));
        return;
    }
    MigrationSpec spec = resumeSpec(entry);
    if (const QString problem = spec.validate(); !problem.isEmpty()) {
        m_notify(tr("Resume migration"), tr("The recorded parameters can't be used: %1").arg(problem));
        return;
    }
    const TableNames names = TableNames::forSpec(spec);
    QString text = tr("Resume the migration of %1.%2 on %3?\n\nALTER TABLE … %4")
                       .arg(spec.database, spec.table, spec.inspector.describe(), spec.alter);
    text += u"\n\n"_s
        + tr("Resume continues from the last checkpoint in %1: the rows already copied into %2 stay, the binlog "
             "since the checkpoint is read and applied again, and only the rest of the table is copied. Then the "
             "copy is verified and the tables are swapped as in any migration. If the checkpoint can't be used "
             "(binlog purged, ghost table changed), nothing is changed and you are told why.")
              .arg(names.checkpoint, names.ghost);
    if (entry.outcome == Outcome::Running)
        text += u"\n\n"_s
            + tr("No end was recorded for this migration: the process may have crashed. Make sure it is no longer "
                 "running, on this machine or any other, before you resume.");
    if (!entry.parameters.value(u"hooks-hint-token"_s).toString().isEmpty())
        text += u"\n\n"_s + tr("The hook token (--hooks-hint-token) is never recorded: the hooks run without it.");
    if (!m_confirm(tr("Resume migration"), text))
        return;

    m_busy = true;
    const bool postpone = !spec.throttle.postponeCutOverFlagFile.isEmpty();
    findPassword(spec, [this, spec, postpone](std::optional<QString> password) mutable {
        if (!password) {
            m_busy = false;
            Q_EMIT abandoned();
            return;
        }
        spec.inspector.password = *password;
        if (!spec.masterUser.isEmpty() && spec.masterUser != spec.inspector.user) {
            const auto master = m_askPassword(tr("Resume migration"),
                                              tr("Password of %1 on the primary (empty: the same as %2's):")
                                                  .arg(spec.masterUser, spec.inspector.user));
            if (!master) {
                m_busy = false;
                Q_EMIT abandoned();
                return;
            }
            spec.masterPassword = *master;
        }
        checkAndStart(spec, postpone);
    });
}

void ResumeLauncher::findPassword(const MigrationSpec &spec, PasswordDone done)
{
    // The console's own connection to that server: the password typed (or read) when it connected.
    if (m_session->isConnected() && sameServer(m_session->profile(), spec.inspector)) {
        done(m_session->settings().password);
        return;
    }
    // A saved profile for the same server, whose password the keyring may hold.
    for (const QString &name : ProfileStore::names()) {
        const auto profile = ProfileStore::load(name);
        if (!profile || !sameServer(*profile, spec.inspector))
            continue;
        m_passwords->read(name, [this, spec, done](bool ok, const QString &password, const QString &error) {
            if (ok)
                done(password);
            else
                askPassword(spec, error, done);
        });
        return;
    }
    askPassword(spec, {}, std::move(done));
}

void ResumeLauncher::askPassword(const MigrationSpec &spec, const QString &why, PasswordDone done)
{
    QString label = tr("Password of %1:").arg(spec.inspector.describe());
    if (!why.isEmpty())
        label = why + u'\n' + label;
    done(m_askPassword(tr("Resume migration"), label));
}

void ResumeLauncher::checkAndStart(MigrationSpec spec, bool postponeCutOver)
{
    // Connecting first catches a wrong password before the journal records a failed migration for it, and
    // gives the session the server facts the monitor's cut-over check uses.
    runInBackground<CheckResult>(
        this,
        [settings = spec.inspector] {
            CheckResult r;
            try {
                auto connection = engine::mysql::Connection::open(settings, u"gui-resume"_s);
                r.facts = engine::mysql::ServerFacts::read(connection);
                r.ok = true;
            } catch (const engine::mysql::DbException &e) {
                r.error = e.error().toString();
                r.accessDenied = e.code() == accessDenied;
            } catch (const std::exception &e) {
                r.error = QString::fromUtf8(e.what());
            }
            return r;
        },
        [this, spec, postponeCutOver](const CheckResult &r) mutable {
            if (r.accessDenied) {
                askPassword(spec, r.error, [this, spec, postponeCutOver](std::optional<QString> password) mutable {
                    if (!password) {
                        m_busy = false;
                        Q_EMIT abandoned();
                        return;
                    }
                    spec.inspector.password = *password;
                    checkAndStart(spec, postponeCutOver);
                });
                return;
            }
            if (!r.ok) {
                giveUp(tr("Resume migration"),
                       tr("Could not connect to %1: %2").arg(spec.inspector.describe(), r.error));
                return;
            }
            if (m_session->isMigrating()) {
                giveUp(tr("Resume migration"), tr("A migration started in this console meanwhile; nothing resumed."));
                return;
            }
            if (!m_session->isConnected() || !sameServer(m_session->profile(), spec.inspector)
                || m_session->settings().password != spec.inspector.password)
                m_session->setConnection(profileFor(spec), spec.inspector.password, r.facts);
            m_busy = false;
            m_session->startMigration(spec, postponeCutOver);
            watchOutcome();
            Q_EMIT started();
        });
}

void ResumeLauncher::watchOutcome()
{
    // The engine's refusals (resume-binlog-purged, resume-ghost-changed, resume-alter-differs, resume-nothing,
    // resume-no-checkpoint, ...) come as a failure within seconds; the DBA hears of them wherever they are.
    auto *c = m_session->controller();
    auto failed = std::make_shared<QMetaObject::Connection>();
    auto finished = std::make_shared<QMetaObject::Connection>();
    *failed = connect(c, &MigrationController::failed, this, [this, failed, finished](const MigrationFailure &f) {
        disconnect(*failed);
        disconnect(*finished);
        if (f.code == u"aborted"_s)
            return;
        const bool refused = f.code.startsWith(u"resume-"_s);
        QString text = u"[%1] %2"_s.arg(f.code, f.message);
        if (f.originalUntouched)
            text += u"\n\n"_s + (refused ? tr("Nothing was changed.") : tr("The original table is untouched."));
        m_notify(refused ? tr("Resume refused") : tr("The resumed migration failed"), text);
    });
    *finished = connect(c, &MigrationController::finished, this, [failed, finished] {
        disconnect(*failed);
        disconnect(*finished);
    });
}

void ResumeLauncher::giveUp(const QString &title, const QString &text)
{
    m_busy = false;
    m_notify(title, text);
    Q_EMIT abandoned();
}

} // namespace ui
