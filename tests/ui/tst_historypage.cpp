// The console's history page lists what the journal holds, and the console's migrations get recorded.
#include <historypage.h>
#include <resumelauncher.h>
#include <session.h>

#include <history/historyjournal.h>
#include <history/migrationrecorder.h>

#include <QHash>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
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
};

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
