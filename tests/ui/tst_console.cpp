// The real console window driven against the sandbox: connect, dry run, preflight, migrate a small table under
// write load with throttle and a postponed cut-over, and screenshots of every screen on the way.
#include <connectionspage.h>
#include <historypage.h>
#include <mainwindow.h>
#include <monitorcharts.h>
#include <monitorpage.h>
#include <newmigrationpage.h>
#include <preflightmodel.h>
#include <preflightpage.h>
#include <revertwindowpanel.h>
#include <session.h>

#include <migrationharness.h>
#include <rowmix.h>
#include <sandbox.h>
#include <writeload.h>

#include <mysql/sqltext.h>

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QMessageBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

#include <algorithm>
#include <functional>
#include <vector>

using namespace Qt::StringLiterals;
using namespace engine::migration;

namespace {
class StallMeter;
StallMeter *activeMeter = nullptr;
void pauseMeter(bool paused);

void screenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
    QDir().mkpath(dir);
    QTest::qWait(400); // let queued replots and layouts settle
    // Grabbing a full window is the test's own stall, not the console's: keep it out of the measurement.
    pauseMeter(true);
    const bool saved = window->grab().save(dir + u'/' + name + u".png"_s);
    pauseMeter(false);
    QVERIFY(saved);
}

template<typename T>
T *child(QWidget *parent, const QString &name)
{
    T *widget = parent->findChild<T *>(name);
    if (!widget)
        qFatal("no widget %s", qPrintable(name));
    return widget;
}

// Acts on the next modal message box as soon as it shows (closeEvent's question runs its own event loop).
void answerNextMessageBox(std::function<void(QMessageBox *)> act)
{
    auto *poll = new QTimer;
    poll->setInterval(20);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, act = std::move(act)] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box || !box->isVisible())
            return;
        poll->stop();
        poll->deleteLater();
        act(box);
    });
    poll->start();
}

QAbstractButton *buttonLabelled(QMessageBox *box, const QString &prefix)
{
    for (QAbstractButton *b : box->buttons())
        if (b->text().remove(u'&').startsWith(prefix))
            return b;
    return nullptr;
}

// Nanoseconds the calling thread has spent runnable but waiting for a CPU (Linux schedstat; 0 elsewhere).
qint64 runQueueWaitNanos()
{
    QFile file(u"/proc/thread-self/schedstat"_s);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QList<QByteArray> fields = file.readAll().simplified().split(' ');
    return fields.size() >= 2 ? fields.at(1).toLongLong() : 0;
}

// The largest gap between ticks of a 10 ms timer: how long the GUI event loop was busy elsewhere. Measured
// twice: wall clock, and without the time the GUI thread sat runnable waiting for a CPU (on a shared 2-core
// machine with builds running, the scheduler alone can hold any thread back for 100 ms). The second is the
// console's own stall: its work in the GUI thread, and any wait on a lock or I/O there.
class StallMeter : public QObject {
public:
    StallMeter()
    {
        m_timer.setInterval(10);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 gap = m_clock.restart();
            const qint64 waited = runQueueWaitNanos();
            const qint64 own = std::max<qint64>(0, gap - (waited - m_waited) / 1000000);
            m_waited = waited;
            if (m_paused)
                return;
            if (gap > m_max) {
                m_max = gap;
                m_worstPhase = m_phase;
            }
            if (own > m_maxOwn) {
                m_maxOwn = own;
                m_worstOwnPhase = m_phase;
            }
            m_gaps.push_back(gap);
            ++m_ticks;
        });
        m_waited = runQueueWaitNanos();
        m_clock.start();
        m_timer.start();
        activeMeter = this;
    }
    ~StallMeter() override { activeMeter = nullptr; }
    void setPaused(bool paused)
    {
        if (!paused)
            m_clock.restart();
        m_waited = runQueueWaitNanos();
        m_paused = paused;
    }
    qint64 maxGapMillis() const { return m_max; }
    // The largest gap less the time the GUI thread waited for a CPU in it.
    qint64 maxOwnStallMillis() const { return m_maxOwn; }
    void setPhase(const char *phase) { m_phase = phase; }
    const char *worstPhase() const { return m_worstPhase; }
    const char *worstOwnPhase() const { return m_worstOwnPhase; }
    qint64 ticks() const { return m_ticks; }
    // The gap that `fraction` of all ticks stayed within (0.99: the 99th percentile).
    qint64 percentile(double fraction) const
    {
        if (m_gaps.empty())
            return 0;
        std::vector<qint64> sorted = m_gaps;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, size_t(double(sorted.size()) * fraction))];
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_max = 0;
    qint64 m_maxOwn = 0;
    qint64 m_waited = 0;
    qint64 m_ticks = 0;
    std::vector<qint64> m_gaps;
    bool m_paused = false;
    const char *m_phase = "start";
    const char *m_worstPhase = "";
    const char *m_worstOwnPhase = "";
};

void pauseMeter(bool paused)
{
    if (activeMeter)
        activeMeter->setPaused(paused);
}
} // namespace

class TestConsole : public QObject {
    Q_OBJECT
private:
    // Connects the window to the sandbox replica (gh-ost's default topology).
    static void connectToReplica(ui::MainWindow &window, const testsupport::Sandbox &sandbox)
    {
        ui::ConnectionProfile profile;
        profile.name = u"sandbox replica"_s;
        profile.host = sandbox.replica.host;
        profile.port = sandbox.replica.port;
        profile.user = sandbox.replica.user;
        window.connectionsPage()->prefill(profile, sandbox.replica.password);
        child<QPushButton>(&window, u"testConnectionButton"_s)->click();
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->isConnected(), 30000);
    }

    // Connects as connectToReplica() and picks `table` with `alter`.
    static void connectAndPick(ui::MainWindow &window, const testsupport::Sandbox &sandbox, const QString &database,
                               const QString &table, const QString &alter)
    {
        connectToReplica(window, sandbox);
        window.showPage(ui::MainWindow::Page::NewMigration);
        window.newMigrationPage()->preselect(database, table, alter);
        QTRY_COMPARE_WITH_TIMEOUT(window.session()->table(), table, 30000);
        QCOMPARE(window.session()->database(), database);
        child<QSpinBox>(&window, u"serverIdSpin"_s)
            ->setValue(60000 + int(QCoreApplication::applicationPid() % 10000));
    }

    static QString failureText(const QSignalSpy &failed)
    {
        return failed.isEmpty() ? QString() : failed.first().first().value<MigrationFailure>().message;
    }

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
        child<QPushButton>(&window, u"startButton"_s)->click();
        QVERIFY(session->isMigrating());
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
        auto *start = child<QPushButton>(&window, u"startButton"_s);
        QTRY_VERIFY(start->isEnabled()); // no report yet: nothing known to block

        // Started without a report: the engine's gate refuses before creating anything; the console shows why.
        MigrationController *controller = session->controller();
        QSignalSpy failed(controller, &MigrationController::failed);
        QSignalSpy preflight(window.preflightPage(), &ui::PreflightPage::finished);
        start->click();
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
        MigrationController *controller = session->controller();
        QSignalSpy failed(controller, &MigrationController::failed);
        child<QPushButton>(&window, u"startButton"_s)->click();
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

QTEST_MAIN(TestConsole)
#include "tst_console.moc"
