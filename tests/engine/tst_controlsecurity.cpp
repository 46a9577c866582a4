// The TCP control port's defences (issue 13): a secret required beyond loopback and checked as a client's first
// line, the commands that run SQL or reach other hosts refused over TCP unless allowed, and limits on simultaneous
// connections and bytes per connection, so idle or flooding clients can't starve the controller.
#include "controlclient.h"
#include "fakecontroltarget.h"

#include <control/controlserver.h>

#include <QTemporaryDir>
#include <QTest>

#include <vector>

#include <unistd.h>

using namespace Qt::StringLiterals;
using engine::control::ControlServer;
using engine::control::ControlServerOptions;
using engine::control::parseTcpEndpoint;
using testsupport::FakeTarget;
using testsupport::viaTcp;
using testsupport::viaUnix;

namespace {

const QByteArray token = "0123456789abcdef0123";

ControlServerOptions loopbackTcp()
{
    ControlServerOptions options;
    QString error;
    options.tcp = *parseTcpEndpoint(u"127.0.0.1:0"_s, &error);
    return options;
}

} // namespace

class TestControlSecurity : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void beyondLoopbackNeedsAToken()
    {
        FakeTarget target;
        ControlServer server(target, testsupport::ordersIdentity());
        ControlServerOptions options;
        QString error;
        options.tcp = *parseTcpEndpoint(u"0.0.0.0:0"_s, &error);
        QVERIFY(!server.start(options, &error));
        QVERIFY2(error.contains(u"--serve-tcp-token-file"_s) && error.contains(u"beyond loopback"_s), qPrintable(error));
        QCOMPARE(server.tcpPort(), quint16(0)); // nothing left listening

        options.tcpToken = QString::fromLatin1(token);
        QVERIFY2(server.start(options, &error), qPrintable(error));
        QVERIFY(server.tcpPort() > 0);
    }

    void tokenIsTheFirstLine()
    {
        FakeTarget target;
        ControlServer server(target, testsupport::ordersIdentity());
        ControlServerOptions options = loopbackTcp();
        options.tcpToken = QString::fromLatin1(token);
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        const auto before = target.controls;
        QVERIFY(viaTcp(server.tcpPort(), "throttle\n").startsWith("ERROR: this control port needs its token"));
        QVERIFY(viaTcp(server.tcpPort(), "wrong-secret-0123456\nthrottle\n").startsWith("ERROR: this control port"));
        QVERIFY(viaTcp(server.tcpPort(), token.left(token.size() - 1) + "\nthrottle\n").startsWith("ERROR: "));
        QVERIFY(viaTcp(server.tcpPort(), token, true).startsWith("ERROR: ")); // a token and no command
        QVERIFY(target.controls == before);
        QVERIFY(viaTcp(server.tcpPort(), token + "\nthrottle\n").startsWith("Throttled by the operator"));
        QVERIFY(target.controls.operatorThrottle);
        // The command may arrive after the token, in another packet: half-close sends both.
        QVERIFY(viaTcp(server.tcpPort(), token + "\nno-throttle", true).startsWith("Operator throttling ended"));
    }

    void sqlAndOtherHostsAreRefusedOverTcpUnlessAllowed()
    {
        QTemporaryDir dir;
        FakeTarget target;
        ControlServer server(target, testsupport::ordersIdentity());
        ControlServerOptions options = loopbackTcp();
        options.socketFile = dir.filePath(u"control.sock"_s);
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        const auto before = target.controls;
        for (const QByteArray &command : {QByteArray("throttle-query=SELECT 1\n"),
                                         QByteArray("throttle-control-replicas=10.0.0.9:3306\n"),
                                         QByteArray("postpone-cut-over-flag-file=/tmp/x\n")}) {
            const QByteArray reply = viaTcp(server.tcpPort(), command);
            QVERIFY2(reply.startsWith("ERROR: ") && reply.contains("--serve-tcp-allow-all-commands"), reply.constData());
        }
        QVERIFY(target.controls == before);
        QVERIFY(!viaTcp(server.tcpPort(), "throttle-query=?\n").startsWith("ERROR: ")); // reading is harmless
        QVERIFY(viaTcp(server.tcpPort(), "chunk-size=700\n").startsWith("chunk-size: 700"));
        // The unix socket (mode 0600: its owner only) may.
        QVERIFY(!viaUnix(options.socketFile, "throttle-query=SELECT 1\n").startsWith("ERROR: "));
        QCOMPARE(target.controls.throttle.throttleQuery, u"SELECT 1"_s);

        ControlServer allowing(target, testsupport::ordersIdentity());
        options = loopbackTcp();
        options.tcpAllowAllCommands = true;
        QVERIFY2(allowing.start(options, &error), qPrintable(error));
        QVERIFY(!viaTcp(allowing.tcpPort(), "throttle-query=SELECT 2\n").startsWith("ERROR: "));
        QCOMPARE(target.controls.throttle.throttleQuery, u"SELECT 2"_s);
    }

    // Idle clients hold a descriptor each for 10 s: beyond the limit, connections are turned away at once and
    // the ones being served still are; when they go, commands are answered again.
    void idleClientsCantTakeEveryConnection()
    {
        FakeTarget target;
        ControlServer server(target, testsupport::ordersIdentity());
        const ControlServerOptions options = loopbackTcp();
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        std::vector<int> idle;
        for (int i = 0; i < 16; ++i)
            idle.push_back(testsupport::openIdleTcp(server.tcpPort()));
        QTRY_COMPARE_WITH_TIMEOUT(server.openConnections(), 16, 5000);
        QVERIFY(viaTcp(server.tcpPort(), "status\n").startsWith("ERROR: too many control connections"));
        for (int fd : idle)
            ::close(fd);
        QTRY_VERIFY_WITH_TIMEOUT(!viaTcp(server.tcpPort(), "status\n").startsWith("ERROR: "), 5000);
    }

    // A client that sends without end is cut off after twice the longest line; the server keeps serving.
    void aFloodIsCutOff()
    {
        FakeTarget target;
        ControlServer server(target, testsupport::ordersIdentity());
        const ControlServerOptions options = loopbackTcp();
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        const QByteArray reply = viaTcp(server.tcpPort(), QByteArray(8 * 1024 * 1024, 'x'));
        QVERIFY2(reply.isEmpty() || reply.startsWith("ERROR: "), reply.left(200).constData());
        QVERIFY(viaTcp(server.tcpPort(), "chunk-size=900\n").startsWith("chunk-size: 900"));
    }
};

QTEST_MAIN(TestControlSecurity)
#include "tst_controlsecurity.moc"
