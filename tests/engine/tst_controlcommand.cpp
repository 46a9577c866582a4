// The control socket's command language (gh-ost's vocabulary) against a fake migration: every command, NAME=?,
// and that malformed or out-of-range input is refused with one error line and changes nothing.
#include "fakecontroltarget.h"

#include <control/controlcommand.h>

#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using engine::control::ControlCommandHandler;
using engine::control::ControlIdentity;
using engine::control::ControlReply;
using engine::migration::MigrationState;
using engine::migration::ProgressSnapshot;
using testsupport::Controls;
using testsupport::FakeTarget;

namespace {

ProgressSnapshot copying()
{
    ProgressSnapshot s;
    s.state = MigrationState::Copying;
    s.elapsedMillis = 65000;
    s.millisInState[static_cast<size_t>(MigrationState::Copying)] = 61000;
    s.rowsCopied = 1200;
    s.rowsEstimate = 5000;
    s.copyPercent = 24.0;
    s.eventsApplied = 12;
    s.backlog = 3;
    s.streamLagMillis = 100;
    s.replicaLagMillis = 120;
    s.etaSeconds = 9;
    s.binlogPosition = u"mariadb-bin.000003:4567"_s;
    s.chunkSize = 812;
    return s;
}

ControlIdentity identity()
{
    ControlIdentity id;
    id.database = u"shop"_s;
    id.table = u"orders"_s;
    id.ghostTable = u"_orders_gho"_s;
    id.servingOn = {u"unix socket: /tmp/gh-ost.shop.orders.sock"_s};
    return id;
}

} // namespace

class TestControlCommand : public QObject {
    Q_OBJECT
private:
    FakeTarget m_target;
    std::unique_ptr<ControlCommandHandler> m_handler;

    ControlReply run(const QString &line) { return m_handler->execute(line); }

private Q_SLOTS:
    void init()
    {
        m_target = FakeTarget{};
        m_target.progress = copying();
        m_handler = std::make_unique<ControlCommandHandler>(m_target, identity());
    }

    void helpListsEveryCommand()
    {
        const ControlReply reply = run(u"help"_s);
        QVERIFY(reply.ok);
        for (const QString &command :
             {u"status"_s, u"sup"_s, u"coordinates"_s, u"chunk-size="_s, u"dml-batch-size="_s, u"max-lag-millis="_s,
              u"max-load="_s, u"critical-load="_s, u"nice-ratio="_s, u"throttle-query="_s,
              u"throttle-control-replicas="_s, u"throttle"_s, u"no-throttle"_s, u"postpone-cut-over-flag-file="_s,
              u"unpostpone"_s, u"panic"_s, u"help"_s})
            QVERIFY2(reply.text.contains(command), qPrintable(command));
        QCOMPARE(m_target.controls, Controls{});
    }

    void supIsGhostsStatusLine()
    {
        const ControlReply reply = run(u"sup\n"_s);
        QVERIFY(reply.ok);
        QCOMPARE(reply.text,
                 u"Copy: 1200/5000 24.0%; Applied: 12; Backlog: 3; Time: 1m5s(total), 1m1s(copy); streamer: "
                 "mariadb-bin.000003:4567; Lag: 0.12s, HeartbeatLag: 0.10s, State: migrating; ETA: 9s\n"_s);
    }

    void statusHasHintAndStatusLine()
    {
        m_target.controls.throttle.maxLoad = {{u"Threads_running"_s, 25}};
        const ControlReply reply = run(u"status"_s);
        QVERIFY(reply.ok);
        const QStringList lines = reply.text.trimmed().split(u'\n');
        QCOMPARE(lines.first(), u"# Migrating `shop`.`orders`; Ghost table is `shop`.`_orders_gho`"_s);
        QVERIFY2(reply.text.contains(u"# chunk-size: 812 (adapting to 500 ms chunks); max-lag-millis: 1500ms; "
                                     "dml-batch-size: 1000; max-load: Threads_running=25; critical-load: ; "
                                     "nice-ratio: 0.000000\n"_s),
                 qPrintable(reply.text));
        QVERIFY(reply.text.contains(u"# Serving on unix socket: /tmp/gh-ost.shop.orders.sock\n"_s));
        static const QRegularExpression line(u"^Copy: 1200/5000 24\\.0%; Applied: 12; Backlog: 3; .*State: migrating; "
                                              "ETA: 9s$"_s);
        QVERIFY2(line.match(lines.last()).hasMatch(), qPrintable(lines.last()));
        QVERIFY(run(u"info"_s).text == reply.text);
    }

    void statusSaysPostponedAndThrottled()
    {
        m_target.progress.state = MigrationState::Postponed;
        m_target.progress.etaSeconds = -1;
        QVERIFY(run(u"sup"_s).text.endsWith(u"State: postponing cut-over; ETA: due\n"_s));
        m_target.progress.state = MigrationState::Copying;
        m_target.progress.etaSeconds = 9;
        m_target.progress.throttled = true;
        m_target.progress.throttleReason = u"lag 2000 ms > max-lag-millis 1500"_s;
        QVERIFY(run(u"sup"_s).text.contains(u"State: throttled, lag 2000 ms > max-lag-millis 1500; ETA: 9s"_s));
        m_target.progress.etaSeconds = -1;
        m_target.progress.binlogPosition.clear();
        QVERIFY(run(u"sup"_s).text.contains(u"streamer: N/A;"_s));
        QVERIFY(run(u"sup"_s).text.endsWith(u"ETA: N/A\n"_s));
    }

    void statusShowsTheRevertWindow()
    {
        QVERIFY(!run(u"status"_s).text.contains(u"Revert window"_s));
        m_target.progress.state = MigrationState::RevertWindow;
        m_target.progress.etaSeconds = 0;
        m_target.progress.revertWindowRemainingSeconds = 125;
        m_target.progress.oldTableLagMillis = 350;
        const QString text = run(u"status"_s).text;
        QVERIFY2(text.contains(u"# Revert window: 2m5s left; the old table is 0.35s behind `shop`.`orders` "
                               "(revert swaps it back, close-revert-window keeps the new schema)\n"_s),
                 qPrintable(text));
        QVERIFY(text.endsWith(u"State: revert-window; ETA: due\n"_s));
    }

    void statusListsEachReplicasLag()
    {
        QVERIFY(!run(u"status"_s).text.contains(u"# Replica lag"_s));
        m_target.progress.replicaLags = {{u"10.0.0.2:3306"_s, 1250, {}},
                                          {u"10.0.0.3:3306"_s, -1, u"Can't connect to server"_s}};
        const QString text = run(u"status"_s).text;
        QVERIFY2(text.contains(u"# Replica lag: 10.0.0.2:3306 1.25s; 10.0.0.3:3306 unreadable (Can't connect to "
                               "server)\n"_s),
                 qPrintable(text));
    }

    void coordinatesAreReadOnly()
    {
        QCOMPARE(run(u"coordinates"_s).text, u"mariadb-bin.000003:4567\n"_s);
        QCOMPARE(run(u"coordinates=?"_s).text, u"mariadb-bin.000003:4567\n"_s);
        QVERIFY(!run(u"coordinates=mariadb-bin.000001:4"_s).ok);
    }

    void settingsChangeAndReadBack_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("readBack");
        QTest::newRow("chunk-size") << u"chunk-size=250"_s << u"250"_s;
        QTest::newRow("chunk-target-millis") << u"chunk-target-millis=2000"_s << u"2000"_s;
        QTest::newRow("dml-batch-size") << u"dml-batch-size=50"_s << u"50"_s;
        QTest::newRow("max-lag-millis") << u"max-lag-millis=5000"_s << u"5000"_s;
        QTest::newRow("nice-ratio") << u"nice-ratio=0.7"_s << u"0.7"_s;
        QTest::newRow("max-load") << u"max-load=Threads_running=50,threads_connected=1000"_s
                                  << u"Threads_running=50,threads_connected=1000"_s;
        QTest::newRow("critical-load") << u"critical-load=Threads_running=1000"_s << u"Threads_running=1000"_s;
        QTest::newRow("throttle-query") << u"throttle-query=SELECT COUNT(*) > 5 FROM jobs WHERE x = 'a=b'"_s
                                        << u"SELECT COUNT(*) > 5 FROM jobs WHERE x = 'a=b'"_s;
        QTest::newRow("throttle-control-replicas") << u"throttle-control-replicas=db2:3307, db3"_s
                                                   << u"db2:3307, db3"_s;
        QTest::newRow("spaces around") << u"  max-lag-millis = 2500  \r\n"_s << u"2500"_s;
    }
    void settingsChangeAndReadBack()
    {
        QFETCH(QString, command);
        QFETCH(QString, readBack);
        const Controls before = m_target.controls;
        const ControlReply reply = run(command);
        QVERIFY2(reply.ok, qPrintable(reply.text));
        QVERIFY(!reply.text.startsWith(u"ERROR"_s));
        QVERIFY(m_target.controls != before);
        const QString name = command.section(u'=', 0, 0).trimmed();
        QCOMPARE(run(name + u"=?"_s).text, readBack + u'\n');
    }

    void settingsReachTheTarget()
    {
        QVERIFY(run(u"chunk-size=250"_s).ok);
        QCOMPARE(m_target.controls.pinnedChunkSize, 250);
        QVERIFY(run(u"dml-batch-size=50"_s).ok);
        QCOMPARE(m_target.controls.dmlBatchSize, 50);
        QVERIFY(run(u"max-lag-millis=100"_s).ok);
        QCOMPARE(m_target.controls.maxLagMillis, 100);
        QVERIFY(run(u"nice-ratio=1.5"_s).ok);
        QCOMPARE(m_target.controls.niceRatio, 1.5);
        QVERIFY(run(u"max-load=Threads_running=25"_s).ok);
        QCOMPARE(m_target.controls.throttle.maxLoad,
                 (std::vector<engine::throttle::LoadLimit>{{u"Threads_running"_s, 25}}));
        QVERIFY(run(u"max-load="_s).ok); // empty clears, as in gh-ost
        QVERIFY(m_target.controls.throttle.maxLoad.empty());
    }

    void chunkSizePinsUntilATargetIsSet()
    {
        QCOMPARE(run(u"chunk-size=?"_s).text, u"812\n"_s); // adapting: the copier's current size
        QVERIFY(run(u"chunk-size=100"_s).ok);
        QCOMPARE(run(u"chunk-size=?"_s).text, u"100\n"_s);
        QVERIFY(run(u"status"_s).text.contains(u"# chunk-size: 100 (pinned);"_s));
        QVERIFY(run(u"chunk-target-millis=300"_s).ok);
        QCOMPARE(m_target.controls.pinnedChunkSize, 0);
        QCOMPARE(run(u"chunk-size=?"_s).text, u"812\n"_s);
    }

    void postponeFlagFileIsCreatedAndCleared()
    {
        QTemporaryDir dir;
        const QString flag = dir.filePath(u"postpone.flag"_s);
        QVERIFY(!QFile::exists(flag));
        QVERIFY(run(u"postpone-cut-over-flag-file="_s + flag).ok);
        QVERIFY(QFile::exists(flag));
        QCOMPARE(m_target.controls.throttle.postponeCutOverFlagFile, flag);
        QCOMPARE(run(u"postpone-cut-over-flag-file=?"_s).text, flag + u'\n');
        QVERIFY(run(u"status"_s).text.contains(u"# postpone-cut-over-flag-file: %1 [set]"_s.arg(flag)));
        QVERIFY(run(u"postpone-cut-over-flag-file="_s).ok);
        QVERIFY(m_target.controls.throttle.postponeCutOverFlagFile.isEmpty());
    }

    void throttleAndNoThrottle()
    {
        QVERIFY(run(u"throttle"_s).ok);
        QVERIFY(m_target.controls.operatorThrottle);
        QVERIFY(run(u"status"_s).text.contains(u"throttled by the operator"_s));
        QVERIFY(run(u"no-throttle"_s).ok);
        QVERIFY(!m_target.controls.operatorThrottle);
        QVERIFY(run(u"throttle=orders"_s).ok); // naming the migrated table is allowed
        QVERIFY(m_target.controls.operatorThrottle);
        QVERIFY(run(u"resume"_s).ok);
        QVERIFY(!m_target.controls.operatorThrottle);
    }

    void unpostponeOnlyWhilePostponed()
    {
        const ControlReply early = run(u"unpostpone"_s);
        QVERIFY(!early.ok);
        QVERIFY(!m_target.controls.cutOverRequested);
        m_target.progress.state = MigrationState::Postponed;
        const ControlReply reply = run(u"unpostpone"_s);
        QVERIFY2(reply.ok, qPrintable(reply.text));
        QVERIFY(m_target.controls.cutOverRequested);
    }

    void panicAbortsAndSaysTheOriginalIsUntouched()
    {
        const ControlReply reply = run(u"panic"_s);
        QVERIFY(reply.ok);
        QVERIFY(m_target.controls.aborted);
        QVERIFY2(reply.text.contains(u"original table `shop`.`orders` is untouched"_s), qPrintable(reply.text));
    }

    void panicAfterTheEndChangesNothing()
    {
        m_target.progress.state = MigrationState::Done;
        QVERIFY(!run(u"panic"_s).ok);
        QVERIFY(!m_target.controls.aborted);
    }

    void forcedNamesAreRequired()
    {
        ControlIdentity named = identity();
        named.forceNamedPanic = true;
        named.forceNamedCutOver = true;
        ControlCommandHandler handler(m_target, named);
        m_target.progress.state = MigrationState::Postponed;
        QVERIFY(!handler.execute(u"panic"_s).ok);
        QVERIFY(!handler.execute(u"unpostpone"_s).ok);
        QCOMPARE(m_target.controls, Controls{});
        QVERIFY(handler.execute(u"unpostpone=orders"_s).ok);
        QVERIFY(handler.execute(u"panic=orders"_s).ok);
        QVERIFY(m_target.controls.aborted && m_target.controls.cutOverRequested);
    }

    void badCommandsChangeNothing_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("mentions"); // the problem or the accepted form
        QTest::newRow("unknown") << u"bogus"_s << u"Unknown command: bogus"_s;
        QTest::newRow("empty") << u""_s << u"empty command"_s;
        QTest::newRow("chunk-size text") << u"chunk-size=abc"_s << u"chunk-size=<10-100000>"_s;
        QTest::newRow("chunk-size low") << u"chunk-size=5"_s << u"from 10 to 100000"_s;
        QTest::newRow("chunk-size high") << u"chunk-size=100001"_s << u"from 10 to 100000"_s;
        QTest::newRow("chunk-size no value") << u"chunk-size"_s << u"needs a value"_s;
        QTest::newRow("chunk-size empty") << u"chunk-size="_s << u"chunk-size=<10-100000>"_s;
        QTest::newRow("chunk-size fraction") << u"chunk-size=10.5"_s << u"whole number"_s;
        QTest::newRow("chunk-target-millis") << u"chunk-target-millis=0"_s << u"chunk-target-millis=<10-60000>"_s;
        QTest::newRow("dml-batch-size zero") << u"dml-batch-size=0"_s << u"dml-batch-size=<1-10000>"_s;
        QTest::newRow("dml-batch-size huge") << u"dml-batch-size=99999999999999999999"_s << u"dml-batch-size"_s;
        QTest::newRow("max-lag-millis low") << u"max-lag-millis=99"_s << u"max-lag-millis=<100-86400000>"_s;
        QTest::newRow("max-lag-millis negative") << u"max-lag-millis=-1"_s << u"max-lag-millis"_s;
        QTest::newRow("nice-ratio negative") << u"nice-ratio=-1"_s << u"nice-ratio=<0-100>"_s;
        QTest::newRow("nice-ratio nan") << u"nice-ratio=nan"_s << u"nice-ratio"_s;
        QTest::newRow("nice-ratio inf") << u"nice-ratio=inf"_s << u"nice-ratio"_s;
        QTest::newRow("nice-ratio text") << u"nice-ratio=fast"_s << u"nice-ratio"_s;
        QTest::newRow("max-load no threshold") << u"max-load=Threads_running"_s << u"Status_variable=number"_s;
        QTest::newRow("max-load text threshold") << u"max-load=Threads_running=many"_s << u"Threads_running=many"_s;
        QTest::newRow("critical-load half bad") << u"critical-load=Threads_running=10,=2"_s << u"critical-load"_s;
        QTest::newRow("replicas bad port") << u"throttle-control-replicas=db2:99999"_s << u"host[:port]"_s;
        QTest::newRow("replicas space") << u"throttle-control-replicas=db 2"_s << u"host[:port]"_s;
        QTest::newRow("flag file dir missing") << u"postpone-cut-over-flag-file=/nonexistent-dir/x/flag"_s
                                               << u"cannot create"_s;
        QTest::newRow("throttle other table") << u"throttle=customers"_s << u"migrated table is orders"_s;
        QTest::newRow("no-throttle other table") << u"no-throttle=customers"_s << u"migrated table is orders"_s;
        QTest::newRow("panic other table") << u"panic=customers"_s << u"migrated table is orders"_s;
        QTest::newRow("unpostpone while copying") << u"unpostpone"_s << u"postponing cut-over"_s;
        QTest::newRow("coordinates set") << u"coordinates=x:4"_s << u"read-only"_s;
        QTest::newRow("unsupported gh-ost command") << u"throttle-http=http://x"_s << u"does not support"_s;
    }
    void badCommandsChangeNothing()
    {
        QFETCH(QString, command);
        QFETCH(QString, mentions);
        m_target.controls.throttle.maxLoad = {{u"Threads_running"_s, 25}};
        m_target.controls.throttle.throttleControlReplicas = u"db9:3306"_s;
        const Controls before = m_target.controls;
        const ControlReply reply = run(command);
        QVERIFY(!reply.ok);
        QVERIFY2(reply.text.startsWith(u"ERROR: "_s), qPrintable(reply.text));
        QCOMPARE(reply.text.count(u'\n'), 1); // exactly one line
        QVERIFY2(reply.text.contains(mentions), qPrintable(reply.text));
        QCOMPARE(m_target.controls, before);
    }
};

QTEST_GUILESS_MAIN(TestControlCommand)
#include "tst_controlcommand.moc"
