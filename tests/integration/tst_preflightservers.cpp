// Preflight against the real sandbox: sessions, locks, replication, binlog settings and privileges. Tests that
// change global server state restore it through a scope guard, even when an assertion fails, because every test
// in CI shares one sandbox.
#include <sandbox.h>

#include <mysql/connection.h>
#include <mysql/sqltext.h>
#include <preflight/preflightrunner.h>

#include <QElapsedTimer>
#include <QTest>

#include <thread>

#include <functional>

using namespace Qt::StringLiterals;
using namespace engine::preflight;
using engine::mysql::Connection;
using engine::mysql::DbException;

namespace {

class ScopeGuard {
public:
    explicit ScopeGuard(std::function<void()> undo)
        : m_undo(std::move(undo))
    {
    }
    ~ScopeGuard()
    {
        try {
            m_undo();
        } catch (const DbException &error) {
            qWarning("could not restore server state: %s", qPrintable(error.error().toString()));
        }
    }
    ScopeGuard(const ScopeGuard &) = delete;
    ScopeGuard &operator=(const ScopeGuard &) = delete;

private:
    std::function<void()> m_undo;
};

PreflightRequest requestFor(const testsupport::ScratchDatabase &db, const QString &alter = u"ADD COLUMN c INT"_s)
{
    PreflightRequest request;
    request.inspected = db.replica();
    request.database = db.name();
    request.table = u"t"_s;
    request.alter = alter;
    request.options.checkTimeoutSeconds = 20;
    return request;
}

// A table t on the primary, replicated.
void createTable(const testsupport::ScratchDatabase &db)
{
    Connection primary = Connection::open(db.primary());
    primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT)"_s);
    primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_500"_s);
    engine::mysql::ConnectionSettings replicaServer = db.replica();
    replicaServer.database.clear(); // the database itself may not have arrived yet
    Connection replica = Connection::open(replicaServer);
    testsupport::waitForReplica(primary, replica);
}

QString describe(const Finding &f)
{
    return u"[%1] %2: %3\n%4\nfix: %5"_s.arg(severityName(f.severity), f.id, f.title, f.detail, f.fix);
}

} // namespace

#define FINDING(name, report, id)                                                                                 \
    QVERIFY2((report).ran(), qPrintable((report).failure));                                                       \
    const Finding *name##Ptr = (report).finding(id);                                                              \
    QVERIFY2(name##Ptr, qPrintable(u"no finding "_s + (id)));                                                     \
    const Finding &name = *name##Ptr

class TestPreflightServers : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openTransactionElsewhereIsLongAndHoldsTheTable()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pftrx"_s);
        createTable(db);
        // SHARED_READ held by an idle transaction is only visible to the metadata-lock instrument.
        Connection admin = Connection::open(sandbox.primary);
        const testsupport::MetadataLockInstrument instrument(admin, true);
        Connection holder = Connection::open(db.primary(), u"test-holder"_s);
        holder.execute(u"BEGIN"_s);
        holder.query(u"SELECT COUNT(*) FROM t"_s);
        const QString id = QString::number(holder.threadId());
        QTest::qWait(2200); // older than the threshold, and idle that long

        PreflightRequest request = requestFor(db);
        request.options.longTransactionSeconds = 1;
        PreflightReport report = runPreflight(request);
        {
            FINDING(trx, report, u"long_transactions"_s);
            QCOMPARE(trx.severity, Severity::Warn);
            QVERIFY2(trx.detail.contains(u"id %1, shadowswap@"_s.arg(id)), qPrintable(describe(trx)));
            QVERIFY2(trx.detail.contains(u"idle, holding its transaction open"_s), qPrintable(describe(trx)));
            QVERIFY2(trx.fix.contains(u"KILL %1;"_s.arg(id)), qPrintable(describe(trx)));
            FINDING(mdl, report, u"metadata_locks"_s);
            QCOMPARE(mdl.severity, Severity::Block);
            QVERIFY2(mdl.detail.contains(u"SHARED_READ"_s) && mdl.detail.contains(u"idle for"_s), qPrintable(describe(mdl)));
            QVERIFY2(mdl.detail.contains(u"id %1, shadowswap@"_s.arg(id)), qPrintable(describe(mdl)));
            QVERIFY2(mdl.fix.contains(u"KILL %1;"_s.arg(id)), qPrintable(describe(mdl)));
            QVERIFY(blockingFindingIds(report, {}).contains(u"metadata_locks"_s));
        }
        holder.execute(u"ROLLBACK"_s);
        QTest::qWait(250); // InnoDB refreshes information_schema.INNODB_TRX at most every 100 ms
        report = runPreflight(request);
        {
            FINDING(trx, report, u"long_transactions"_s);
            QVERIFY2(trx.severity == Severity::Ok, qPrintable(describe(trx)));
            FINDING(mdl, report, u"metadata_locks"_s);
            QVERIFY2(mdl.severity == Severity::Ok, qPrintable(describe(mdl)));
        }
    }

    // With the metadata-lock instrument, and without it (the sandbox's default, as on a stock server: LOCK TABLES
    // is then read from performance_schema.table_handles).
    void lockTablesReadHeldElsewhereBlocks_data()
    {
        QTest::addColumn<bool>("instrumented");
        QTest::newRow("instrument off") << false;
        QTest::newRow("instrument on") << true;
    }

    void lockTablesReadHeldElsewhereBlocks()
    {
        REQUIRE_SANDBOX(sandbox);
        QFETCH(bool, instrumented);
        testsupport::ScratchDatabase db(sandbox, u"pflocktables"_s);
        createTable(db);
        Connection admin = Connection::open(sandbox.primary);
        const testsupport::MetadataLockInstrument instrument(admin, instrumented);
        Connection holder = Connection::open(db.primary(), u"test-holder"_s);
        holder.execute(u"LOCK TABLES t READ"_s);
        const QString id = QString::number(holder.threadId());
        // The default threshold (10 s) is not reached: LOCK TABLES blocks however recent it is.
        const PreflightReport report = runPreflight(requestFor(db));
        holder.execute(u"UNLOCK TABLES"_s);
        FINDING(mdl, report, u"metadata_locks"_s);
        QCOMPARE(mdl.severity, Severity::Block);
        QVERIFY2(mdl.detail.contains(u"holds LOCK TABLES"_s), qPrintable(describe(mdl)));
        QVERIFY2(mdl.detail.contains(u"id %1, "_s.arg(id)), qPrintable(describe(mdl)));
        QVERIFY2(mdl.fix.contains(u"KILL %1;"_s.arg(id)), qPrintable(describe(mdl)));
    }

    // A statement running on the table holds an external lock as LOCK TABLES does, but only for its duration:
    // application traffic must not be reported as a blocker (it was: every busy table blocked preflight).
    void runningStatementIsNotLockTables()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfrunning"_s);
        createTable(db);
        Connection admin = Connection::open(sandbox.primary);
        const testsupport::MetadataLockInstrument instrument(admin, true);
        const auto settings = db.primary();
        std::thread runner([settings] {
            Connection busy = Connection::open(settings, u"test-busy"_s);
            busy.query(u"SELECT SLEEP(3) FROM t LIMIT 1"_s);
        });
        QTest::qWait(500);
        const PreflightReport report = runPreflight(requestFor(db));
        runner.join();
        FINDING(mdl, report, u"metadata_locks"_s);
        QVERIFY2(mdl.severity != Severity::Block, qPrintable(describe(mdl)));
        QVERIFY2(!mdl.detail.contains(u"holds LOCK TABLES"_s), qPrintable(describe(mdl)));
        QVERIFY2(mdl.detail.contains(u"brief"_s), qPrintable(describe(mdl))); // it is seen, as running
    }

    void stoppedReplicaSqlThreadBlocks()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfstopped"_s);
        createTable(db);
        Connection replicaAdmin = Connection::open(sandbox.replica, u"test-admin"_s);
        replicaAdmin.execute(u"STOP SLAVE SQL_THREAD"_s);
        ScopeGuard restart([&] { replicaAdmin.execute(u"START SLAVE SQL_THREAD"_s); });

        const PreflightReport report = runPreflight(requestFor(db));
        FINDING(replicas, report, u"replicas"_s);
        QCOMPARE(replicas.severity, Severity::Block);
        QVERIFY2(replicas.detail.contains(u"SQL No"_s), qPrintable(describe(replicas)));
        QVERIFY2(replicas.detail.contains(u"SQL thread not running"_s), qPrintable(describe(replicas)));
        QVERIFY2(replicas.fix.contains(u"START SLAVE SQL_THREAD;"_s), qPrintable(describe(replicas)));
        QCOMPARE(blockingFindingIds(report, {}), QStringList{u"replicas"_s});
        QCOMPARE(blockingFindingIds(report, {u" REPLICAS "_s}), QStringList{});
    }

    void minimalRowImageOnTheReadServerBlocks()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfrowimage"_s);
        createTable(db);
        Connection replicaAdmin = Connection::open(sandbox.replica, u"test-admin"_s);
        const QString previous = replicaAdmin.scalar(u"SELECT @@GLOBAL.binlog_row_image"_s).value();
        replicaAdmin.execute(u"SET GLOBAL binlog_row_image = 'MINIMAL'"_s);
        {
            ScopeGuard restore([&] {
                replicaAdmin.execute(u"SET GLOBAL binlog_row_image = %1"_s.arg(replicaAdmin.quote(previous)));
            });
            const PreflightReport report = runPreflight(requestFor(db));
            FINDING(binlog, report, u"binlog"_s);
            QCOMPARE(binlog.severity, Severity::Block);
            QVERIFY2(binlog.title.contains(u"binlog_row_image is MINIMAL"_s), qPrintable(describe(binlog)));
            QVERIFY2(binlog.detail.contains(u"127.0.0.1:%1"_s.arg(sandbox.replica.port)), qPrintable(describe(binlog)));
            QVERIFY2(binlog.fix.contains(u"SET GLOBAL binlog_row_image = 'FULL'"_s), qPrintable(describe(binlog)));
        }
        QCOMPARE(replicaAdmin.scalar(u"SELECT @@GLOBAL.binlog_row_image"_s).value(), previous);
        const PreflightReport report = runPreflight(requestFor(db));
        FINDING(binlog, report, u"binlog"_s);
        QCOMPARE(binlog.severity, Severity::Ok);
    }

    void loginWithoutReplicationPrivilegesGetsTheGrant()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfgrants"_s);
        createTable(db);
        Connection admin = Connection::open(sandbox.primary, u"test-admin"_s);
        const QString account = u"'pf_norepl'@'%'"_s;
        admin.execute(u"DROP USER IF EXISTS "_s + account);
        ScopeGuard dropUser([&] { admin.execute(u"DROP USER IF EXISTS "_s + account); });
        admin.execute(u"CREATE USER %1 IDENTIFIED BY 'pf-secret'"_s.arg(account));
        admin.execute(u"GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, ALTER, INDEX, LOCK TABLES, TRIGGER ON %1.* "
                      "TO %2"_s.arg(engine::mysql::quoteIdentifier(db.name()), account));

        PreflightRequest request = requestFor(db);
        request.inspected = db.primary();
        request.inspected.user = u"pf_norepl"_s;
        request.inspected.password = u"pf-secret"_s;
        request.options.allowOnPrimary = true;
        PreflightReport report = runPreflight(request);
        QString grants;
        {
            FINDING(privileges, report, u"privileges"_s);
            QCOMPARE(privileges.severity, Severity::Block);
            QVERIFY2(privileges.detail.contains(u"missing REPLICATION SLAVE, BINLOG MONITOR"_s),
                     qPrintable(describe(privileges)));
            QVERIFY2(privileges.fix.contains(
                         u"GRANT REPLICATION SLAVE, BINLOG MONITOR, PROCESS ON *.* TO 'pf_norepl'@'%';"_s),
                     qPrintable(describe(privileges)));
            grants = privileges.fix;
            FINDING(trx, report, u"long_transactions"_s);
            QCOMPARE(trx.severity, Severity::Warn); // can't look without PROCESS, and says so
            QVERIFY2(trx.fix.contains(u"PROCESS"_s), qPrintable(describe(trx)));
        }
        // The fix is a statement that works: run it and the finding goes away.
        for (const QString &line : grants.split(u'\n'))
            if (line.startsWith(u"GRANT "_s))
                admin.execute(line);
        report = runPreflight(request);
        FINDING(privileges, report, u"privileges"_s);
        QVERIFY2(privileges.severity == Severity::Ok, qPrintable(describe(privileges)));
    }

    void checksGiveUpAtTheirTimeLimitInsteadOfHanging()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pftimeout"_s);
        createTable(db);
        // LOCK TABLES ... WRITE makes the scratch table's CREATE TABLE ... LIKE wait for the table.
        Connection holder = Connection::open(db.primary(), u"test-holder"_s);
        holder.execute(u"LOCK TABLES t WRITE"_s);
        PreflightRequest request = requestFor(db);
        request.options.checkTimeoutSeconds = 2;
        QElapsedTimer clock;
        clock.start();
        const PreflightReport report = runPreflight(request);
        const qint64 elapsed = clock.elapsed();
        holder.execute(u"UNLOCK TABLES"_s);
        QVERIFY2(elapsed < 15000, qPrintable(QString::number(elapsed)));
        FINDING(alter, report, u"alter"_s);
        QCOMPARE(alter.severity, Severity::Warn);
        QCOMPARE(alter.title, u"Could not determine"_s);
        QVERIFY2(alter.detail.contains(u"gave up after the check's time limit of 2 s"_s), qPrintable(describe(alter)));
        FINDING(mdl, report, u"metadata_locks"_s);
        QCOMPARE(mdl.severity, Severity::Block);
        Connection primary = Connection::open(db.primary());
        QCOMPARE(primary.scalar(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1"_s.arg(
                                    primary.quote(db.name())))
                     .value(),
                 u"1"_s);
    }
};

QTEST_GUILESS_MAIN(TestPreflightServers)
#include "tst_preflightservers.moc"
