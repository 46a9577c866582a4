// TLS that means it (issue 13): against a throwaway MariaDB server with certificates made here with openssl, a
// verified connection works; a wrong CA, a certificate that names another address, and a server without TLS are
// refused (no silent plaintext fallback); turning verification off is explicit and still encrypted. The CLI's
// flags do the same, and --ssl-key without --ssl-cert is refused.
#include <sandbox.h>
#include <tlsserver.h>

#include <mysql/connection.h>

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::ConnectionSettings;
using engine::mysql::DbException;

namespace {

// The connection's failure message, or empty when it connected.
QString refusal(const ConnectionSettings &settings)
{
    try {
        Connection::open(settings);
        return {};
    } catch (const DbException &error) {
        return error.error().message;
    }
}

struct CliRun {
    int exitCode = -1;
    QString output;
};

CliRun cli(const QStringList &arguments)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s, arguments);
    if (!process.waitForFinished(60000))
        process.kill();
    return {process.exitCode(), QString::fromUtf8(process.readAll())};
}

} // namespace

class TestTls : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_server = std::make_unique<testsupport::TlsServer>(m_dir.path());
        QVERIFY2(m_server->isRunning(), qPrintable(m_server->error()));
    }

    void verifiedConnectionIsEncrypted()
    {
        Connection connection = Connection::open(m_server->settings());
        auto cipher = connection.query(u"SHOW SESSION STATUS LIKE 'Ssl_cipher'"_s);
        QVERIFY(cipher.next());
        QVERIFY2(!cipher.text(1).isEmpty(), "the session is not encrypted");
    }

    void wrongCaIsRefused()
    {
        ConnectionSettings settings = m_server->settings();
        settings.tlsCa = m_server->otherCaFile();
        const QString why = refusal(settings);
        QVERIFY2(!why.isEmpty(), "connected although the server's certificate is not signed by the given CA");
        QVERIFY2(why.contains(u"--ssl-ca"_s), qPrintable(why));
    }

    void certificateForAnotherAddressIsRefused()
    {
        ConnectionSettings settings = m_server->settings();
        settings.host = u"127.0.0.2"_s; // the same server; its certificate names 127.0.0.1 only
        const QString why = refusal(settings);
        QVERIFY2(!why.isEmpty(), "connected although the certificate names another address");
    }

    void verificationOffIsExplicitAndStillEncrypted()
    {
        ConnectionSettings settings = m_server->settings();
        settings.tlsCa = m_server->otherCaFile();
        settings.tlsVerifyServer = false;
        Connection connection = Connection::open(settings);
        auto cipher = connection.query(u"SHOW SESSION STATUS LIKE 'Ssl_cipher'"_s);
        QVERIFY(cipher.next());
        QVERIFY(!cipher.text(1).isEmpty());
    }

    // The sandbox's servers have no TLS: asking for it must fail, not fall back to plaintext.
    void serverWithoutTlsIsRefused()
    {
        REQUIRE_SANDBOX(sandbox);
        ConnectionSettings settings = sandbox.primary;
        settings.useTls = true;
        settings.tlsCa = m_server->caFile();
        QVERIFY2(!refusal(settings).isEmpty(), "connected in plaintext although TLS was asked for");
        settings.tlsVerifyServer = false;
        QVERIFY2(!refusal(settings).isEmpty(), "connected in plaintext although TLS was asked for (unverified)");
    }

    void cliFlags()
    {
        const QStringList login = {u"--host"_s, u"127.0.0.1"_s, u"--port"_s, QString::number(m_server->port()),
                                   u"--user"_s, u"tlsuser"_s, u"--server-facts"_s};
        qputenv("SHADOWSWAP_PASSWORD", "tlspass");
        const CliRun verified = cli(login + QStringList{u"--ssl-ca"_s, m_server->caFile()});
        QVERIFY2(verified.exitCode == 0, qPrintable(verified.output));
        const CliRun wrongCa = cli(login + QStringList{u"--ssl-ca"_s, m_server->otherCaFile()});
        QVERIFY2(wrongCa.exitCode != 0 && wrongCa.output.contains(u"--ssl-ca"_s), qPrintable(wrongCa.output));
        const CliRun insecure = cli(login + QStringList{u"--ssl-ca"_s, m_server->otherCaFile(), u"--ssl-allow-insecure"_s});
        QVERIFY2(insecure.exitCode == 0 && insecure.output.contains(u"without verifying"_s), qPrintable(insecure.output));
        const CliRun keyAlone = cli(login + QStringList{u"--ssl-key"_s, m_dir.filePath(u"server.key"_s)});
        QVERIFY2(keyAlone.exitCode != 0 && keyAlone.output.contains(u"--ssl-cert"_s), qPrintable(keyAlone.output));
        qunsetenv("SHADOWSWAP_PASSWORD");
    }

    void cleanupTestCase() { m_server.reset(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<testsupport::TlsServer> m_server;
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
