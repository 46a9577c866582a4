// End-to-end migrations against the sandbox (binlog read on the replica, rows written on the primary) under a
// concurrent write load that mirrors every statement onto a reference copy. After the swap the migrated table
// must equal the reference copy changed by the same ALTER natively — checked by checksum.
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

struct Scenario {
    QString createTable;  // with {T}
    QString seed;         // INSERT ... with {T}; rows have ids 1..rows in the RowMix sense
    qint64 rows = 0;
    QString alter;
    testsupport::RowMix::Shape shape;
    QStringList extraChecks; // SQL returning a scalar that must equal the same on the reference
};

testsupport::RowMix::Shape idShape(QString otherColumns, std::function<QString(QRandomGenerator &)> values,
                                   std::function<QString(QRandomGenerator &)> assignments)
{
    testsupport::RowMix::Shape shape;
    shape.keyColumnsAndValues = [](qint64 id) { return u"id|%1"_s.arg(id); };
    shape.keyPredicate = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.keyAssignment = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.otherColumns = std::move(otherColumns);
    shape.otherValues = std::move(values);
    shape.otherAssignments = std::move(assignments);
    return shape;
}

QString maybeNull(QRandomGenerator &r, const QString &value)
{
    return r.bounded(4) == 0 ? u"NULL"_s : value;
}

const QStringList words = {u"plain"_s, u"Grüße"_s, u"naïve café"_s, u"日本語テキスト"_s, u"emoji 😀🚀"_s,
                           u"quote \\' and \\\\ backslash"_s, u""_s};

QString word(QRandomGenerator &r)
{
    return u"'"_s + words[r.bounded(static_cast<int>(words.size()))] + u" "_s + QString::number(r.bounded(1000)) + u"'"_s;
}

} // namespace

Q_DECLARE_METATYPE(Scenario)

class TestMigrationScenarios : public QObject {
    Q_OBJECT
private:
    void runScenario(const Scenario &scenario);

private Q_SLOTS:
    void migrates_data();
    void migrates();
};

void TestMigrationScenarios::migrates_data()
{
    QTest::addColumn<Scenario>("scenario");
    auto basicValues = [](QRandomGenerator &r) {
        return u"%1, %2, %3, %4"_s.arg(r.bounded(100000)).arg(word(r)).arg(maybeNull(r, u"%1.%2"_s.arg(r.bounded(9999)).arg(r.bounded(10, 99))))
            .arg(maybeNull(r, u"'2025-0%1-1%2 12:34:56.%3'"_s.arg(1 + r.bounded(9)).arg(r.bounded(10)).arg(r.bounded(100, 999))));
    };
    auto basicAssign = [](QRandomGenerator &r) { return u"a = a + 1, s = %1"_s.arg(word(r)); };
    const QString basicTable = u"CREATE TABLE {T} (id BIGINT NOT NULL PRIMARY KEY, a INT NOT NULL, s VARCHAR(64) "
                               "CHARACTER SET utf8mb4, n DECIMAL(10,2) NULL, d DATETIME(3) NULL, KEY idx_s (s))"_s;
    const QString basicSeed = u"INSERT INTO {T} SELECT seq, seq * 7 % 1000, CONCAT('row ', seq, ' ü😀'), "
                              "IF(seq % 5 = 0, NULL, seq / 7), IF(seq % 3 = 0, NULL, TIMESTAMP('2025-01-01') + INTERVAL seq SECOND) "
                              "FROM seq_1_to_3000"_s;
    QTest::newRow("add column and index") << Scenario{basicTable, basicSeed, 3000,
        u"ADD COLUMN x INT NOT NULL DEFAULT 7, ADD INDEX idx_a (a)"_s,
        idShape(u"a, s, n, d"_s, basicValues, basicAssign), {}};
    QTest::newRow("type change INT->BIGINT, VARCHAR widen") << Scenario{basicTable, basicSeed, 3000,
        u"MODIFY a BIGINT NOT NULL, MODIFY s VARCHAR(200) CHARACTER SET utf8mb4"_s,
        idShape(u"a, s, n, d"_s, basicValues, basicAssign), {}};
    QTest::newRow("drop and add columns") << Scenario{basicTable, basicSeed, 3000,
        u"DROP COLUMN n, ADD COLUMN added VARCHAR(10) NOT NULL DEFAULT 'new'"_s,
        idShape(u"a, s, d"_s,
                [](QRandomGenerator &r) { return u"%1, %2, NULL"_s.arg(r.bounded(1000)).arg(word(r)); }, basicAssign), {}};
    QTest::newRow("empty table") << Scenario{basicTable, QString(), 0, u"ADD COLUMN x INT"_s,
        idShape(u"a, s, n, d"_s, basicValues, basicAssign), {}};
    QTest::newRow("one row") << Scenario{basicTable, u"INSERT INTO {T} VALUES (1, 1, 'only', 1.5, '2025-06-01 10:00:00.250')"_s, 1,
        u"ADD COLUMN x INT"_s, idShape(u"a, s, n, d"_s, basicValues, basicAssign), {}};

    auto latinValues = [](QRandomGenerator &r) {
        static const QStringList latin = {u"café"_s, u"Müller"_s, u"señor"_s, u"Ørsted"_s, u"plain"_s};
        return u"'%1 %2', %3"_s.arg(latin[r.bounded(static_cast<int>(latin.size()))]).arg(r.bounded(100))
            .arg(maybeNull(r, u"'Straße'"_s));
    };
    QTest::newRow("charset latin1 -> utf8mb4") << Scenario{
        u"CREATE TABLE {T} (id INT NOT NULL PRIMARY KEY, name VARCHAR(50) CHARACTER SET latin1 NOT NULL, "
        "body TEXT CHARACTER SET latin1 NULL) CHARACTER SET latin1"_s,
        u"INSERT INTO {T} SELECT seq, CONCAT('naïve ', seq), IF(seq % 4 = 0, NULL, 'Grüße') FROM seq_1_to_2000"_s, 2000,
        u"CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"_s,
        idShape(u"name, body"_s, latinValues, [](QRandomGenerator &r) { return u"name = 'Ärger %1'"_s.arg(r.bounded(99)); }), {}};

    auto allTypesValues = [](QRandomGenerator &r) {
        return u"%1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11, %12"_s
            .arg(maybeNull(r, QString::number(qint64(r.bounded(2000000)) - 1000000)))
            .arg(maybeNull(r, u"18446744073709551%1"_s.arg(r.bounded(100, 615))))
            .arg(maybeNull(r, u"-%1.%2"_s.arg(r.bounded(99999)).arg(r.bounded(100000, 999999))))
            .arg(maybeNull(r, u"%1.25"_s.arg(r.bounded(1000))))
            .arg(maybeNull(r, word(r)))
            .arg(maybeNull(r, u"X'00ff%1'"_s.arg(r.bounded(10, 99))))
            .arg(maybeNull(r, u"'%1'"_s.arg(QStringList{u"red"_s, u"green"_s, u"blue"_s}[r.bounded(3)])))
            .arg(maybeNull(r, u"'a,c'"_s))
            .arg(maybeNull(r, u"'{\"k\": %1, \"t\": \"ü\"}'"_s.arg(r.bounded(100))))
            .arg(maybeNull(r, u"'-%1:05:06.123456'"_s.arg(r.bounded(100, 838))))
            .arg(maybeNull(r, u"'2024-02-29 13:45:07.%1'"_s.arg(r.bounded(100000, 999999))))
            .arg(maybeNull(r, u"b'1011'"_s));
    };
    QTest::newRow("NULLs and every common type") << Scenario{
        u"CREATE TABLE {T} (id BIGINT UNSIGNED NOT NULL PRIMARY KEY, i INT NULL, u BIGINT UNSIGNED NULL, "
        "dc DECIMAL(20,6) NULL, dbl DOUBLE NULL, txt TEXT CHARACTER SET utf8mb4 NULL, bin VARBINARY(16) NULL, "
        "e ENUM('red','green','blue') NULL, st SET('a','b','c') NULL, j JSON NULL, tm TIME(6) NULL, "
        "ts TIMESTAMP(6) NULL DEFAULT NULL, bt BIT(13) NULL, g INT AS (i + 1) VIRTUAL)"_s,
        u"INSERT INTO {T} (id, i, txt) SELECT seq, seq, IF(seq % 2 = 0, NULL, CONCAT('t', seq, '🚀')) FROM seq_1_to_1500"_s, 1500,
        u"ENGINE=InnoDB"_s,
        idShape(u"i, u, dc, dbl, txt, bin, e, st, j, tm, ts, bt"_s, allTypesValues,
                [](QRandomGenerator &r) { return u"i = %1, txt = %2, ts = NOW(6) - INTERVAL %3 SECOND"_s.arg(r.bounded(1000)).arg(word(r)).arg(r.bounded(1000)); }),
        {}};

    testsupport::RowMix::Shape composite;
    composite.keyColumnsAndValues = [](qint64 id) { return u"a, b|%1, 'k%2-ü'"_s.arg(id / 100).arg(id % 100); };
    composite.keyPredicate = [](qint64 id) { return u"a = %1 AND b = 'k%2-ü'"_s.arg(id / 100).arg(id % 100); };
    composite.keyAssignment = [](qint64 id) { return u"a = %1, b = 'k%2-ü'"_s.arg(id / 100).arg(id % 100); };
    composite.otherColumns = u"v"_s;
    composite.otherValues = [](QRandomGenerator &r) { return word(r); };
    composite.otherAssignments = [](QRandomGenerator &r) { return u"v = %1"_s.arg(word(r)); };
    QTest::newRow("composite primary key with a string part") << Scenario{
        u"CREATE TABLE {T} (a INT NOT NULL, b VARCHAR(20) CHARACTER SET utf8mb4 NOT NULL, v VARCHAR(100) NULL, "
        "PRIMARY KEY (a, b))"_s,
        u"INSERT INTO {T} SELECT seq DIV 100, CONCAT('k', seq MOD 100, '-ü'), CONCAT('v', seq) FROM seq_1_to_3000"_s, 3000,
        u"ADD COLUMN w INT NULL, MODIFY v VARCHAR(200) NULL"_s, composite, {}};

    testsupport::RowMix::Shape uniqueOnly;
    uniqueOnly.keyColumnsAndValues = [](qint64 id) { return u"code|'C-%1'"_s.arg(id); };
    uniqueOnly.keyPredicate = [](qint64 id) { return u"code = 'C-%1'"_s.arg(id); };
    uniqueOnly.keyAssignment = [](qint64 id) { return u"code = 'C-%1'"_s.arg(id); };
    uniqueOnly.otherColumns = u"qty"_s;
    uniqueOnly.otherValues = [](QRandomGenerator &r) { return QString::number(r.bounded(100)); };
    uniqueOnly.otherAssignments = [](QRandomGenerator &r) { return u"qty = %1"_s.arg(r.bounded(100)); };
    QTest::newRow("UNIQUE key and no PRIMARY KEY") << Scenario{
        u"CREATE TABLE {T} (code VARCHAR(32) NOT NULL, qty INT NOT NULL, UNIQUE KEY uk_code (code))"_s,
        u"INSERT INTO {T} SELECT CONCAT('C-', seq), seq % 50 FROM seq_1_to_2000"_s, 2000,
        u"ADD COLUMN z INT NOT NULL DEFAULT 0"_s, uniqueOnly, {}};
}

void TestMigrationScenarios::migrates()
{
    QFETCH(Scenario, scenario);
    runScenario(scenario);
}

void TestMigrationScenarios::runScenario(const Scenario &scenario)
{
    REQUIRE_SANDBOX(sandbox);
    testsupport::ScratchDatabase db(sandbox, QString::fromLatin1(QTest::currentDataTag()));
    Connection primary = Connection::open(db.primary());
    const QString table = u"t"_s, reference = u"t_ref"_s;
    const QString qTable = qualifiedName(db.name(), table), qReference = qualifiedName(db.name(), reference);
    for (const QString &name : {qTable, qReference})
        primary.execute(QString(scenario.createTable).replace(u"{T}"_s, name));
    if (!scenario.seed.isEmpty())
        for (const QString &name : {qTable, qReference})
            primary.execute(QString(scenario.seed).replace(u"{T}"_s, name)); // seeds are deterministic

    auto mix = std::make_shared<testsupport::RowMix>(scenario.shape, scenario.rows);
    testsupport::WriteLoad::Options load;
    load.connection = db.primary();
    load.statementsPerSecond = 150;
    load.mirrorTables = {qTable, qReference};
    load.nextStatement = [mix](quint64 sequence, QRandomGenerator &random) { return mix->next(sequence, random); };
    // A long-lived prepared statement on the migrated table: the application shape pt-osc broke at the swap.
    load.preparedStatement = u"SELECT COUNT(*) FROM %1 WHERE 1 = ?"_s.arg(qTable);
    load.preparedEvery = 3;
    load.preparedMaxParameter = 1;
    testsupport::WriteLoad writer(load);
    writer.start();
    QTest::qWait(300);

    const auto outcome = testsupport::runMigration(testsupport::sandboxSpec(db, table, scenario.alter));
    QTest::qWait(500); // traffic continues on the new table
    writer.stop();
    QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.code + u": "_s + outcome.failure.message));
    QVERIFY2(writer.errors() == 0, qPrintable(writer.errorMessages().join(u'\n')));
    QVERIFY(writer.statements() > 50);
    QVERIFY2(outcome.summary.verified, qPrintable(outcome.summary.verifyResult));
    QVERIFY(outcome.states.contains(engine::migration::MigrationState::CuttingOver));

    primary.execute(u"ALTER TABLE %1 %2"_s.arg(qReference, scenario.alter));
    const auto migrated = testsupport::checksumTable(primary, db.name(), table);
    const auto expected = testsupport::checksumTable(primary, db.name(), reference);
    qInfo("rows %llu, copied %llu, events applied %llu, cut-over lock %lld ms, verify: %s", migrated.rows,
          outcome.summary.rowsCopied, outcome.summary.eventsApplied, outcome.summary.cutOverLockMillis,
          qPrintable(outcome.summary.verifyResult));
    QCOMPARE(migrated, expected);
    QCOMPARE(primary.scalar(u"SHOW CREATE TABLE %1"_s.arg(qTable)).has_value(), true);

    // Helper tables: ghost and changelog gone, the old table kept for rollback.
    auto exists = [&](const QString &name) {
        return primary.scalar(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND "
                              "TABLE_NAME = %2"_s.arg(primary.quote(db.name()), primary.quote(name))).value() == u"1"_s;
    };
    QVERIFY(!exists(u"_t_gho"_s));
    QVERIFY(!exists(u"_t_ghc"_s));
    QVERIFY(exists(u"_t_del"_s));

    // The replica converged on the same content.
    Connection replica = Connection::open(db.replica());
    testsupport::waitForReplica(primary, replica);
    QCOMPARE(testsupport::checksumTable(replica, db.name(), table), migrated);
}

QTEST_GUILESS_MAIN(TestMigrationScenarios)
#include "tst_migrationscenarios.moc"
