#include "clirunner.h"

#include "migrationcommand.h"
#include "preflightcommand.h"

#include <logging/logging.h>
#include <mysql/connection.h>
#include <mysql/serverfacts.h>

#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::DbException;
using engine::mysql::ServerFacts;

namespace cli {

namespace {
QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}
QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}
} // namespace

QString readPasswordFromTerminal(const QString &prompt)
{
    err() << prompt << Qt::flush;
    const bool tty = isatty(STDIN_FILENO);
    termios saved{};
    if (tty) {
        tcgetattr(STDIN_FILENO, &saved);
        termios silent = saved;
        silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSANOW, &silent);
    }
    // Byte by byte, unbuffered: a second prompt (the primary's password) must find its own line still unread.
    QByteArray line;
    char c = 0;
    while (::read(STDIN_FILENO, &c, 1) == 1 && c != '\n')
        line += c;
    if (line.endsWith('\r'))
        line.chop(1);
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSANOW, &saved);
        err() << '\n' << Qt::flush;
    }
    return QString::fromUtf8(line);
}

CliRunner::CliRunner(const FlagParser &flags)
    : m_flags(flags)
{
}

bool CliRunner::buildConnectionSettings(QString *error)
{
    auto &s = m_settings;
    QMap<QString, QString> fromConf;
    if (m_flags.isSet(u"conf"_s) && !engine::mysql::applyMyCnf(m_flags.stringValue(u"conf"_s), s, error, &fromConf))
        return false;
    // Explicit flags win over the option file.
    if (m_flags.isSet(u"host"_s) || !m_flags.isSet(u"conf"_s))
        s.host = m_flags.stringValue(u"host"_s);
    if (m_flags.isSet(u"port"_s) || !m_flags.isSet(u"conf"_s))
        s.port = static_cast<unsigned>(m_flags.intValue(u"port"_s));
    if (m_flags.isSet(u"user"_s))
        s.user = m_flags.stringValue(u"user"_s);
    if (m_flags.isSet(u"password"_s))
        s.password = m_flags.stringValue(u"password"_s);
    else if (s.password.isEmpty() && !m_flags.boolValue(u"ask-pass"_s)) {
        // Off the command line: Shadowswap's own variable, then the one the mysql clients read.
        s.password = qEnvironmentVariable("SHADOWSWAP_PASSWORD", qEnvironmentVariable("MYSQL_PWD"));
    }
    if (m_flags.boolValue(u"ask-pass"_s))
        s.password = readPasswordFromTerminal(u"Password: "_s);
    if (m_flags.isSet(u"database"_s))
        s.database = m_flags.stringValue(u"database"_s);
    if (m_flags.boolValue(u"ssl"_s) || m_flags.isSet(u"ssl-ca"_s) || m_flags.isSet(u"ssl-cert"_s)
        || m_flags.isSet(u"ssl-key"_s) || m_flags.boolValue(u"ssl-allow-insecure"_s)) {
        s.useTls = true;
        if (m_flags.isSet(u"ssl-ca"_s))
            s.tlsCa = m_flags.stringValue(u"ssl-ca"_s);
        if (m_flags.isSet(u"ssl-cert"_s))
            s.tlsCert = m_flags.stringValue(u"ssl-cert"_s);
        if (m_flags.isSet(u"ssl-key"_s))
            s.tlsKey = m_flags.stringValue(u"ssl-key"_s);
        if (m_flags.boolValue(u"ssl-allow-insecure"_s))
            s.tlsVerifyServer = false;
    }
    if (s.tlsKey.isEmpty() != s.tlsCert.isEmpty()) {
        *error = u"--ssl-key and --ssl-cert go together: a client certificate needs its key, and a key its "
                 "certificate"_s;
        return false;
    }
    if (s.useTls && !s.tlsVerifyServer)
        SS_WARN("TLS without verifying the server's certificate (--ssl-allow-insecure): the connection is encrypted "
                "but anyone in the middle can pose as {}", s.describe().toStdString());
    if (const double timeout = m_flags.floatValue(u"mysql-timeout"_s); timeout > 0) {
        s.connectTimeoutSeconds = static_cast<unsigned>(timeout + 0.999);
        s.readTimeoutSeconds = s.connectTimeoutSeconds; // as gh-ost: connect, read and write
    }
    if (!resolvePrimaryLogin(fromConf, error))
        return false;
    if (s.port == 0 || s.port > 65535) {
        *error = u"--port must be between 1 and 65535"_s;
        return false;
    }
    if (s.user.isEmpty()) {
        *error = u"no MySQL user: give --user, or a --conf file with user= in its [client] section"_s;
        return false;
    }
    return true;
}

bool CliRunner::resolvePrimaryLogin(const QMap<QString, QString> &fromConf, QString *error)
{
    // The primary's login when it differs (--master-user/--master-password), from the same places as the main
    // login's password: --conf ([client] or [shadowswap] master-user=, master-password=), the environment
    // (SHADOWSWAP_MASTER_PASSWORD), or a prompt with --ask-pass.
    for (const QString &key : {u"master-user"_s, u"master-password"_s})
        if (fromConf.contains(key) && !m_flags.supply(key, fromConf.value(key))) {
            *error = u"--conf: bad value for %1"_s.arg(key);
            return false;
        }
    if (m_flags.isSet(u"master-user"_s) && !m_flags.isSet(u"master-password"_s)) {
        QString password = qEnvironmentVariable("SHADOWSWAP_MASTER_PASSWORD");
        if (password.isEmpty() && m_flags.boolValue(u"ask-pass"_s))
            password = readPasswordFromTerminal(u"Password for %1 on the primary: "_s.arg(m_flags.stringValue(u"master-user"_s)));
        if (!password.isEmpty())
            m_flags.supply(u"master-password"_s, password);
    }
    return true;
}

int CliRunner::printServerFacts()
{
    Connection connection = Connection::open(m_settings, u"inspect"_s);
    out() << ServerFacts::read(connection).summary() << Qt::flush;
    return Success;
}

int CliRunner::run()
{
    QString error;
    if (!buildConnectionSettings(&error)) {
        err() << "shadowswap-cli: " << error << '\n';
        return Usage;
    }
    if (m_flags.boolValue(u"preflight-only"_s))
        return runPreflightCommand(m_flags, m_settings);
    const bool migrationMode = m_flags.isSet(u"alter"_s) || m_flags.isSet(u"table"_s);
    if (migrationMode && !m_flags.boolValue(u"server-facts"_s)) {
        engine::migration::MigrationSpec spec;
        if (!buildMigrationSpec(m_flags, m_settings, spec, &error)) {
            err() << "shadowswap-cli: " << error << '\n';
            return Usage;
        }
        ControlSetup control;
        if (!buildControlSetup(m_flags, spec, control, &error)) {
            err() << "shadowswap-cli: " << error << '\n';
            return Usage;
        }
        return runMigrationCommand(spec, m_flags.stringValue(u"history-file"_s), control);
    }
    try {
        return printServerFacts();
    } catch (const DbException &exception) {
        err() << "shadowswap-cli: " << exception.error().toString() << '\n';
        return Failure;
    }
}

} // namespace cli
