#include "preflightcontext.h"

#include <mysql/dberror.h>

#include <QSet>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::ConnectionSettings;
using engine::mysql::DbError;
using engine::mysql::DbException;
using engine::mysql::Flavour;
using engine::mysql::Result;
using engine::mysql::ServerFacts;
using engine::mysql::ServerVersion;

namespace engine::preflight {

namespace {
// Used when the copy rate can't be measured: a conservative serial INSERT ... SELECT rate under load.
constexpr double assumedRowsPerSecond = 20000;

QString endpointOf(const ConnectionSettings &settings)
{
    if (!settings.socketPath.isEmpty())
        return settings.socketPath;
    return u"%1:%2"_s.arg(settings.host).arg(settings.port);
}
} // namespace

PreflightFailure::PreflightFailure(const QString &reason)
    : std::runtime_error(reason.toStdString())
    , m_reason(reason)
{
}

TimeLimitReached::TimeLimitReached()
    : std::runtime_error("time limit reached")
{
}

QString Server::endpoint() const
{
    return endpointOf(settings);
}

QString Server::label() const
{
    return roles.join(u", "_s) + u' ' + endpoint();
}

PreflightContext::PreflightContext(const PreflightRequest &request, std::atomic<bool> *cancel)
    : m_request(request)
    , m_cancel(cancel)
{
    m_request.options.checkTimeoutSeconds = std::max(1, m_request.options.checkTimeoutSeconds);
    m_checkClock.start();
}

PreflightContext::~PreflightContext() = default;

Server &PreflightContext::addServer(const QStringList &roles, const ConnectionSettings &settings)
{
    auto server = std::make_unique<Server>();
    server->roles = roles;
    server->settings = settings;
    server->settings.database.clear(); // every statement names its schema; a missing one is reported as such
    // The client stops waiting a little after the server-side limit should have ended the statement.
    server->settings.readTimeoutSeconds = static_cast<unsigned>(checkTimeoutSeconds() + 5);
    server->settings.connectTimeoutSeconds =
        std::min(std::max(server->settings.connectTimeoutSeconds, 1u), static_cast<unsigned>(checkTimeoutSeconds()) + 5);
    m_servers.push_back(std::move(server));
    return *m_servers.back();
}

void PreflightContext::open(Server &server)
{
    server.connection = Connection::open(server.settings, u"preflight"_s);
    server.facts.version = ServerVersion::parse(server.connection.serverVersion());
    prepare(server);
}

void PreflightContext::prepare(Server &server)
{
    const int limit = checkTimeoutSeconds();
    // Backstops for statements sent without a per-statement limit; READ COMMITTED so that our reads never
    // take locks; NO_BACKSLASH_ESCAPES off so that our string literals mean what they say.
    const QString timeLimit = server.isMariaDB() ? u"max_statement_time = %1"_s.arg(limit)
                                                 : u"max_execution_time = %1"_s.arg(limit * 1000);
    server.connection.execute(u"SET SESSION %1, lock_wait_timeout = %2, innodb_lock_wait_timeout = %2, "
                              "sql_mode = REPLACE(@@sql_mode, 'NO_BACKSLASH_ESCAPES', '')"_s.arg(timeLimit)
                                  .arg(limit));
    server.connection.execute(u"SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"_s);
}

void PreflightContext::readFacts(Server &server)
{
    try {
        server.facts = ServerFacts::read(server.connection);
        return;
    } catch (const DbException &error) {
        if (mysql::isConnectionFailure(error.code()))
            throw;
        // Most often: no privilege for SHOW SLAVE STATUS. Keep what a plain login may read.
        server.factsNote = u"the replication status could not be read (%1), so the role is unknown"_s.arg(
            error.error().message);
    }
    ServerFacts facts;
    facts.endpoint = server.settings.describe();
    Result vars = server.connection.query(
        u"SELECT @@version, @@version_comment, @@server_id, @@read_only, @@log_bin, @@binlog_format, "
        "@@binlog_row_image, @@log_slave_updates, @@binlog_checksum"_s);
    if (vars.next()) {
        facts.versionString = vars.text(0);
        facts.version = ServerVersion::parse(vars.text(0), vars.text(1));
        facts.serverId = vars.toUInt(2);
        facts.readOnly = vars.toInt(3) != 0;
        facts.logBin = vars.toInt(4) != 0;
        facts.binlogFormat = vars.text(5);
        facts.binlogRowImage = vars.text(6);
        facts.logSlaveUpdates = vars.toInt(7) != 0;
        facts.binlogChecksum = vars.text(8);
    }
    facts.gtidMode = facts.version.flavour == Flavour::MariaDB
        ? u"MariaDB GTID"_s
        : server.connection.scalar(u"SELECT @@gtid_mode"_s).value_or(u"OFF"_s);
    server.facts = facts;
}

void PreflightContext::connect()
{
    Server &inspectedServer = addServer({u"inspected"_s}, m_request.inspected);
    try {
        open(inspectedServer);
        readFacts(inspectedServer);
    } catch (const DbException &error) {
        throw PreflightFailure(error.error().toString());
    }

    if (m_request.primary || inspectedServer.facts.isReplica) {
        ConnectionSettings settings;
        if (m_request.primary) {
            settings = *m_request.primary;
        } else {
            settings = m_request.inspected.withEndpoint(inspectedServer.facts.sourceHost,
                                                        inspectedServer.facts.sourcePort);
            if (!m_request.primaryUser.isEmpty())
                settings.user = m_request.primaryUser;
            if (!m_request.primaryPassword.isEmpty())
                settings.password = m_request.primaryPassword;
        }
        Server &primaryServer = addServer({u"primary"_s}, settings);
        m_primary = &primaryServer;
        try {
            open(primaryServer);
            readFacts(primaryServer);
        } catch (const DbException &error) {
            primaryServer.unreachable = error.error().toString();
        }
    } else {
        inspectedServer.roles << u"primary"_s;
        m_primary = &inspectedServer;
    }

    QSet<QString> known;
    for (const auto &server : m_servers)
        known.insert(server->endpoint());
    if (inspectedServer.facts.isReplica) {
        inspectedServer.roles << u"replica"_s;
        m_replicas.push_back(&inspectedServer);
    }
    auto addReplica = [&](const ConnectionSettings &settings, const QString &role) {
        if (known.contains(endpointOf(settings)))
            return;
        known.insert(endpointOf(settings));
        Server &replica = addServer({role}, settings);
        m_replicas.push_back(&replica);
        try {
            open(replica);
            readFacts(replica);
        } catch (const DbException &error) {
            replica.unreachable = error.error().toString();
        }
    };
    for (const ConnectionSettings &settings : m_request.controlReplicas)
        addReplica(settings, u"replica"_s);
    // Replicas registered with the primary get the ghost's DDL and copy too: look at them with the same login.
    if (Server *p = primary()) {
        beginCheck();
        try {
            const bool newTerms = !p->isMariaDB() && p->facts.version.atLeast(8, 0, 22);
            Result hosts = query(*p, newTerms ? u"SHOW REPLICAS"_s : u"SHOW SLAVE HOSTS"_s);
            while (hosts.next()) {
                const QString host = hosts.text(u"Host"_s);
                const unsigned port = static_cast<unsigned>(hosts.toUInt(hosts.columnIndex(u"Port"_s)));
                if (!host.isEmpty() && port != 0)
                    addReplica(m_request.inspected.withEndpoint(host, port), u"replica"_s);
            }
        } catch (const DbException &) {
            // No privilege to list replicas: only the named ones are inspected (the replicas finding says so).
        } catch (const TimeLimitReached &) {
        }
    }

    Server &reader = tableServer();
    beginCheck();
    std::optional<inspect::TableSchema> loaded;
    try {
        loaded = inspect::TableSchema::load(reader.connection, m_request.database, m_request.table);
    } catch (const DbException &error) {
        throw PreflightFailure(u"cannot read the table's definition on %1: %2"_s.arg(reader.label(),
                                                                                     error.error().toString()));
    }
    if (!loaded)
        throw PreflightFailure(u"table %1 does not exist on %2"_s.arg(qualifiedTable(), reader.label()));
    if (loaded->tableType != u"BASE TABLE"_s)
        throw PreflightFailure(u"%1 is a %2, not a table"_s.arg(qualifiedTable(), loaded->tableType));
    table = std::move(*loaded);
    alter = inspect::AlterAnalysis::parse(m_request.alter);
}

Server *PreflightContext::primary()
{
    return m_primary && m_primary->reachable() ? m_primary : nullptr;
}

Server &PreflightContext::tableServer()
{
    Server *p = primary();
    return p ? *p : inspected();
}

std::vector<Server *> PreflightContext::servers() const
{
    std::vector<Server *> all;
    for (const auto &server : m_servers)
        all.push_back(server.get());
    return all;
}

void PreflightContext::beginCheck()
{
    m_checkClock.restart();
}

double PreflightContext::secondsLeft() const
{
    return checkTimeoutSeconds() - static_cast<double>(m_checkClock.elapsed()) / 1000.0;
}

QString PreflightContext::limited(const Server &server, const QString &sql) const
{
    const double left = secondsLeft();
    if (left < 0.05)
        throw TimeLimitReached();
    if (server.isMariaDB())
        return u"SET STATEMENT max_statement_time = %1, lock_wait_timeout = %2 FOR "_s.arg(left, 0, 'f', 2)
                   .arg(static_cast<int>(std::ceil(left)))
            + sql;
    // MySQL limits only SELECT statements this way; the session's lock_wait_timeout bounds the rest.
    if (sql.startsWith(u"SELECT "_s, Qt::CaseInsensitive))
        return u"SELECT /*+ MAX_EXECUTION_TIME(%1) */ "_s.arg(static_cast<qint64>(left * 1000)) + sql.mid(7);
    return sql;
}

template <typename Run>
auto PreflightContext::onServer(Server &server, Run run)
{
    if (cancelled())
        throw PreflightFailure(u"cancelled"_s);
    if (!server.reachable())
        throw DbException(DbError{0, {}, u"%1 could not be reached: %2"_s.arg(server.label(), server.unreachable), {}});
    if (!server.connection.isOpen())
        open(server);
    try {
        return run(server.connection);
    } catch (const DbException &error) {
        if (mysql::isConnectionFailure(error.code()))
            server.connection.close();
        throw;
    }
}

Result PreflightContext::query(Server &server, const QString &sql)
{
    return onServer(server, [&](mysql::Connection &connection) { return connection.query(limited(server, sql)); });
}

void PreflightContext::executeSingle(Server &server, const QString &sql)
{
    onServer(server, [&](mysql::Connection &connection) { connection.executeSingle(limited(server, sql)); });
}

std::optional<QString> PreflightContext::scalar(Server &server, const QString &sql)
{
    Result result = query(server, sql);
    if (!result.next() || result.isNull(0))
        return std::nullopt;
    return result.text(0);
}

void PreflightContext::execute(Server &server, const QString &sql)
{
    query(server, sql);
}

QString PreflightContext::executeCleanup(Server &server, const QString &sql) noexcept
{
    try {
        if (!server.connection.isOpen())
            open(server);
        server.connection.execute(sql);
        return {};
    } catch (const DbException &error) {
        return error.error().toString();
    } catch (const std::exception &error) {
        return QString::fromUtf8(error.what());
    }
}

QString PreflightContext::qualifiedTable() const
{
    return mysql::qualifiedName(m_request.database, m_request.table);
}

double PreflightContext::effectiveCopyRate() const
{
    return copyRowsPerSecond > 0 ? copyRowsPerSecond : assumedRowsPerSecond;
}

double PreflightContext::estimatedCopySeconds() const
{
    return static_cast<double>(rowsToCopy()) / effectiveCopyRate();
}

} // namespace engine::preflight
