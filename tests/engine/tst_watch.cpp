// Watching any migration (issue 14, first part): the status parser on gh-ost 1.1.6's verbatim replies
// (../shared/reference/gh-ost-transcript.md) and on Shadowswap's own, and `shadowswap-cli --watch` against a socket
// replaying gh-ost's reply, a live Shadowswap control server, and a socket that is gone.
#include "fakecontroltarget.h"

#include <control/controlserver.h>
#include <control/statusparse.h>

#include <QLocalServer>
#include <QLocalSocket>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using engine::control::parseGoDuration;
using engine::control::parseStatusReply;

namespace {

// Verbatim from the transcript: `echo status | socat - gh-ost.sock` while postponed.
const QString ghostStatus = uR"(# Migrating `gcap`.`orders`; Ghost table is `gcap`.`_orders_gho`
# Migrating vm:23306; inspecting vm:23307; executing on vm
# Migration started at Thu Dec 03 12:10:06 +0000 2026
# chunk-size: 500; max-lag-millis: 1500ms; dml-batch-size: 10; max-load: ; critical-load: ; nice-ratio: 0.000000
# throttle-additional-flag-file: /tmp/gh-ost.throttle 
# postpone-cut-over-flag-file: /tmp/gcap.postpone [set]
# Serving on unix socket: /tmp/gcap.sock
Copy: 40/40 100.0%; Applied: 1101; Backlog: 241/1000; Time: 3s(total), 1s(copy); streamer: replica-bin.000006:280218798; Lag: 0.01s, HeartbeatLag: 0.02s, State: postponing cut-over; ETA: due
)"_s;
const QString ghostCopying = u"Copy: 139000/600660 23.1%; Applied: 1280; Backlog: 0/1000; Time: 2s(total), 2s(copy); "
                             "streamer: replica-bin.000006:313572808; Lag: 0.01s, HeartbeatLag: 0.01s, State: "
                             "migrating; ETA: 6s"_s;

QString cliPath()
{
    return qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s;
}

// Runs `shadowswap-cli --watch endpoint --watch-count n` while this thread's event loop serves the endpoint.
QStringList watch(const QString &endpoint, int readings)
{
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(cliPath(), {u"--watch"_s, endpoint, u"--watch-count"_s, QString::number(readings),
                          u"--watch-interval-millis"_s, u"200"_s});
    for (int waited = 0; cli.state() != QProcess::NotRunning && waited < 30000; waited += 20)
        QTest::qWait(20);
    QStringList lines;
    for (const QString &line : QString::fromUtf8(cli.readAll()).split(u'\n', Qt::SkipEmptyParts))
        if (!line.contains(u" warning "_s) && !line.contains(u" info "_s))
            lines << line;
    return lines;
}

} // namespace

class TestWatch : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void parsesGhostStatus()
    {
        QString error;
        const auto s = parseStatusReply(ghostStatus, &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->engine, u"gh-ost"_s);
        QCOMPARE(s->database, u"gcap"_s);
        QCOMPARE(s->table, u"orders"_s);
        QCOMPARE(s->ghostTable, u"_orders_gho"_s);
        QCOMPARE(s->headerLines.size(), 7);
        QCOMPARE(s->rowsCopied, 40u);
        QCOMPARE(s->rowsEstimate, 40u);
        QCOMPARE(s->copyPercent, 100.0);
        QCOMPARE(s->applied, 1101u);
        QCOMPARE(s->backlog, 241u);
        QCOMPARE(s->elapsedSeconds, 3);
        QCOMPARE(s->copySeconds, 1);
        QCOMPARE(*s->lagSeconds, 0.01);
        QCOMPARE(*s->heartbeatLagSeconds, 0.02);
        QCOMPARE(s->state, u"postponing cut-over"_s);
        QVERIFY(s->postponed());
        QVERIFY(!s->throttled());
        QCOMPARE(s->eta, u"due"_s);
    }

    void parsesGhostSupAndRefusals()
    {
        QString error;
        const auto s = parseStatusReply(ghostCopying + u'\n', &error);
        QVERIFY(s);
        QCOMPARE(s->rowsCopied, 139000u);
        QCOMPARE(s->copyPercent, 23.1);
        QCOMPARE(s->eta, u"6s"_s);
        QVERIFY(s->table.isEmpty()); // sup has no header
        QVERIFY(!parseStatusReply(u"Unknown command: bogus\n"_s, &error));
        QCOMPARE(error, u"Unknown command: bogus"_s);
        QVERIFY(!parseStatusReply(QString(), &error));
        QCOMPARE(parseGoDuration(u"1h2m5s"_s), 3725);
        QCOMPARE(parseGoDuration(u"45s"_s), 45);
        QCOMPARE(parseGoDuration(u"N/A"_s), -1);
    }

    void parsesShadowswapStatus()
    {
        testsupport::FakeTarget target;
        target.progress.state = engine::migration::MigrationState::Postponed;
        target.progress.rowsCopied = 500;
        target.progress.rowsEstimate = 1000;
        target.progress.copyPercent = 50;
        engine::control::ControlCommandHandler handler(
            target, testsupport::ordersIdentity());
        QString error;
        const auto s = parseStatusReply(handler.execute(u"status"_s).text, &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->engine, u"shadowswap"_s);
        QCOMPARE(s->table, u"orders"_s);
        QCOMPARE(s->rowsCopied, 500u);
        QVERIFY(s->postponed());
    }

    void watchesAGhostSocket()
    {
        QTemporaryDir dir;
        QLocalServer ghost;
        QVERIFY(ghost.listen(dir.filePath(u"gh-ost.sock"_s)));
        int asked = 0;
        connect(&ghost, &QLocalServer::newConnection, this, [&] {
            QLocalSocket *client = ghost.nextPendingConnection();
            connect(client, &QLocalSocket::readyRead, client, [&asked, client] {
                if (!client->readAll().contains("status"))
                    return;
                ++asked;
                client->write(ghostStatus.toUtf8()); // then gh-ost closes the connection
                client->disconnectFromServer();
            });
        });
        const QStringList lines = watch(ghost.fullServerName(), 2);
        QCOMPARE(lines.size(), 2);
        QCOMPARE(asked, 2);
        QVERIFY2(lines[0].startsWith(u"gcap.orders [gh-ost] copy 100.0% (40/40); applied 1101; backlog 241"_s),
                 qPrintable(lines[0]));
        QVERIFY2(lines[0].contains(u"postponing cut-over; ETA due"_s), qPrintable(lines[0]));
    }

    void watchesShadowswapAndAVanishedSocket()
    {
        QTemporaryDir dir;
        testsupport::FakeTarget target;
        target.progress.state = engine::migration::MigrationState::Copying;
        target.progress.rowsCopied = 250;
        target.progress.rowsEstimate = 1000;
        target.progress.copyPercent = 25;
        engine::control::ControlServer server(
            target, testsupport::ordersIdentity());
        engine::control::ControlServerOptions options;
        options.socketFile = dir.filePath(u"ss.sock"_s);
        QString error;
        QVERIFY2(server.start(options, &error), qPrintable(error));
        QStringList lines = watch(options.socketFile, 1);
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].startsWith(u"shop.orders [shadowswap] copy 25.0% (250/1000)"_s), qPrintable(lines[0]));
        QVERIFY2(lines[0].contains(u"; migrating;"_s), qPrintable(lines[0]));
        server.stop();
        lines = watch(options.socketFile, 3); // gone: said once, polled on, nothing else printed
        QCOMPARE(lines.size(), 1);
        QVERIFY2(lines[0].contains(u"does not answer with a status"_s), qPrintable(lines[0]));
    }
};

QTEST_MAIN(TestWatch)
#include "tst_watch.moc"
