#include "tablefeed.h"

#include "backgroundtask.h"

#include <control/statustracker.h>
#include <inspect/migrationdiscovery.h>
#include <mysql/connection.h>

using namespace Qt::StringLiterals;
using engine::inspect::DiscoveredMigration;

namespace ui {

namespace {
struct TableReading {
    bool found = false;
    DiscoveredMigration migration;
    QString error;
};
} // namespace

TableFeed::TableFeed(engine::mysql::ConnectionSettings server, const QString &database,
                     const QString &changelogTable, QObject *parent, int intervalMillis)
    : MigrationFeed(parent)
    , m_server(std::move(server))
    , m_changelog(changelogTable)
    , m_connection(std::make_shared<engine::mysql::Connection>()) {
    setIdentity(QString(), database, changelogTable.mid(1, changelogTable.size() - 5));
    m_clock.start();
    connect(&m_timer, &QTimer::timeout, this, &TableFeed::poll);
    m_timer.start(intervalMillis);
    poll();
}

TableFeed::~TableFeed() = default;

QString TableFeed::source() const {
    return tr("%1:%2 (helper tables, read-only)").arg(m_server.host, QString::number(m_server.port));
}

void TableFeed::send(const QString &command) {
    Q_EMIT commandAnswered(
        command, tr("No control socket: this migration is watched from its helper tables only."), true);
}

void TableFeed::poll() {
    if (m_inFlight)
        return;
    m_inFlight = true;
    runInBackground<TableReading>(
        this,
        [connection = m_connection, server = m_server, database = database(), changelog = m_changelog] {
            TableReading reading;
            try {
                if (!connection->isOpen())
                    *connection = engine::mysql::Connection::open(server, u"gui-watch"_s);
                reading.migration = engine::inspect::readDiscoveredMigration(*connection, database, changelog,
                                                                             &reading.found);
            } catch (const std::exception &e) {
                connection->close();
                reading.error = QString::fromUtf8(e.what());
            }
            return reading;
        },
        [this](const TableReading &reading) {
            m_inFlight = false;
            if (!reading.error.isEmpty())
                return setLink(Link::Lost, reading.error);
            if (!reading.found)
                return setLink(
                    Link::Lost,
                    tr("%1 is gone: the migration ended or its helper tables were dropped").arg(m_changelog));
            const DiscoveredMigration &m = reading.migration;
            setIdentity(m.engine, m.database, m.table);
            engine::control::MigrationStatus status;
            status.state = m.state;
            engine::migration::ProgressSnapshot s;
            s.state = engine::control::StatusTracker::stateOf(status);
            const qint64 now = m_clock.elapsed();
            s.elapsedMillis = now;
            s.rowsCopied = m.ghostRows;
            s.rowsEstimate = m.originalRows;
            s.copyPercent = m.copyPercent();
            // InnoDB's estimate moves a little even when nothing is copied: a rate only while copying.
            if (s.state == engine::migration::MigrationState::Copying && m_lastAt >= 0 && now > m_lastAt &&
                m.ghostRows >= m_lastGhostRows)
                s.copyRowsPerSecond = double(m.ghostRows - m_lastGhostRows) * 1000.0 / double(now - m_lastAt);
            m_lastAt = now;
            m_lastGhostRows = m.ghostRows;
            if (m.heartbeatAgeMillis >= 0) {
                s.replicaLagMillis = m.heartbeatAgeMillis;
                s.replicaLags.append({tr("heartbeat age"), m.heartbeatAgeMillis, {}});
            }
            s.throttled = m.isThrottled();
            s.throttleReason = m.throttle;
            const QStringList header = {
                tr("Changelog %1.%2 (%3), state \"%4\", heartbeat %5 ms old")
                    .arg(m.database, m.changelogTable, m.engine, m.state,
                         QString::number(m.heartbeatAgeMillis)),
                tr("Ghost %1: about %2 rows; original: about %3 rows (InnoDB estimates)")
                    .arg(m.ghostTable, QString::number(m.ghostRows), QString::number(m.originalRows))};
            addReading(s, header, QString());
        });
}

} // namespace ui
