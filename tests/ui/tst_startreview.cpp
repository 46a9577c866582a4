// The guided start: "Start migration" shows a review (servers and roles, the table and its size, the ALTER,
// the options changed from the defaults, the preflight verdict and overrides, the estimate, the
// shadowswap-cli command line without the password) and starts only when the DBA confirms. No server is
// needed: the connection points at a closed port, and the migration confirmed at the end is aborted at once.
#include "consoletest.h"

#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <runsummaryview.h>
#include <startreviewdialog.h>

using namespace consoletest;

namespace {
const QString password = u"s3cr3t-pw-0042"_s;

engine::preflight::PreflightReport preflightFor(const QString &database, const QString &table) {
    using namespace engine::preflight;
    PreflightReport report;
    report.target = {database, table, u"ADD COLUMN x INT"_s, {}, 60000, 9 << 20, 95};
    report.target.servers.push_back(
        {u"inspected"_s, u"127.0.0.1:1"_s, u"MariaDB"_s, u"10.11.6"_s, true, true});
    report.target.servers.push_back(
        {u"primary"_s, u"primary1.example:3306"_s, u"MariaDB"_s, u"10.11.6"_s, false, true});
    report.findings.push_back(
        {u"table_size"_s, Severity::Ok, u"About 60000 rows"_s, u"Rows: about 60000"_s, {}});
    report.findings.push_back(
        {u"long_transactions"_s, Severity::Warn, u"A transaction is 40 s old"_s, u"id 12"_s, {}});
    report.findings.push_back({u"triggers"_s, Severity::Block, u"The table has triggers"_s, u"t1"_s, {}});
    return report;
}
} // namespace

class TestStartReview : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"shadowswap-test"_s);
        QCoreApplication::setApplicationName(u"tst_startreview"_s);
        qputenv("SHADOWSWAP_HISTORY_DB", m_dir.filePath(u"history.sqlite"_s).toUtf8());
    }

    void reviewShowsWhatStartsAndCancelStartsNothing() {
        ui::MainWindow window;
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        ui::Session *session = window.session();
        ui::ConnectionProfile profile;
        profile.name = u"closed port"_s;
        profile.host = u"127.0.0.1"_s;
        profile.port = 1;
        profile.user = u"dba"_s;
        engine::mysql::ServerFacts facts;
        facts.endpoint = u"dba@127.0.0.1:1"_s;
        session->setConnection(profile, password, facts);
        session->setTarget(u"shop"_s, u"orders"_s, u"ADD COLUMN x INT"_s);
        session->setPreflightReport(preflightFor(u"shop"_s, u"orders"_s));
        session->setOverriddenFindings({u"triggers"_s});
        child<QSpinBox>(&window, u"chunkSizeSpin"_s)->setValue(200);

        // The real, modal review: read it, then Cancel.
        QString shown, command;
        bool answered = false;
        auto *poll = new QTimer(this);
        poll->setInterval(20);
        connect(poll, &QTimer::timeout, this, [&] {
            auto *review = qobject_cast<ui::StartReviewDialog *>(QApplication::activeModalWidget());
            if (!review || !review->isVisible() || answered)
                return;
            answered = true;
            poll->stop();
            shown = review->summaryView()->plainText();
            command = child<QPlainTextEdit>(review, u"commandLineEdit"_s)->toPlainText();
            screenshot(review, u"startreview-01-review"_s);
            child<QPushButton>(review, u"reviewCancelButton"_s)->click();
        });
        poll->start();
        window.startMigration();
        QVERIFY(answered);
        QVERIFY(!session->isMigrating());
        QCOMPARE(session->controller()->snapshot().state, MigrationState::Idle);
        QCOMPARE(window.pages()->currentIndex(), int(ui::MainWindow::Page::Connections));

        QVERIFY2(shown.contains(u"shop.orders"_s), qPrintable(shown));
        QVERIFY(shown.contains(u"ALTER TABLE orders ADD COLUMN x INT"_s));
        QVERIFY(shown.contains(u"primary1.example:3306"_s));
        QVERIFY(shown.contains(u"the binlog is read here"_s));
        QVERIFY(shown.contains(u"writes go here"_s));
        QVERIFY2(shown.contains(u"Copy time estimate: 1 min 35 s"_s), qPrintable(shown));
        QVERIFY(shown.contains(u"--chunk-size"_s));
        QVERIFY(shown.contains(u"Overridden by you: triggers"_s));
        QVERIFY(shown.contains(u"A transaction is 40 s old"_s));
        QVERIFY(command.startsWith(u"shadowswap-cli"_s));
        QVERIFY(command.contains(u"--host=127.0.0.1"_s));
        QVERIFY(command.contains(u"--port=1"_s));
        QVERIFY(command.contains(u"--alter='ADD COLUMN x INT'"_s));
        QVERIFY(command.contains(u"--chunk-size=200"_s));
        QVERIFY(command.contains(u"--force-preflight=triggers"_s));
        QVERIFY(command.contains(u"--ask-pass"_s));
        QVERIFY(!shown.contains(password));
        QVERIFY(!command.contains(password));
        QVERIFY(!command.contains(u"--password"_s));

        // Confirmed (the handler stands in for the click), it starts; aborted at once, it stops.
        QStringList reviewed;
        window.setReviewHandler([&reviewed](ui::StartReviewDialog &review) {
            reviewed << review.summaryView()->commandLine();
            return true;
        });
        QSignalSpy failed(session->controller(), &MigrationController::failed);
        window.startMigration();
        QCOMPARE(reviewed.size(), 1);
        QVERIFY(session->isMigrating());
        QCOMPARE(session->migrationSpec().chunkSize, 200);
        QVERIFY(session->migrationSpec().forcedPreflightIds.contains(u"triggers"_s));
        QCOMPARE(window.pages()->currentIndex(), int(ui::MainWindow::Page::Monitor));
        session->controller()->abort();
        QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), 120000);
        QVERIFY(!session->isMigrating());
    }

    void aReportOfAnotherTableIsNotShown() {
        ui::MainWindow window;
        window.show();
        ui::Session *session = window.session();
        ui::ConnectionProfile profile;
        profile.port = 1;
        profile.user = u"dba"_s;
        session->setConnection(profile, password, {});
        session->setPreflightReport(preflightFor(u"shop"_s, u"customers"_s));
        session->setTarget(u"shop"_s, u"orders"_s, u"ADD COLUMN x INT"_s);
        QString shown;
        window.setReviewHandler([&shown](ui::StartReviewDialog &review) {
            shown = review.summaryView()->plainText();
            return false;
        });
        window.startMigration();
        QVERIFY(!session->isMigrating());
        QVERIFY2(shown.contains(u"Not run for this table yet"_s), qPrintable(shown));
        QVERIFY(!shown.contains(u"primary1.example"_s));
        QVERIFY(shown.contains(u"the primary (found from the replica at start)"_s));
        QVERIFY(shown.contains(u"No estimate yet"_s));
    }
};

QTEST_MAIN(TestStartReview)
#include "tst_startreview.moc"
