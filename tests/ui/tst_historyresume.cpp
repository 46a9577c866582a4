// "Resume…" on the History page, against the real sandbox: shadowswap-cli is killed with SIGKILL mid-copy under a
// mirrored write load; the console's History page shows the crashed run with a Resume button, resumes it (the
// password asked, the DBA's confirmation given) and the result equals a reference table altered natively. Also:
// a resume the engine refuses shows the engine's message. Screenshot: build/screenshots/historyresume-*.png.
#include <historypage.h>
#include <mainwindow.h>
#include <monitorpage.h>
#include <resumelauncher.h>
#include <session.h>

#include <copyhold.h>
#include <mirroredload.h>
#include <sandbox.h>
#include <writeload.h>

#include <history/historyjournal.h>
#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace engine::migration;
using engine::history::HistoryJournal;
using engine::history::Outcome;
using engine::mysql::Connection;
using engine::mysql::qualifiedName;

namespace {

constexpr int tableRows = 60000;
const QString alter = u"ADD COLUMN extra INT NOT NULL DEFAULT 7, ADD KEY k_n (n)"_s;

void screenshot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
    QDir().mkpath(dir);
    QTest::qWait(400); // let layouts settle
    QVERIFY(window->grab().save(dir + u'/' + name + u".png"_s));
}

quint32 serverId(int offset)
{
    return 62000 + quint32(QCoreApplication::applicationPid() % 3000) + quint32(offset);
}

// t (migrated) and t_ref (reference) get the same rows and, through one mirrored load, the same statements.
std::unique_ptr<testsupport::WriteLoad> startLoad(Connection &primary, const testsupport::ScratchDatabase &db)
{
    return testsupport::startMirroredLoad(primary, db, tableRows).writer;
}

bool tableExists(Connection &primary, const QString &table)
{
    return primary.query(u"SHOW TABLES LIKE %1"_s.arg(primary.quote(table))).next();
}

// Rows copied according to the checkpoint in _t_ghk; 0 while there is none, -1 once the copy is complete.
qint64 checkpointedRows(Connection &primary)
{
    const testsupport::CheckpointRow row = testsupport::readCheckpoint(primary);
    if (!row.keyWritten)
        return 0;
    return row.copyComplete ? -1 : qint64(row.rowsCopied);
}

// The console with its History page over the journal at `path`.
struct Console {
    explicit Console(const QString &journalPath)
        : journalSet(qputenv("SHADOWSWAP_HISTORY_DB", journalPath.toUtf8())) // before the page opens it
    {
        window.resize(1280, 720);
        window.show();
        history = window.findChild<ui::HistoryPage *>();
        list = history->findChild<QTreeWidget *>(u"historyList"_s);
        launcher = history->resumeLauncher();
        launcher->setConfirmHandler([this](const QString &, const QString &text) {
            confirmations << text;
            return true;
        });
        launcher->setPasswordHandler([this](const QString &, const QString &label) -> std::optional<QString> {
            passwordLabels << label;
            return password;
        });
        launcher->setNotifyHandler([this](const QString &title, const QString &text) {
            notices << title + u": "_s + text;
        });
        window.showPage(ui::MainWindow::Page::History);
    }

    QPushButton *resumeButton(int row) const
    {
        return qobject_cast<QPushButton *>(list->itemWidget(list->topLevelItem(row), ui::HistoryPage::ActionColumn));
    }

    bool journalSet;
    ui::MainWindow window;
    ui::HistoryPage *history = nullptr;
    QTreeWidget *list = nullptr;
    ui::ResumeLauncher *launcher = nullptr;
    QString password;
    QStringList confirmations, passwordLabels, notices;
};

} // namespace

class TestHistoryResume : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"shadowswap-test"_s);
        QCoreApplication::setApplicationName(u"tst_historyresume"_s);
        QSettings().clear(); // no saved profiles: the password is asked
    }

    void resumesAMigrationWhoseProcessWasKilled()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"gui_historyresume"_s);
        Connection primary = Connection::open(db.primary());
        auto load = startLoad(primary, db);
        QTemporaryDir dir;
        const QString journal = dir.filePath(u"history.sqlite"_s);

        // shadowswap-cli, its copy held by the test hook once a fifth of the rows are copied (checkpoints go on),
        // killed with SIGKILL there.
        const auto replica = db.replica();
        testsupport::CopyHold hold(dir.filePath(u"hold-copy"_s), tableRows / 5);
        QProcess cli;
        cli.setProcessEnvironment(hold.environment());
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s,
                  {u"--host"_s, replica.host, u"--port"_s, QString::number(replica.port), u"--user"_s, replica.user,
                   u"--password"_s, replica.password, u"--database"_s, db.name(), u"--table"_s, u"t"_s, u"--alter"_s,
                   alter, u"--execute"_s, u"--checkpoint-seconds"_s, u"1"_s, u"--nice-ratio"_s, u"3"_s,
                   u"--chunk-size"_s, u"500"_s, u"--history-file"_s, journal, u"--replica-server-id"_s,
                   QString::number(serverId(0))});
        QVERIFY(cli.waitForStarted());
        QElapsedTimer clock;
        clock.start();
        qint64 rows = 0;
        while (clock.elapsed() < 120000 && cli.state() == QProcess::Running && rows >= 0 && rows < tableRows / 5) {
            QTest::qWait(50);
            rows = checkpointedRows(primary);
        }
        QVERIFY2(cli.state() == QProcess::Running, qPrintable(QString::fromUtf8(cli.readAll()).right(2000)));
        QVERIFY2(rows >= tableRows / 5, "the copy was not held midway (the test hook did not hold it)");
        cli.kill();
        QVERIFY(cli.waitForFinished(10000));
        QVERIFY(hold.release());
        qInfo("killed mid-copy; the checkpoint had %lld rows copied", rows);
        QVERIFY(tableExists(primary, u"_t_gho"_s));
        QVERIFY(tableExists(primary, u"_t_ghk"_s));

        // The History page: the crashed run, with its Resume button.
        Console console(journal);
        console.password = replica.password;
        QCOMPARE(console.list->topLevelItemCount(), 1);
        QTreeWidgetItem *crashed = console.list->topLevelItem(0);
        QCOMPARE(crashed->text(ui::HistoryPage::TableColumn), db.name() + u".t"_s);
        QVERIFY(crashed->text(ui::HistoryPage::DetailsColumn).contains(u"may have crashed"_s));
        QPushButton *resume = console.resumeButton(0);
        QVERIFY(resume);
        QVERIFY(resume->isVisible());
        QVERIFY(resume->isEnabled());
        screenshot(&console.window, u"historyresume-01-interrupted"_s);

        QTest::qWait(1500); // the application keeps writing while nothing migrates
        ui::Session *session = console.window.session();
        QSignalSpy finished(session->controller(), &MigrationController::finished);
        QSignalSpy failed(session->controller(), &MigrationController::failed);
        resume->click();
        QTRY_VERIFY_WITH_TIMEOUT(session->isMigrating() || !console.notices.isEmpty(), 30000);
        QVERIFY2(console.notices.isEmpty(), qPrintable(console.notices.join(u'\n')));
        QCOMPARE(console.window.pages()->currentWidget(), console.window.monitorPage());
        QCOMPARE(console.confirmations.size(), 1);
        QVERIFY(console.confirmations.first().contains(u"_t_ghk"_s));
        QVERIFY(console.confirmations.first().contains(u"may have crashed"_s));
        QCOMPARE(console.passwordLabels.size(), 1);
        QVERIFY(session->migrationSpec().resume);
        QCOMPARE(session->migrationSpec().replicaServerId, serverId(0));
        QCOMPARE(session->migrationSpec().niceRatio, 3.0);
        QVERIFY(session->isConnected());

        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() || !failed.isEmpty(), 240000);
        QVERIFY2(failed.isEmpty(),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<MigrationFailure>().message));
        const auto summary = finished.first().first().value<MigrationSummary>();
        QVERIFY2(summary.verifyResult.startsWith(u"equal"_s), qPrintable(summary.verifyResult));
        QTest::qWait(500); // writes after the swap reach the new table
        load->stop();
        QCOMPARE(load->errors(), 0u);
        QVERIFY(!tableExists(primary, u"_t_gho"_s));
        QVERIFY(!tableExists(primary, u"_t_ghk"_s));
        primary.execute(u"ALTER TABLE t_ref "_s + alter);
        const auto migrated = testsupport::checksumTable(primary, db.name(), u"t"_s);
        QCOMPARE(migrated, testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
        qInfo("resumed from the History page and equal: %llu rows", static_cast<unsigned long long>(migrated.rows));

        // The journal has the resumed run, succeeded; the crashed one has no Resume button any more.
        console.window.showPage(ui::MainWindow::Page::History);
        QTRY_COMPARE(console.list->topLevelItemCount(), 2);
        HistoryJournal reader;
        QVERIFY(reader.open(journal));
        const auto entries = reader.entries();
        QCOMPARE(entries.first().outcome, Outcome::Succeeded);
        QVERIFY(entries.first().parameters.value(u"resume"_s).toBool());
        QVERIFY(!console.resumeButton(0));
        QVERIFY(!console.resumeButton(1));
        QVERIFY(console.list->topLevelItem(1)->text(ui::HistoryPage::DetailsColumn).contains(u"took over"_s));
        screenshot(&console.window, u"historyresume-02-resumed"_s);
    }

    void refusedResumeShowsTheEnginesMessage()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"gui_historyrefused"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id BIGINT PRIMARY KEY, n INT NOT NULL)"_s);
        QTemporaryDir dir;
        const QString journal = dir.filePath(u"history.sqlite"_s);
        {
            // What a process that died before it created anything leaves: a start without an end.
            HistoryJournal writer;
            QVERIFY(writer.open(journal));
            MigrationSpec spec;
            spec.inspector = db.replica();
            spec.inspector.password.clear();
            spec.database = db.name();
            spec.table = u"t"_s;
            spec.alter = u"ADD COLUMN extra INT"_s;
            spec.execute = true;
            spec.replicaServerId = serverId(1);
            QVERIFY(writer.recordStart(spec, QDateTime::currentDateTimeUtc()) > 0);
        }
        Console console(journal);
        console.password = db.replica().password;
        QPushButton *resume = console.resumeButton(0);
        QVERIFY(resume);
        QSignalSpy failed(console.window.session()->controller(), &MigrationController::failed);
        resume->click();
        QTRY_VERIFY_WITH_TIMEOUT(!console.notices.isEmpty(), 60000);
        QCOMPARE(failed.size(), 1);
        const auto failure = failed.first().first().value<MigrationFailure>();
        QCOMPARE(failure.code, u"resume-nothing"_s);
        // The DBA reads the engine's own words.
        QVERIFY2(console.notices.first().startsWith(u"Resume refused: [resume-nothing] "_s),
                 qPrintable(console.notices.first()));
        QVERIFY(console.notices.first().contains(failure.message));
        QVERIFY(tableExists(primary, u"t"_s));
        QVERIFY(!tableExists(primary, u"_t_gho"_s));
    }
};

QTEST_MAIN(TestHistoryResume)
#include "tst_historyresume.moc"
