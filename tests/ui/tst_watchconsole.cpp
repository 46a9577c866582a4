// Watching any migration from the console (issue 14): attaching to a gh-ost 1.1.6 socket (a scripted server
// replaying the verbatim transcript) and to a real shadowswap-cli under load over its unix socket and its TCP
// port with a token; the commands the buttons send and the replies shown; a vanished process shown and
// reattached; discovery of migrations in progress from their helper tables; the event loop while watching
// three at once.
#include "consoletest.h"

#include <ghostreplay.h>
#include <mirroredload.h>
#include <QAbstractItemModelTester>
#include <QDialog>
#include <QFileInfo>
#include <QProcess>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <cutoverwindowpanel.h>
#include <watch/migrationlistmodel.h>
#include <watch/migrationspage.h>
#include <watch/watchmonitor.h>

using namespace consoletest;
using engine::control::ControlEndpoint;
using ui::MigrationFeed;
using ui::MigrationListModel;
using ui::WatchMonitor;

namespace {

ControlEndpoint unixEndpoint(const QString &path) {
    ControlEndpoint endpoint;
    endpoint.path = path;
    return endpoint;
}

quint16 freePort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

// The row of the Migrations page whose table column reads `table` (-1 if none).
int rowNamed(const MigrationListModel *model, const QString &table, MigrationListModel::Kind kind) {
    for (int row = 0; row < model->rowCount(); ++row)
        if (model->kindAt(row) == kind &&
            model->index(row, MigrationListModel::Table).data().toString() == table)
            return row;
    return -1;
}

QString cell(const MigrationListModel *model, int row, int column) {
    return model->index(row, column).data().toString();
}

} // namespace

class TestWatchConsole : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"shadowswap-test"_s);
        QCoreApplication::setApplicationName(u"tst_watchconsole"_s);
    }

    // gh-ost's own words, replayed: the header facts, the postponed state, the charts filling; each button
    // sends gh-ost's command (named with the table where gh-ost allows it) and shows the reply; a refused
    // command says so; panic is confirmed first; the process ending is shown, the charts keep their points,
    // and the console reattaches when the socket is back.
    void attachesToAGhostSocket() {
        QTemporaryDir dir;
        testsupport::GhostReplayServer ghost(dir.filePath(u"gcap.sock"_s));
        QVERIFY(ghost.start());
        ui::MainWindow window;
        window.show();
        QAbstractItemModelTester tester(window.migrationList(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        WatchMonitor *monitor = window.attach(unixEndpoint(ghost.path()), {});
        QStringList asked;
        monitor->setConfirmHandler([&asked](const QString &title, const QString &) {
            asked << title;
            return asked.size() > 1; // the first panic is cancelled
        });
        MigrationFeed *feed = monitor->feed();
        QTRY_VERIFY_WITH_TIMEOUT(feed->readings() >= 3, 10000);
        QCOMPARE(feed->engineName(), u"gh-ost"_s);
        QCOMPARE(feed->title(), u"gcap.orders"_s);
        QCOMPARE(feed->latest().state, MigrationState::Postponed);
        QCOMPARE(feed->latest().rowsCopied, 600020u);
        QVERIFY(monitor->charts()->pointCount() >= 3);
        QVERIFY(child<QPlainTextEdit>(monitor, u"headerFacts"_s)
                    ->toPlainText()
                    .contains(u"inspecting vm:23307"_s));
        QCOMPARE(child<QSpinBox>(monitor, u"watchChunkSizeSpin"_s)->value(), 500); // read from the header
        QCOMPARE(child<QSpinBox>(monitor, u"watchMaxLagSpin"_s)->value(), 1500);
        QCOMPARE(monitor->charts()->replicaEndpoints(), QStringList{u"vm:23307"_s});
        QCOMPARE(window.pages()->tabText(window.pages()->currentIndex()), u"Watch: gcap.orders"_s);
        const int row = rowNamed(window.migrationList(), u"gcap.orders"_s, MigrationListModel::Kind::Socket);
        QVERIFY(row >= 0);
        QCOMPARE(cell(window.migrationList(), row, MigrationListModel::Engine), u"gh-ost"_s);
        QCOMPARE(cell(window.migrationList(), row, MigrationListModel::Postponed), u"postponed"_s);

        child<QPushButton>(monitor, u"watchThrottleButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(monitor->lastReply().contains(u"you may only throttle"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(feed->latest().throttled,
                                 5000); // gh-ost's State doesn't say it; we remember
        QTRY_COMPARE_WITH_TIMEOUT(cell(window.migrationList(), row, MigrationListModel::Throttled),
                                  u"throttled by the operator"_s, 5000);
        child<QPushButton>(monitor, u"watchNoThrottleButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!feed->latest().throttled, 5000);
        auto *chunk = child<QSpinBox>(monitor, u"watchChunkSizeSpin"_s);
        chunk->setValue(2000);
        Q_EMIT chunk->editingFinished();
        QTRY_VERIFY_WITH_TIMEOUT(ghost.commands().contains(u"chunk-size=2000"_s), 5000);
        QTRY_VERIFY_WITH_TIMEOUT(
            child<QPlainTextEdit>(monitor, u"headerFacts"_s)->toPlainText().contains(u"chunk-size: 2000"_s),
            5000);
        auto *unpostpone = child<QPushButton>(monitor, u"watchUnpostponeButton"_s);
        QVERIFY(unpostpone->isEnabled());
        unpostpone->click();
        QTRY_VERIFY_WITH_TIMEOUT(ghost.commands().contains(u"unpostpone=orders"_s), 5000);
        feed->send(u"bogus"_s);
        QTRY_VERIFY_WITH_TIMEOUT(monitor->lastReply().contains(u"refused"_s), 5000);
        QVERIFY2(monitor->lastReply().contains(u"Unknown command: bogus"_s),
                 qPrintable(monitor->lastReply()));
        screenshot(&window, u"14-watch-ghost"_s);

        monitor->confirmPanic(); // cancelled: nothing sent
        QCOMPARE(asked, QStringList{u"Panic: gcap.orders"_s});
        QTest::qWait(300);
        QVERIFY(!ghost.commands().join(u'\n').contains(u"panic"_s));
        child<QPushButton>(monitor, u"watchPanicButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(ghost.commands().contains(u"panic=orders"_s), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(feed->link(), MigrationFeed::Link::Lost, 5000);
        QVERIFY2(monitor->linkText().contains(u"No answer"_s), qPrintable(monitor->linkText()));
        // Said in the DBA's words (found walking the demo: Qt's "connectToServer: Invalid name" was shown).
        QVERIFY2(monitor->linkText().contains(u"no socket at"_s) && monitor->linkText().contains(u"ended"_s),
                 qPrintable(monitor->linkText()));
        const int points = monitor->charts()->pointCount();
        QTest::qWait(1500);
        QCOMPARE(monitor->charts()->pointCount(), points); // kept, nothing invented
        QCOMPARE(feed->link(), MigrationFeed::Link::Lost);
        screenshot(&window, u"14-watch-ghost-gone"_s);

        const int statuses = ghost.statusCount();
        QVERIFY(ghost.start()); // the process is back
        QTRY_COMPARE_WITH_TIMEOUT(feed->link(), MigrationFeed::Link::Live, 5000);
        QTRY_VERIFY_WITH_TIMEOUT(ghost.statusCount() > statuses, 5000);
        QVERIFY(monitor->charts()->pointCount() > points);
    }

    // A real shadowswap-cli under the mirrored write load, postponed: the console attaches over its unix
    // socket and over its TCP port with the token; charts fill; throttle and no-throttle reach it; discovery
    // on the sandbox lists it from its helper tables; Allow cut-over (over TCP) completes it, both monitors
    // show the process gone, and the migrated table equals the reference altered natively.
    void attachesToShadowswapCliUnderLoad() {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"gui_watch"_s);
        auto primary = engine::mysql::Connection::open(db.primary());
        testsupport::MirroredLoad load = testsupport::startMirroredLoad(primary, db, 20000);
        QTemporaryDir dir;
        const QString socketPath = dir.filePath(u"cli.sock"_s);
        const QString flag = dir.filePath(u"postpone.flag"_s);
        const QString tokenFile = dir.filePath(u"token"_s);
        const QByteArray token = "0123456789abcdef0123";
        {
            QFile f(flag);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QFile t(tokenFile);
            QVERIFY(t.open(QIODevice::WriteOnly));
            t.write(token + '\n');
            t.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        }
        const quint16 port = freePort();
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s,
                  testsupport::cliTargetArguments(db, u"t"_s) + QStringList{u"--alter"_s,
                   u"ADD COLUMN x INT"_s,
                   u"--execute"_s,
                   u"--postpone-cut-over-flag-file"_s,
                   flag,
                   u"--serve-socket-file"_s,
                   socketPath,
                   u"--serve-tcp-port"_s,
                   QString::number(port),
                   u"--serve-tcp-token-file"_s,
                   tokenFile,
                   u"--history-file=off"_s,
                   u"--replica-server-id"_s,
                   QString::number(61000 + QCoreApplication::applicationPid() % 4000)});
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socketPath) || cli.state() == QProcess::NotRunning, 60000);
        QVERIFY2(cli.state() == QProcess::Running, cli.readAll().constData());

        ui::MainWindow window;
        window.show();
        connectToReplica(window, sandbox);
        WatchMonitor *local = window.attach(unixEndpoint(socketPath), {});
        ControlEndpoint tcp;
        tcp.host = u"127.0.0.1"_s;
        tcp.port = port;
        WatchMonitor *wrongToken = window.attach(tcp, "not-the-token-at-all");
        WatchMonitor *remote = window.attach(tcp, token);
        QTRY_VERIFY_WITH_TIMEOUT(local->feed()->readings() >= 3 && remote->feed()->readings() >= 3, 60000);
        QCOMPARE(local->feed()->engineName(), u"shadowswap"_s);
        QCOMPARE(remote->feed()->title(), u"%1.t"_s.arg(db.name()));
        QTRY_COMPARE_WITH_TIMEOUT(wrongToken->feed()->link(), MigrationFeed::Link::Lost, 10000);
        QVERIFY2(wrongToken->linkText().contains(u"token"_s), qPrintable(wrongToken->linkText()));
        QCOMPARE(wrongToken->feed()->readings(), 0);

        QTRY_COMPARE_WITH_TIMEOUT(local->feed()->latest().state, MigrationState::Postponed, 120000);
        const quint64 appliedAtPostpone = local->feed()->latest().eventsApplied;
        child<QPushButton>(local, u"watchThrottleButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(remote->feed()->latest().throttled,
                                 10000); // seen through the other link too
        QVERIFY2(remote->feed()->headerLines().contains(
                     u"throttled by the operator (send no-throttle to release)"_s),
                 qPrintable(remote->feed()->headerLines().join(u'\n')));
        child<QPushButton>(remote, u"watchNoThrottleButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!local->feed()->latest().throttled, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(local->feed()->latest().eventsApplied > appliedAtPostpone, 30000);
        QVERIFY(local->charts()->pointCount() >= 3);

        // The lock picture of the watched table, from its tab, through the console's own connection.
        child<QPushButton>(local, u"watchCutOverWindowButton"_s)->click();
        QDialog *lockWindow = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((lockWindow = window.findChild<QDialog *>(u"cutOverWindow"_s)) != nullptr, 5000);
        QCOMPARE(lockWindow->windowTitle(), u"Cut-over window: %1.t"_s.arg(db.name()));
        auto *panel = lockWindow->findChild<ui::CutOverWindowPanel *>();
        QVERIFY(panel);
        QTRY_VERIFY_WITH_TIMEOUT(panel->lastReading().has_value(), 20000);
        screenshot(lockWindow, u"14-watch-cut-over-window"_s);
        lockWindow->close();

        // Discovery from the helper tables: the migration is listed as Shadowswap's, postponed, with a fresh
        // heartbeat; opening it watches it read-only.
        window.showPage(ui::MainWindow::Page::Migrations);
        QSignalSpy discovered(window.migrationsPage(), &ui::MigrationsPage::discoveryFinished);
        child<QPushButton>(&window, u"findMigrationsButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(discovered.size(), 1, 30000);
        const auto *model = window.migrationList();
        const int found = rowNamed(model, u"%1.t"_s.arg(db.name()), MigrationListModel::Kind::Discovered);
        QVERIFY2(found >= 0, qPrintable(window.migrationsPage()->statusText()));
        QCOMPARE(cell(model, found, MigrationListModel::Engine), u"shadowswap"_s);
        QCOMPARE(cell(model, found, MigrationListModel::State), u"postponed"_s);
        screenshot(&window, u"14-migrations-page"_s);
        window.openMigration(found);
        auto *readOnly = qobject_cast<WatchMonitor *>(window.pages()->currentWidget());
        QVERIFY(readOnly && !readOnly->feed()->canControl());
        QTRY_VERIFY_WITH_TIMEOUT(readOnly->feed()->readings() >= 2, 20000);
        QCOMPARE(readOnly->feed()->latest().state, MigrationState::Postponed);
        QVERIFY(!child<QPushButton>(readOnly, u"watchPanicButton"_s)->isEnabled());
        QVERIFY(readOnly->feed()->latest().replicaLagMillis >= 0); // the heartbeat's age
        screenshot(&window, u"14-watch-helper-tables"_s);

        window.pages()->setCurrentWidget(remote);
        child<QPushButton>(remote, u"watchUnpostponeButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(remote->lastReply().contains(u"Unpostponed"_s), 10000);
        QVERIFY(cli.waitForFinished(120000));
        const QByteArray output = cli.readAll();
        QVERIFY2(cli.exitCode() == 0, output.constData());
        QTRY_COMPARE_WITH_TIMEOUT(local->feed()->link(), MigrationFeed::Link::Lost, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(remote->feed()->link(), MigrationFeed::Link::Lost, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(readOnly->feed()->link(), MigrationFeed::Link::Lost, 10000);
        QVERIFY2(readOnly->linkText().contains(u"_t_ghc"_s), qPrintable(readOnly->linkText()));
        screenshot(&window, u"14-watch-ended"_s);

        QTest::qWait(300);
        load.writer->stop();
        QVERIFY2(load.writer->errors() == 0, qPrintable(load.writer->errorMessages().join(u'\n')));
        primary.execute(u"ALTER TABLE t_ref ADD COLUMN x INT"_s);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }

    // Closing the console while it watches several migrations asks once, naming each; they run on either way.
    void closingAsksOnceListingThem() {
        QTemporaryDir dir;
        testsupport::GhostReplayServer first(dir.filePath(u"a.sock"_s)), second(dir.filePath(u"b.sock"_s));
        QVERIFY(first.start() && second.start());
        ui::MainWindow window;
        window.show();
        WatchMonitor *a = window.attach(unixEndpoint(first.path()), {});
        WatchMonitor *b = window.attach(unixEndpoint(second.path()), {});
        QTRY_VERIFY_WITH_TIMEOUT(a->feed()->readings() > 0 && b->feed()->readings() > 0, 10000);
        int asked = 0;
        QString text;
        answerNextMessageBox([&](QMessageBox *box) {
            ++asked;
            text = box->text();
            screenshot(box, u"14-close-while-watching"_s);
            box->button(QMessageBox::Cancel)->click();
        });
        QVERIFY(!window.close());
        QCOMPARE(asked, 1);
        QVERIFY2(text.contains(u"2 migration"_s) && text.count(u"gcap.orders on this machine (gh-ost"_s) == 2,
                 qPrintable(text));
        answerNextMessageBox([&](QMessageBox *box) {
            ++asked;
            buttonLabelled(box, u"Stop watching and quit"_s)->click();
        });
        QVERIFY(window.close());
        QCOMPARE(asked, 2);
        QVERIFY(first.isListening() && second.isListening()); // nothing was sent to them
        QVERIFY(!first.commands().join(u' ').contains(u"panic"_s));
    }

    // Three migrations watched at once (each polled every second, replies parsed and charted in the GUI
    // thread): the event loop never stalls for more than 100 ms of its own work.
    void watchingThreeNeverStallsTheEventLoop() {
        QTemporaryDir dir;
        std::vector<std::unique_ptr<testsupport::GhostReplayServer>> servers;
        ui::MainWindow window;
        window.show();
        StallMeter meter;
        std::vector<WatchMonitor *> monitors;
        for (int i = 0; i < 3; ++i) {
            servers.push_back(
                std::make_unique<testsupport::GhostReplayServer>(dir.filePath(u"g%1.sock"_s.arg(i)), true));
            QVERIFY(servers.back()->start());
            monitors.push_back(window.attach(unixEndpoint(servers.back()->path()), {}));
        }
        meter.setPhase("watching");
        QTRY_VERIFY_WITH_TIMEOUT(std::all_of(monitors.begin(), monitors.end(),
                                             [](WatchMonitor *m) { return m->feed()->readings() >= 11; }),
                                 30000);
        for (WatchMonitor *m : monitors)
            QVERIFY(m->charts()->pointCount() >= 11);
        QCOMPARE(monitors.front()->feed()->latest().state,
                 MigrationState::Postponed); // copied, then postponed
        qInfo("event loop: %lld ticks, max gap %lld ms, max own stall %lld ms, p99 %lld ms", meter.ticks(),
              meter.maxGapMillis(), meter.maxOwnStallMillis(), meter.percentile(0.99));
        QVERIFY2(meter.maxOwnStallMillis() < 100, qPrintable(u"%1 ms"_s.arg(meter.maxOwnStallMillis())));
    }
};

QTEST_MAIN(TestWatchConsole)
#include "tst_watchconsole.moc"
