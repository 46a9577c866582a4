// Where other tools lost data or broke applications, and the refusals that protect against it. Each test checks
// that the original table is untouched when the migration stops, and that no helper table is left behind, except
// after a failure past the start of the copy, which keeps them for --resume.
#include <migrationharness.h>
#include <rowmix.h>
#include <sandbox.h>
#include <writeload.h>

#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using engine::migration::MigrationState;
using engine::mysql::Connection;
using engine::mysql::qualifiedName;

class TestMigrationTraps : public QObject {
    Q_OBJECT
private:
    static bool tableExists(Connection &c, const QString &db, const QString &table)
    {
        return c.scalar(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2"_s
                            .arg(c.quote(db), c.quote(table))).value() == u"1"_s;
    }
    // A failure after the copy began keeps the ghost, changelog and checkpoint for --resume (issue 11), and says so.
    static void expectKeptForResume(Connection &c, const QString &db, const engine::migration::MigrationFailure &failure)
    {
        QVERIFY(failure.resumable);
        QVERIFY2(failure.message.contains(u"--resume"_s), qPrintable(failure.message));
        QVERIFY(tableExists(c, db, u"_t_gho"_s));
        QVERIFY(tableExists(c, db, u"_t_ghc"_s));
        QVERIFY(tableExists(c, db, u"_t_ghk"_s));
        QVERIFY(!tableExists(c, db, u"_t_del"_s));
    }
    static void expectNoHelpers(Connection &c, const QString &db)
    {
        QVERIFY(!tableExists(c, db, u"_t_gho"_s));
        QVERIFY(!tableExists(c, db, u"_t_ghc"_s));
        QVERIFY(!tableExists(c, db, u"_t_del"_s));
    }

private Q_SLOTS:
    void uniqueKeyOverDuplicatesStopsAndNamesThem()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"dups"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, CONCAT('user', seq, '@example.org') FROM seq_1_to_5000"_s);
        primary.execute(u"UPDATE t SET email = 'twin@example.org' WHERE id IN (1234, 4321)"_s);
        const auto before = testsupport::checksumTable(primary, db.name(), u"t"_s);
        // Preflight sees the duplicates first and starts nothing.
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD UNIQUE KEY uk_email (email)"_s);
        const auto gated = testsupport::runMigration(spec);
        QVERIFY(!gated.succeeded);
        QCOMPARE(gated.failure.code, u"preflight-blocked"_s);
        QVERIFY2(gated.failure.message.contains(u"--force-preflight=new_unique_duplicates"_s),
                 qPrintable(gated.failure.message));
        QVERIFY(!gated.states.contains(engine::migration::MigrationState::CreatingGhost));
        expectNoHelpers(primary, db.name());
        // Overridden, the copy itself must still refuse to drop a row.
        spec.forcedPreflightIds = {u"new_unique_duplicates"_s};
        const auto outcome = testsupport::runMigration(spec);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.failure.code, u"unique-duplicates"_s);
        QVERIFY2(outcome.failure.message.contains(u"twin@example.org"_s), qPrintable(outcome.failure.message));
        QVERIFY(outcome.failure.originalUntouched);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s), before);
        expectKeptForResume(primary, db.name(), outcome.failure);
    }

    // A duplicate created by the application during the copy is met by the applier, which fails after its retry
    // window while the copy is still running: the migration must stop (it once hung, the copy waiting for appliers
    // that were gone), name the value, and leave the original untouched.
    void duplicateWrittenDuringTheCopyStopsIt()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"dupslate"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, email VARCHAR(100) NOT NULL)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, CONCAT('user', seq, '@example.org') FROM seq_1_to_20000"_s);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD UNIQUE KEY uk_email (email)"_s);
        spec.chunkSize = 100;
        bool duplicated = false;
        const auto outcome = testsupport::runMigration(spec, 120000, [&](auto &controller, const auto &snapshot) {
            if (snapshot.state != MigrationState::Copying)
                return;
            if (!duplicated) {
                controller.setChunkSize(100); // slow: about 200 chunks, more than the applier's 10 s retry window
                controller.setNiceRatio(1);
            }
            if (!duplicated && snapshot.rowsCopied >= 500) {
                // Row 19990 is not copied yet; the applier brings it over and collides with the copied row 7.
                primary.execute(u"UPDATE t SET email = 'user7@example.org' WHERE id = 19990"_s);
                duplicated = true;
            }
        });
        QVERIFY(duplicated);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.failure.code, u"unique-duplicates"_s);
        QVERIFY2(outcome.failure.message.contains(u"user7@example.org"_s), qPrintable(outcome.failure.message));
        QVERIFY(outcome.failure.originalUntouched);
        expectKeptForResume(primary, db.name(), outcome.failure);
    }

    void uniqueKeyOverCleanDataUnderLoadLosesNothing()
    {
        // gh-ost #1636: a REPLACE-based apply deleted rows colliding on the new unique key. Here rows keep
        // unique emails while the load runs; nothing may vanish.
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"uniqueclean"_s);
        Connection primary = Connection::open(db.primary());
        for (const QString &name : {u"t"_s, u"t_ref"_s}) {
            primary.execute(u"CREATE TABLE %1 (id BIGINT PRIMARY KEY, email VARCHAR(100) NOT NULL, n INT)"_s.arg(name));
            primary.execute(u"INSERT INTO %1 SELECT seq, CONCAT('u', seq, '@x'), seq FROM seq_1_to_3000"_s.arg(name));
        }
        testsupport::RowMix::Shape shape;
        shape.keyColumnsAndValues = [](qint64 id) { return u"id, email|%1, 'u%1@x'"_s.arg(id); };
        shape.keyPredicate = [](qint64 id) { return u"id = %1"_s.arg(id); };
        shape.keyAssignment = [](qint64 id) { return u"id = %1, email = 'u%1@x'"_s.arg(id); };
        shape.otherColumns = u"n"_s;
        shape.otherValues = [](QRandomGenerator &r) { return QString::number(r.bounded(1000)); };
        shape.otherAssignments = [](QRandomGenerator &r) { return u"n = %1"_s.arg(r.bounded(1000)); };
        auto mix = std::make_shared<testsupport::RowMix>(shape, 3000);
        testsupport::WriteLoad::Options load;
        load.connection = db.primary();
        load.statementsPerSecond = 150;
        load.mirrorTables = {qualifiedName(db.name(), u"t"_s), qualifiedName(db.name(), u"t_ref"_s)};
        load.nextStatement = [mix](quint64 s, QRandomGenerator &r) { return mix->next(s, r); };
        testsupport::WriteLoad writer(load);
        writer.start();
        const auto outcome = testsupport::runMigration(
            testsupport::sandboxSpec(db, u"t"_s, u"ADD UNIQUE KEY uk_email (email)"_s));
        writer.stop();
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.message));
        QVERIFY2(writer.errors() == 0, qPrintable(writer.errorMessages().join(u'\n')));
        primary.execute(u"ALTER TABLE t_ref ADD UNIQUE KEY uk_email (email)"_s);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }

    void refusals_data()
    {
        QTest::addColumn<QString>("setup");
        QTest::addColumn<QString>("alter");
        QTest::addColumn<QString>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("rename table") << QString() << u"RENAME TO t2"_s << u"alter-renames-table"_s << u"RENAME TABLE"_s;
        QTest::newRow("renamed column needs approval") << QString() << u"CHANGE COLUMN n m INT"_s
                                                       << u"no-shared-key"_s << u"--approve-renamed-columns"_s;
        QTest::newRow("no unique key") << u"ALTER TABLE t DROP PRIMARY KEY, ADD KEY k (id)"_s << u"ADD COLUMN x INT"_s
                                       << u"no-shared-key"_s << u"PRIMARY KEY"_s;
        QTest::newRow("trigger") << u"CREATE TRIGGER trg BEFORE INSERT ON t FOR EACH ROW SET NEW.n = NEW.n"_s
                                 << u"ADD COLUMN x INT"_s << u"triggers"_s << u"--include-triggers"_s;
        QTest::newRow("child foreign key") << u"CREATE TABLE p (id INT PRIMARY KEY); INSERT INTO p SELECT seq FROM seq_1_to_100; ALTER TABLE t ADD CONSTRAINT "
                                              "fk_p FOREIGN KEY (n) REFERENCES p (id)"_s
                                           << u"ADD COLUMN x INT"_s << u"fk-child"_s << u"--discard-foreign-keys"_s;
        QTest::newRow("parent foreign key") << u"CREATE TABLE c (id INT PRIMARY KEY, tid INT, CONSTRAINT fk_t "
                                               "FOREIGN KEY (tid) REFERENCES t (id))"_s
                                            << u"ADD COLUMN x INT"_s << u"fk-parent"_s << u"fk_t"_s;
        QTest::newRow("leftover ghost") << u"CREATE TABLE _t_gho (id INT)"_s << u"ADD COLUMN x INT"_s
                                        << u"leftover-table"_s << u"--initially-drop-ghost-table"_s;
        QTest::newRow("bad ALTER") << QString() << u"ADD COLUMN n INT"_s << u"alter-failed"_s << u"Duplicate column"_s;
        QTest::newRow("whole statement") << QString() << u"ALTER TABLE t ADD COLUMN x INT"_s << u"bad-alter"_s
                                         << u"--alter"_s;
    }

    void refusals()
    {
        QFETCH(QString, setup);
        QFETCH(QString, alter);
        QFETCH(QString, code);
        QFETCH(QString, mentions);
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"refuse"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT NOT NULL PRIMARY KEY, n INT)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_100"_s);
        if (!setup.isEmpty())
            primary.executeBatch(setup);
        const auto before = testsupport::checksumTable(primary, db.name(), u"t"_s);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, alter);
        // Preflight stops each of these before anything is created...
        const auto gated = testsupport::runMigration(spec);
        QVERIFY(!gated.succeeded);
        QVERIFY2(gated.failure.code == u"preflight-blocked"_s || gated.failure.code == code,
                 qPrintable(gated.failure.code + u": "_s + gated.failure.message));
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s), before);
        // ...and the engine's own validation refuses them too when preflight is skipped.
        spec.runPreflight = false;
        const auto outcome = testsupport::runMigration(spec);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.failure.code, code);
        QVERIFY2(outcome.failure.message.contains(mentions), qPrintable(outcome.failure.message));
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s), before);
        QVERIFY(!tableExists(primary, db.name(), u"_t_ghc"_s));
        if (code != u"leftover-table"_s)
            QVERIFY(!tableExists(primary, db.name(), u"_t_gho"_s));
    }

    void cutOverWaitsOutABlockerAndNamesIt()
    {
        // A forgotten transaction holds the table: each attempt gives up after the lock timeout (the application
        // waits no longer than that), names the session, and the migration swaps once it ends.
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"blocker"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id BIGINT PRIMARY KEY, n INT)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_2000"_s);
        Connection blocker = Connection::open(db.primary(), u"test-blocker"_s);
        const QString blockerId = QString::number(blocker.threadId());
        QTemporaryDir dir;
        const QString postpone = dir.filePath(u"postpone"_s);
        QFile(postpone).open(QIODevice::WriteOnly);

        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN z INT"_s);
        spec.cutOverLockTimeoutSeconds = 1;
        spec.throttle.postponeCutOverFlagFile = postpone;
        spec.verify = false; // verification's brief read lock would wait the blocker out first
        bool blocking = false, released = false;
        QElapsedTimer blockedFor;
        const auto outcome = testsupport::runMigration(spec, 120000, [&](auto &controller, const auto &snapshot) {
            if (!blocking && snapshot.state == MigrationState::Postponed) {
                blocker.executeBatch(u"START TRANSACTION; SELECT n FROM t WHERE id = 1 FOR UPDATE"_s);
                blocking = true;
                blockedFor.start();
                controller.requestCutOver();
            } else if (blocking && !released && blockedFor.elapsed() > 3500) {
                blocker.execute(u"COMMIT"_s);
                released = true;
            }
        });
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.message));
        QVERIFY(released);
        QVERIFY2(outcome.summary.cutOverAttempts >= 2, qPrintable(QString::number(outcome.summary.cutOverAttempts)));
        const QString blockers = outcome.summary.cutOverBlockers.join(u'\n');
        QVERIFY2(blockers.contains(u"session %1 "_s.arg(blockerId)) && blockers.contains(u"KILL %1"_s.arg(blockerId)),
                 qPrintable(blockers));
        QVERIFY(primary.query(u"SHOW COLUMNS FROM t LIKE 'z'"_s).next());
    }

    // Verification must catch a ghost that differs from the original, name the row, and stop before the swap.
    // The ghost is damaged behind the engine's back while the cut-over is postponed (after the copy).
    void verificationCatchesADamagedGhostAndSwapsNothing()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"verifydamage"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id BIGINT PRIMARY KEY, n INT, s VARCHAR(20))"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq, CONCAT('r', seq) FROM seq_1_to_50000"_s);
        const auto before = testsupport::checksumTable(primary, db.name(), u"t"_s);
        QTemporaryDir dir;
        const QString postpone = dir.filePath(u"postpone"_s);
        QFile(postpone).open(QIODevice::WriteOnly);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN z INT"_s);
        spec.throttle.postponeCutOverFlagFile = postpone;
        bool damaged = false;
        const auto outcome = testsupport::runMigration(spec, 120000, [&](auto &controller, const auto &snapshot) {
            if (!damaged && snapshot.state == MigrationState::Postponed) {
                primary.execute(u"UPDATE _t_gho SET s = 'damaged' WHERE id = 43210"_s);
                damaged = true;
                controller.requestCutOver();
            }
        });
        QVERIFY(damaged);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.failure.code, u"verify-mismatch"_s);
        QVERIFY2(outcome.failure.message.contains(u"43210"_s), qPrintable(outcome.failure.message));
        QVERIFY(outcome.failure.originalUntouched);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s), before);
        QVERIFY(!primary.query(u"SHOW COLUMNS FROM t LIKE 'z'"_s).next());
        expectKeptForResume(primary, db.name(), outcome.failure);
    }

    void exactRowCountReplacesTheEstimate()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"rowcount"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id BIGINT PRIMARY KEY, n INT)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_3217"_s);
        QTemporaryDir dir;
        const QString postpone = dir.filePath(u"postpone"_s);
        QFile(postpone).open(QIODevice::WriteOnly);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN z INT"_s);
        spec.exactRowcount = true;
        spec.throttle.postponeCutOverFlagFile = postpone;
        engine::migration::ProgressSnapshot atPostpone;
        const auto outcome = testsupport::runMigration(spec, 120000, [&](auto &controller, const auto &snapshot) {
            if (snapshot.state == MigrationState::Postponed && atPostpone.state != MigrationState::Postponed) {
                atPostpone = snapshot;
                controller.requestCutOver();
            }
        });
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.message));
        QVERIFY(atPostpone.rowsExact);
        QCOMPARE(atPostpone.rowsEstimate, 3217u);
        QCOMPARE(atPostpone.copyPercent, 100.0);
    }

    void dryRunValidatesAndLeavesNothing()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"dryrun"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_100"_s);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN note VARCHAR(20) DEFAULT 'x'"_s);
        spec.execute = false;
        const auto outcome = testsupport::runMigration(spec);
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.message));
        QVERIFY(outcome.summary.dryRun);
        QVERIFY2(outcome.summary.newCreateStatement.contains(u"`note` varchar(20)"_s),
                 qPrintable(outcome.summary.newCreateStatement));
        QVERIFY(outcome.states.contains(MigrationState::DryRunDone));
        QVERIFY(!outcome.states.contains(MigrationState::Copying));
        expectNoHelpers(primary, db.name());
        QVERIFY(!primary.scalar(u"SHOW CREATE TABLE t"_s).value().contains(u"note"_s));
    }

    void abortMidCopyLeavesOriginalAndTrafficUntouched()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"abort"_s);
        Connection primary = Connection::open(db.primary());
        for (const QString &name : {u"t"_s, u"t_ref"_s}) {
            primary.execute(u"CREATE TABLE %1 (id BIGINT PRIMARY KEY, n INT, s VARCHAR(40))"_s.arg(name));
            primary.execute(u"INSERT INTO %1 SELECT seq, seq, CONCAT('s', seq) FROM seq_1_to_20000"_s.arg(name));
        }
        testsupport::RowMix::Shape shape;
        shape.keyColumnsAndValues = [](qint64 id) { return u"id|%1"_s.arg(id); };
        shape.keyPredicate = [](qint64 id) { return u"id = %1"_s.arg(id); };
        shape.keyAssignment = [](qint64 id) { return u"id = %1"_s.arg(id); };
        shape.otherColumns = u"n, s"_s;
        shape.otherValues = [](QRandomGenerator &r) { return u"%1, 'new'"_s.arg(r.bounded(100)); };
        shape.otherAssignments = [](QRandomGenerator &r) { return u"n = %1"_s.arg(r.bounded(100)); };
        auto mix = std::make_shared<testsupport::RowMix>(shape, 20000);
        testsupport::WriteLoad::Options load;
        load.connection = db.primary();
        load.statementsPerSecond = 150;
        load.mirrorTables = {qualifiedName(db.name(), u"t"_s), qualifiedName(db.name(), u"t_ref"_s)};
        load.nextStatement = [mix](quint64 s, QRandomGenerator &r) { return mix->next(s, r); };
        testsupport::WriteLoad writer(load);
        writer.start();
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN x INT"_s);
        spec.chunkSize = 100;
        spec.chunkTargetMillis = 10;
        spec.niceRatio = 2;
        bool aborted = false;
        const auto outcome = testsupport::runMigration(spec, 120000, [&](auto &controller, const auto &snapshot) {
            if (!aborted && snapshot.rowsCopied >= 1000) {
                aborted = true;
                controller.abort();
            }
        });
        QTest::qWait(300);
        writer.stop();
        QVERIFY(aborted);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.failure.code, u"aborted"_s);
        QVERIFY(outcome.failure.originalUntouched);
        QVERIFY2(writer.errors() == 0, qPrintable(writer.errorMessages().join(u'\n')));
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
        expectNoHelpers(primary, db.name());
    }
};

QTEST_GUILESS_MAIN(TestMigrationTraps)
#include "tst_migrationtraps.moc"
