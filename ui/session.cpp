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
    spec.throttle.postponeCutOverFlagFile = m_flagFile;
    m_spec = spec;
    setCutOverPostponed(postponeCutOver);
    m_controller.start(spec);
    Q_EMIT migrationStarted(spec);
}

void Session::setCutOverPostponed(bool postponed)
{
    if (m_flagFile.isEmpty())
        return;
    if (postponed) {
        QFile flag(m_flagFile);
        if (flag.open(QIODevice::WriteOnly))
            flag.write("postponed by the Shadowswap console\n");
    } else {
        QFile::remove(m_flagFile);
    }
    Q_EMIT cutOverPostponedChanged(isCutOverPostponed());
}

bool Session::isCutOverPostponed() const
{
    return !m_flagFile.isEmpty() && QFile::exists(m_flagFile);
}

void Session::removeFlagFile()
{
    if (!m_flagFile.isEmpty())
        QFile::remove(m_flagFile);
}

} // namespace ui
