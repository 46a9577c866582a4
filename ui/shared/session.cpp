#include "session.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QUuid>

using namespace Qt::StringLiterals;

namespace ui {

Session::Session(QObject *parent)
    : QObject(parent)
{
    engine::migration::registerMetaTypes();
    qRegisterMetaType<engine::preflight::PreflightReport>();
    const auto done = [this] { removeFlagFile(); };
    connect(&m_controller, &engine::migration::MigrationController::finished, this, done);
    connect(&m_controller, &engine::migration::MigrationController::failed, this, done);
}

Session::~Session()
{
    removeFlagFile();
}

void Session::setConnection(const ConnectionProfile &profile, const QString &password,
                            const engine::mysql::ServerFacts &facts)
{
    m_profile = profile;
    m_password = password;
    m_facts = facts;
    m_connected = true;
    Q_EMIT connectionChanged();
}

void Session::setTarget(const QString &database, const QString &table, const QString &alter)
{
    if (database == m_database && table == m_table && alter == m_alter)
        return;
    m_database = database;
    m_table = table;
    m_alter = alter;
    Q_EMIT targetChanged();
}

void Session::setPreflightReport(const engine::preflight::PreflightReport &report)
{
    m_report = report;
    m_overridden.clear();
    Q_EMIT preflightReportChanged();
    Q_EMIT overriddenFindingsChanged();
}

void Session::setOverriddenFindings(const QStringList &ids)
{
    if (ids == m_overridden)
        return;
    m_overridden = ids;
    Q_EMIT overriddenFindingsChanged();
}

QStringList Session::unresolvedBlockers() const
{
    if (!m_report || m_report->target.database != m_database || m_report->target.table != m_table)
        return {};
    return engine::preflight::blockingFindingIds(*m_report, m_overridden);
}

void Session::startMigration(engine::migration::MigrationSpec spec, bool postponeCutOver)
{
    if (m_controller.isRunning())
        return;
    removeFlagFile();
    QString dir = QStandardPaths::writableLocation(QStandardPaths::RuntimeLocation);
    if (dir.isEmpty())
        dir = QDir::tempPath();
    m_flagFile = dir + u"/shadowswap-postpone-"_s + QString::number(QCoreApplication::applicationPid()) + u'-'
        + QUuid::createUuid().toString(QUuid::Id128).left(8) + u".flag"_s;
    createFlagFile();
    spec = withOverrides(std::move(spec));
    spec.throttle.postponeCutOverFlagFile = postponeCutOver ? m_flagFile : QString();
    m_spec = spec;
    m_cutOverForced = false;
    m_controller.start(spec);
    Q_EMIT migrationStarted(spec);
    Q_EMIT cutOverPostponedChanged(isCutOverPostponed());
}

engine::migration::MigrationSpec Session::withOverrides(engine::migration::MigrationSpec spec) const
{
    if (m_report && m_report->target.database == spec.database && m_report->target.table == spec.table)
        for (const QString &id : m_overridden)
            if (!spec.forcedPreflightIds.contains(id, Qt::CaseInsensitive))
                spec.forcedPreflightIds << id;
    return spec;
}

void Session::createFlagFile()
{
    QFile flag(m_flagFile);
    if (!flag.exists() && flag.open(QIODevice::WriteOnly))
        flag.write("Shadowswap console: the cut-over waits while the migration's settings name this file and it "
                   "exists\n");
}

void Session::setCutOverPostponed(bool postponed)
{
    if (m_flagFile.isEmpty() || !m_controller.isRunning())
        return;
    if (postponed)
        createFlagFile(); // the DBA may have deleted it by hand
    engine::throttle::ThrottleSettings settings = m_controller.throttleSettings();
    settings.postponeCutOverFlagFile = postponed ? m_flagFile : QString();
    m_controller.setThrottleSettings(settings);
    Q_EMIT cutOverPostponedChanged(isCutOverPostponed());
}

bool Session::isCutOverPostponed() const
{
    if (m_cutOverForced)
        return false;
    const QString flag = m_controller.throttleSettings().postponeCutOverFlagFile;
    return !flag.isEmpty() && QFile::exists(flag);
}

void Session::forceCutOver()
{
    if (!m_controller.isRunning())
        return;
    m_controller.requestCutOver();
    m_cutOverForced = true;
    setCutOverPostponed(false);
}

void Session::removeFlagFile()
{
    if (!m_flagFile.isEmpty())
        QFile::remove(m_flagFile);
}

} // namespace ui
