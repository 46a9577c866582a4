// The cut-over window panel on the real sandbox, offscreen: it names a session that holds the table (with the
// metadata-lock instrument on and off) and KILLs it; the poller drops looks taken for an earlier target; the
// monitor shows the panel while the cut-over is postponed and attempted, with each attempt; the main window's
// "Cut-over window…" opens it for the session's table. Sessions that hold locks are held by the test itself.
#include "consoletest.h"

#include <cutoverwindowpanel.h>
#include <hiddenlockholder.h>
#include <cutoverwindowpoller.h>

#include <QDialog>
#include <QHeaderView>

#include <memory>

using namespace consoletest;
using engine::cutover::LockSession;
using engine::mysql::Connection;
using engine::mysql::DbException;

namespace {

// A table `name` with a few rows, on the primary and arrived on the replica.
std::unique_ptr<testsupport::ScratchDatabase> scratchTable(const testsupport::Sandbox &sandbox, const QString &test,
                                                           const QString &name, int rows = 100)
{
    auto db = std::make_unique<testsupport::ScratchDatabase>(sandbox, test);
    Connection primary = Connection::open(db->primary());
    primary.execute(u"CREATE TABLE %1 (id BIGINT PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB"_s.arg(name));
    primary.execute(u"INSERT INTO %1 SELECT seq, seq MOD 97 FROM seq_1_to_%2"_s.arg(name, QString::number(rows)));
    Connection replica = Connection::open(db->replica());
    testsupport::waitForReplica(primary, replica);
    return db;
}

const LockSession *shownSession(const ui::CutOverWindowPanel &panel, unsigned long id)
{
    if (!panel.lastReading())
        return nullptr;
    for (const LockSession &s : panel.lastReading()->picture.sessions)
        if (s.id == qint64(id))
            return &s;
    return nullptr;
}

bool showsBlocker(const ui::CutOverWindowPanel &panel)
{
    return panel.lastReading() && !panel.lastReading()->picture.blockers().isEmpty();
}

QString shownText(const ui::CutOverWindowPanel &panel)
{
    if (!panel.lastReading())
        return u"(nothing shown yet)"_s;
    QStringList lines = {u"source: "_s + panel.lastReading()->picture.source};
    for (const LockSession &s : panel.lastReading()->picture.sessions)
        lines << s.describe() + u" — "_s + s.why;
    lines << panel.lastReading()->picture.errors;
    return lines.join(u'\n');
}

void savePanel(QWidget *widget, const QString &name)
{
    screenshot(widget, name);
    if (name == u"20-cutover-panel-instrument-off"_s) // the one the issue asks to look at
        QVERIFY(widget->grab().save(u"/tmp/cutover-panel.png"_s));
}

} // namespace

class TestCutOverPanel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"shadowswap-test"_s);
        QCoreApplication::setApplicationName(u"tst_cutoverpanel"_s);
    }

    void panelNamesTheHolderAndKillsIt_data()
    {
        QTest::addColumn<bool>("instrumented");
        QTest::newRow("instrument off") << false;
        QTest::newRow("instrument on") << true;
    }
    void panelNamesTheHolderAndKillsIt()
    {
        REQUIRE_SANDBOX(sandbox);
        QFETCH(bool, instrumented);
        const auto db = scratchTable(sandbox, u"gui_cutover_panel"_s, u"orders"_s);
        Connection admin = Connection::open(sandbox.primary, u"test-admin"_s);
        const testsupport::MetadataLockInstrument instrument(admin, instrumented);
        Connection holder = Connection::open(db->primary(), u"test-holder"_s);
        holder.execute(u"LOCK TABLES orders WRITE"_s);
        const unsigned long holderId = holder.threadId();

        ui::CutOverWindowPanel panel;
        panel.resize(1200, 560);
        panel.setTarget(db->primary(), db->name(), u"orders"_s, {sandbox.replica});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.start();
        QTRY_VERIFY2_WITH_TIMEOUT(shownSession(panel, holderId), qPrintable(shownText(panel)), 15000);
        const LockSession *named = shownSession(panel, holderId);
        QCOMPARE(named->status, engine::cutover::LockStatus::LockTables);
        QVERIFY(named->isBlocker);
        auto *source = child<QLabel>(&panel, u"lockSourceLabel"_s);
        QVERIFY2(source->text().contains(instrumented ? u"performance_schema.metadata_locks"_s
                                                      : u"performance_schema.table_handles"_s),
                 qPrintable(source->text()));
        QCOMPARE(child<QLabel>(&panel, u"lockHintLabel"_s)->isVisible(), !instrumented);
        auto *summary = child<QLabel>(&panel, u"lockSummaryLabel"_s);
        QVERIFY2(summary->text().contains(u"Holding the swap back: 1"_s), qPrintable(summary->text()));
        QVERIFY2(summary->text().contains(u"replica lag: "_s) && summary->text().contains(u"threads running: "_s),
                 qPrintable(summary->text()));
        auto *tree = child<QTreeWidget>(&panel, u"lockSessionsTree"_s);
        QCOMPARE(tree->topLevelItemCount(), 1);
        QVERIFY2(tree->topLevelItem(0)->text(1).startsWith(QString::number(holderId) + u' '),
                 qPrintable(tree->topLevelItem(0)->text(1)));
        QCOMPARE(tree->topLevelItem(0)->text(2), u"shadowswap-test-holder"_s);
        QVERIFY2(tree->topLevelItem(0)->text(6).contains(u"holds LOCK TABLES"_s),
                 qPrintable(tree->topLevelItem(0)->text(6)));
        savePanel(&panel, instrumented ? u"21-cutover-panel-instrument-on"_s : u"20-cutover-panel-instrument-off"_s);

        // KILL…: the panel asks which KILL, sends it off the GUI thread, and the next look finds the table free.
        QStringList asked;
        panel.setConfirmHandler([&asked](const QString &title, const QString &text, const QStringList &choices) {
            asked << title + u"\n"_s + text + u"\n"_s + choices.join(u" | "_s);
            return u"KILL CONNECTION"_s;
        });
        child<QPushButton>(&panel, u"killButton_%1"_s.arg(QString::number(holderId)))->click();
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.first().contains(u"KILL QUERY | KILL CONNECTION"_s), qPrintable(asked.first()));
        QVERIFY2(asked.first().contains(u"id %1, shadowswap@"_s.arg(QString::number(holderId))), qPrintable(asked.first()));
        QTRY_VERIFY2_WITH_TIMEOUT(panel.killResult().contains(u"KILL CONNECTION %1: sent"_s.arg(QString::number(holderId))),
                                  qPrintable(panel.killResult()), 15000);
        QTRY_VERIFY2_WITH_TIMEOUT(panel.lastReading() && !shownSession(panel, holderId) && !showsBlocker(panel),
                                  qPrintable(shownText(panel)), 15000);
        QVERIFY_THROWS_EXCEPTION(DbException, holder.execute(u"SELECT 1"_s)); // its session is gone
        QVERIFY2(summary->text().contains(u"No session holds the swap back"_s), qPrintable(summary->text()));
        QCOMPARE(tree->topLevelItemCount(), 0);
        Connection next = Connection::open(db->primary(), u"test-next"_s);
        next.execute(u"SET STATEMENT lock_wait_timeout = 1 FOR LOCK TABLES orders WRITE"_s);
        next.execute(u"UNLOCK TABLES"_s);
        if (!instrumented)
            savePanel(&panel, u"22-cutover-panel-after-kill"_s);
    }

    // Found walking the demo: a lock taken before the MDL instrument was on is never listed. The cut-over's
    // RENAME waits, nobody is shown holding: the panel must say the holder is not visible and offer the old
    // transactions as suspects with a KILL, whose KILL CONNECTION frees the table.
    void unseenHolderIsSuspectedAndKilled()
    {
        REQUIRE_SANDBOX(sandbox);
        const auto db = scratchTable(sandbox, u"gui_cutover_unseen"_s, u"orders"_s);
        Connection admin = Connection::open(sandbox.primary, u"test-admin"_s);
        testsupport::HiddenLockHolder hidden(admin, db->primary(), u"orders"_s);
        const unsigned long holderId = hidden.holderId();

        ui::CutOverWindowPanel panel;
        panel.resize(1200, 560);
        panel.setTarget(db->primary(), db->name(), u"orders"_s, {sandbox.replica});
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        panel.start();
        QTRY_VERIFY2_WITH_TIMEOUT(shownSession(panel, holderId), qPrintable(shownText(panel)), 20000);
        QCOMPARE(shownSession(panel, holderId)->status, engine::cutover::LockStatus::OpenTransaction);
        auto *summary = child<QLabel>(&panel, u"lockSummaryLabel"_s);
        QVERIFY2(summary->text().contains(u"the holder is not visible"_s), qPrintable(summary->text()));
        QVERIFY2(!summary->text().contains(u"No session holds"_s), qPrintable(summary->text()));
        savePanel(&panel, u"23-cutover-panel-unseen-holder"_s);

        panel.setConfirmHandler([](const QString &, const QString &, const QStringList &) {
            return u"KILL CONNECTION"_s;
        });
        child<QPushButton>(&panel, u"killButton_%1"_s.arg(QString::number(holderId)))->click();
        QTRY_VERIFY2_WITH_TIMEOUT(panel.killResult().contains(u"KILL CONNECTION %1: sent"_s.arg(QString::number(holderId))),
                                  qPrintable(panel.killResult()), 15000);
        QCOMPARE(hidden.waiterResult(), QString()); // it got the table once the suspect's transaction was gone
        QTRY_VERIFY2_WITH_TIMEOUT(panel.lastReading() && !shownSession(panel, holderId),
                                  qPrintable(shownText(panel)), 15000);
    }

    // A look taken for an earlier target is dropped, never shown as the new one's.
    void lookForAnEarlierTargetIsDropped()
    {
        REQUIRE_SANDBOX(sandbox);
        const auto db = scratchTable(sandbox, u"gui_cutover_stale"_s, u"held"_s);
        Connection setup = Connection::open(db->primary());
        setup.execute(u"CREATE TABLE free (id INT PRIMARY KEY)"_s);
        Connection holder = Connection::open(db->primary(), u"test-holder"_s);
        holder.execute(u"LOCK TABLES held READ"_s);

        ui::CutOverWindowPoller poller;
        QList<ui::CutOverWindowReading> readings;
        connect(&poller, &ui::CutOverWindowPoller::polled, this,
                [&readings](const ui::CutOverWindowReading &reading) { readings << reading; });
        poller.setTarget({db->primary(), db->name(), u"held"_s, {}, 2});
        QVERIFY(poller.poll());
        QVERIFY(!poller.poll()); // one look at a time
        poller.setTarget({db->primary(), db->name(), u"free"_s, {}, 2});
        QTRY_VERIFY_WITH_TIMEOUT(!poller.isPolling(), 15000);
        QCOMPARE(readings.size(), 0);
        QVERIFY(poller.poll());
        QTRY_COMPARE_WITH_TIMEOUT(readings.size(), 1, 15000);
        QVERIFY2(readings.first().picture.sessions.isEmpty(), qPrintable(readings.first().picture.errors.join(u'\n')));
        holder.execute(u"UNLOCK TABLES"_s);
    }

    // The monitor: the panel appears while the migration waits postponed, names what holds the table, lists the
    // cut-over attempt that failed on it with its blocker, and after the KILL the next attempt swaps.
    void monitorShowsThePanelWhilePostponedAndCuttingOver()
    {
        REQUIRE_SANDBOX(sandbox);
        const auto db = scratchTable(sandbox, u"gui_cutover_monitor"_s, u"items"_s, 2000);
        ui::MainWindow window;
        window.resize(1280, 980);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::Session *session = window.session();
        connectAndPick(window, sandbox, db->name(), u"items"_s, u"ADD COLUMN flag TINYINT NOT NULL DEFAULT 0"_s);
        MigrationController *controller = session->controller();
        QSignalSpy finished(controller, &MigrationController::finished);
        QSignalSpy failed(controller, &MigrationController::failed);
        ui::CutOverWindowPanel *panel = window.monitorPage()->cutOverWindowPanel();
        // Without the checksum verification: its own brief lock would wait behind the holder first (the panel
        // shows then too), and this test is about the swap's attempts.
        MigrationSpec spec = window.newMigrationPage()->spec();
        spec.verify = false;
        session->startMigration(spec, true);
        window.showPage(ui::MainWindow::Page::Monitor);
        QVERIFY(session->isMigrating());
        QVERIFY(!panel->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(controller->snapshot().state == MigrationState::Postponed || !failed.isEmpty(),
                                 240000);
        QVERIFY2(failed.isEmpty(), qPrintable(failureText(failed)));
        QTRY_VERIFY(panel->isVisible());
        QVERIFY(!child<QTreeWidget>(panel, u"cutOverAttemptsTree"_s)->isVisible()); // no attempt yet

        Connection holder = Connection::open(db->primary(), u"test-holder"_s);
        holder.execute(u"LOCK TABLES items WRITE"_s);
        const unsigned long holderId = holder.threadId();
        QTRY_VERIFY2_WITH_TIMEOUT(shownSession(*panel, holderId) && shownSession(*panel, holderId)->isBlocker,
                                  qPrintable(shownText(*panel)), 15000);

        // "Cut over now": the first attempt cannot lock the table (3 s) and fails, naming the holder.
        window.monitorPage()->setConfirmHandler([](const QString &, const QString &) { return true; });
        child<QPushButton>(&window, u"cutOverButton"_s)->click();
        auto *attempts = child<QTreeWidget>(panel, u"cutOverAttemptsTree"_s);
        const QString holderText = u"session %1 "_s.arg(QString::number(holderId));
        QTRY_VERIFY_WITH_TIMEOUT(attempts->topLevelItemCount() >= 1
                                     && attempts->topLevelItem(0)->text(1).startsWith(u"failed"_s),
                                 60000);
        QVERIFY2(failed.isEmpty(), qPrintable(failureText(failed)));
        QVERIFY(panel->isVisible());
        QVERIFY(attempts->isVisible());
        QCOMPARE(attempts->topLevelItem(0)->text(2), u"not taken"_s);
        QVERIFY2(attempts->topLevelItem(0)->text(4).contains(holderText), qPrintable(attempts->topLevelItem(0)->text(4)));
        screenshot(&window, u"23-monitor-cutover-window"_s);

        panel->setConfirmHandler([](const QString &, const QString &, const QStringList &) { return u"KILL CONNECTION"_s; });
        QTRY_VERIFY_WITH_TIMEOUT(panel->findChild<QPushButton *>(u"killButton_%1"_s.arg(QString::number(holderId))), 15000);
        child<QPushButton>(panel, u"killButton_%1"_s.arg(QString::number(holderId)))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 120000);
        QVERIFY2(failed.isEmpty(), qPrintable(failureText(failed)));
        const QList<CutOverAttempt> made = controller->snapshot().cutOverAttempts;
        QVERIFY2(made.size() >= 2, qPrintable(QString::number(made.size())));
        QCOMPARE(made.first().outcome, CutOverAttempt::Outcome::Failed);
        QVERIFY(made.first().attemptMillis >= 3000); // the lock wait
        QCOMPARE(made.last().outcome, CutOverAttempt::Outcome::Swapped);
        QVERIFY(made.last().lockMillis >= 0);
        QVERIFY(!panel->isVisible());
        Connection primary = Connection::open(db->primary());
        QVERIFY(primary.query(u"SHOW COLUMNS FROM items LIKE 'flag'"_s).next());
    }

    // Migration ▸ Cut-over window… opens the panel for the session's table on the primary of the replica it is
    // connected to, without a migration.
    void mainWindowActionOpensThePanel()
    {
        REQUIRE_SANDBOX(sandbox);
        const auto db = scratchTable(sandbox, u"gui_cutover_action"_s, u"orders"_s);
        Connection holder = Connection::open(db->primary(), u"test-holder"_s);
        holder.execute(u"LOCK TABLES orders READ"_s);
        ui::MainWindow window;
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        connectToReplica(window, sandbox);
        window.session()->setTarget(db->name(), u"orders"_s, QString());
        child<QAction>(&window, u"cutOverWindowAction"_s)->trigger();
        QList<ui::CutOverWindowPanel *> panels = window.findChildren<ui::CutOverWindowPanel *>();
        panels.removeOne(window.monitorPage()->cutOverWindowPanel());
        QCOMPARE(panels.size(), 1);
        ui::CutOverWindowPanel *panel = panels.first();
        QVERIFY(panel->window()->isVisible());
        QVERIFY2(panel->title().contains(u":%1"_s.arg(QString::number(sandbox.primary.port))), qPrintable(panel->title()));
        QTRY_VERIFY2_WITH_TIMEOUT(shownSession(*panel, holder.threadId()), qPrintable(shownText(*panel)), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(child<QLabel>(panel, u"lockSummaryLabel"_s)->text().contains(
                                     u"(127.0.0.1:%1)"_s.arg(QString::number(sandbox.replica.port))),
                                 15000);
        screenshot(panel->window(), u"24-cutover-window-dialog"_s);
        panel->window()->close();
        holder.execute(u"UNLOCK TABLES"_s);
    }
};

QTEST_MAIN(TestCutOverPanel)
#include "tst_cutoverpanel.moc"
