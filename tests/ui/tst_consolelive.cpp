// The console while a migration runs: the revert window's panel, and the event loop's responsiveness under a
// heavy apply load. Real sandbox, offscreen.
#include "consoletest.h"

using namespace consoletest;

class TestConsoleLive : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"shadowswap-test"_s);
        QCoreApplication::setApplicationName(u"tst_consolelive"_s);
    }

    // The revert window in the monitor: after the swap a panel counts down and shows how far the old table is
    // behind; "Revert" (confirmed) swaps the old table back, with every write the application made meanwhile.
    void revertWindowRevertsWithEveryWrite()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"gui_revert"_s);
        auto primary = engine::mysql::Connection::open(db.primary());
        for (const QString &name : {u"items"_s, u"items_ref"_s}) {
            primary.execute(u"CREATE TABLE %1 (id BIGINT PRIMARY KEY, n INT NOT NULL, "
                            "note VARCHAR(40) NOT NULL DEFAULT '') ENGINE=InnoDB"_s.arg(name));
            primary.execute(u"INSERT INTO %1 (id, n, note) SELECT seq, seq % 997, CONCAT('r', seq) "
                            "FROM seq_1_to_3000"_s.arg(name));
        }
        {
            auto replica = engine::mysql::Connection::open(db.replica());
            testsupport::waitForReplica(primary, replica);
        }
        // The same statements reach items and a reference copy: the reverted table is compared with it.
        testsupport::RowMix::Shape shape;
        shape.keyColumnsAndValues = [](qint64 id) { return u"id|%1"_s.arg(id); };
        shape.keyPredicate = [](qint64 id) { return u"id = %1"_s.arg(id); };
        shape.keyAssignment = [](qint64 id) { return u"id = %1"_s.arg(id); };
        shape.otherColumns = u"n, note"_s;
        shape.otherValues = [](QRandomGenerator &r) {
            return u"%1, 'w%2'"_s.arg(r.bounded(1000)).arg(r.bounded(99));
        };
        shape.otherAssignments = [](QRandomGenerator &r) { return u"n = %1"_s.arg(r.bounded(1000)); };
        auto mix = std::make_shared<testsupport::RowMix>(shape, 3000);
        testsupport::WriteLoad::Options options;
        options.connection = db.primary();
        options.statementsPerSecond = 100;
        options.mirrorTables = {engine::mysql::qualifiedName(db.name(), u"items"_s),
                                engine::mysql::qualifiedName(db.name(), u"items_ref"_s)};
        options.nextStatement = [mix](quint64 s, QRandomGenerator &r) { return mix->next(s, r); };
        testsupport::WriteLoad load(options);
        load.start();

        ui::MainWindow window;
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::Session *session = window.session();
        connectAndPick(window, sandbox, db.name(), u"items"_s,
                       u"ADD COLUMN priority TINYINT NOT NULL DEFAULT 0"_s);
        const auto reviews = confirmReviews(window);
        child<QSpinBox>(&window, u"revertWindowSpin"_s)->setValue(1); // minutes
        QStringList asked;
        window.monitorPage()->setConfirmHandler([&asked](const QString &title, const QString &text) {
            asked << title + u": "_s + text;
            return true;
        });
        MigrationController *controller = session->controller();
        QSignalSpy finished(controller, &MigrationController::finished);
        QSignalSpy failed(controller, &MigrationController::failed);
        child<QPushButton>(&window, u"startButton"_s)->click();
        QCOMPARE(reviews->size(), 1); // reviewed, then started
        QVERIFY(session->isMigrating());
        QCOMPARE(session->migrationSpec().revertWindowSeconds, 60);

        ui::RevertWindowPanel *panel = window.monitorPage()->revertWindowPanel();
        QVERIFY(!panel->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible() || !failed.isEmpty(), 240000);
        QVERIFY2(failed.isEmpty(), qPrintable(failureText(failed)));
        QVERIFY(primary.query(u"SHOW COLUMNS FROM items LIKE 'priority'"_s).next()); // swapped
        auto *countdown = child<QLabel>(panel, u"revertCountdownLabel"_s);
        auto *lag = child<QLabel>(panel, u"oldTableLagLabel"_s);
        const auto secondsLeft = [countdown] {
            const QStringList parts = countdown->text().split(u':');
            return parts.size() == 2 ? parts[0].toInt() * 60 + parts[1].toInt() : -1;
        };
        QTRY_VERIFY(secondsLeft() > 0);
        const int first = secondsLeft();
        QVERIFY2(first <= 60 && first >= 40, qPrintable(countdown->text()));
        QTest::qWait(2500);
        const int later = secondsLeft();
        QVERIFY2(later < first && later >= first - 5, qPrintable(u"%1 then %2"_s.arg(first).arg(later)));
        static const QRegularExpression lagShown(u"\\d+\\.\\d s"_s);
        QVERIFY2(lag->text().contains(lagShown), qPrintable(lag->text()));
        QVERIFY2(child<QLabel>(&window, u"migrationStateLabel"_s)->text().contains(u"revert window"_s),
                 qPrintable(child<QLabel>(&window, u"migrationStateLabel"_s)->text()));
        QVERIFY(!child<QPushButton>(&window, u"abortButton"_s)->isEnabled());
        QVERIFY(!child<QAction>(&window, u"abortAction"_s)->isEnabled()); // the menu's and toolbar's, too
        screenshot(&window, u"11-revert-window"_s);

        const quint64 statementsBeforeRevert = load.statements();
        child<QPushButton>(panel, u"revertButton"_s)->click();
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(u"second atomic swap"_s) && asked.first().contains(u"is kept"_s),
                 qPrintable(asked.first()));
        QVERIFY(!child<QPushButton>(panel, u"revertButton"_s)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failureText(failed)));
        QTest::qWait(300); // the application keeps writing after the revert
        load.stop();
        QCOMPARE(load.errors(), quint64(0));
        QVERIFY(load.statements() > statementsBeforeRevert);
        const auto summary = finished.first().first().value<MigrationSummary>();
        QVERIFY(summary.reverted);
        QVERIFY(!panel->isVisible());
        QVERIFY2(child<QLabel>(&window, u"resultLabel"_s)->text().contains(u"Reverted"_s),
                 qPrintable(child<QLabel>(&window, u"resultLabel"_s)->text()));
        QVERIFY2(child<QLabel>(&window, u"migrationStateLabel"_s)->text().contains(u"reverted"_s),
                 qPrintable(child<QLabel>(&window, u"migrationStateLabel"_s)->text()));
        screenshot(&window, u"12-reverted"_s);

        // The History page says so too (the journal records the revert).
        window.showPage(ui::MainWindow::Page::History);
        auto *history = child<QTreeWidget>(&window, u"historyList"_s);
        QTreeWidgetItem *row = nullptr;
        for (int i = 0; i < history->topLevelItemCount() && !row; ++i)
            if (history->topLevelItem(i)->text(ui::HistoryPage::TableColumn) == db.name() + u".items"_s)
                row = history->topLevelItem(i);
        QVERIFY(row);
        QCOMPARE(row->text(ui::HistoryPage::OutcomeColumn), u"done (reverted)"_s);

        // The old schema is live again, with every write made through the new one.
        QVERIFY(!primary.query(u"SHOW COLUMNS FROM items LIKE 'priority'"_s).next());
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"items"_s),
                 testsupport::checksumTable(primary, db.name(), u"items_ref"_s));
        QVERIFY(primary.query(u"SHOW COLUMNS FROM %1 LIKE 'priority'"_s.arg(summary.oldTable)).next());
    }

    // The figure the issue asks for: the GUI event loop's longest stall while the engine applies thousands of
    // binlog events per second (multi-row updates under a migration kept postponed, then "Cut over now").
    void eventLoopStaysResponsiveUnderHeavyApply()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"gui_stall"_s);
        constexpr int rows = 20000;
        {
            auto primary = engine::mysql::Connection::open(db.primary());
            primary.execute(u"CREATE TABLE hot (id BIGINT PRIMARY KEY, n INT NOT NULL DEFAULT 0, "
                            "note VARCHAR(64) NOT NULL DEFAULT '') ENGINE=InnoDB"_s);
            primary.execute(u"INSERT INTO hot (id, n, note) SELECT seq, seq % 997, CONCAT('row ', seq) "
                            "FROM seq_1_to_%1"_s.arg(rows));
            auto replica = engine::mysql::Connection::open(db.replica());
            testsupport::waitForReplica(primary, replica);
        }
        ui::MainWindow window;
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::Session *session = window.session();
        connectAndPick(window, sandbox, db.name(), u"hot"_s, u"ADD COLUMN flag TINYINT NOT NULL DEFAULT 0"_s);
        const auto reviews = confirmReviews(window);
        child<QCheckBox>(&window, u"postponeCheck"_s)->setChecked(true);

        // Each statement changes 100 rows: 60 statements a second are 6,000 row events a second.
        testsupport::WriteLoad::Options options;
        options.connection = db.primary();
        options.statementsPerSecond = 60;
        options.nextStatement = [](quint64, QRandomGenerator &r) {
            const int from = r.bounded(1, rows - 100);
            return u"UPDATE hot SET n = n + 1, note = 'load %1' WHERE id BETWEEN %2 AND %3"_s.arg(r.bounded(1000))
                .arg(from)
                .arg(from + 99);
        };
        testsupport::WriteLoad load(options);
        load.start();

        MigrationController *controller = session->controller();
        QSignalSpy finished(controller, &MigrationController::finished);
        QSignalSpy failed(controller, &MigrationController::failed);
        double peakApply = 0;
        connect(controller, &MigrationController::progressed, this,
                [&peakApply](const ProgressSnapshot &s) { peakApply = std::max(peakApply, s.applyEventsPerSecond); });
        StallMeter stalls;
        stalls.setPhase("copying");
        child<QPushButton>(&window, u"startButton"_s)->click();
        QCOMPARE(reviews->size(), 1); // reviewed, then started
        QVERIFY(session->isMigrating());
        QTRY_VERIFY_WITH_TIMEOUT(controller->snapshot().state == MigrationState::Postponed || !failed.isEmpty(),
                                 240000);
        QVERIFY2(failed.isEmpty(), qPrintable(failureText(failed)));
        stalls.setPhase("postponed, applying");
        QTest::qWait(8000); // postponed under load: the engine only applies the binlog
        QVERIFY2(child<QLabel>(&window, u"figuresLabel"_s)->text().contains(u"copy 0 rows/s"_s),
                 qPrintable(child<QLabel>(&window, u"figuresLabel"_s)->text()));
        QVERIFY(window.width() <= 1280); // long names and figures wrap rather than widen the window
        screenshot(&window, u"10-monitor-heavy-apply"_s);
        stalls.setPhase("cut-over");
        // "Cut over now" while postponed: the confirmation shows the lag and what holds the table on the primary.
        QString question;
        window.monitorPage()->setConfirmHandler([&question](const QString &, const QString &text) {
            question = text;
            return true;
        });
        child<QPushButton>(&window, u"cutOverButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(!question.isEmpty(), 30000);
        QVERIFY2(question.contains(u"Current lag"_s), qPrintable(question));
        QVERIFY2(question.contains(u"session"_s), qPrintable(question)); // either the list or "no session …"
        QVERIFY(!child<QPushButton>(&window, u"postponeButton"_s)->isEnabled());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 240000);
        load.stop();
        QVERIFY2(failed.isEmpty(), qPrintable(failureText(failed)));
        QCOMPARE(load.errors(), quint64(0));
        const quint64 applied = finished.first().first().value<MigrationSummary>().eventsApplied;

        QFile loadavg(u"/proc/loadavg"_s);
        const QByteArray machineLoad = loadavg.open(QIODevice::ReadOnly) ? loadavg.readAll().trimmed() : QByteArray();
        qInfo("GUI event loop under heavy apply: max stall %lld ms wall clock (while %s), %lld ms without waiting "
              "for a CPU (while %s), 99th percentile %lld ms, over %lld ticks of a 10 ms timer; engine peak %.0f "
              "events/s applied (%llu in all), load %llu statements of 100 rows; machine loadavg %s",
              stalls.maxGapMillis(), stalls.worstPhase(), stalls.maxOwnStallMillis(), stalls.worstOwnPhase(),
              stalls.percentile(0.99), stalls.ticks(), peakApply, static_cast<unsigned long long>(applied),
              static_cast<unsigned long long>(load.statements()), machineLoad.constData());
        QVERIFY2(peakApply >= 1000, "the load did not make the engine apply thousands of events per second");
        QVERIFY2(stalls.percentile(0.99) < 100, "the GUI event loop stalled over 100 ms more than rarely");
        QVERIFY2(stalls.maxOwnStallMillis() < 100, "the console's GUI thread stalled over 100 ms");
        QVERIFY2(stalls.maxGapMillis() < 1000, "the GUI froze during the migration");
    }
};

QTEST_MAIN(TestConsoleLive)
#include "tst_consolelive.moc"
