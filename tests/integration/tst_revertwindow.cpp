// The revert window: after the swap the old table follows the new one, and a revert brings the old schema back
// with every write made since the cut-over. Checked against a reference table the same statements changed.
#include <migrationharness.h>
#include <rowmix.h>
#include <sandbox.h>
#include <writeload.h>

#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QTest>

using namespace Qt::StringLiterals;
using engine::migration::MigrationState;
using engine::mysql::Connection;
using engine::mysql::qualifiedName;

namespace {

std::unique_ptr<testsupport::WriteLoad> mirroredLoad(Connection &primary, const testsupport::ScratchDatabase &db)
{
    for (const QString &name : {u"t"_s, u"t_ref"_s}) {
        primary.execute(u"CREATE TABLE %1 (id BIGINT PRIMARY KEY, n INT NOT NULL, legacy VARCHAR(20) NULL, "
                        "note VARCHAR(40) NOT NULL DEFAULT '')"_s.arg(name));
        primary.execute(u"INSERT INTO %1 (id, n, legacy, note) SELECT seq, seq, 'old', CONCAT('r', seq) "
                        "FROM seq_1_to_4000"_s.arg(name));
    }
    testsupport::RowMix::Shape shape;
    shape.keyColumnsAndValues = [](qint64 id) { return u"id|%1"_s.arg(id); };
    shape.keyPredicate = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.keyAssignment = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.otherColumns = u"n, note"_s;
    shape.otherValues = [](QRandomGenerator &r) { return u"%1, 'w%2'"_s.arg(r.bounded(1000)).arg(r.bounded(1000)); };
    shape.otherAssignments = [](QRandomGenerator &r) { return u"n = %1, note = 'u%2'"_s.arg(r.bounded(1000)).arg(r.bounded(99)); };
    auto mix = std::make_shared<testsupport::RowMix>(shape, 4000);
    testsupport::WriteLoad::Options load;
    load.connection = db.primary();
    load.statementsPerSecond = 150;
    load.mirrorTables = {qualifiedName(db.name(), u"t"_s), qualifiedName(db.name(), u"t_ref"_s)};
    load.nextStatement = [mix](quint64 s, QRandomGenerator &r) { return mix->next(s, r); };
    auto writer = std::make_unique<testsupport::WriteLoad>(load);
    writer->start();
    return writer;
}

} // namespace

class TestRevertWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void revertBringsTheOldSchemaBackWithEveryWrite()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"revert"_s);
        Connection primary = Connection::open(db.primary());
        auto writer = mirroredLoad(primary, db);
        // The new schema drops a column (legacy: nullable, so rows written after the swap get NULL back)
        // and adds one; the revert must restore the old shape with the writes made on the new one.
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"DROP COLUMN legacy, ADD COLUMN extra INT NULL"_s);
        spec.revertWindowSeconds = 60;
        QElapsedTimer inWindow;
        quint64 statementsAtSwap = 0;
        bool sawNewSchema = false;
        qint64 firstRemaining = -1, lastRemaining = -1, worstLag = -1;
        bool figuresOutsideWindow = false;
        const auto outcome = testsupport::runMigration(spec, 240000, [&](auto &controller, const auto &snapshot) {
            if (snapshot.state != MigrationState::RevertWindow) {
                figuresOutsideWindow |= snapshot.revertWindowRemainingSeconds != -1 || snapshot.oldTableLagMillis != -1;
                return;
            }
            if (firstRemaining < 0)
                firstRemaining = snapshot.revertWindowRemainingSeconds;
            lastRemaining = snapshot.revertWindowRemainingSeconds;
            worstLag = std::max(worstLag, snapshot.oldTableLagMillis);
            if (!inWindow.isValid()) {
                inWindow.start();
                statementsAtSwap = writer->statements();
                sawNewSchema = primary.query(u"SHOW COLUMNS FROM t LIKE 'extra'"_s).next();
            } else if (inWindow.elapsed() > 2000) {
                controller.requestRevert(); // the application kept writing to the new table meanwhile
            }
        });
        QTest::qWait(300); // and keeps writing after the revert
        writer->stop();
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.code + u": "_s + outcome.failure.message));
        QVERIFY(sawNewSchema);
        QVERIFY(outcome.summary.reverted);
        QVERIFY(outcome.states.contains(MigrationState::RevertWindow));
        // The window's figures: a countdown from 60 s, and a lag that is known and small under this light load.
        QVERIFY2(firstRemaining <= 60 && firstRemaining >= 55, qPrintable(QString::number(firstRemaining)));
        QVERIFY2(lastRemaining < firstRemaining, qPrintable(u"%1 -> %2"_s.arg(firstRemaining).arg(lastRemaining)));
        QVERIFY2(worstLag >= 0 && worstLag < 10000, qPrintable(QString::number(worstLag)));
        QVERIFY(!figuresOutsideWindow);
        QVERIFY2(writer->statements() > statementsAtSwap + 200, "the load must have written during the window");
        QCOMPARE(writer->errors(), 0u);
        QVERIFY(!primary.query(u"SHOW COLUMNS FROM t LIKE 'extra'"_s).next());
        QVERIFY(primary.query(u"SHOW COLUMNS FROM t LIKE 'legacy'"_s).next());
        // Rows the application wrote after the swap have no legacy value: compare the columns the load writes,
        // and check that the untouched rows kept theirs.
        const QStringList written{u"id"_s, u"n"_s, u"note"_s};
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s, written),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s, written));
        QVERIFY(primary.scalar(u"SELECT COUNT(*) FROM t WHERE legacy = 'old'"_s).value().toInt() > 1000);
        QCOMPARE(outcome.summary.oldTable, u"_t_gho"_s);
        QVERIFY(primary.query(u"SHOW COLUMNS FROM _t_gho LIKE 'extra'"_s).next());
    }

    void windowClosesKeepingTheNewSchema()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"revertclose"_s);
        Connection primary = Connection::open(db.primary());
        auto writer = mirroredLoad(primary, db);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN extra INT NULL"_s);
        spec.revertWindowSeconds = 2;
        const auto outcome = testsupport::runMigration(spec);
        writer->stop();
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.message));
        QVERIFY(!outcome.summary.reverted);
        QVERIFY(outcome.states.contains(MigrationState::RevertWindow));
        QVERIFY(primary.query(u"SHOW COLUMNS FROM t LIKE 'extra'"_s).next());
        QCOMPARE(writer->errors(), 0u);
        const QStringList written{u"id"_s, u"n"_s, u"legacy"_s, u"note"_s};
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s, written),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s, written));
    }

    void changesThatCannotBeInvertedAreRefusedBeforeAnything()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"revertrefuse"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id BIGINT PRIMARY KEY, n INT NOT NULL)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_100"_s);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"MODIFY n BIGINT NOT NULL"_s);
        spec.revertWindowSeconds = 60;
        const auto outcome = testsupport::runMigration(spec);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.failure.code, u"revert-not-invertible"_s);
        QVERIFY2(outcome.failure.message.contains(u"column n changes from int"_s), qPrintable(outcome.failure.message));
        QVERIFY(outcome.failure.originalUntouched);
        QCOMPARE(primary.scalar(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND "
                                "TABLE_NAME LIKE '\\_t\\_%'"_s.arg(primary.quote(db.name()))),
                 std::optional<QString>(u"0"_s));
    }
};

QTEST_GUILESS_MAIN(TestRevertWindow)
#include "tst_revertwindow.moc"
