// Preflight against the real sandbox: the table and the ALTER. Each test provokes one condition and asserts the
// finding that names it; a clean table yields no blocker and preflight leaves nothing behind.
#include <sandbox.h>

#include <mysql/connection.h>
#include <mysql/sqltext.h>
#include <preflight/preflightrunner.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace engine::preflight;
using engine::mysql::Connection;

namespace {

PreflightRequest requestFor(const testsupport::ScratchDatabase &db, const QString &table, const QString &alter)
{
    PreflightRequest request;
    request.inspected = db.replica();
    request.database = db.name();
    request.table = table;
    request.alter = alter;
    request.options.checkTimeoutSeconds = 20;
    return request;
}

// Runs preflight after the replica has caught up (the inspected server is the replica).
PreflightReport preflight(const testsupport::ScratchDatabase &db, const PreflightRequest &request)
{
    Connection primary = Connection::open(db.primary());
    engine::mysql::ConnectionSettings replicaServer = db.replica();
    replicaServer.database.clear(); // the database itself may not have arrived yet
    Connection replica = Connection::open(replicaServer);
    testsupport::waitForReplica(primary, replica);
    return runPreflight(request);
}

QString describe(const Finding &f)
{
    return u"[%1] %2: %3\n%4\nfix: %5"_s.arg(severityName(f.severity), f.id, f.title, f.detail, f.fix);
}

QStringList tablesOf(Connection &connection, const QString &db)
{
    QStringList names;
    auto result = connection.query(u"SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 "
                                   "ORDER BY TABLE_NAME"_s.arg(connection.quote(db)));
    while (result.next())
        names << result.text(0);
    return names;
}

} // namespace

// QVERIFY-style: the report ran and holds `id`; binds `name` to the finding.
#define FINDING(name, report, id)                                                                                 \
    QVERIFY2((report).ran(), qPrintable((report).failure));                                                       \
    const Finding *name##Ptr = (report).finding(id);                                                              \
    QVERIFY2(name##Ptr, qPrintable(u"no finding "_s + (id)));                                                     \
    const Finding &name = *name##Ptr

class TestPreflight : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void cleanTableYieldsNoBlockerAndLeavesNothingBehind()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfclean"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(40) NOT NULL, n INT)"_s);
        primary.execute(u"INSERT INTO t (name, n) SELECT CONCAT('row', seq), seq FROM seq_1_to_3000"_s);

        PreflightRequest request = requestFor(db, u"t"_s, u"ADD COLUMN note VARCHAR(20)"_s);
        request.options.exactRowCount = true;
        const PreflightReport report = preflight(db, request);
        QVERIFY2(report.ran(), qPrintable(report.failure));
        QStringList ids;
        for (const Finding &f : report.findings)
            ids << f.id;
        QCOMPARE(ids, checkIds());
        QVERIFY2(blockingFindingIds(report, {}).isEmpty(), qPrintable(report.toText()));
        QVERIFY2(report.worstSeverity() == Severity::Ok, qPrintable(report.toText()));
        for (const Finding &f : report.findings)
            QVERIFY2(f.title.size() > 3 && !f.title.contains(u"Could not determine"_s), qPrintable(describe(f)));

        FINDING(key, report, u"unique_key"_s);
        QCOMPARE(key.severity, Severity::Ok);
        QVERIFY2(key.title.contains(u"PRIMARY (id)"_s), qPrintable(describe(key)));
        FINDING(alter, report, u"alter"_s);
        QVERIFY2(alter.detail.contains(u"Adds (filled with their defaults): note"_s), qPrintable(describe(alter)));
        FINDING(size, report, u"table_size"_s);
        QVERIFY2(size.detail.contains(u"measured"_s), qPrintable(describe(size)));
        QVERIFY2(size.detail.contains(u"Rows: exactly 3000"_s), qPrintable(describe(size)));
        FINDING(replicas, report, u"replicas"_s);
        QCOMPARE(replicas.severity, Severity::Ok);
        FINDING(server, report, u"server"_s);
        QVERIFY2(server.detail.contains(u"replica of 127.0.0.1:%1"_s.arg(sandbox.primary.port)), qPrintable(describe(server)));
        QCOMPARE(report.target.servers.size(), std::size_t(2));
        QVERIFY(report.target.servers[0].role.contains(u"inspected"_s));
        QCOMPARE(report.target.servers[1].role, u"primary"_s);

        // Read-only: the scratch table is gone, it never reached the replica, and the data is untouched.
        Connection replica = Connection::open(db.replica());
        QCOMPARE(tablesOf(primary, db.name()), QStringList{u"t"_s});
        QCOMPARE(tablesOf(replica, db.name()), QStringList{u"t"_s});
        QCOMPARE(primary.scalar(u"SELECT COUNT(*) FROM t"_s).value(), u"3000"_s);
    }

    void addingUniqueOverDuplicatesBlocksAndShowsThem()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfdups"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL, code VARCHAR(10))"_s);
        primary.execute(u"INSERT INTO t SELECT seq, CONCAT('user', seq, '@example.org'), seq FROM seq_1_to_2000"_s);
        primary.execute(u"UPDATE t SET email = 'twin@example.org' WHERE id IN (1234, 1999)"_s);

        PreflightReport report = preflight(db, requestFor(db, u"t"_s, u"ADD UNIQUE KEY uk_email (email)"_s));
        {
            FINDING(dups, report, u"new_unique_duplicates"_s);
            QCOMPARE(dups.severity, Severity::Block);
            QVERIFY2(dups.detail.contains(u"'twin@example.org') × 2"_s), qPrintable(describe(dups)));
            QVERIFY2(dups.fix.contains(u"GROUP BY"_s), qPrintable(describe(dups)));
            FINDING(alter, report, u"alter"_s);
            QVERIFY2(alter.severity != Severity::Block, qPrintable(describe(alter))); // duplicates are not data loss
            QCOMPARE(blockingFindingIds(report, {}), QStringList{u"new_unique_duplicates"_s});
        }
        // The same kind of key over unique values, and a key implied by the primary key, are fine.
        report = preflight(db, requestFor(db, u"t"_s, u"ADD UNIQUE KEY uk_code (code), ADD UNIQUE KEY uk_both (id, email)"_s));
        {
            FINDING(dups, report, u"new_unique_duplicates"_s);
            QCOMPARE(dups.severity, Severity::Ok);
            QVERIFY2(dups.detail.contains(u"uk_code"_s) && !dups.detail.contains(u"uk_both"_s), qPrintable(describe(dups)));
        }
        // A new column with a constant default under a new unique key collides on every row.
        report = preflight(db, requestFor(db, u"t"_s, u"ADD COLUMN flag INT NOT NULL DEFAULT 7, ADD UNIQUE KEY uk_flag (flag)"_s));
        {
            FINDING(dups, report, u"new_unique_duplicates"_s);
            QCOMPARE(dups.severity, Severity::Block);
            QVERIFY2(dups.detail.contains(u"all 2000 rows"_s), qPrintable(describe(dups)));
        }
    }

    void nativeAlgorithmAdvice_data()
    {
        QTest::addColumn<QString>("alter");
        QTest::addColumn<QString>("expected");
        QTest::newRow("instant") << u"ADD COLUMN c INT"_s << u"ALGORITHM=INSTANT"_s;
        QTest::newRow("inplace") << u"ADD INDEX ix_n (n)"_s << u"ALGORITHM=INPLACE, LOCK=NONE"_s;
        QTest::newRow("copy") << u"MODIFY n BIGINT"_s << u"needs a table copy"_s;
    }

    void nativeAlgorithmAdvice()
    {
        QFETCH(QString, alter);
        QFETCH(QString, expected);
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfinstant"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_100"_s);
        const PreflightReport report = preflight(db, requestFor(db, u"t"_s, alter));
        FINDING(instant, report, u"instant"_s);
        QCOMPARE(instant.severity, Severity::Ok);
        QVERIFY2(instant.title.contains(expected), qPrintable(describe(instant)));
        if (expected.startsWith(u"ALGORITHM"_s))
            QVERIFY2(instant.fix.contains(u"ALTER TABLE %1 %2, %3;"_s.arg(engine::mysql::qualifiedName(db.name(), u"t"_s),
                                                                          alter, expected)),
                     qPrintable(describe(instant)));
    }

    void alterProblemsBlock_data()
    {
        QTest::addColumn<QString>("alter");
        QTest::addColumn<QString>("expected");
        QTest::newRow("refused") << u"ADD COLUMN id INT"_s << u"Duplicate column"_s;
        QTest::newRow("renames table") << u"RENAME TO t2"_s << u"RENAME TABLE separately"_s;
        QTest::newRow("whole statement") << u"ALTER TABLE t ADD COLUMN c INT"_s << u"only the ALTER's body"_s;
        QTest::newRow("renames column") << u"CHANGE n amount INT"_s << u"--approve-renamed-columns"_s;
        QTest::newRow("values don't fit") << u"MODIFY n TINYINT"_s << u"Out of range"_s;
    }

    void alterProblemsBlock()
    {
        QFETCH(QString, alter);
        QFETCH(QString, expected);
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfalter"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq * 10 FROM seq_1_to_100"_s);
        const PreflightReport report = preflight(db, requestFor(db, u"t"_s, alter));
        FINDING(finding, report, u"alter"_s);
        QCOMPARE(finding.severity, Severity::Block);
        QVERIFY2(QString(finding.detail + finding.fix).contains(expected), qPrintable(describe(finding)));
        QVERIFY(blockingFindingIds(report, {}).contains(u"alter"_s));
        QCOMPARE(tablesOf(primary, db.name()), QStringList{u"t"_s});
    }

    void tableWithoutUniqueKeyBlocks()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfnokey"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (a INT, b INT, KEY (a))"_s);
        const PreflightReport report = preflight(db, requestFor(db, u"t"_s, u"ADD COLUMN c INT"_s));
        FINDING(key, report, u"unique_key"_s);
        QCOMPARE(key.severity, Severity::Block);
        QVERIFY2(key.detail.contains(u"no PRIMARY KEY or UNIQUE key"_s), qPrintable(describe(key)));
    }

    void foreignKeysAsParentAndChild()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pffk"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE customer (id INT PRIMARY KEY)"_s);
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, customer_id INT, CONSTRAINT fk_t_customer FOREIGN KEY "
                        "(customer_id) REFERENCES customer (id) ON DELETE CASCADE)"_s);
        primary.execute(u"CREATE TABLE line (id INT PRIMARY KEY, t_id INT, CONSTRAINT fk_line_t FOREIGN KEY (t_id) "
                        "REFERENCES t (id))"_s);

        PreflightReport report = preflight(db, requestFor(db, u"t"_s, u"ADD COLUMN c INT"_s));
        {
            FINDING(fk, report, u"foreign_keys"_s);
            QCOMPARE(fk.severity, Severity::Block);
            QVERIFY2(fk.title.contains(u"both parent and child"_s), qPrintable(describe(fk)));
            QVERIFY2(fk.detail.contains(u"`fk_t_customer`"_s) && fk.detail.contains(u"ON DELETE CASCADE"_s),
                     qPrintable(describe(fk)));
            QVERIFY2(fk.detail.contains(u"`fk_line_t`"_s), qPrintable(describe(fk)));
            QVERIFY2(fk.fix.contains(u"DROP FOREIGN KEY `fk_line_t`"_s), qPrintable(describe(fk)));
        }
        // A child only: blocks, unless the DBA discards the constraints (then a warning with the way back).
        PreflightRequest request = requestFor(db, u"line"_s, u"ADD COLUMN c INT"_s);
        report = preflight(db, request);
        {
            FINDING(fk, report, u"foreign_keys"_s);
            QCOMPARE(fk.severity, Severity::Block);
            QVERIFY2(fk.fix.contains(u"--discard-foreign-keys"_s), qPrintable(describe(fk)));
        }
        request.options.discardForeignKeys = true;
        report = preflight(db, request);
        {
            FINDING(fk, report, u"foreign_keys"_s);
            QCOMPARE(fk.severity, Severity::Warn);
            QVERIFY2(fk.fix.contains(u"ADD CONSTRAINT `fk_line_t` FOREIGN KEY (`t_id`)"_s), qPrintable(describe(fk)));
        }
    }

    void triggersAreReportedWithTheirBody()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pftrigger"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT, doubled INT)"_s);
        primary.execute(u"CREATE TRIGGER t_double BEFORE INSERT ON t FOR EACH ROW SET NEW.doubled = NEW.n * 2"_s);

        PreflightRequest request = requestFor(db, u"t"_s, u"ADD COLUMN c INT"_s);
        PreflightReport report = preflight(db, request);
        {
            FINDING(triggers, report, u"triggers"_s);
            QCOMPARE(triggers.severity, Severity::Block);
            QVERIFY2(triggers.detail.contains(u"`t_double`: BEFORE INSERT"_s), qPrintable(describe(triggers)));
            QVERIFY2(triggers.detail.contains(u"NEW.doubled = NEW.n * 2"_s), qPrintable(describe(triggers)));
            QVERIFY2(triggers.fix.contains(u"--include-triggers"_s), qPrintable(describe(triggers)));
        }
        request.options.includeTriggers = true;
        request.options.triggerSuffix = u"_new"_s;
        report = preflight(db, request);
        {
            FINDING(triggers, report, u"triggers"_s);
            QCOMPARE(triggers.severity, Severity::Warn);
        }
        request.alter = u"DROP COLUMN n"_s; // the trigger uses it
        report = preflight(db, request);
        {
            FINDING(triggers, report, u"triggers"_s);
            QCOMPARE(triggers.severity, Severity::Block);
            QVERIFY2(triggers.detail.contains(u"uses column `n`"_s), qPrintable(describe(triggers)));
        }
    }

    void scheduledEventReferencingTheTable()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfevent"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT)"_s);
        primary.execute(u"CREATE TABLE other (id INT PRIMARY KEY)"_s);
        primary.execute(u"CREATE EVENT nightly_touch ON SCHEDULE EVERY 1 DAY DO UPDATE t SET n = n + 1"_s);
        primary.execute(u"CREATE EVENT unrelated ON SCHEDULE EVERY 1 DAY DO DELETE FROM other"_s);
        const PreflightReport report = preflight(db, requestFor(db, u"t"_s, u"ADD COLUMN c INT"_s));
        FINDING(events, report, u"scheduled_events"_s);
        QCOMPARE(events.severity, Severity::Warn);
        QVERIFY2(events.detail.contains(u"`nightly_touch`: ENABLED, every 1 DAY"_s), qPrintable(describe(events)));
        QVERIFY2(!events.detail.contains(u"unrelated"_s), qPrintable(describe(events)));
        QVERIFY2(events.detail.contains(u"event_scheduler is"_s), qPrintable(describe(events)));
        QVERIFY2(events.fix.contains(u"ALTER EVENT %1 DISABLE"_s.arg(
                     engine::mysql::qualifiedName(db.name(), u"nightly_touch"_s))),
                 qPrintable(describe(events)));
    }

    void missingTableMeansPreflightCouldNotRun()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfmissing"_s);
        const PreflightReport report = preflight(db, requestFor(db, u"nope"_s, u"ADD COLUMN c INT"_s));
        QVERIFY(!report.ran());
        QVERIFY2(report.failure.contains(u"does not exist"_s), qPrintable(report.failure));
        QVERIFY(report.findings.empty());
    }

    void cancelledBeforeTheChecksRun()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfcancel"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY)"_s);
        PreflightRequest request = requestFor(db, u"t"_s, u"ADD COLUMN c INT"_s);
        request.inspected = db.primary();
        std::atomic<bool> cancel{true};
        const PreflightReport report = runPreflight(request, &cancel);
        QVERIFY(!report.ran());
        QCOMPARE(report.failure, u"cancelled"_s);
        QCOMPARE(tablesOf(primary, db.name()), QStringList{u"t"_s});
    }
};

QTEST_GUILESS_MAIN(TestPreflight)
#include "tst_preflight.moc"
