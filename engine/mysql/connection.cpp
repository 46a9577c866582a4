#include "connection.h"

#include <mysql.h>

#include <mutex>
#include <utility>

using namespace Qt::StringLiterals;

namespace engine::mysql {

namespace {
void initLibraryOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { mysql_library_init(0, nullptr, nullptr); });
}

DbError errorOf(MYSQL *mysql, const QString &statement)
{
    return DbError{mysql_errno(mysql), QString::fromLatin1(mysql_sqlstate(mysql)),
                   QString::fromUtf8(mysql_error(mysql)), statement};
}
} // namespace

Connection::Connection(Connection &&other) noexcept
    : m_mysql(std::exchange(other.m_mysql, nullptr))
    , m_settings(std::move(other.m_settings))
    , m_purpose(std::move(other.m_purpose))
{
}

Connection &Connection::operator=(Connection &&other) noexcept
{
    if (this != &other) {
        close();
        m_mysql = std::exchange(other.m_mysql, nullptr);
        m_settings = std::move(other.m_settings);
        m_purpose = std::move(other.m_purpose);
    }
    return *this;
}

Connection::~Connection()
{
    close();
}

void Connection::close()
{
    if (m_mysql) {
        mysql_close(m_mysql);
        m_mysql = nullptr;
    }
}

Connection Connection::open(const ConnectionSettings &settings, const QString &purpose)
{
    initLibraryOnce();
    Connection connection;
    connection.m_settings = settings;
    connection.m_purpose = purpose;
    MYSQL *mysql = mysql_init(nullptr);
    if (!mysql)
        throw DbException(DbError{0, {}, u"out of memory creating a MySQL client handle"_s, {}});
    connection.m_mysql = mysql;

    const unsigned connectTimeout = settings.connectTimeoutSeconds;
    mysql_optionsv(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &connectTimeout);
    if (settings.readTimeoutSeconds > 0) {
        const unsigned readTimeout = settings.readTimeoutSeconds;
        mysql_optionsv(mysql, MYSQL_OPT_READ_TIMEOUT, &readTimeout);
        mysql_optionsv(mysql, MYSQL_OPT_WRITE_TIMEOUT, &readTimeout);
    }
    mysql_optionsv(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
    const QByteArray program = (u"shadowswap"_s + (purpose.isEmpty() ? QString() : u"-"_s + purpose)).toUtf8();
    mysql_optionsv(mysql, MYSQL_OPT_CONNECT_ATTR_ADD, "program_name", program.constData());
    if (settings.useTls) {
        const QByteArray ca = settings.tlsCa.toUtf8(), cert = settings.tlsCert.toUtf8(), key = settings.tlsKey.toUtf8();
        // Connector/C checks the chain whenever it has a CA; --ssl-allow-insecure skips chain and name (gh-ost's
        // meaning), so the CA is left out then.
        const bool checkChain = settings.tlsVerifyServer && !ca.isEmpty();
        mysql_ssl_set(mysql, key.isEmpty() ? nullptr : key.constData(), cert.isEmpty() ? nullptr : cert.constData(),
                      checkChain ? ca.constData() : nullptr, nullptr, nullptr);
        const my_bool verify = settings.tlsVerifyServer ? 1 : 0;
        mysql_optionsv(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify);
        const my_bool enforce = 1; // a server without TLS is an error, not a plaintext session
        mysql_optionsv(mysql, MYSQL_OPT_SSL_ENFORCE, &enforce);
    }

    const QByteArray host = settings.host.toUtf8(), user = settings.user.toUtf8(),
                     password = settings.password.toUtf8(), database = settings.database.toUtf8(),
                     socket = settings.socketPath.toUtf8();
    const unsigned long flags = CLIENT_MULTI_STATEMENTS | CLIENT_MULTI_RESULTS | CLIENT_FOUND_ROWS;
    if (!mysql_real_connect(mysql, socket.isEmpty() ? host.constData() : nullptr, user.constData(),
                            password.constData(), database.isEmpty() ? nullptr : database.constData(),
                            settings.port, socket.isEmpty() ? nullptr : socket.constData(), flags)) {
        DbError error = errorOf(mysql, {});
        error.message = u"cannot connect to %1: %2"_s.arg(settings.describe(), error.message);
        if (settings.useTls)
            error.message += settings.tlsVerifyServer
                ? u" (TLS with the server's certificate verified: check --ssl-ca and that the certificate names the "
                  "host you connect to)"_s
                : u" (TLS)"_s;
        throw DbException(std::move(error));
    }
    if (settings.useTls && !mysql_get_ssl_cipher(mysql))
        throw DbException(DbError{0, {}, u"cannot connect to %1: TLS was asked for but the session is not encrypted"_s.arg(
                                             settings.describe()), {}});
    if (!settings.sessionInit.isEmpty())
        connection.execute(settings.sessionInit);
    return connection;
}

unsigned long Connection::threadId() const
{
    return m_mysql ? mysql_thread_id(m_mysql) : 0;
}

QString Connection::serverVersion() const
{
    return m_mysql ? QString::fromUtf8(mysql_get_server_info(m_mysql)) : QString();
}

void Connection::fail(const QString &statement) const
{
    throw DbException(errorOf(m_mysql, statement));
}

void Connection::send(const QString &sql)
{
    if (!m_mysql)
        throw DbException(DbError{0, {}, u"connection is closed"_s, sql});
    const QByteArray bytes = sql.toUtf8();
    if (mysql_real_query(m_mysql, bytes.constData(), static_cast<unsigned long>(bytes.size())) != 0)
        fail(sql);
}

void Connection::execute(const QString &sql)
{
    executeBatch(sql);
}

namespace {
// Multi-statement support off on `mysql` for this object's lifetime.
class SingleStatementOnly {
public:
    explicit SingleStatementOnly(MYSQL *mysql)
        : m_mysql(mysql)
    {
        if (mysql_set_server_option(m_mysql, MYSQL_OPTION_MULTI_STATEMENTS_OFF) != 0)
            throw DbException(errorOf(m_mysql, u"(multi-statement support off)"_s));
    }
    ~SingleStatementOnly() { mysql_set_server_option(m_mysql, MYSQL_OPTION_MULTI_STATEMENTS_ON); }
    SingleStatementOnly(const SingleStatementOnly &) = delete;
    SingleStatementOnly &operator=(const SingleStatementOnly &) = delete;

private:
    MYSQL *m_mysql;
};
} // namespace

void Connection::executeSingle(const QString &sql)
{
    if (!m_mysql)
        throw DbException(DbError{0, {}, u"connection is closed"_s, sql});
    const SingleStatementOnly single(m_mysql);
    executeBatch(sql);
}

std::optional<QString> Connection::scalarSingle(const QString &sql)
{
    if (!m_mysql)
        throw DbException(DbError{0, {}, u"connection is closed"_s, sql});
    const SingleStatementOnly single(m_mysql);
    return scalar(sql);
}

std::vector<quint64> Connection::executeBatch(const QString &sql)
{
    send(sql);
    std::vector<quint64> affected;
    for (;;) {
        if (MYSQL_RES *result = mysql_store_result(m_mysql))
            mysql_free_result(result);
        else if (mysql_field_count(m_mysql) != 0)
            fail(sql);
        affected.push_back(mysql_affected_rows(m_mysql));
        const int status = mysql_next_result(m_mysql);
        if (status < 0)
            break;
        if (status > 0)
            fail(sql); // a later statement of the batch failed; the server ran none after it
    }
    return affected;
}

Result Connection::query(const QString &sql)
{
    send(sql);
    MYSQL_RES *result = mysql_store_result(m_mysql);
    if (!result && mysql_field_count(m_mysql) != 0)
        fail(sql);
    Result owned(result);
    // Drain any further results so the connection stays usable.
    while (mysql_more_results(m_mysql)) {
        if (mysql_next_result(m_mysql) > 0)
            fail(sql);
        if (MYSQL_RES *extra = mysql_store_result(m_mysql))
            mysql_free_result(extra);
    }
    return owned;
}

std::optional<QString> Connection::scalar(const QString &sql)
{
    Result result = query(sql);
    if (!result.next() || result.isNull(0))
        return std::nullopt;
    return result.text(0);
}

quint64 Connection::affectedRows() const
{
    return m_mysql ? mysql_affected_rows(m_mysql) : 0;
}

unsigned Connection::warningCount() const
{
    return m_mysql ? mysql_warning_count(m_mysql) : 0;
}

QString Connection::quote(const QString &value) const
{
    const QByteArray raw = value.toUtf8();
    QByteArray escaped(raw.size() * 2 + 1, Qt::Uninitialized);
    const unsigned long length = mysql_real_escape_string(m_mysql, escaped.data(), raw.constData(),
                                                          static_cast<unsigned long>(raw.size()));
    escaped.truncate(static_cast<qsizetype>(length));
    return u"'"_s + QString::fromUtf8(escaped) + u"'"_s;
}

} // namespace engine::mysql
