#include "sandbox.h"

#include <mysql/sqltext.h>

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::ConnectionSettings;
using engine::mysql::DbError;
using engine::mysql::DbException;
using engine::mysql::qualifiedName;
using engine::mysql::quoteIdentifier;

namespace testsupport {

bool integrationSkipRequested()
{
    return qEnvironmentVariable("SHADOWSWAP_SKIP_INTEGRATION") == u"1"_s;
}

std::optional<Sandbox> sandboxFromEnvironment(QString *why)
{
    const QString primaryPort = qEnvironmentVariable("SHADOWSWAP_PRIMARY_PORT");
    const QString replicaPort = qEnvironmentVariable("SHADOWSWAP_REPLICA_PORT");
    if (primaryPort.isEmpty() || replicaPort.isEmpty()) {
        if (why)
            *why = u"the sandbox is not running or its environment is not loaded: run "
                   "`scripts/sandbox start && eval \"$(scripts/sandbox env)\"` (scripts/test does both)"_s;
        return std::nullopt;
    }
    Sandbox sandbox;
    ConnectionSettings base;
    base.host = qEnvironmentVariable("SHADOWSWAP_HOST", u"127.0.0.1"_s);
    base.user = qEnvironmentVariable("SHADOWSWAP_USER", u"shadowswap"_s);
    base.password = qEnvironmentVariable("SHADOWSWAP_PASSWORD");
    sandbox.primary = base;
    sandbox.primary.port = primaryPort.toUInt();
    sandbox.replica = base;
    sandbox.replica.port = replicaPort.toUInt();
    sandbox.directory = qEnvironmentVariable("SHADOWSWAP_SANDBOX_DIR");
    try {
        Connection::open(sandbox.primary, u"test"_s);
        Connection::open(sandbox.replica, u"test"_s);
    } catch (const DbException &error) {
        if (why)
            *why = u"the sandbox's environment is set but a server does not answer: %1"_s.arg(
                error.error().toString());
        return std::nullopt;
    }
    return sandbox;
}

void waitForReplica(Connection &primary, Connection &replica, std::chrono::milliseconds timeout)
{
    const QString position = primary.scalar(u"SELECT @@gtid_binlog_pos"_s).value_or(QString());
    const double seconds = static_cast<double>(timeout.count()) / 1000.0;
    const auto result = replica.scalar(u"SELECT MASTER_GTID_WAIT(%1, %2)"_s.arg(replica.quote(position)).arg(seconds));
    if (result.value_or(u"-1"_s) != u"0"_s) {
        QString status;
        auto slave = replica.query(u"SHOW SLAVE STATUS"_s);
        if (slave.next())
            status = u"IO=%1 SQL=%2 error=%3"_s.arg(slave.text(u"Slave_IO_Running"_s),
                                                     slave.text(u"Slave_SQL_Running"_s),
                                                     slave.text(u"Last_Error"_s));
        throw DbException(DbError{0, {}, u"replica did not reach %1 within %2 s (%3)"_s.arg(position).arg(seconds).arg(status), {}});
    }
}

ScratchDatabase::ScratchDatabase(const Sandbox &sandbox, const QString &testName)
    : m_sandbox(sandbox)
{
    QString safe = testName;
    for (QChar &c : safe)
        if (!c.isLetterOrNumber())
            c = u'_';
    m_name = u"tst_%1_%2"_s.arg(safe.left(40)).arg(QRandomGenerator::global()->bounded(100000, 999999));
    Connection primary = Connection::open(m_sandbox.primary, u"test"_s);
    primary.execute(u"CREATE DATABASE "_s + quoteIdentifier(m_name) + u" CHARACTER SET utf8mb4"_s);
    // Tests open replica connections with the database selected at once; without this wait they raced
    // replication and failed with "Unknown database" (seen in CI).
    Connection replica = Connection::open(m_sandbox.replica, u"test"_s);
    waitForReplica(primary, replica);
}

ScratchDatabase::~ScratchDatabase()
{
    if (qEnvironmentVariable("SHADOWSWAP_KEEP_SCRATCH") == u"1"_s) {
        qInfo("keeping scratch database %s (SHADOWSWAP_KEEP_SCRATCH=1)", qPrintable(m_name));
        return;
    }
    try {
        Connection primary = Connection::open(m_sandbox.primary, u"test"_s);
        primary.execute(u"DROP DATABASE IF EXISTS "_s + quoteIdentifier(m_name));
    } catch (const DbException &error) {
        qWarning("could not drop scratch database %s: %s", qPrintable(m_name), qPrintable(error.error().toString()));
    }
}

ConnectionSettings ScratchDatabase::primary() const
{
    ConnectionSettings settings = m_sandbox.primary;
    settings.database = m_name;
    return settings;
}

ConnectionSettings ScratchDatabase::replica() const
{
    ConnectionSettings settings = m_sandbox.replica;
    settings.database = m_name;
    return settings;
}

TableChecksum checksumTable(Connection &connection, const QString &schema, const QString &table,
                            const QStringList &columns)
{
    QStringList names = columns;
    if (names.isEmpty()) {
        auto result = connection.query(
            u"SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA=%1 AND TABLE_NAME=%2 "
            "ORDER BY ORDINAL_POSITION"_s.arg(connection.quote(schema), connection.quote(table)));
        while (result.next())
            names << result.text(0);
    }
    QStringList quoted;
    for (const QString &name : names)
        quoted << u"QUOTE("_s + quoteIdentifier(name) + u')';
    const QString rowHash = u"MD5(CONCAT_WS('#', "_s + quoted.join(u", "_s) + u"))"_s;
    auto result = connection.query(
        u"SELECT COUNT(*), BIT_XOR(CAST(CONV(LEFT(h,16),16,10) AS UNSIGNED)), "
        "BIT_XOR(CAST(CONV(RIGHT(h,16),16,10) AS UNSIGNED)), SUM(CAST(CONV(LEFT(h,8),16,10) AS UNSIGNED)) "
        "FROM (SELECT %1 AS h FROM %2) AS hashed"_s.arg(rowHash, qualifiedName(schema, table)));
    TableChecksum checksum;
    if (result.next()) {
        checksum.rows = result.toUInt(0);
        checksum.hash = result.text(1) + u'-' + result.text(2) + u'-' + result.text(3);
    }
    return checksum;
}

namespace {
const QString mdlInstrument = u"NAME = 'wait/lock/metadata/sql/mdl'"_s;
}

MetadataLockInstrument::MetadataLockInstrument(engine::mysql::Connection &admin, bool enabled)
    : m_admin(admin)
{
    m_before = admin.scalar(u"SELECT ENABLED FROM performance_schema.setup_instruments WHERE "_s + mdlInstrument)
                   .value_or(u"NO"_s);
    admin.execute(u"UPDATE performance_schema.setup_instruments SET ENABLED = '%1' WHERE "_s.arg(
                      enabled ? u"YES"_s : u"NO"_s)
                  + mdlInstrument);
}

MetadataLockInstrument::~MetadataLockInstrument()
{
    try {
        m_admin.execute(u"UPDATE performance_schema.setup_instruments SET ENABLED = %1 WHERE "_s.arg(
                            m_admin.quote(m_before))
                        + mdlInstrument);
    } catch (const engine::mysql::DbException &) {
    }
}

QString comparableCreateStatement(engine::mysql::Connection &connection, const QString &table)
{
    auto result = connection.query(u"SHOW CREATE TABLE "_s + engine::mysql::quoteIdentifier(table));
    result.next();
    QString text = result.text(1);
    text.remove(QRegularExpression(u"^CREATE TABLE `(?:[^`]|``)+`"_s));
    text.remove(QRegularExpression(u" AUTO_INCREMENT=\\d+"_s));
    return text;
}

QStringList cliTargetArguments(const ScratchDatabase &db, const QString &table)
{
    const auto replica = db.replica();
    return {u"--host"_s, replica.host, u"--port"_s, QString::number(replica.port), u"--user"_s, replica.user,
            u"--password"_s, replica.password, u"--database"_s, db.name(), u"--table"_s, table};
}

} // namespace testsupport
