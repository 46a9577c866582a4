// The real console window driven against the sandbox: connect, dry run, preflight, migrate a small table under
// write load with throttle and a postponed cut-over, and screenshots of every screen on the way.
#include "consoletest.h"

#include <QTemporaryDir>
#include <QXmlStreamReader>

using namespace consoletest;

class TestConsole : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"shadowswap-test"_s);
        QCoreApplication::setApplicationName(u"tst_console"_s);
    }

    void connectPreflightMigrateUnderLoad()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"gui_console"_s);
        {
            auto primary = engine::mysql::Connection::open(db.primary());
            primary.execute(u"CREATE TABLE items (id BIGINT AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL DEFAULT 0, "
                            "note VARCHAR(64) NULL, KEY idx_n (n)) ENGINE=InnoDB"_s);
            primary.execute(u"INSERT INTO items (n, note) SELECT seq % 997, CONCAT('row ', seq) FROM seq_1_to_5000"_s);
            auto replica = engine::mysql::Connection::open(db.replica());
            testsupport::waitForReplica(primary, replica);
        }

        ui::MainWindow window;
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::Session *session = window.session();

        // Connect to the replica, as a DBA would with gh-ost's default topology.
        ui::ConnectionProfile profile;
        profile.name = u"sandbox replica"_s;
        profile.host = sandbox.replica.host;
        profile.port = sandbox.replica.port;
        profile.user = sandbox.replica.user;
        window.connectionsPage()->prefill(profile, sandbox.replica.password);
        child<QPushButton>(&window, u"testConnectionButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(session->isConnected(), 30000);
        QVERIFY(session->facts().isReplica);
        QVERIFY(child<QTextBrowser>(&window, u"connectionResult"_s)->toPlainText().contains(u"replica of"_s));
        window.showPage(ui::MainWindow::Page::Connections);
        screenshot(&window, u"01-connections"_s);

        // Pick the table, type the ALTER, dry run.
        window.showPage(ui::MainWindow::Page::NewMigration);
        window.newMigrationPage()->preselect(db.name(), u"items"_s,
                                             u"ADD COLUMN priority TINYINT NOT NULL DEFAULT 0, ADD INDEX idx_priority (priority)"_s);
        QTRY_COMPARE_WITH_TIMEOUT(session->table(), u"items"_s, 30000);
        QCOMPARE(session->database(), db.name());
        auto *current = child<QPlainTextEdit>(&window, u"currentCreate"_s);
        QTRY_VERIFY_WITH_TIMEOUT(current->toPlainText().startsWith(u"CREATE TABLE"_s), 20000);
        QSignalSpy dryRun(window.newMigrationPage(), &ui::NewMigrationPage::dryRunFinished);
        child<QPushButton>(&window, u"dryRunButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(dryRun.count(), 1, 120000);
        QVERIFY2(dryRun.first().first().toBool(),
                 qPrintable(child<QPlainTextEdit>(&window, u"proposedCreate"_s)->toPlainText()));
        QVERIFY(child<QPlainTextEdit>(&window, u"proposedCreate"_s)->toPlainText().contains(u"`priority`"_s));
        screenshot(&window, u"02-new-migration-dry-run"_s);

        // Preflight: see the findings.
        window.showPage(ui::MainWindow::Page::Preflight);
        QSignalSpy preflight(window.preflightPage(), &ui::PreflightPage::finished);
        child<QPushButton>(&window, u"runPreflightButton"_s)->click();
        QTRY_COMPARE_WITH_TIMEOUT(preflight.count(), 1, 180000);
        QVERIFY(session->preflightReport().has_value());
        QVERIFY2(session->preflightReport()->ran(), qPrintable(session->preflightReport()->failure));
        QVERIFY(window.preflightPage()->model()->rowCount() > 5);
        const QStringList blockers = session->unresolvedBlockers();
        if (!blockers.isEmpty()) {
            qInfo() << "preflight blockers on the sandbox (overridden for the test):" << blockers;
            session->setOverriddenFindings(blockers);
        }
        screenshot(&window, u"03-preflight"_s);

        // Migrate under write load, throttle, postpone, allow.
        testsupport::WriteLoad::Options options;
        options.connection = db.primary();
        options.statementsPerSecond = 150;
        options.nextStatement = testsupport::WriteLoad::simpleMix(
            u"items"_s, 5000,
            [](QRandomGenerator &r) { return u"(n, note) VALUES (%1, 'load')"_s.arg(r.bounded(1000)); },
            [](QRandomGenerator &r) { return u"n = %1"_s.arg(r.bounded(1000)); });
        testsupport::WriteLoad load(options);
        load.start();

        window.showPage(ui::MainWindow::Page::NewMigration);
        child<QSpinBox>(&window, u"chunkSizeSpin"_s)->setValue(200);
        child<QSpinBox>(&window, u"serverIdSpin"_s)
            ->setValue(60000 + int(QCoreApplication::applicationPid() % 10000));
        child<QCheckBox>(&window, u"postponeCheck"_s)->setChecked(true);
        window.monitorPage()->setConfirmHandler([](const QString &, const QString &) { return true; });
        MigrationController *controller = session->controller();
        QSignalSpy finished(controller, &MigrationController::finished);
        QSignalSpy failed(controller, &MigrationController::failed);

        StallMeter stalls;
        // The review before the start, with what the preflight above found: read, screenshot, confirmed.
        QString review;
        answerNextReview([&review](ui::StartReviewDialog *dialog) {
            review = dialog->summaryView()->plainText();
            screenshot(dialog, u"03b-start-review"_s);
            dialog->startButton()->click();
        });
        child<QPushButton>(&window, u"startButton"_s)->click();
        QVERIFY(session->isMigrating());
        QVERIFY2(review.contains(u"ALTER TABLE items"_s), qPrintable(review));
        QVERIFY(review.contains(u"the binlog is read here"_s));
        QVERIFY(review.contains(u"--chunk-size"_s));
        QVERIFY(review.contains(u"Copy time estimate"_s));
        QCOMPARE(window.pages()->currentIndex(), int(ui::MainWindow::Page::Monitor));
        QVERIFY(session->isCutOverPostponed());

        stalls.setPhase("running");
        auto *throttle = child<QPushButton>(&window, u"throttleButton"_s);
        throttle->click();
        QTRY_VERIFY_WITH_TIMEOUT(controller->snapshot().throttled || !failed.isEmpty(), 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<MigrationFailure>().message));
        QTest::qWait(2500);
        QVERIFY(controller->snapshot().throttled);
        screenshot(&window, u"04-monitor-throttled"_s);
        throttle->click();
        QTRY_VERIFY_WITH_TIMEOUT(!controller->snapshot().throttled, 30000);

        QTRY_VERIFY_WITH_TIMEOUT(controller->snapshot().state == MigrationState::Postponed || !failed.isEmpty(), 240000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<MigrationFailure>().message));
        QTest::qWait(1500); // a moment of postponed life on the charts
        screenshot(&window, u"05-monitor-postponed"_s);

        // Closing the window while the migration runs asks; "keep running" minimizes and changes nothing.
        bool asked = false;
        answerNextMessageBox([&asked](QMessageBox *box) {
            asked = true;
            pauseMeter(true);
            const QString dir = qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
            box->grab().save(dir + u"/08-close-during-migration.png"_s);
            pauseMeter(false);
            QAbstractButton *keep = buttonLabelled(box, u"Keep running"_s);
            QVERIFY(keep);
            QVERIFY(buttonLabelled(box, u"Abort safely"_s));
            keep->click();
        });
        QVERIFY(!window.close());
        QVERIFY(asked);
        QVERIFY(window.isMinimized());
        QVERIFY(session->isMigrating());
        QCOMPARE(controller->snapshot().state, MigrationState::Postponed);
        window.showNormal();
        QTest::qWait(600);
        QCOMPARE(controller->snapshot().state, MigrationState::Postponed); // still held back

        auto *postpone = child<QPushButton>(&window, u"postponeButton"_s);
        QVERIFY(postpone->isChecked());
        stalls.setPhase("cut-over");
        postpone->click(); // "Allow cut-over"
        QVERIFY(!session->isCutOverPostponed());
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 240000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<MigrationFailure>().message));
        load.stop();
        screenshot(&window, u"06-monitor-done"_s);

        qInfo("GUI event loop: max stall %lld ms wall clock (while %s), %lld ms without waiting for a CPU, over "
              "%lld ticks of a 10 ms timer during the migration",
              stalls.maxGapMillis(), stalls.worstPhase(), stalls.maxOwnStallMillis(), stalls.ticks());
        QVERIFY2(stalls.maxGapMillis() < 1000, "the GUI froze during the migration");
        QCOMPARE(load.errors(), quint64(0));
        QVERIFY(window.monitorPage()->charts()->pointCount() > 10);

        window.showPage(ui::MainWindow::Page::History);
        screenshot(&window, u"07-history"_s);

        auto primary = engine::mysql::Connection::open(db.primary());
        QCOMPARE(primary.scalar(u"SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = '%1' "
                                "AND TABLE_NAME = 'items' AND COLUMN_NAME = 'priority'"_s.arg(db.name())),
                 std::optional<QString>(u"1"_s));
    }

    // A blocking finding disables Start until the DBA overrides each blocker with a confirmation; the overrides
    // reach the engine's own preflight gate (MigrationSpec::forcedPreflightIds), and a start that the gate
    // refuses brings up the findings.
    void blockersDisableStartUntilOverridden()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"gui_blockers"_s);
        {
            auto primary = engine::mysql::Connection::open(db.primary());
            primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL)"_s);
            primary.execute(u"INSERT INTO t SELECT seq, CONCAT('user', seq, '@example.org') FROM seq_1_to_2000"_s);
            primary.execute(u"UPDATE t SET email = 'twin@example.org' WHERE id IN (123, 1234)"_s);
            auto replica = engine::mysql::Connection::open(db.replica());
            testsupport::waitForReplica(primary, replica);
        }
        ui::MainWindow window;
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::Session *session = window.session();
        connectAndPick(window, sandbox, db.name(), u"t"_s, u"ADD UNIQUE KEY uk_email (email)"_s);
        const auto reviews = confirmReviews(window);
        auto *start = child<QPushButton>(&window, u"startButton"_s);
        QTRY_VERIFY(start->isEnabled()); // no report yet: nothing known to block

        // Started without a report: the engine's gate refuses before creating anything; the console shows why.
        MigrationController *controller = session->controller();
        QSignalSpy failed(controller, &MigrationController::failed);
        QSignalSpy preflight(window.preflightPage(), &ui::PreflightPage::finished);
        start->click();
        QCOMPARE(reviews->size(), 1); // reviewed, then started
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 120000);
        QCOMPARE(failed.first().first().value<MigrationFailure>().code, u"preflight-blocked"_s);
        QCOMPARE(window.pages()->currentIndex(), int(ui::MainWindow::Page::Preflight));
        QVERIFY2(child<QLabel>(&window, u"migrationStateLabel"_s)->text().contains(u"failed (preflight-blocked)"_s),
                 qPrintable(child<QLabel>(&window, u"migrationStateLabel"_s)->text()));
        QTRY_COMPARE_WITH_TIMEOUT(preflight.count(), 1, 120000);
        QStringList blockers = session->unresolvedBlockers();
        QVERIFY2(blockers.contains(u"new_unique_duplicates"_s), qPrintable(blockers.join(u", "_s)));
        QVERIFY(!start->isEnabled());
        QVERIFY(start->toolTip().contains(u"new_unique_duplicates"_s));
        screenshot(&window, u"09-preflight-blocked"_s);

        // Declining the confirmation overrides nothing.
        auto *overrideButton = child<QPushButton>(&window, u"overrideButton"_s);
        window.preflightPage()->setConfirmHandler([](const QString &, const QString &) { return false; });
        QVERIFY(window.preflightPage()->selectFinding(blockers.first()));
        QVERIFY(overrideButton->isEnabled());
        overrideButton->click();
        QCOMPARE(session->unresolvedBlockers(), blockers);
        QVERIFY(!start->isEnabled());

        // One by one: Start stays disabled until the last blocker is overridden.
        QStringList confirmed;
        window.preflightPage()->setConfirmHandler([&confirmed](const QString &title, const QString &) {
            confirmed << title;
            return true;
        });
        while (!blockers.isEmpty()) {
            QVERIFY(!start->isEnabled());
            QVERIFY(window.preflightPage()->selectFinding(blockers.first()));
            overrideButton->click();
            QVERIFY(!overrideButton->isEnabled());
            const QStringList left = session->unresolvedBlockers();
            QCOMPARE(left.size(), blockers.size() - 1);
            blockers = left;
        }
        QVERIFY(!confirmed.isEmpty());
        QVERIFY(start->isEnabled());
        QVERIFY(session->overriddenFindings().contains(u"new_unique_duplicates"_s));

        // Overridden, the gate lets it through; the copy itself still refuses to lose a duplicate row.
        failed.clear();
        start->click();
        QVERIFY(session->isMigrating());
        QCOMPARE(session->migrationSpec().forcedPreflightIds, session->overriddenFindings());
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 180000);
        const auto failure = failed.first().first().value<MigrationFailure>();
        QCOMPARE(failure.code, u"unique-duplicates"_s);
        QVERIFY(failure.originalUntouched);
        QTRY_COMPARE(window.pages()->currentIndex(), int(ui::MainWindow::Page::Monitor));
        QVERIFY(child<QLabel>(&window, u"resultLabel"_s)->text().contains(u"unique-duplicates"_s));
    }

    // Migration > Inspect table… runs preflight alone on the table asked for: the findings show, and nothing
    // is created on the server and no migration starts.
    void inspectTableRunsPreflightAlone()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"gui_inspect"_s);
        auto primary = engine::mysql::Connection::open(db.primary());
        primary.execute(u"CREATE TABLE loose (n INT NOT NULL, note VARCHAR(40) NULL) ENGINE=InnoDB"_s);
        primary.execute(u"INSERT INTO loose SELECT seq % 50, CONCAT('row ', seq) FROM seq_1_to_500"_s);
        primary.execute(u"CREATE TRIGGER loose_note BEFORE INSERT ON loose FOR EACH ROW "
                        "SET NEW.note = COALESCE(NEW.note, 'new')"_s);
        {
            auto replica = engine::mysql::Connection::open(db.replica());
            testsupport::waitForReplica(primary, replica);
        }
        const auto tables = [&primary, &db] {
            QStringList names;
            auto result = primary.query(u"SELECT TABLE_NAME FROM information_schema.TABLES "
                                        "WHERE TABLE_SCHEMA = '%1' ORDER BY TABLE_NAME"_s.arg(db.name()));
            while (result.next())
                names << result.text(0);
            return names;
        };
        QCOMPARE(tables(), QStringList{u"loose"_s});

        ui::MainWindow window;
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::Session *session = window.session();
        connectToReplica(window, sandbox);
        MigrationController *controller = session->controller();
        QSignalSpy started(session, &ui::Session::migrationStarted);
        QSignalSpy states(controller, &MigrationController::stateChanged);
        QSignalSpy preflight(window.preflightPage(), &ui::PreflightPage::finished);
        auto *inspect = child<QAction>(&window, u"inspectTableAction"_s);
        QVERIFY(inspect->isEnabled());
        QVERIFY(!child<QAction>(&window, u"abortAction"_s)->isEnabled()); // nothing to abort

        // Cancelled: nothing happens.
        QStringList offered;
        window.setTablePrompt([&offered](const QString &current) -> std::optional<QString> {
            offered << current;
            return std::nullopt;
        });
        inspect->trigger();
        QCOMPARE(offered, QStringList{QString()}); // no table picked yet
        QTest::qWait(300);
        QVERIFY(!window.preflightPage()->isRunning());
        QCOMPARE(preflight.count(), 0);

        window.setTablePrompt([&offered, &db](const QString &current) -> std::optional<QString> {
            offered << current;
            return u" %1.loose "_s.arg(db.name());
        });
        inspect->trigger();
        QCOMPARE(window.pages()->currentIndex(), int(ui::MainWindow::Page::Preflight));
        QTRY_COMPARE_WITH_TIMEOUT(preflight.count(), 1, 180000);
        QCOMPARE(session->database(), db.name());
        QCOMPARE(session->table(), u"loose"_s);
        QVERIFY(session->alter().isEmpty());
        QVERIFY(session->preflightReport().has_value());
        QVERIFY2(session->preflightReport()->ran(), qPrintable(session->preflightReport()->failure));
        const QStringList blockers = session->unresolvedBlockers();
        QVERIFY2(blockers.contains(u"unique_key"_s) && blockers.contains(u"triggers"_s),
                 qPrintable(blockers.join(u", "_s)));
        QVERIFY(window.preflightPage()->selectFinding(u"triggers"_s));
        QVERIFY2(child<QTextBrowser>(&window, u"findingDetail"_s)->toPlainText().contains(u"loose_note"_s),
                 qPrintable(child<QTextBrowser>(&window, u"findingDetail"_s)->toPlainText()));
        QVERIFY(window.preflightPage()->selectFinding(u"unique_key"_s));
        const QString summary = child<QLabel>(&window, u"preflightSummary"_s)->text();
        QVERIFY2(summary.contains(u"%1 blocking"_s.arg(blockers.size())), qPrintable(summary));
        screenshot(&window, u"13-inspect-table"_s);

        // "Export report…": the preflight-only inspection as a page (and a PDF) for a change request.
        QTemporaryDir exports;
        QString target = exports.filePath(u"preflight.html"_s);
        QStringList suggested;
        window.preflightPage()->setSavePathPrompt([&](const QString &name) {
            suggested << name;
            return target;
        });
        auto *exportButton = child<QPushButton>(&window, u"exportPreflightButton"_s);
        QVERIFY(exportButton->isEnabled());
        exportButton->click();
        target = exports.filePath(u"preflight.pdf"_s);
        exportButton->click();
        QCOMPARE(suggested.first(), u"shadowswap-preflight-%1-loose.html"_s.arg(db.name()));
        QFile html(exports.filePath(u"preflight.html"_s));
        QVERIFY(html.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&html);
        QString findings;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.attributes().value(u"id"_s) == u"findings"_s)
                findings = xml.readElementText(QXmlStreamReader::IncludeChildElements);
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(findings.contains(u"unique_key"_s) && findings.contains(u"BLOCK"_s), qPrintable(findings));
        QFile pdf(exports.filePath(u"preflight.pdf"_s));
        QVERIFY(pdf.open(QIODevice::ReadOnly));
        QVERIFY(pdf.read(5) == "%PDF-");
        QVERIFY(pdf.size() > 1000);

        // Only looked: no helper table, no migration.
        QCOMPARE(tables(), QStringList{u"loose"_s});
        QVERIFY(!session->isMigrating());
        QCOMPARE(started.count(), 0);
        QCOMPARE(states.count(), 0);
        QCOMPARE(controller->snapshot().state, MigrationState::Idle);
        QVERIFY(!child<QAction>(&window, u"abortAction"_s)->isEnabled());
        QVERIFY(child<QLabel>(&window, u"migrationStateLabel"_s)->text().isEmpty());

        // Asked again, the prompt offers the inspected table.
        inspect->trigger();
        QCOMPARE(offered.last(), db.name() + u".loose"_s);
        QTRY_COMPARE_WITH_TIMEOUT(preflight.count(), 2, 180000);
        QCOMPARE(tables(), QStringList{u"loose"_s});
        QCOMPARE(started.count(), 0);
    }

    // Closing the window during a migration and choosing "abort safely" aborts, drops the helper tables, leaves
    // the original untouched and then closes the window.
    void closingAbortsSafelyWhenAsked()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"gui_close"_s);
        auto primary = engine::mysql::Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT NOT NULL)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_3000"_s);
        {
            auto replica = engine::mysql::Connection::open(db.replica());
            testsupport::waitForReplica(primary, replica);
        }
        const auto before = testsupport::checksumTable(primary, db.name(), u"t"_s);
        ui::MainWindow window;
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::Session *session = window.session();
        connectAndPick(window, sandbox, db.name(), u"t"_s, u"ADD COLUMN x INT"_s);
        child<QCheckBox>(&window, u"postponeCheck"_s)->setChecked(true);
        const auto reviews = confirmReviews(window);
        MigrationController *controller = session->controller();
        QSignalSpy failed(controller, &MigrationController::failed);
        child<QPushButton>(&window, u"startButton"_s)->click();
        QCOMPARE(reviews->size(), 1); // reviewed, then started
        QTRY_VERIFY_WITH_TIMEOUT(controller->snapshot().state == MigrationState::Postponed || !failed.isEmpty(),
                                 120000);
        QVERIFY2(failed.isEmpty(), qPrintable(failureText(failed)));

        bool asked = false;
        answerNextMessageBox([&asked](QMessageBox *box) {
            asked = true;
            QAbstractButton *abort = buttonLabelled(box, u"Abort safely"_s);
            QVERIFY(abort);
            abort->click();
        });
        QVERIFY(!window.close()); // not yet: the window waits for the abort to finish
        QVERIFY(asked);
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 60000);
        QCOMPARE(failed.first().first().value<MigrationFailure>().code, u"aborted"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isVisible(), 10000); // then it closes by itself
        QVERIFY(!session->isMigrating());
        QCOMPARE(primary.scalar(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = '%1' "
                                "AND TABLE_NAME LIKE '\\_t\\_%'"_s.arg(db.name())),
                 std::optional<QString>(u"0"_s));
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s), before);
    }
};

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
