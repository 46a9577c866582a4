// Data safety, the smaller edges of issue 12 (12.11, 12.13): names and keys with %N in them, ENUM keys whose member
// list changes, a writer with a MINIMAL row image, and a primary key changed to a superset of the old one. Each runs
// under a write load on the sandbox and ends in a comparison with a reference table altered natively.
#include <copyhold.h>
#include <migrationharness.h>
#include <mirroredload.h>
#include <sandbox.h>
#include <writeload.h>

#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QFile>

#include <functional>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using engine::migration::MigrationController;
using engine::migration::MigrationState;
using engine::migration::ProgressSnapshot;
using engine::mysql::Connection;
using engine::mysql::qualifiedName;
using engine::mysql::quoteIdentifier;

namespace {

// Runs `statements` (with {T}) on `name` and `name_ref` in one session that logs binlog_row_image=MINIMAL, as an
// application session may while the server's default is FULL.
void writeMinimal(const testsupport::ScratchDatabase &db, const QString &name, const QStringList &statements)
{
    Connection session = Connection::open(db.primary());
    session.execute(u"SET SESSION binlog_row_image = 'MINIMAL'"_s);
    for (const QString &statement : statements)
        for (const QString &table : QStringList{name, name + u"_ref"_s})
            session.execute(QString(statement).replace(u"{T}"_s, table));
}

// Runs a migration of `spec` held postponed until `whilePostponed` has run once.
testsupport::MigrationOutcome runWithPostponed(engine::migration::MigrationSpec spec, const std::function<void()> &whilePostponed)
{
    QTemporaryDir dir;
    const QString postpone = dir.filePath(u"postpone"_s);
    QFile(postpone).open(QIODevice::WriteOnly);
    spec.throttle.postponeCutOverFlagFile = postpone;
    return testsupport::runMigration(spec, 240000, [&](MigrationController &, const ProgressSnapshot &s) {
        if (s.state == MigrationState::Postponed && QFile::exists(postpone)) {
            whilePostponed();
            QFile::remove(postpone);
        }
    });
}

QString describe(const testsupport::MigrationOutcome &outcome)
{
    return outcome.failure.code + u": "_s + outcome.failure.message;
}

} // namespace

class TestDataSafetyEdges : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Issue 12.11: a table name and key values with %1…%9 in them. Chained QString::arg calls re-scanned the
    // inserted identifiers and literals: chunk boundaries, checkpoints and heartbeats were built wrong.
    void percentSignsInNamesAndKeys()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"safety_percent"_s);
        Connection primary = Connection::open(db.primary());
        const QString table = u"p%1%2"_s;
        for (const QString &name : QStringList{table, table + u"_ref"_s}) {
            primary.execute(u"CREATE TABLE %1 (k VARCHAR(40) NOT NULL PRIMARY KEY, v INT NOT NULL)"_s.replace(
                u"%1"_s, quoteIdentifier(name)));
            primary.execute(u"INSERT INTO %1 SELECT CONCAT('k%7_', LPAD(seq, 6, '0'), '%2'), seq FROM seq_1_to_6000"_s
                                .replace(u"%1"_s, quoteIdentifier(name)));
        }
        auto load = testsupport::updatesAndDeletes(db, table, 6000, u"k"_s, u"CONCAT('k%7_', LPAD(%1, 6, '0'), '%2')"_s);
        load->start();
        QTemporaryDir dir;
        const QString postpone = dir.filePath(u"postpone"_s);
        QVERIFY(QFile(postpone).open(QIODevice::WriteOnly));
        auto spec = testsupport::sandboxSpec(db, table, u"ADD COLUMN w INT"_s);
        spec.chunkSize = 500;
        spec.throttle.postponeCutOverFlagFile = postpone;
        spec.checkpointSeconds = 1;
        testsupport::CheckpointRow checkpoint;
        QElapsedTimer postponed;
        const auto outcome = testsupport::runMigration(spec, 240000, [&](MigrationController &, const ProgressSnapshot &s) {
            if (s.state != MigrationState::Postponed || !QFile::exists(postpone))
                return;
            // Held here until a checkpoint after the copy is written (every second), or 30 s have passed.
            if (!postponed.isValid())
                postponed.start();
            Connection reader = Connection::open(db.primary());
            checkpoint = testsupport::readCheckpoint(reader, u"_p%1%2_ghk"_s);
            if (checkpoint.copyComplete || postponed.elapsed() > 30000)
                QFile::remove(postpone);
        });
        load->stop();
        QCOMPARE(load->errors(), 0u);
        QVERIFY2(outcome.succeeded, qPrintable(describe(outcome)));
        QVERIFY2(checkpoint.present && checkpoint.copyComplete, "the checkpoint was not written");
        QVERIFY2(checkpoint.rowsCopied >= 5000, qPrintable(QString::number(checkpoint.rowsCopied)));
        QVERIFY2(outcome.summary.verifyResult.startsWith(u"equal"_s), qPrintable(outcome.summary.verifyResult));
        primary.execute(u"ALTER TABLE %1 ADD COLUMN w INT"_s.replace(u"%1"_s, quoteIdentifier(table + u"_ref"_s)));
        QCOMPARE(testsupport::checksumTable(primary, db.name(), table),
                 testsupport::checksumTable(primary, db.name(), table + u"_ref"_s));
    }
    // Issue 12.11: an ENUM column of the chosen key whose member list changes. Keys travel as member numbers (the
    // binlog's form); when the ALTER moves members, a number names another member in the new table: the applier
    // changed other rows and verification failed every time (with --verify=false, the swap kept the damage).
    // Members appended at the end keep their numbers and migrate; moved or removed ones are refused up front.
    void enumKeyWhoseMembersChange()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"safety_enumkey"_s);
        Connection primary = Connection::open(db.primary());
        for (const QString &name : {u"e"_s, u"e_ref"_s}) {
            primary.execute(u"CREATE TABLE %1 (kind ENUM('a','b','c') NOT NULL, id INT NOT NULL, v INT NOT NULL, "
                            "PRIMARY KEY (kind, id))"_s.arg(name));
            primary.execute(u"INSERT INTO %1 SELECT ELT(1 + MOD(seq, 3), 'a', 'b', 'c'), seq, seq FROM seq_1_to_9000"_s
                                .arg(name));
        }
        const QString reordered = u"MODIFY kind ENUM('z','a','b','c') NOT NULL"_s;
        auto refusedSpec = testsupport::sandboxSpec(db, u"e"_s, reordered);
        refusedSpec.verify = false; // the refusal must not depend on verification
        const auto refused = testsupport::runMigration(refusedSpec);
        QVERIFY(!refused.succeeded);
        QCOMPARE(refused.failure.code, u"enum-key-members"_s);
        QVERIFY2(refused.failure.message.contains(u"kind"_s) && refused.failure.message.contains(u"end"_s),
                 qPrintable(refused.failure.message));
        QVERIFY(!primary.query(u"SHOW TABLES LIKE '\\_e\\_gho'"_s).next());

        auto load = testsupport::updatesAndDeletes(db, u"e"_s, 9000, u"(kind, id)"_s,
                                      u"(ELT(1 + MOD(%1, 3), 'a', 'b', 'c'), %1)"_s);
        load->start();
        const QString appended = u"MODIFY kind ENUM('a','b','c','d') NOT NULL"_s;
        auto spec = testsupport::sandboxSpec(db, u"e"_s, appended);
        spec.chunkSize = 500;
        const auto outcome = testsupport::runMigration(spec);
        QTest::qWait(300);
        load->stop();
        QCOMPARE(load->errors(), 0u);
        QVERIFY2(outcome.succeeded, qPrintable(describe(outcome)));
        primary.execute(u"ALTER TABLE e_ref "_s + appended);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"e"_s),
                 testsupport::checksumTable(primary, db.name(), u"e_ref"_s));
    }
    // Issue 12.11: a session writing with binlog_row_image=MINIMAL while the server's default is FULL. Its update
    // images carry only the primary key (before) and the changed columns (after): with the primary key as the
    // chosen key the engine takes a missing after-image key as unchanged and migrates exactly...
    void minimalRowImageWithTheKeyIsApplied()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"safety_minimal"_s);
        Connection primary = Connection::open(db.primary());
        for (const QString &name : {u"m"_s, u"m_ref"_s}) {
            primary.execute(u"CREATE TABLE %1 (id INT NOT NULL PRIMARY KEY, u INT NOT NULL, v INT NOT NULL)"_s.arg(name));
            primary.execute(u"INSERT INTO %1 SELECT seq, seq, seq FROM seq_1_to_5000"_s.arg(name));
        }
        auto load = testsupport::updatesAndDeletes(db, u"m"_s, 5000, u"id"_s, u"%1"_s);
        load->start();
        const auto outcome = runWithPostponed(testsupport::sandboxSpec(db, u"m"_s, u"ADD COLUMN w INT"_s), [&] {
            writeMinimal(db, u"m"_s, {u"UPDATE {T} SET v = v + 100 WHERE id BETWEEN 10 AND 20"_s,
                                     u"UPDATE {T} SET id = id + 100000 WHERE id BETWEEN 30 AND 35"_s,
                                     u"DELETE FROM {T} WHERE id BETWEEN 40 AND 45"_s,
                                     u"INSERT INTO {T} (id, u, v) VALUES (200001, 1, 1)"_s});
        });
        QTest::qWait(300);
        load->stop();
        QCOMPARE(load->errors(), 0u);
        QVERIFY2(outcome.succeeded, qPrintable(describe(outcome)));
        primary.execute(u"ALTER TABLE m_ref ADD COLUMN w INT"_s);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"m"_s),
                 testsupport::checksumTable(primary, db.name(), u"m_ref"_s));
    }

    // ...but when the chosen key is not the primary key, a MINIMAL before-image (in the primary's binlog) does not say
    // which row changed: the change was lost (with --verify=false the swap kept the loss). It stops, clearly.
    void minimalRowImageWithoutTheKeyStops()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"safety_minimal_uk"_s);
        Connection primary = Connection::open(db.primary());
        for (const QString &name : {u"m"_s, u"m_ref"_s}) {
            primary.execute(u"CREATE TABLE %1 (id INT NOT NULL PRIMARY KEY, u INT NOT NULL, v INT NOT NULL, "
                            "UNIQUE KEY uk_u (u))"_s.arg(name));
            primary.execute(u"INSERT INTO %1 SELECT seq, seq, seq FROM seq_1_to_5000"_s.arg(name));
        }
        auto load = testsupport::updatesAndDeletes(db, u"m"_s, 5000, u"id"_s, u"%1"_s);
        load->start();
        // Without the primary key, the only key both schemas share is uk_u.
        auto spec = testsupport::sandboxSpec(db, u"m"_s, u"DROP PRIMARY KEY"_s);
        spec.verify = false; // the stop must not depend on verification
        // The primary's own binlog: a replica logs the full before-image again when it applies the update.
        spec.inspector = db.primary();
        spec.inspector.database.clear();
        spec.allowOnMaster = true;
        const auto outcome = runWithPostponed(spec, [&] {
            writeMinimal(db, u"m"_s, {u"UPDATE {T} SET v = v + 100 WHERE id = 7"_s});
        });
        QTest::qWait(300);
        load->stop();
        QCOMPARE(load->errors(), 0u);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.failure.code, u"row-image-lacks-key"_s);
        QVERIFY2(outcome.failure.message.contains(u"binlog_row_image"_s), qPrintable(outcome.failure.message));
        QVERIFY(outcome.failure.originalUntouched);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"m"_s),
                 testsupport::checksumTable(primary, db.name(), u"m_ref"_s));
    }
    // Issue 12.13 (gh-ost's localtests shared-uk): the primary key changed to a superset of the old one. It was
    // refused (no unique key over the old key's columns in the new schema); the old key stays unique for every row
    // the copy and the applier see, so it drives the migration.
    void primaryKeyExtendedToASuperset()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"safety_superset_pk"_s);
        Connection primary = Connection::open(db.primary());
        auto load = testsupport::startMirroredLoad(primary, db, 20000);
        const QString alter = u"DROP PRIMARY KEY, ADD PRIMARY KEY (id, n)"_s;
        auto spec = testsupport::sandboxSpec(db, u"t"_s, alter);
        spec.chunkSize = 1000;
        const auto outcome = testsupport::runMigration(spec);
        QTest::qWait(300);
        load.writer->stop();
        QCOMPARE(load.writer->errors(), 0u);
        QVERIFY2(outcome.succeeded, qPrintable(describe(outcome)));
        QVERIFY2(outcome.summary.verifyResult.startsWith(u"equal"_s), qPrintable(outcome.summary.verifyResult));
        primary.execute(u"ALTER TABLE t_ref "_s + alter);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
        auto create = primary.query(u"SHOW CREATE TABLE t"_s);
        QVERIFY(create.next());
        QVERIFY2(create.text(1).contains(u"PRIMARY KEY (`id`,`n`)"_s), qPrintable(create.text(1)));
    }
    // Issue 12.14: --remove-trigger-suffix-if-exists was accepted and ignored, so a table migrated twice got
    // triggers named t_dbl_new_new. As in gh-ost, a name that already ends in the suffix loses it instead.
    void triggerSuffixIsRemovedWhenPresent()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"safety_trigger_suffix"_s);
        Connection primary = Connection::open(db.primary());
        auto load = testsupport::startMirroredLoad(primary, db, 5000, u"n2 INT NULL"_s);
        for (const QString &table : {u"t"_s, u"t_ref"_s})
            primary.execute(u"CREATE TRIGGER %1_dbl_new BEFORE UPDATE ON %1 FOR EACH ROW SET NEW.n2 = NEW.n * 2"_s.arg(table));
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN w INT"_s);
        spec.includeTriggers = true;
        spec.triggerSuffix = u"_new"_s;
        spec.removeTriggerSuffixIfExists = true;
        spec.forcedPreflightIds = {u"triggers"_s};
        const auto outcome = testsupport::runMigration(spec);
        QVERIFY2(outcome.succeeded, qPrintable(describe(outcome)));
        QTest::qWait(1500); // the application updates rows of the new table: its trigger must fire
        load.writer->stop();
        QCOMPARE(load.writer->errors(), 0u);
        QCOMPARE(primary.scalar(u"SELECT GROUP_CONCAT(TRIGGER_NAME) FROM information_schema.TRIGGERS WHERE "
                                "TRIGGER_SCHEMA = DATABASE() AND EVENT_OBJECT_TABLE = 't'"_s),
                 std::optional<QString>(u"t_dbl"_s));
        primary.execute(u"ALTER TABLE t_ref ADD COLUMN w INT"_s);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }
};

QTEST_MAIN(TestDataSafetyEdges)
#include "tst_datasafetyedges.moc"
