#include "tlsserver.h"

#include <mysql/connection.h>

#include <QFile>
#include <QStandardPaths>
#include <QTcpServer>
#include <QThread>

using namespace Qt::StringLiterals;

namespace testsupport {

TlsServer::TlsServer(const QString &dir)
    : m_dir(dir)
{
    if (makeCertificates())
        startServer();
}

TlsServer::~TlsServer()
{
    if (m_server.state() == QProcess::NotRunning)
        return;
    m_server.terminate();
    if (!m_server.waitForFinished(30000))
        m_server.kill();
    m_server.waitForFinished(5000);
}

engine::mysql::ConnectionSettings TlsServer::settings() const
{
    engine::mysql::ConnectionSettings s;
    s.host = u"127.0.0.1"_s;
    s.port = m_port;
    s.user = u"tlsuser"_s;
    s.password = u"tlspass"_s;
    s.useTls = true;
    s.tlsCa = caFile();
    s.tlsVerifyServer = true;
    s.connectTimeoutSeconds = 10;
    return s;
}

bool TlsServer::run(const QString &program, const QStringList &arguments, QString *output)
{
    QProcess process;
    process.setWorkingDirectory(m_dir);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(program, arguments);
    const bool finished = process.waitForFinished(120000);
    const QString text = QString::fromUtf8(process.readAll());
    if (output)
        *output = text;
    if (!finished || process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_error = u"%1 %2 failed: %3"_s.arg(program, arguments.join(u' '), text.right(1500));
        return false;
    }
    return true;
}

bool TlsServer::makeCertificates()
{
    QFile ext(m_dir + u"/server.ext"_s);
    if (!ext.open(QIODevice::WriteOnly) || ext.write("subjectAltName=IP:127.0.0.1\n") < 0)
        return m_error = u"cannot write %1"_s.arg(ext.fileName()), false;
    ext.close();
    const QString openssl = u"openssl"_s;
    const QStringList days = {u"-days"_s, u"2"_s};
    return run(openssl, QStringList{u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                                    u"ca.key"_s, u"-out"_s, u"ca.pem"_s, u"-subj"_s, u"/CN=shadowswap test CA"_s} + days)
        && run(openssl, QStringList{u"req"_s, u"-x509"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s,
                                    u"other-ca.key"_s, u"-out"_s, u"other-ca.pem"_s, u"-subj"_s, u"/CN=another CA"_s}
                   + days)
        && run(openssl, {u"req"_s, u"-newkey"_s, u"rsa:2048"_s, u"-nodes"_s, u"-keyout"_s, u"server.key"_s, u"-out"_s,
                         u"server.csr"_s, u"-subj"_s, u"/CN=127.0.0.1"_s})
        && run(openssl, QStringList{u"x509"_s, u"-req"_s, u"-in"_s, u"server.csr"_s, u"-CA"_s, u"ca.pem"_s, u"-CAkey"_s,
                                    u"ca.key"_s, u"-CAcreateserial"_s, u"-out"_s, u"server.pem"_s, u"-extfile"_s,
                                    u"server.ext"_s} + days);
}

bool TlsServer::startServer()
{
    QTcpServer probe; // a free port, released just before the server takes it
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return m_error = u"no free port"_s, false;
    m_port = probe.serverPort();
    probe.close();
    const QString config = m_dir + u"/my.cnf"_s;
    QFile cnf(config);
    const QString text = u"[mysqld]\ndatadir=%1/data\nsocket=%1/mysqld.sock\npid-file=%1/mysqld.pid\nlog-error=%1/error.log\n"
                         "port=%2\nbind-address=127.0.0.1,127.0.0.2\nskip-name-resolve\nssl-ca=%1/ca.pem\n"
                         "ssl-cert=%1/server.pem\nssl-key=%1/server.key\ninnodb_buffer_pool_size=32M\n"
                         "innodb_log_file_size=16M\nperformance_schema=OFF\n"_s.arg(m_dir, QString::number(m_port));
    if (!cnf.open(QIODevice::WriteOnly) || cnf.write(text.toUtf8()) < 0)
        return m_error = u"cannot write %1"_s.arg(config), false;
    cnf.close();
    const QString user = qEnvironmentVariable("USER", u"root"_s);
    const QString installDb = QStandardPaths::findExecutable(u"mariadb-install-db"_s);
    QString mariadbd = QStandardPaths::findExecutable(u"mariadbd"_s);
    if (mariadbd.isEmpty())
        mariadbd = QStandardPaths::findExecutable(u"mariadbd"_s, {u"/usr/sbin"_s});
    if (installDb.isEmpty() || mariadbd.isEmpty())
        return m_error = u"mariadb-install-db or mariadbd not found: run scripts/bootstrap"_s, false;
    if (!run(installDb, {u"--defaults-file="_s + config, u"--user="_s + user, u"--skip-test-db"_s,
                         u"--auth-root-authentication-method=normal"_s}))
        return false;
    m_server.setProcessChannelMode(QProcess::MergedChannels);
    m_server.start(mariadbd, {u"--defaults-file="_s + config, u"--user="_s + user});
    engine::mysql::ConnectionSettings root;
    root.user = u"root"_s;
    root.socketPath = m_dir + u"/mysqld.sock"_s;
    for (int attempt = 0; attempt < 120; ++attempt) {
        try {
            engine::mysql::Connection admin = engine::mysql::Connection::open(root);
            admin.execute(u"CREATE USER 'tlsuser'@'%' IDENTIFIED BY 'tlspass' REQUIRE SSL"_s);
            admin.execute(u"GRANT ALL ON *.* TO 'tlsuser'@'%'"_s);
            return true;
        } catch (const engine::mysql::DbException &) {
            if (m_server.state() == QProcess::NotRunning)
                break;
            QThread::msleep(500);
        }
    }
    QFile log(m_dir + u"/error.log"_s);
    log.open(QIODevice::ReadOnly);
    m_error = u"the TLS test server did not start: "_s + QString::fromUtf8(log.readAll().right(1500));
    return false;
}

} // namespace testsupport
