// The control server without a database: the socket file's mode and lifetime, refusals, one command per
// connection over unix socket and TCP (also without a trailing newline), and --serve-tcp-port parsing.
#include "controlclient.h"
#include "fakecontroltarget.h"

#include <control/controlserver.h>

#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

#include <future>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace Qt::StringLiterals;
using engine::control::ControlServer;
using engine::control::ControlServerOptions;
using engine::control::parseTcpEndpoint;
using testsupport::FakeTarget;
using testsupport::viaTcp;
using testsupport::viaUnix;

namespace {

int fileMode(const QString &path)
{
    struct stat info {};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

// A socket file nobody listens on, as a crashed migration leaves behind.
bool makeStaleSocket(const QString &path)
{
    const int fd = ::socket(AF_UNIX, SOCK_STREAM, 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    const QByteArray encoded = QFile::encodeName(path);
    std::memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()));
    const bool bound = ::bind(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return bound;
}

} // namespace

class TestControlServer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void socketFileIsOwnerOnlyAndRemovedOnStop()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"c.sock"_s);
        FakeTarget target;
        ControlServer server(target, testsupport::ordersIdentity());
        ControlServerOptions options;
        options.socketFile = path;
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        QCOMPARE(fileMode(path), 0600);
        QCOMPARE(server.endpoints(), QStringList{u"unix socket: "_s + path});
        QVERIFY(viaUnix(path, "status\n").contains(QByteArray(QByteArray("# Serving on unix socket: ") + path.toUtf8())));
        server.stop();
        QVERIFY(!QFileInfo::exists(path));
    }

    void refusesExistingFilesUnlessDroppingASocket()
    {
        QTemporaryDir dir;
        FakeTarget target;
        ControlServer server(target, testsupport::ordersIdentity());
        ControlServerOptions options;
        QString error;
        options.socketFile = dir.filePath(u"regular"_s);
        QVERIFY(QFile(options.socketFile).open(QIODevice::WriteOnly));
        QVERIFY(!server.start(options, &error));
        QVERIFY2(error.contains(u"--initially-drop-socket-file"_s), qPrintable(error));
        options.dropExistingSocketFile = true;
        QVERIFY(!server.start(options, &error));
        QVERIFY2(error.contains(u"not a socket"_s), qPrintable(error));
        QVERIFY(QFileInfo(options.socketFile).isFile()); // someone else's file stays
        QVERIFY(server.endpoints().isEmpty());

        // A socket nobody listens on (its process was killed) is cleared without the flag: a restart after a
        // crash must not trip over it.
        options.socketFile = dir.filePath(u"stale.sock"_s);
        QVERIFY(makeStaleSocket(options.socketFile));
        options.dropExistingSocketFile = false;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        QCOMPARE(viaUnix(options.socketFile, "chunk-size=?\n"), QByteArray("0\n"));
        // A socket another migration serves on is never taken over without the flag.
        ControlServer second(target, testsupport::ordersIdentity());
        QVERIFY(!second.start(options, &error));
        QVERIFY2(error.contains(u"--initially-drop-socket-file"_s), qPrintable(error));
        QCOMPARE(viaUnix(options.socketFile, "chunk-size=?\n"), QByteArray("0\n"));
    }

    void answersOneCommandPerConnection()
    {
        QTemporaryDir dir;
        FakeTarget target;
        ControlServer server(target, testsupport::ordersIdentity());
        ControlServerOptions options;
        options.socketFile = dir.filePath(u"c.sock"_s);
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        QVERIFY(viaUnix(options.socketFile, "sup\n").startsWith("Copy: 0/0 0.0%; Applied: 0;"));
        // Only the first line counts; the connection closes after its reply.
        QVERIFY(viaUnix(options.socketFile, "dml-batch-size=7\nthrottle\n").startsWith("dml-batch-size: 7"));
        QCOMPARE(target.controls.dmlBatchSize, 7);
        QVERIFY(!target.controls.operatorThrottle);
        // printf throttle | socat - SOCKET: no newline, then end of input.
        QVERIFY(viaUnix(options.socketFile, "throttle", true).startsWith("Throttled by the operator"));
        QVERIFY(target.controls.operatorThrottle);
        const auto before = target.controls;
        QVERIFY(viaUnix(options.socketFile, QByteArray(70 * 1024, 'x')).startsWith("ERROR: the command line is longer"));
        QCOMPARE(viaUnix(options.socketFile, "", true), QByteArray()); // nothing asked, nothing answered
        QVERIFY(viaUnix(options.socketFile, "max-load=Threads_running\n").startsWith("ERROR: "));
        QVERIFY(target.controls == before);
    }

    void servesTcpOnLoopbackByDefault()
    {
        FakeTarget target;
        ControlServer server(target, testsupport::ordersIdentity());
        ControlServerOptions options;
        QString error;
        options.tcp = *parseTcpEndpoint(u"127.0.0.1:0"_s, &error);
        QVERIFY2(server.start(options, &error), qPrintable(error));
        QVERIFY(server.tcpPort() > 0);
        QVERIFY(server.endpoints().first().startsWith(u"TCP port: 127.0.0.1:"_s));
        QVERIFY(viaTcp(server.tcpPort(), "max-lag-millis=2500\n").startsWith("max-lag-millis: 2500"));
        QCOMPARE(target.controls.maxLagMillis, 2500);
        QVERIFY(viaTcp(server.tcpPort(), "no-throttle", true).startsWith("Operator throttling ended"));
    }

    void parsesTcpEndpoints_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<bool>("enabled");
        QTest::addColumn<QString>("address");
        QTest::addColumn<int>("port");
        QTest::newRow("port") << u"9001"_s << true << true << u"127.0.0.1"_s << 9001;
        QTest::newRow("off") << u"0"_s << true << false << u"127.0.0.1"_s << 0;
        QTest::newRow("empty") << u""_s << true << false << u"127.0.0.1"_s << 0;
        QTest::newRow("any") << u"0.0.0.0:9001"_s << true << true << u"0.0.0.0"_s << 9001;
        QTest::newRow("ipv6") << u"[::1]:9001"_s << true << true << u"::1"_s << 9001;
        QTest::newRow("localhost") << u"localhost:9001"_s << true << true << u"127.0.0.1"_s << 9001;
        QTest::newRow("text") << u"soon"_s << false << false << QString() << 0;
        QTest::newRow("too big") << u"70000"_s << false << false << QString() << 0;
        QTest::newRow("negative") << u"-1"_s << false << false << QString() << 0;
        QTest::newRow("bad address") << u"999.1.1.1:80"_s << false << false << QString() << 0;
        QTest::newRow("host name") << u"db.example.org:80"_s << false << false << QString() << 0;
    }
    void parsesTcpEndpoints()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(bool, enabled);
        QFETCH(QString, address);
        QFETCH(int, port);
        QString error;
        const auto endpoint = parseTcpEndpoint(text, &error);
        QCOMPARE(endpoint.has_value(), valid);
        if (!valid) {
            QVERIFY(error.contains(u"--serve-tcp-port"_s));
            return;
        }
        QCOMPARE(endpoint->enabled, enabled);
        QCOMPARE(endpoint->address.toString(), address);
        QCOMPARE(int(endpoint->port), port);
    }
};

QTEST_GUILESS_MAIN(TestControlServer)
#include "tst_controlserver.moc"
