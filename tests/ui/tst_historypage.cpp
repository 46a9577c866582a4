// The console's history page lists what the journal holds, and the console's migrations get recorded.
#include <historydetaildialog.h>
#include <historypage.h>
#include <mainwindow.h>
#include <migrationlistmodel.h>
#include <migrationspage.h>
#include <resumelauncher.h>
#include <session.h>

#include <history/historyjournal.h>
#include <history/migrationrecorder.h>

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QHash>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTableView>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace engine::history;
using namespace engine::migration;

class TestHistoryPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true); // no saved profiles of the user's own
        QCoreApplication::setOrganizationName(u"shadowswap-test"_s);
        QCoreApplication::setApplicationName(u"tst_historypage"_s);
    }

    void listsRecordedMigrationsNewestFirst()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"history.sqlite"_s);
        qputenv("SHADOWSWAP_HISTORY_DB", path.toUtf8());
        {
            auto journal = std::make_shared<HistoryJournal>();
            QVERIFY(journal->open(path));
            MigrationSpec spec;
            spec.database = u"shop"_s;
            spec.table = u"orders"_s;
            spec.alter = u"ADD COLUMN a INT"_s;
            spec.execute = true;
            MigrationRecorder(journal, spec).failed(MigrationFailure{u"hook-failed"_s, u"the hook said no"_s, {}, 0, true});
            spec.table = u"customers"_s;
            MigrationRecorder done(journal, spec);
            MigrationSummary summary;
            summary.rowsCopied = 1234;
            done.succeeded(summary);
            spec.table = u"reverted"_s;
            MigrationRecorder reverted(journal, spec);
            summary.reverted = true;
            summary.oldTable = u"_reverted_del"_s;
            reverted.succeeded(summary);
        }
        ui::Session session;
        ui::HistoryPage page(&session);
        auto *list = page.findChild<QTreeWidget *>(u"historyList"_s);
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(list->topLevelItem(0)->text(1), u"shop.reverted"_s);
        QCOMPARE(list->topLevelItem(0)->text(ui::HistoryPage::OutcomeColumn), u"done (reverted)"_s);
        QVERIFY(list->topLevelItem(0)->text(4).contains(u"_reverted_del"_s));
        QCOMPARE(list->topLevelItem(1)->text(1), u"shop.customers"_s);
        QCOMPARE(list->topLevelItem(1)->text(ui::HistoryPage::OutcomeColumn), u"done"_s);
        QVERIFY(list->topLevelItem(1)->text(4).contains(u"1234"_s));
        QCOMPARE(list->topLevelItem(2)->text(1), u"shop.orders"_s);
        QVERIFY(list->topLevelItem(2)->text(4).contains(u"hook-failed"_s));

        // Recorded elsewhere (e.g. by shadowswap-cli), shown after a refresh.
        {
            auto journal = std::make_shared<HistoryJournal>();
            QVERIFY(journal->open(path));
            MigrationSpec spec;
            spec.database = u"shop"_s;
            spec.table = u"invoices"_s;
            spec.alter = u"ADD COLUMN b INT"_s;
            MigrationRecorder(journal, spec).succeeded({});
        }
        page.refresh();
        QCOMPARE(list->topLevelItemCount(), 4);
        QCOMPARE(list->topLevelItem(0)->text(1), u"shop.invoices"_s);
    }

    void offersResumeForCrashedInterruptedAndKeptRunsOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"history.sqlite"_s);
        qputenv("SHADOWSWAP_HISTORY_DB", path.toUtf8());
        {
            auto journal = std::make_shared<HistoryJournal>();
            QVERIFY(journal->open(path));
            MigrationSpec spec;
            spec.inspector.host = u"db1"_s;
            spec.inspector.user = u"dba"_s;
            spec.database = u"shop"_s;
            spec.alter = u"ADD COLUMN a INT"_s;
            spec.execute = true;
            spec.initiallyDropGhostTable = true; // a resume must not drop the ghost it continues with
            const auto started = [&](const QString &table, bool execute) {
                spec.table = table;
                spec.execute = execute;
                return journal->recordStart(spec, QDateTime::currentDateTimeUtc());
            };
            started(u"old_crash"_s, true);            // superseded by the success below
            MigrationRecorder(journal, spec).succeeded({}); // old_crash, done later
            started(u"crashed"_s, true);
            started(u"dry"_s, false);                  // a dry run leaves nothing to resume
            spec.table = u"closed"_s;
            spec.execute = true;
            { MigrationRecorder interrupted(journal, spec); } // the console closed mid-migration
            spec.table = u"failed"_s;
            MigrationRecorder(journal, spec).failed(MigrationFailure{u"hook-failed"_s, u"no"_s, {}, 0, true});
            spec.table = u"kept"_s; // failed after the copy began: the helper tables were kept for --resume
            MigrationRecorder(journal, spec).failed(MigrationFailure{u"stream-stalled"_s, u"no"_s, {}, 0, true, true});
        }
        ui::Session session;
        ui::HistoryPage page(&session);
        auto *list = page.findChild<QTreeWidget *>(u"historyList"_s);
        QStringList withButton;
        QHash<QString, QTreeWidgetItem *> rows;
        for (int row = 0; row < list->topLevelItemCount(); ++row) {
            QTreeWidgetItem *item = list->topLevelItem(row);
            if (list->itemWidget(item, ui::HistoryPage::ActionColumn))
                withButton << item->text(ui::HistoryPage::TableColumn);
            rows.insert(item->text(ui::HistoryPage::TableColumn), item); // the newest of a table wins: later rows
        }
        QCOMPARE(withButton, (QStringList{u"shop.kept"_s, u"shop.closed"_s, u"shop.crashed"_s}));
        QVERIFY(rows[u"shop.crashed"_s]->text(ui::HistoryPage::DetailsColumn).contains(u"may have crashed"_s));
        QVERIFY(list->topLevelItem(list->topLevelItemCount() - 1)
                    ->text(ui::HistoryPage::DetailsColumn)
                    .contains(u"took over"_s)); // old_crash
        const auto button = [&](const QString &table) {
            return qobject_cast<QPushButton *>(list->itemWidget(rows[table], ui::HistoryPage::ActionColumn));
        };

        // Declining the confirmation asks for nothing and starts nothing.
        ui::ResumeLauncher *launcher = page.resumeLauncher();
        int confirms = 0, passwords = 0;
        launcher->setConfirmHandler([&](const QString &, const QString &text) {
            ++confirms;
            return !text.contains(u"_crashed_ghk"_s);
        });
        launcher->setPasswordHandler([&](const QString &, const QString &) -> std::optional<QString> {
            ++passwords;
            return std::nullopt; // cancelled
        });
        button(u"shop.crashed"_s)->click();
        QCOMPARE(confirms, 1);
        QCOMPARE(passwords, 0);
        QVERIFY(!session.isMigrating());

        // Confirmed, then the password prompt cancelled: still nothing started.
        QSignalSpy abandoned(launcher, &ui::ResumeLauncher::abandoned);
        button(u"shop.closed"_s)->click();
        QCOMPARE(confirms, 2);
        QCOMPARE(passwords, 1);
        QCOMPARE(abandoned.size(), 1);
        QVERIFY(!session.isMigrating());
        QVERIFY(!launcher->isBusy());

        // The rebuilt spec resumes; --initially-drop-ghost-table is dropped, the rest is as recorded.
        HistoryJournal reader;
        QVERIFY(reader.open(path));
        for (const HistoryEntry &e : reader.entries()) {
            if (e.table != u"crashed"_s)
                continue;
            const MigrationSpec resumed = ui::ResumeLauncher::resumeSpec(e);
            QVERIFY(resumed.resume);
            QVERIFY(resumed.execute);
            QVERIFY(!resumed.initiallyDropGhostTable);
            QCOMPARE(resumed.inspector.host, u"db1"_s);
            QCOMPARE(resumed.inspector.user, u"dba"_s);
            QCOMPARE(resumed.alter, u"ADD COLUMN a INT"_s);
            QVERIFY(resumed.validate().isEmpty());
        }
    }

    // Issue 14: own, attached, discovered and recorded migrations are one model on the Migrations page.
    void migrationsPageListsTheHistory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"history.sqlite"_s);
        qputenv("SHADOWSWAP_HISTORY_DB", path.toUtf8());
        {
            auto journal = std::make_shared<HistoryJournal>();
            QVERIFY(journal->open(path));
            MigrationSpec spec;
            spec.inspector.host = u"db1"_s;
            spec.inspector.port = 3306;
            spec.database = u"shop"_s;
            spec.alter = u"ADD COLUMN a INT"_s;
            spec.execute = true;
            spec.table = u"orders"_s;
            MigrationRecorder(journal, spec).failed(MigrationFailure{u"hook-failed"_s, u"no"_s, {}, 0, true});
            spec.table = u"customers"_s;
            MigrationSummary summary;
            summary.rowsCopied = 1234;
            MigrationRecorder(journal, spec).succeeded(summary);
            spec.table = u"crashed"_s;
            journal->recordStart(spec, QDateTime::currentDateTimeUtc()); // no end: running elsewhere or crashed
        }
        ui::MainWindow window;
        ui::MigrationListModel *model = window.migrationList();
        const auto rowOf = [model](const QString &table) {
            for (int row = 0; row < model->rowCount(); ++row)
                if (model->index(row, ui::MigrationListModel::Table).data().toString() == table)
                    return row;
            return -1;
        };
        const auto cell = [model](int row, int column) { return model->index(row, column).data().toString(); };
        QCOMPARE(model->rowCount(), 3);
        const int customers = rowOf(u"shop.customers"_s);
        QVERIFY(customers >= 0);
        QCOMPARE(model->kindAt(customers), ui::MigrationListModel::Kind::Recorded);
        QCOMPARE(cell(customers, ui::MigrationListModel::State), u"done"_s);
        QCOMPARE(cell(customers, ui::MigrationListModel::Server), u"db1:3306"_s);
        QCOMPARE(cell(customers, ui::MigrationListModel::Engine), u"shadowswap"_s);
        QVERIFY(cell(customers, ui::MigrationListModel::Source).contains(u"history"_s));
        QCOMPARE(cell(rowOf(u"shop.orders"_s), ui::MigrationListModel::State), u"failed"_s);
        QCOMPARE(cell(rowOf(u"shop.crashed"_s), ui::MigrationListModel::State), u"running or crashed"_s);
        QVERIFY(model->activeDescriptions().isEmpty()); // the journal alone is not a migration to warn about

        // Double-click opens the recorded migration's report.
        QSignalSpy opened(window.findChild<ui::HistoryPage *>(), &ui::HistoryPage::detailsOpened);
        window.openMigration(customers);
        QCOMPARE(opened.size(), 1);
        auto *dialog = opened.front().front().value<ui::HistoryDetailDialog *>();
        QVERIFY(dialog);
        QVERIFY(dialog->windowTitle().contains(u"customers"_s));
        dialog->close();

        // A live migration of a table the journal holds as running is listed once, live, ahead of the past.
        engine::inspect::DiscoveredMigration found;
        found.database = u"shop"_s;
        found.table = u"crashed"_s;
        found.changelogTable = u"_crashed_ghc"_s;
        found.engine = u"gh-ost"_s;
        model->setDiscovered(u"db1:3306"_s, {found});
        QCOMPARE(model->rowCount(), 3);
        QCOMPARE(model->kindAt(0), ui::MigrationListModel::Kind::Discovered);
        QCOMPARE(rowOf(u"shop.crashed"_s), 0);

        // New runs recorded by another process (shadowswap-cli) appear when the page is shown again.
        {
            auto journal = std::make_shared<HistoryJournal>();
            QVERIFY(journal->open(path));
            MigrationSpec spec;
            spec.database = u"shop"_s;
            spec.table = u"invoices"_s;
            spec.alter = u"ADD COLUMN b INT"_s;
            MigrationRecorder(journal, spec).succeeded({});
        }
        window.showPage(ui::MainWindow::Page::Migrations);
        QTRY_VERIFY(rowOf(u"shop.invoices"_s) > 0);
        QCOMPARE(model->kindAt(0), ui::MigrationListModel::Kind::Discovered);

        // The page can hide the past to show only what runs now.
        auto *page = window.findChild<ui::MigrationsPage *>();
        auto *showPast = page->findChild<QCheckBox *>(u"showHistoryCheck"_s);
        QVERIFY(showPast);
        QVERIFY(showPast->isChecked());
        QVERIFY(!page->view()->isRowHidden(rowOf(u"shop.customers"_s)));
        showPast->setChecked(false);
        QVERIFY(page->view()->isRowHidden(rowOf(u"shop.customers"_s)));
        QVERIFY(!page->view()->isRowHidden(0));
        showPast->setChecked(true);
        QVERIFY(!page->view()->isRowHidden(rowOf(u"shop.customers"_s)));

        window.resize(1200, 500);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QString shots = qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
        QDir().mkpath(shots);
        QVERIFY(window.grab().save(shots + u"/migrations-with-history.png"_s));

        // Rows that come while the page is shown widen its columns (found walking the demo: "pos…", "0…").
        found.state = u"postponed, waiting for the cut-over flag"_s;
        model->setDiscovered(u"a-much-longer-server-name.example.com:3306"_s, {found});
        QApplication::processEvents();
        QTableView *view = page->view();
        for (int row = 0; row < model->rowCount(); ++row)
            for (const int column : {ui::MigrationListModel::Server, ui::MigrationListModel::State,
                                     ui::MigrationListModel::Source}) {
                const QString text = cell(row, column);
                QVERIFY2(view->columnWidth(column) >= view->fontMetrics().horizontalAdvance(text),
                         qPrintable(u"%1: %2 px for %3 px"_s.arg(text, QString::number(view->columnWidth(column)),
                                                             QString::number(view->fontMetrics().horizontalAdvance(text)))));
            }
    }
};

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
