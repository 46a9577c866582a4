// The two-step cut-over (--cut-over=two-step, issue 12.3): refused under load unless overridden (it can't be made
// safe for queued statements on MariaDB), and its lock session killed for real between the two renames (held there
// by the engine's test hook), when no table has the original's name.
#include <migrationharness.h>
#include <mirroredload.h>
#include <sandbox.h>
#include <writeload.h>

#include <cutover/atomiccutover.h>
#include <mysql/connection.h>

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <thread>

using namespace Qt::StringLiterals;
using engine::migration::CutOverType;
using engine::migration::MigrationController;
using engine::migration::MigrationState;
using engine::migration::ProgressSnapshot;
using engine::mysql::Connection;

namespace {

const QString alter = u"ADD COLUMN w INT NOT NULL DEFAULT 3, ADD KEY k_n (n)"_s;

// The session this process opened for `purpose` (Connection::open names it shadowswap-<purpose>), or empty.
QString sessionFor(Connection &server, const QString &purpose)
{
    auto r = server.query(u"SELECT a.PROCESSLIST_ID FROM performance_schema.session_connect_attrs a "
                          "WHERE a.ATTR_NAME = 'program_name' AND a.ATTR_VALUE = %1"_s.arg(
                              server.quote(u"shadowswap-"_s + purpose)));
    return r.next() ? r.text(0) : QString();
}

void expectEqualToNative(Connection &primary, const testsupport::ScratchDatabase &db)
{
    primary.execute(u"ALTER TABLE t_ref "_s + alter);
    QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
             testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
}

} // namespace

class TestCutOverFaults : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Under a write load, statements queued on the lock wake up between the two renames and some fail with error
    // 1146 (MariaDB refuses RENAME TABLE under LOCK TABLES, so the renames can't be one statement). Preflight
    // blocks two-step until the DBA overrides that finding knowingly; nothing is created before.
    void twoStepIsRefusedUnlessOverridden()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"twostep_load"_s);
        Connection primary = Connection::open(db.primary());
        auto load = testsupport::startMirroredLoad(primary, db, 20000);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, alter);
        spec.cutOver = CutOverType::TwoStep;
        const auto refused = testsupport::runMigration(spec);
        QVERIFY(!refused.succeeded);
        QCOMPARE(refused.failure.code, u"preflight-blocked"_s);
        QVERIFY2(refused.failure.message.contains(u"cut_over_type"_s), qPrintable(refused.failure.message));
        QVERIFY(!primary.query(u"SHOW TABLES LIKE '\\_t\\_gho'"_s).next());
        load.writer->stop();
        QVERIFY2(load.writer->errors() == 0, qPrintable(load.writer->errorMessages().join(u"\n"_s)));
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }

    // The lock session is killed after it renamed the original away and before the ghost took its name: the second
    // rename and the session's own undo fail. Another session puts the original back at once, the attempt counts
    // as failed, and the next attempt swaps. Before, the run stopped "half swapped" with no table named t.
    void lockSessionKilledBetweenTheTwoRenames()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"twostep_killed"_s);
        Connection primary = Connection::open(db.primary());
        auto load = testsupport::startMirroredLoad(primary, db, 20000);
        QTemporaryDir dir;
        const QString postpone = dir.filePath(u"postpone"_s), hold = dir.filePath(u"hold-two-step"_s);
        QVERIFY(QFile(postpone).open(QIODevice::WriteOnly));
        QVERIFY(QFile(hold).open(QIODevice::WriteOnly));
        qputenv("SHADOWSWAP_TEST_HOLD_TWO_STEP_FILE", hold.toUtf8());
        auto spec = testsupport::sandboxSpec(db, u"t"_s, alter);
        spec.cutOver = CutOverType::TwoStep;
        spec.forcedPreflightIds = {u"cut_over_type"_s}; // the application's writes are stopped before the swap
        spec.throttle.postponeCutOverFlagFile = postpone;
        bool tableMissingWhileHeld = false;
        QString killed;
        const auto outcome = testsupport::runMigration(spec, 240000, [&](MigrationController &, const ProgressSnapshot &s) {
            if (s.state == MigrationState::Postponed && QFile::exists(postpone)) {
                // No application statement may wait on the lock while it is killed: it would find no table t.
                load.writer->stop();
                QFile::remove(postpone);
            }
            if (killed.isEmpty() && QFile::exists(hold + u".reached"_s)) {
                Connection admin = Connection::open(db.primary());
                tableMissingWhileHeld = !admin.query(u"SHOW TABLES LIKE 't'"_s).next();
                killed = sessionFor(admin, u"cutover-lock"_s);
                if (!killed.isEmpty())
                    admin.execute(u"KILL "_s + killed);
                QFile::remove(hold);
            }
        });
        qunsetenv("SHADOWSWAP_TEST_HOLD_TWO_STEP_FILE");
        QVERIFY2(!killed.isEmpty(), "the lock session was not found while held between the renames");
        QVERIFY(tableMissingWhileHeld);
        QCOMPARE(load.writer->errors(), 0u);
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.code + u": "_s + outcome.failure.message));
        QVERIFY2(outcome.summary.cutOverAttempts >= 2, qPrintable(QString::number(outcome.summary.cutOverAttempts)));
        expectEqualToNative(primary, db);
    }
    // Without the metadata-lock instrument the lock session unlocks once the rename is queued on the table itself.
    // It used to infer that from the ghost being held, which is wrong when the rename's other names sort after
    // the ghost (the revert swap: _T_del < _T_gho < T): a revert then lost a write (tst_consolelive, once). The
    // probe asks the table directly; here a rename waits on a lower-sorted name first, then on the table.
    void renameQueuedIsSeenOnTheTableItself()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"rename_probe"_s);
        Connection setup = Connection::open(db.primary());
        setup.execute(u"CREATE TABLE t (id INT PRIMARY KEY)"_s);
        setup.execute(u"CREATE TABLE a (id INT PRIMARY KEY)"_s);
        Connection holdsA = Connection::open(db.primary()), holdsT = Connection::open(db.primary());
        Connection side = Connection::open(db.primary()), writer = Connection::open(db.primary());
        Connection renamer = Connection::open(db.primary());
        auto waitsForMetadataLock = [&](const Connection &session) {
            return side.scalar(u"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = %1 AND STATE LIKE "
                               "'%metadata lock%'"_s.arg(session.threadId()))
                == std::optional<QString>(u"1"_s);
        };
        holdsA.execute(u"LOCK TABLES a WRITE"_s);
        holdsT.execute(u"LOCK TABLES t READ"_s);
        QVERIFY(!engine::cutover::exclusiveLockPendingOn(side, db.name(), u"t"_s));
        // A write waiting on t is not a rename.
        unsigned writeError = 0;
        std::thread write([&] {
            try {
                writer.execute(u"INSERT INTO t VALUES (1)"_s);
            } catch (const engine::mysql::DbException &error) {
                writeError = error.code();
            }
        });
        QTRY_VERIFY(waitsForMetadataLock(writer));
        QVERIFY(!engine::cutover::exclusiveLockPendingOn(side, db.name(), u"t"_s));
        // The rename takes its names in order: a first, where it waits; it has not asked for t yet.
        std::thread rename([&] { renamer.execute(u"RENAME TABLE t TO t_old, a TO t_new"_s); });
        QTRY_VERIFY(waitsForMetadataLock(renamer));
        QVERIFY(!engine::cutover::exclusiveLockPendingOn(side, db.name(), u"t"_s));
        // With a free, it moves on to t, where it queues.
        holdsA.execute(u"UNLOCK TABLES"_s);
        QTRY_VERIFY(engine::cutover::exclusiveLockPendingOn(side, db.name(), u"t"_s));
        holdsT.execute(u"UNLOCK TABLES"_s);
        rename.join();
        write.join();
        // The queued rename went before the write that waited longer: the write found no table t.
        QCOMPARE(writeError, 1146u);
        QVERIFY(setup.query(u"SHOW TABLES LIKE 't\\_old'"_s).next());
    }
};

QTEST_MAIN(TestCutOverFaults)
#include "tst_cutoverfaults.moc"
