#include "changelog.h"

#include <model/wallclock.h>

#include <logging/logging.h>
#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QDateTime>

#include <chrono>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::qualifiedName;

namespace engine::migration {

namespace changelog {

void create(Connection &connection, const QString &schema, const QString &table)
{
    connection.execute(u"CREATE TABLE %1 (id BIGINT UNSIGNED AUTO_INCREMENT, "
                       "last_update TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), "
                       "hint VARCHAR(64) CHARACTER SET ascii NOT NULL, value VARCHAR(4096) CHARACTER SET ascii NOT NULL, "
                       "PRIMARY KEY (id), UNIQUE KEY hint_uidx (hint)) ENGINE=InnoDB "
                       "COMMENT='shadowswap changelog: heartbeats, state and markers'"_s.arg(qualifiedName(schema, table)));
}

namespace {
void upsert(Connection &connection, const QString &schema, const QString &table, const QString &hint,
            const QString &value, int id)
{
    connection.execute(u"INSERT INTO %1 (id, hint, value) VALUES (%2, '%3', %4) "
                       "ON DUPLICATE KEY UPDATE last_update = NOW(6), value = VALUES(value)"_s.arg(
                           qualifiedName(schema, table), id == 0 ? u"NULL"_s : QString::number(id), hint,
                           connection.quote(value)));
}
} // namespace

void writeMarker(Connection &connection, const QString &schema, const QString &table, const QString &token)
{
    upsert(connection, schema, table, u"marker"_s, token, 3);
}

void writeState(Connection &connection, const QString &schema, const QString &table, const QString &state)
{
    upsert(connection, schema, table, u"state"_s, state, 2);
}

qint64 nowNanos()
{
    return wallClockNanos();
}

} // namespace changelog

Heartbeat::Heartbeat(mysql::ConnectionSettings primary, QString schema, QString table, int intervalMillis)
    : m_primary(std::move(primary))
    , m_schema(std::move(schema))
    , m_table(std::move(table))
    , m_intervalMillis(intervalMillis)
{
}

Heartbeat::~Heartbeat()
{
    stop();
}

void Heartbeat::start()
{
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void Heartbeat::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

void Heartbeat::run()
{
    Connection connection;
    const QString table = qualifiedName(m_schema, m_table);
    while (!m_stop) {
        try {
            if (!connection.isOpen()) {
                mysql::ConnectionSettings settings = m_primary;
                if (settings.readTimeoutSeconds == 0)
                    settings.readTimeoutSeconds = 10; // a half-open connection must not stop the heartbeat for good
                connection = Connection::open(settings, u"heartbeat"_s);
            }
            connection.execute(u"INSERT INTO %1 (id, hint, value) VALUES (1, 'heartbeat', '%2') "
                               "ON DUPLICATE KEY UPDATE last_update = NOW(6), value = VALUES(value)"_s.arg(
                                   table, QString::number(changelog::nowNanos())));
            if (m_describeState) {
                if (const QString state = m_describeState(); state != m_writtenState) {
                    changelog::writeState(connection, m_schema, m_table, state);
                    m_writtenState = state;
                }
            }
        } catch (const mysql::DbException &error) {
            ++m_failures;
            SS_WARN("heartbeat: {}", error.error().toString().toStdString());
            connection.close();
        }
        for (int waited = 0; waited < m_intervalMillis && !m_stop; waited += 20)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

} // namespace engine::migration
