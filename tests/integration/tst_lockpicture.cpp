// The cut-over window's lock picture against the real sandbox, with each source it can read: the metadata-lock
// instrument on, off (the sandbox's default, as on a stock server), and MariaDB's metadata_lock_info plugin.
// Sessions that hold or wait are held open by the test itself, so nothing depends on timing.
#include <hiddenlockholder.h>
#include <sandbox.h>

#include <cutover/lockpicture.h>
#include <cutover/replicationdelay.h>
#include <mysql/connection.h>

#include <QTest>

#include <memory>
#include <thread>

using namespace Qt::StringLiterals;
using engine::cutover::KillScope;
using engine::cutover::LockPicture;
using engine::cutover::LockSession;
using engine::cutover::LockStatus;
using engine::mysql::Connection;
using engine::mysql::DbException;

namespace {

// Makes the server offer one lock source for this object's lifetime: "instrument on", "instrument off" or
// "metadata_lock_info" (the plugin installed, the instrument off).
class LockSource {
public:
    LockSource(Connection &admin, const QString &mode)
        : m_admin(admin)
        , m_instrument(admin, mode == u"instrument on"_s)
        , m_plugin(mode == u"metadata_lock_info"_s)
    {
        if (m_plugin)
            admin.execute(u"INSTALL SONAME 'metadata_lock_info'"_s);
    }
    ~LockSource()
    {
        try {
            if (m_plugin)
                m_admin.execute(u"UNINSTALL SONAME 'metadata_lock_info'"_s);
        } catch (const DbException &error) {
            qWarning("could not uninstall metadata_lock_info: %s", qPrintable(error.error().toString()));
        }
    }
    LockSource(const LockSource &) = delete;
    LockSource &operator=(const LockSource &) = delete;

    static QString expectedSource(const QString &mode)
    {
        if (mode == u"instrument on"_s)
            return u"performance_schema.metadata_locks"_s;
        if (mode == u"metadata_lock_info"_s)
            return u"information_schema.METADATA_LOCK_INFO"_s;
        return u"processlist + performance_schema.table_handles + INNODB_TRX"_s;
    }

private:
    Connection &m_admin;
    testsupport::MetadataLockInstrument m_instrument;
    bool m_plugin;
};

void addModes()
{
    QTest::addColumn<QString>("mode");
    for (const QString &mode : {u"instrument on"_s, u"instrument off"_s, u"metadata_lock_info"_s})
        QTest::newRow(qPrintable(mode)) << mode;
}

// A table t with a few rows, in a database of the test's own.
std::unique_ptr<testsupport::ScratchDatabase> tableT(const testsupport::Sandbox &sandbox, const QString &name)
{
    auto db = std::make_unique<testsupport::ScratchDatabase>(sandbox, name);
    Connection setup = Connection::open(db->primary());
    setup.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT) ENGINE=InnoDB"_s);
    setup.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_100"_s);
    return db;
}

const LockSession *sessionWithId(const LockPicture &picture, unsigned long id)
{
    for (const LockSession &session : picture.sessions)
        if (session.id == qint64(id))
            return &session;
    return nullptr;
}

QString describe(const LockPicture &picture)
{
    QStringList lines = {u"source: "_s + picture.source};
    for (const LockSession &s : picture.sessions)
        lines << u"%1 [%2%3] %4 (%5, %6)"_s.arg(s.describe(), engine::cutover::lockStatusName(s.status),
                                                s.isBlocker ? u", blocker"_s : QString(), s.why, s.lockType,
                                                s.lockDuration);
    for (const auto &t : picture.longTransactions)
        lines << u"long transaction: id %1, %2 s"_s.arg(QString::number(t.id), QString::number(t.ageSeconds));
    lines << picture.errors;
    return lines.join(u'\n');
}

bool waitsForMetadataLock(Connection &observer, unsigned long id)
{
    return observer.scalar(u"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = %1 AND STATE LIKE "
                           "'%metadata lock%'"_s.arg(QString::number(id)))
        == std::optional<QString>(u"1"_s);
}

// InnoDB refreshes information_schema.INNODB_TRX only when it was last read over 100 ms ago: read it any more
// often (QTRY_VERIFY's 50 ms) and it never changes. So: a few tries, each after 150 ms without a read.
template <typename Condition>
bool eventually(Condition condition)
{
    for (int i = 0; i < 20; ++i) {
        QTest::qWait(150);
        if (condition())
            return true;
    }
    return false;
}

} // namespace

class TestLockPicture : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanTableHasNoBlockers_data() { addModes(); }
    void cleanTableHasNoBlockers()
    {
        REQUIRE_SANDBOX(sandbox);
        QFETCH(QString, mode);
        const auto db = tableT(sandbox, u"lp_clean"_s);
        Connection admin = Connection::open(sandbox.primary, u"test-admin"_s);
        const LockSource source(admin, mode);
        Connection reader = Connection::open(db->primary(), u"test-reader"_s);
        const LockPicture picture = engine::cutover::readLockPicture(reader, db->name(), u"t"_s);
        QVERIFY2(picture.errors.isEmpty(), qPrintable(describe(picture)));
        QCOMPARE(picture.source, LockSource::expectedSource(mode));
        QCOMPARE(picture.betterSourceHint.isEmpty(), mode == u"instrument on"_s);
        QVERIFY2(picture.sessions.isEmpty(), qPrintable(describe(picture)));
        QVERIFY(picture.blockers().isEmpty());
        QVERIFY2(picture.threadsRunning >= 1, qPrintable(QString::number(picture.threadsRunning)));
    }

    // An idle LOCK TABLES is named as the holder by every source; KILL CONNECTION of the named id ends it.
    void lockTablesHolderIsNamedAndKilled_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::addColumn<QString>("lock");
        for (const QString &mode : {u"instrument on"_s, u"instrument off"_s, u"metadata_lock_info"_s})
            for (const QString &lock : {u"WRITE"_s, u"READ"_s})
                QTest::newRow(qPrintable(mode + u", "_s + lock)) << mode << lock;
    }
    void lockTablesHolderIsNamedAndKilled()
    {
        REQUIRE_SANDBOX(sandbox);
        QFETCH(QString, mode);
        QFETCH(QString, lock);
        const auto db = tableT(sandbox, u"lp_locktables"_s);
        Connection admin = Connection::open(sandbox.primary, u"test-admin"_s);
        const LockSource source(admin, mode);
        Connection holder = Connection::open(db->primary(), u"test-holder"_s);
        holder.execute(u"LOCK TABLES t "_s + lock);
        const unsigned long holderId = holder.threadId();

        Connection reader = Connection::open(db->primary(), u"test-reader"_s);
        // The default threshold (10 s) is far off: LOCK TABLES blocks however recent it is.
        LockPicture picture = engine::cutover::readLockPicture(reader, db->name(), u"t"_s);
        QCOMPARE(picture.source, LockSource::expectedSource(mode));
        const LockSession *named = sessionWithId(picture, holderId);
        QVERIFY2(named, qPrintable(describe(picture)));
        QCOMPARE(named->status, LockStatus::LockTables);
        QVERIFY(named->isBlocker);
        QVERIFY2(named->why.contains(u"holds LOCK TABLES"_s), qPrintable(describe(picture)));
        QCOMPARE(named->user, u"shadowswap"_s);
        QCOMPARE(named->command, u"Sleep"_s);
        QCOMPARE(named->program, u"shadowswap-test-holder"_s);
        QCOMPARE(picture.blockers().size(), 1);
        // The engine's own sessions are left out when named.
        QVERIFY(!sessionWithId(engine::cutover::readLockPicture(reader, db->name(), u"t"_s, {10, {holderId}}),
                               holderId));

        QCOMPARE(engine::cutover::killSession(reader, named->id, KillScope::Connection), QString());
        QVERIFY_THROWS_EXCEPTION(DbException, holder.execute(u"SELECT 1"_s));
        Connection next = Connection::open(db->primary(), u"test-next"_s);
        next.execute(u"SET STATEMENT lock_wait_timeout = 1 FOR LOCK TABLES t WRITE"_s); // the table is free
        next.execute(u"UNLOCK TABLES"_s);
        picture = engine::cutover::readLockPicture(reader, db->name(), u"t"_s);
        QVERIFY2(picture.blockers().isEmpty(), qPrintable(describe(picture)));
        QVERIFY2(!sessionWithId(picture, holderId), qPrintable(describe(picture)));
    }

    void waitingSessionIsSeenWaiting_data() { addModes(); }
    void waitingSessionIsSeenWaiting()
    {
        REQUIRE_SANDBOX(sandbox);
        QFETCH(QString, mode);
        const auto db = tableT(sandbox, u"lp_waiting"_s);
        Connection admin = Connection::open(sandbox.primary, u"test-admin"_s);
        const LockSource source(admin, mode);
        Connection holder = Connection::open(db->primary(), u"test-holder"_s);
        holder.execute(u"LOCK TABLES t WRITE"_s);
        Connection waiter = Connection::open(db->primary(), u"test-waiter"_s);
        const unsigned long waiterId = waiter.threadId();
        QString waiterError;
        std::thread waiting([&] {
            try {
                waiter.query(u"SET STATEMENT lock_wait_timeout = 60 FOR SELECT COUNT(*) FROM t"_s);
            } catch (const DbException &error) {
                waiterError = error.error().toString();
            }
        });
        Connection reader = Connection::open(db->primary(), u"test-reader"_s);
        QTRY_VERIFY(waitsForMetadataLock(reader, waiterId));
        const LockPicture picture = engine::cutover::readLockPicture(reader, db->name(), u"t"_s);
        holder.execute(u"UNLOCK TABLES"_s);
        waiting.join();
        QCOMPARE(waiterError, QString());

        const LockSession *waits = sessionWithId(picture, waiterId);
        QVERIFY2(waits, qPrintable(describe(picture)));
        QCOMPARE(waits->status, LockStatus::Waits);
        QVERIFY(!waits->isBlocker); // it is held back itself; the holder is the blocker
        QVERIFY2(waits->statement.contains(u"FROM t"_s), qPrintable(describe(picture)));
        if (mode == u"instrument on"_s)
            QCOMPARE(waits->lockType, u"SHARED_READ"_s);
        const LockSession *holds = sessionWithId(picture, holder.threadId());
        QVERIFY2(holds && holds->isBlocker, qPrintable(describe(picture)));
    }

    // The processlist does not say which table a session waits for; a statement that only contains the name
    // (t_archive for t, another schema's t) is not a waiter on it.
    void waiterOnAnotherTableIsNotListed_data() { addModes(); }
    void waiterOnAnotherTableIsNotListed()
    {
        REQUIRE_SANDBOX(sandbox);
        QFETCH(QString, mode);
        const auto db = tableT(sandbox, u"lp_othertable"_s);
        const auto other = tableT(sandbox, u"lp_otherschema"_s);
        Connection setup = Connection::open(db->primary());
        setup.execute(u"CREATE TABLE t_archive (id INT PRIMARY KEY) ENGINE=InnoDB"_s);
        Connection admin = Connection::open(sandbox.primary, u"test-admin"_s);
        const LockSource source(admin, mode);
        Connection holder = Connection::open(db->primary(), u"test-holder"_s);
        holder.execute(u"LOCK TABLES t_archive WRITE, %1.t WRITE"_s.arg(other->name()));
        struct Waiter {
            Connection connection;
            std::thread thread;
        };
        std::vector<std::unique_ptr<Waiter>> waiters;
        for (const QString &statement : {u"SELECT COUNT(*) FROM t_archive"_s, u"SELECT COUNT(*) FROM %1.t"_s.arg(other->name())}) {
            auto w = std::make_unique<Waiter>(Waiter{Connection::open(db->primary(), u"test-waiter"_s), {}});
            w->thread = std::thread([c = &w->connection, statement] {
                try {
                    c->query(u"SET STATEMENT lock_wait_timeout = 60 FOR "_s + statement);
                } catch (const DbException &) {
                }
            });
            waiters.push_back(std::move(w));
        }
        Connection reader = Connection::open(db->primary(), u"test-reader"_s);
        for (const auto &w : waiters)
            QTRY_VERIFY(waitsForMetadataLock(reader, w->connection.threadId()));
        const LockPicture picture = engine::cutover::readLockPicture(reader, db->name(), u"t"_s);
        holder.execute(u"UNLOCK TABLES"_s);
        for (const auto &w : waiters)
            w->thread.join();
        for (const auto &w : waiters)
            QVERIFY2(!sessionWithId(picture, w->connection.threadId()), qPrintable(describe(picture)));
    }

    // An idle transaction that read the table: with a lock source it is the holder; without one it can only be
    // suspected, and the picture says so. Either way it is a long transaction once older than the threshold.
    void idleTransactionThatReadTheTable_data() { addModes(); }
    void idleTransactionThatReadTheTable()
    {
        REQUIRE_SANDBOX(sandbox);
        QFETCH(QString, mode);
        const auto db = tableT(sandbox, u"lp_idletrx"_s);
        Connection admin = Connection::open(sandbox.primary, u"test-admin"_s);
        const LockSource source(admin, mode);
        Connection holder = Connection::open(db->primary(), u"test-holder"_s);
        holder.execute(u"BEGIN"_s);
        holder.query(u"SELECT COUNT(*) FROM t"_s);
        const unsigned long holderId = holder.threadId();
        Connection reader = Connection::open(db->primary(), u"test-reader"_s);

        // A threshold no transaction here reaches: nothing is long, and a granted lock is only brief.
        LockPicture picture = engine::cutover::readLockPicture(reader, db->name(), u"t"_s, {3600, {}});
        QVERIFY2(picture.longTransactions.isEmpty(), qPrintable(describe(picture)));
        QVERIFY2(picture.blockers().isEmpty(), qPrintable(describe(picture)));

        // Threshold 0: long at once.
        const auto isLong = [&] {
            picture = engine::cutover::readLockPicture(reader, db->name(), u"t"_s, {0, {}});
            for (const auto &t : picture.longTransactions)
                if (t.id == qint64(holderId))
                    return true;
            return false;
        };
        QVERIFY2(eventually(isLong), qPrintable(describe(picture)));
        const LockSession *named = sessionWithId(picture, holderId);
        QVERIFY2(named, qPrintable(describe(picture)));
        if (mode == u"instrument off"_s) {
            QCOMPARE(named->status, LockStatus::OpenTransaction);
            QVERIFY(!named->isBlocker);
            QVERIFY2(named->why.contains(u"can't be seen, only suspected"_s), qPrintable(describe(picture)));
        } else {
            QCOMPARE(named->status, LockStatus::Holds);
            QVERIFY(named->isBlocker);
            QVERIFY2(named->why.contains(u"idle for"_s), qPrintable(describe(picture)));
            QVERIFY2(named->lockType.contains(u"SHARED_READ"_s), qPrintable(describe(picture)));
        }
        holder.execute(u"ROLLBACK"_s);
        QVERIFY2(eventually([&] { return !isLong(); }), qPrintable(describe(picture)));
        QVERIFY2(!sessionWithId(picture, holderId), qPrintable(describe(picture)));
    }

    // Found walking the demo: a transaction that read the table before the MDL instrument was turned on holds a
    // lock performance_schema never lists. Sessions wait, nobody is shown holding: the old transactions are the
    // suspects, named with a KILL, not "no session holds the swap back".
    void lockTakenBeforeTheInstrumentIsSuspected()
    {
        REQUIRE_SANDBOX(sandbox);
        const auto db = tableT(sandbox, u"lp_unseen"_s);
        Connection admin = Connection::open(sandbox.primary, u"test-admin"_s);
        testsupport::HiddenLockHolder hidden(admin, db->primary(), u"t"_s);
        const unsigned long holderId = hidden.holderId(), waiterId = hidden.waiterId();
        Connection reader = Connection::open(db->primary(), u"test-reader"_s);
        QTRY_VERIFY(waitsForMetadataLock(reader, waiterId));
        LockPicture picture;
        const bool suspected = eventually([&] {
            picture = engine::cutover::readLockPicture(reader, db->name(), u"t"_s, {0, {}});
            const LockSession *s = sessionWithId(picture, holderId);
            return s && s->status == LockStatus::OpenTransaction;
        });
        hidden.release();
        QCOMPARE(hidden.waiterResult(), QString());

        QCOMPARE(picture.source, u"performance_schema.metadata_locks"_s);
        QVERIFY2(suspected, qPrintable(describe(picture)));
        const LockSession *suspect = sessionWithId(picture, holderId);
        QVERIFY(!suspect->isBlocker);
        QVERIFY2(suspect->why.contains(u"no holder"_s), qPrintable(describe(picture)));
        QVERIFY2(suspect->statement.contains(u"SLEEP"_s), qPrintable(describe(picture)));
        const LockSession *waits = sessionWithId(picture, waiterId);
        QVERIFY2(waits && waits->status == LockStatus::Waits, qPrintable(describe(picture)));
    }

    // The panel's replica lag, read without a migration: the sandbox replica replicates; the primary does not.
    void replicationDelayOfTheReplica()
    {
        REQUIRE_SANDBOX(sandbox);
        Connection replica = Connection::open(sandbox.replica, u"test-lag"_s);
        const auto lag = engine::cutover::readReplicationDelay(replica);
        QVERIFY2(lag.lagMillis >= 0 && lag.error.isEmpty(), qPrintable(lag.error));
        QCOMPARE(lag.endpoint, u"%1:%2"_s.arg(sandbox.replica.host, QString::number(sandbox.replica.port)));
        Connection primary = Connection::open(sandbox.primary, u"test-lag"_s);
        const auto none = engine::cutover::readReplicationDelay(primary);
        QCOMPARE(none.lagMillis, qint64(-1));
        QVERIFY2(none.error.contains(u"not a replica"_s), qPrintable(none.error));
    }
};

QTEST_GUILESS_MAIN(TestLockPicture)
#include "tst_lockpicture.moc"
