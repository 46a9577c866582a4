// The console's history page lists what the journal holds, and the console's migrations get recorded.
#include <historypage.h>
#include <session.h>

#include <history/historyjournal.h>
#include <history/migrationrecorder.h>

#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace engine::history;
using namespace engine::migration;

class TestHistoryPage : public QObject {
    Q_OBJECT
private Q_SLOTS:
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
        }
        ui::Session session;
        ui::HistoryPage page(&session);
        auto *list = page.findChild<QTreeWidget *>(u"historyList"_s);
        QVERIFY(list);
        QCOMPARE(list->topLevelItemCount(), 2);
        QCOMPARE(list->topLevelItem(0)->text(1), u"shop.customers"_s);
        QVERIFY(list->topLevelItem(0)->text(4).contains(u"1234"_s));
        QCOMPARE(list->topLevelItem(1)->text(1), u"shop.orders"_s);
        QVERIFY(list->topLevelItem(1)->text(4).contains(u"hook-failed"_s));

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
        QCOMPARE(list->topLevelItemCount(), 3);
        QCOMPARE(list->topLevelItem(0)->text(1), u"shop.invoices"_s);
    }
};

QTEST_MAIN(TestHistoryPage)
#include "tst_historypage.moc"
