// ChangeSet's limits: the queue of changed keys is bounded by key count and by memory, and a full queue holds
// the producer (the binlog reader) only until the appliers take keys.
#include <apply/changeset.h>

#include <QTest>

#include <atomic>
#include <thread>

using namespace Qt::StringLiterals;
using engine::apply::ChangeSet;

class TestChangeSet : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void wideKeysFillTheByteLimitBeforeTheKeyLimit()
    {
        // 4 KiB of key text each (8 KiB in memory): a 64 KiB budget holds fewer than 8 such keys.
        ChangeSet changes(1, 1000, 64 * 1024);
        const QString wide = QString(4096, u'x');
        std::atomic<int> added{0};
        std::thread reader([&] {
            for (int i = 0; i < 20; ++i) {
                changes.add(u"('%1%2')"_s.arg(wide).arg(i), quint64(i + 1));
                ++added;
            }
        });
        QTRY_VERIFY(changes.readerWaiting());
        QVERIFY(added.load() < 10);
        QVERIFY(changes.pendingKeys() < 10);
        // An applier takes keys: the reader goes on until everything is added.
        while (added.load() < 20) {
            const ChangeSet::Batch batch = changes.take(0, 100, std::chrono::milliseconds(100));
            changes.complete(batch);
        }
        reader.join();
        QVERIFY(!changes.readerWaiting());
        const ChangeSet::Batch rest = changes.take(0, 100, std::chrono::milliseconds(100));
        changes.complete(rest);
        QCOMPARE(changes.appliedThrough(), quint64(20));
    }

    // A final flush that fails gives its keys back: nothing is forgotten and no batch stays in flight (before,
    // every later attempt failed with "appliers did not pause").
    void aFailedFlushGivesItsKeysBack()
    {
        ChangeSet changes(2, 100);
        changes.add(u"(1)"_s, 1);
        changes.add(u"(2)"_s, 2);
        changes.setPaused(true);
        const ChangeSet::Batch all = changes.takeAll();
        QCOMPARE(all.keys.size(), size_t(2));
        QVERIFY(!changes.waitIdle(std::chrono::milliseconds(50))); // in flight
        changes.add(u"(2)"_s, 3);                                  // a newer change of a taken key
        changes.giveBack(all);
        QVERIFY(changes.waitIdle(std::chrono::milliseconds(50)));
        QCOMPARE(changes.pendingKeys(), size_t(2));
        QCOMPARE(changes.appliedThrough(), quint64(0)); // nothing counts as applied
        const ChangeSet::Batch again = changes.takeAll();
        QCOMPARE(again.keys.size(), size_t(2));
        QCOMPARE(again.events, quint64(3));
        changes.complete(again);
        QCOMPARE(changes.appliedThrough(), quint64(3));
    }

    void narrowKeysStopAtTheKeyLimit()
    {
        ChangeSet changes(2, 5, size_t(1) << 30);
        for (int i = 1; i <= 5; ++i)
            changes.add(u"(%1)"_s.arg(i), quint64(i));
        std::atomic<bool> sixthAdded{false};
        std::thread reader([&] {
            changes.add(u"(6)"_s, 6);
            sixthAdded = true;
        });
        QTRY_VERIFY(changes.readerWaiting());
        QVERIFY(!sixthAdded.load());
        changes.close(); // a closed set releases the waiting reader
        reader.join();
        QVERIFY(sixthAdded.load());
    }
};

QTEST_MAIN(TestChangeSet)
#include "tst_changeset.moc"
