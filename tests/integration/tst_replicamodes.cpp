// gh-ost's replica modes against the sandbox, with writes running on the primary:
// --test-on-replica leaves two equal tables on a stopped replica; --migrate-on-replica changes the replica only.
#include <migrationharness.h>
#include <rowmix.h>
#include <sandbox.h>
#include <writeload.h>

#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QTest>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::qualifiedName;

namespace {

struct ReplicationRestarter {
    Connection &replica;
    ~ReplicationRestarter()
    {
        try {
            replica.execute(u"START SLAVE"_s);
        } catch (const std::exception &) {
        }
    }
};

std::unique_ptr<testsupport::WriteLoad> startLoad(const testsupport::ScratchDatabase &db, int rows)
{
    testsupport::RowMix::Shape shape;
    shape.keyColumnsAndValues = [](qint64 id) { return u"id|%1"_s.arg(id); };
    shape.keyPredicate = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.keyAssignment = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.otherColumns = u"n"_s;
    shape.otherValues = [](QRandomGenerator &r) { return QString::number(r.bounded(1000)); };
    shape.otherAssignments = [](QRandomGenerator &r) { return u"n = %1"_s.arg(r.bounded(1000)); };
    auto mix = std::make_shared<testsupport::RowMix>(shape, rows);
    testsupport::WriteLoad::Options load;
    load.connection = db.primary();
    load.statementsPerSecond = 150;
    load.mirrorTables = {qualifiedName(db.name(), u"t"_s)};
    load.nextStatement = [mix](quint64 s, QRandomGenerator &r) { return mix->next(s, r); };
    auto writer = std::make_unique<testsupport::WriteLoad>(load);
    writer->start();
    return writer;
}

bool tableExists(Connection &c, const QString &db, const QString &table)
{
    return c.scalar(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2"_s
                        .arg(c.quote(db), c.quote(table))).value() == u"1"_s;
}

} // namespace

class TestReplicaModes : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void testOnReplicaLeavesTwoEqualTablesOnAStoppedReplica()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"testonreplica"_s);
        Connection primary = Connection::open(db.primary());
        Connection replica = Connection::open(sandbox.replica, u"test-admin"_s);
        testsupport::waitForReplica(primary, replica); // the scratch database exists there too
        replica.execute(u"USE "_s + engine::mysql::quoteIdentifier(db.name()));
        ReplicationRestarter restart{replica};
        primary.execute(u"CREATE TABLE t (id BIGINT PRIMARY KEY, n INT)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_5000"_s);
        testsupport::waitForReplica(primary, replica);
        auto writer = startLoad(db, 5000);

        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN z INT, ADD INDEX n_idx (n)"_s);
        spec.testOnReplica = true;
        const auto outcome = testsupport::runMigration(spec);
        QTest::qWait(300); // the primary keeps being written; the stopped replica must not follow
        writer->stop();
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.code + u": "_s + outcome.failure.message));
        QCOMPARE(writer->errors(), 0u);

        {
            auto status = replica.query(u"SHOW SLAVE STATUS"_s);
            QVERIFY(status.next());
            QCOMPARE(status.text(u"Slave_SQL_Running"_s), u"No"_s);
        }
        // On the replica: the table as it was and the ghost with the new schema, holding the same rows.
        QVERIFY(tableExists(replica, db.name(), u"_t_gho"_s));
        QVERIFY(!tableExists(replica, db.name(), u"_t_ghc"_s));
        QVERIFY(!tableExists(replica, db.name(), u"_t_del"_s));
        const auto columns = QStringList{u"id"_s, u"n"_s};
        const auto original = testsupport::checksumTable(replica, db.name(), u"t"_s, columns);
        QVERIFY(original.rows >= 4000);
        QCOMPARE(testsupport::checksumTable(replica, db.name(), u"_t_gho"_s, columns), original);
        QVERIFY(replica.scalar(u"SHOW CREATE TABLE _t_gho"_s).has_value());
        QVERIFY(replica.query(u"SHOW COLUMNS FROM _t_gho LIKE 'z'"_s).next());
        QVERIFY(!replica.query(u"SHOW COLUMNS FROM t LIKE 'z'"_s).next());
        // The replica's own writes took GTIDs in a domain of their own, never the primary's.
        const QString binlogPos = replica.scalar(u"SELECT @@gtid_binlog_pos"_s).value_or(QString());
        QVERIFY2(binlogPos.contains(u"9999-2-"_s) && !binlogPos.contains(u"0-2-"_s), qPrintable(binlogPos));
        // The primary is untouched.
        QVERIFY(!tableExists(primary, db.name(), u"_t_gho"_s));
        QVERIFY(!primary.query(u"SHOW COLUMNS FROM t LIKE 'z'"_s).next());

        // Restarted, replication catches up with what the primary wrote meanwhile.
        // As the log advises: outside the binlog, or the replica's own GTID would break strict-mode replication.
        replica.executeBatch(u"SET SESSION sql_log_bin = 0; DROP TABLE _t_gho; SET SESSION sql_log_bin = 1"_s);
        replica.execute(u"START SLAVE"_s);
        testsupport::waitForReplica(primary, replica);
        QCOMPARE(testsupport::checksumTable(replica, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t"_s));
    }

    void migrateOnReplicaChangesTheReplicaOnly()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"migrateonreplica"_s);
        Connection primary = Connection::open(db.primary());
        Connection replica = Connection::open(sandbox.replica, u"test-admin"_s);
        testsupport::waitForReplica(primary, replica); // the scratch database exists there too
        replica.execute(u"USE "_s + engine::mysql::quoteIdentifier(db.name()));
        primary.execute(u"CREATE TABLE t (id BIGINT PRIMARY KEY, n INT)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_5000"_s);
        testsupport::waitForReplica(primary, replica);
        auto writer = startLoad(db, 5000);

        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN z INT"_s);
        spec.migrateOnReplica = true;
        const auto outcome = testsupport::runMigration(spec);
        QTest::qWait(300); // replicated writes now land in the migrated table
        writer->stop();
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.code + u": "_s + outcome.failure.message));
        QCOMPARE(writer->errors(), 0u);
        QVERIFY(outcome.summary.cutOverLockMillis > 0);

        testsupport::waitForReplica(primary, replica);
        QVERIFY(replica.query(u"SHOW COLUMNS FROM t LIKE 'z'"_s).next());
        QVERIFY(!primary.query(u"SHOW COLUMNS FROM t LIKE 'z'"_s).next());
        QVERIFY(tableExists(replica, db.name(), u"_t_del"_s));
        QVERIFY(!tableExists(primary, db.name(), u"_t_del"_s));
        const auto columns = QStringList{u"id"_s, u"n"_s};
        QCOMPARE(testsupport::checksumTable(replica, db.name(), u"t"_s, columns),
                 testsupport::checksumTable(primary, db.name(), u"t"_s, columns));
    }

    void replicaModesRefuseAPrimary()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"modesrefuse"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id BIGINT PRIMARY KEY, n INT)"_s);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN z INT"_s);
        spec.inspector = db.primary();
        spec.inspector.database.clear();
        spec.migrateOnReplica = true;
        spec.runPreflight = false;
        const auto outcome = testsupport::runMigration(spec);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.failure.code, u"not-a-replica"_s);
        QVERIFY(outcome.failure.message.contains(u"--migrate-on-replica"_s));
    }
};

QTEST_GUILESS_MAIN(TestReplicaModes)
#include "tst_replicamodes.moc"
