// Resume after a crash: shadowswap-cli is killed with SIGKILL mid-copy, mid-apply and while postponed, under a
// write load; a second run with --resume finishes the migration, and the result is compared with a reference
// table that got the same statements and a native ALTER. Also: resuming after the binlog rotated, and the
// refusals (binlog purged, ghost altered, different --alter, leftovers without --resume) that change nothing.
#include "../engine/controlclient.h"

#include <copyhold.h>
#include <mirroredload.h>
#include <sandbox.h>
#include <writeload.h>

#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::qualifiedName;

namespace {

constexpr int tableRows = 60000;
const QString alter = u"ADD COLUMN extra INT NOT NULL DEFAULT 7, ADD KEY k_n (n)"_s;

// t and t_ref as testsupport::startMirroredLoad makes them, plus `bulk`, which only the one-off bulk update the
// load runs on request touches.
using Workload = testsupport::MirroredLoad;

Workload startLoad(Connection &primary, const testsupport::ScratchDatabase &db)
{
    return testsupport::startMirroredLoad(primary, db, tableRows, u"bulk INT NOT NULL DEFAULT 0"_s,
                                          u"UPDATE {T} SET bulk = bulk + 1"_s);
}

QStringList cliArguments(const testsupport::ScratchDatabase &db, const QStringList &extra)
{
    const auto replica = db.replica();
    return QStringList{u"--host"_s, replica.host, u"--port"_s, QString::number(replica.port), u"--user"_s,
                       replica.user, u"--password"_s, replica.password, u"--database"_s, db.name(), u"--table"_s,
                       u"t"_s, u"--alter"_s, alter, u"--execute"_s, u"--checkpoint-seconds"_s, u"1"_s,
                       u"--history-file=off"_s, u"--replica-server-id"_s,
                       QString::number(61000 + QCoreApplication::applicationPid() % 4000)}
        + extra;
}

QString cliPath()
{
    return qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s;
}

using testsupport::readCheckpoint;

bool tableExists(Connection &primary, const QString &table)
{
    return primary.query(u"SHOW TABLES LIKE %1"_s.arg(primary.quote(table))).next();
}

QString columnsOf(Connection &primary, const QString &table)
{
    QStringList columns;
    auto result = primary.query(u"SHOW COLUMNS FROM "_s + table);
    while (result.next())
        columns << result.text(0);
    return columns.join(u',');
}

struct Finished {
    int exitCode = -1;
    QString output; // stdout and stderr
};

Finished runToEnd(const QStringList &arguments, int timeoutMillis = 240000)
{
    QProcess cli;
    cli.setProcessChannelMode(QProcess::MergedChannels);
    cli.start(cliPath(), arguments);
    Finished run;
    if (!cli.waitForStarted() || !cli.waitForFinished(timeoutMillis)) {
        cli.kill();
        cli.waitForFinished();
        run.output = QString::fromUtf8(cli.readAll()) + u"\n(did not finish in time)"_s;
        return run;
    }
    run.exitCode = cli.exitStatus() == QProcess::NormalExit ? cli.exitCode() : -1;
    run.output = QString::fromUtf8(cli.readAll());
    return run;
}

// One command over a control socket, as `echo CMD | socat - UNIX:path` sends it.
QString askSocket(const QString &path, const QString &command)
{
    return QString::fromUtf8(testsupport::viaUnix(path, command.toUtf8() + '\n'));
}

// Kills the CLI with SIGKILL (no cleanup of any kind runs) and returns what it printed.
QString killHard(QProcess &cli)
{
    cli.kill();
    cli.waitForFinished(10000);
    return QString::fromUtf8(cli.readAll());
}

} // namespace

class TestResume : public QObject {
    Q_OBJECT
private:
    // After the kill: the original is intact and the run's helper tables are there to resume from.
    void checkInterruptedState(Connection &primary)
    {
        QCOMPARE(columnsOf(primary, u"t"_s), u"id,n,note,bulk"_s);
        QVERIFY(tableExists(primary, u"_t_gho"_s));
        QVERIFY(tableExists(primary, u"_t_ghk"_s));
        QVERIFY(!tableExists(primary, u"_t_del"_s));
    }

    // Resumes, stops the load, and compares the migrated table with the reference altered natively.
    void resumeAndCompare(Connection &primary, const testsupport::ScratchDatabase &db, Workload &work,
                          const QString &expectInLog)
    {
        QTest::qWait(1500); // the application keeps writing while nothing migrates
        const Finished resumed = runToEnd(cliArguments(db, {u"--resume"_s}));
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.output.right(3000)));
        QVERIFY2(resumed.output.contains(u"resuming from the checkpoint"_s), qPrintable(resumed.output.left(3000)));
        QVERIFY2(resumed.output.contains(expectInLog), qPrintable(resumed.output.left(3000)));
        QVERIFY2(resumed.output.contains(u"verify: equal"_s), qPrintable(resumed.output.right(2000)));
        QTest::qWait(500); // writes after the swap reach the new table
        work.writer->stop();
        QCOMPARE(work.writer->errors(), 0u);
        QCOMPARE(columnsOf(primary, u"t"_s), u"id,n,note,bulk,extra"_s);
        QVERIFY(!tableExists(primary, u"_t_gho"_s));
        QVERIFY(!tableExists(primary, u"_t_ghc"_s));
        QVERIFY(!tableExists(primary, u"_t_ghk"_s));
        primary.execute(u"ALTER TABLE t_ref "_s + alter);
        QCOMPARE(testsupport::comparableCreateStatement(primary, u"t"_s), testsupport::comparableCreateStatement(primary, u"t_ref"_s)); // every index, deferred or not
        const auto migrated = testsupport::checksumTable(primary, db.name(), u"t"_s);
        QCOMPARE(migrated, testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
        qInfo("resumed and equal: %llu rows, checksum %s", static_cast<unsigned long long>(migrated.rows),
              qPrintable(migrated.hash));
    }

    // Runs the CLI with its copy held by the test hook once a tenth of the rows are copied, waits for the
    // checkpoint that shows it, then kills it with SIGKILL.
    // `output` gets what the CLI printed; false when the copy could not be caught in the middle.
    bool killMidCopy(Connection &primary, const testsupport::ScratchDatabase &db, quint64 *rowsAtKill, QString *output)
    {
        QTemporaryDir dir;
        testsupport::CopyHold hold(dir.filePath(u"hold-copy"_s), tableRows / 10);
        QProcess cli;
        cli.setProcessEnvironment(hold.environment());
        cli.setProcessChannelMode(QProcess::MergedChannels);
        // The killed run defers the ALTER's secondary index; the resumes don't ask to, and must still build it.
        cli.start(cliPath(), cliArguments(db, {u"--chunk-size"_s, u"500"_s, u"--defer-secondary-indexes"_s}));
        if (!cli.waitForStarted()) {
            *output = u"shadowswap-cli did not start"_s;
            return false;
        }
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 120000 && cli.state() == QProcess::Running) {
            const testsupport::CheckpointRow row = readCheckpoint(primary);
            if (row.copyComplete)
                break;
            if (row.keyWritten && row.rowsCopied >= tableRows / 10) {
                *rowsAtKill = row.rowsCopied;
                *output = killHard(cli);
                return true;
            }
            QTest::qWait(50);
        }
        *output = u"the copy was not held midway by the test hook; shadowswap-cli printed:\n"_s + killHard(cli).right(2000);
        return false;
    }

private Q_SLOTS:
    void killedMidCopyResumesWithoutRecopying()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"resume_copy"_s);
        Connection primary = Connection::open(db.primary());
        Workload work = startLoad(primary, db);
        quint64 rowsAtCheckpoint = 0;
        QString firstRun;
        QVERIFY2(killMidCopy(primary, db, &rowsAtCheckpoint, &firstRun), qPrintable(firstRun));
        QVERIFY2(!firstRun.contains(u"Done"_s), qPrintable(firstRun.right(1000)));
        checkInterruptedState(primary);
        QVERIFY(rowsAtCheckpoint < tableRows);
        qInfo("killed mid-copy; the checkpoint had %llu rows copied", static_cast<unsigned long long>(rowsAtCheckpoint));
        // The copy ran without the ALTER's secondary index (deferred): the resumed run must still build it.
        QVERIFY2(!testsupport::comparableCreateStatement(primary, u"_t_gho"_s).contains(u"KEY `k_n`"_s), qPrintable(testsupport::comparableCreateStatement(primary, u"_t_gho"_s)));
        resumeAndCompare(primary, db, work, u"the ghost still lacks the secondary indexes k_n"_s);
    }

    void killedWhilePostponedResumes()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"resume_postponed"_s);
        Connection primary = Connection::open(db.primary());
        Workload work = startLoad(primary, db);
        QTemporaryDir dir;
        const QString flag = dir.filePath(u"postpone.flag"_s);
        QVERIFY(QFile(flag).open(QIODevice::WriteOnly));
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(cliPath(), cliArguments(db, {u"--postpone-cut-over-flag-file"_s, flag}));
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(readCheckpoint(primary).copyComplete || cli.state() != QProcess::Running, 120000);
        QVERIFY(cli.state() == QProcess::Running);
        QTest::qWait(2500); // postponed, applying the load's writes, checkpointing
        // While the first run lives, a resume (say, from another workstation) is refused and harms nothing.
        const Finished second = runToEnd(cliArguments(db, {u"--resume"_s, u"--serve-socket-file"_s,
                                                           dir.filePath(u"second.sock"_s)}));
        QVERIFY2(second.exitCode != 0 && second.output.contains(u"another migration of"_s),
                 qPrintable(second.output.right(2000)));
        QVERIFY(cli.state() == QProcess::Running);
        killHard(cli);
        checkInterruptedState(primary);

        // A resume that is postponed too tells its chunk size before copying any chunk (found walking the demo:
        // "chunk-size: 0", which the console's live setting showed as 10, one Enter away from sending it).
        // Then it is killed as well: a second crash at the same point.
        const QString socket = dir.filePath(u"resumed.sock"_s);
        QProcess postponed;
        postponed.setProcessChannelMode(QProcess::MergedChannels);
        postponed.start(cliPath(), cliArguments(db, {u"--resume"_s, u"--chunk-size"_s, u"700"_s,
                                                     u"--postpone-cut-over-flag-file"_s, flag,
                                                     u"--serve-socket-file"_s, socket}));
        QVERIFY(postponed.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(askSocket(socket, u"sup"_s).contains(u"State: postponing cut-over"_s)
                                     || postponed.state() != QProcess::Running,
                                 120000);
        if (postponed.state() != QProcess::Running) // not QVERIFY2: its message is evaluated even on success
            QFAIL(qPrintable(u"the resume ended while postponed:\n"_s + killHard(postponed).right(2000)));
        QCOMPARE(askSocket(socket, u"chunk-size=?"_s), u"700\n"_s);
        const QString status = askSocket(socket, u"status"_s);
        QVERIFY2(status.contains(u"# chunk-size: 700 (adapting"_s), qPrintable(status));
        killHard(postponed);
        checkInterruptedState(primary);

        QFile::remove(flag); // the resumed run cuts over
        resumeAndCompare(primary, db, work, u"copy: finished before the interruption"_s);
    }

    void killedMidApplyResumes()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"resume_apply"_s);
        Connection primary = Connection::open(db.primary());
        Workload work = startLoad(primary, db);
        QTemporaryDir dir;
        const QString flag = dir.filePath(u"postpone.flag"_s);
        QVERIFY(QFile(flag).open(QIODevice::WriteOnly));
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(cliPath(), cliArguments(db, {u"--postpone-cut-over-flag-file"_s, flag}));
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(readCheckpoint(primary).copyComplete || cli.state() != QProcess::Running, 120000);
        QVERIFY(cli.state() == QProcess::Running);
        // One statement changes every row; the kill comes as soon as the ghost shows some of it applied.
        work.oneOffRequested->store(true);
        QElapsedTimer clock;
        clock.start();
        quint64 applied = 0;
        while (clock.elapsed() < 60000 && applied == 0) {
            applied = primary.scalar(u"SELECT COUNT(*) FROM _t_gho WHERE bulk = 1"_s).value_or(u"0"_s).toULongLong();
            if (applied == 0)
                QTest::qWait(5);
        }
        killHard(cli);
        QVERIFY2(applied > 0, "the bulk update never reached the ghost");
        const quint64 inGhost = primary.scalar(u"SELECT COUNT(*) FROM _t_gho WHERE bulk = 1"_s).value().toULongLong();
        const quint64 inTable = primary.scalar(u"SELECT COUNT(*) FROM t WHERE bulk = 1"_s).value().toULongLong();
        qInfo("killed mid-apply: %llu of %llu updated rows were in the ghost", static_cast<unsigned long long>(inGhost),
              static_cast<unsigned long long>(inTable));
        QVERIFY2(inGhost < inTable, "the apply had finished before the kill: not a mid-apply crash");
        checkInterruptedState(primary);
        QFile::remove(flag);
        resumeAndCompare(primary, db, work, u"copy: finished before the interruption"_s);
    }

    void resumesAcrossRotatedBinlogs()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"resume_rotated"_s);
        Connection primary = Connection::open(db.primary());
        Connection replica = Connection::open(db.replica());
        Workload work = startLoad(primary, db);
        quint64 rows = 0;
        QString output;
        QVERIFY2(killMidCopy(primary, db, &rows, &output), qPrintable(output));
        checkInterruptedState(primary);
        // FLUSH BINARY LOGS is never replicated or binlogged: it rotates the inspected replica's own binlog only.
        for (int i = 0; i < 2; ++i) {
            replica.execute(u"FLUSH BINARY LOGS"_s);
            QTest::qWait(400); // the load writes into each new file
        }
        auto status = replica.query(u"SHOW MASTER STATUS"_s);
        QVERIFY(status.next());
        qInfo("the replica's binlog rotated to %s before the resume", qPrintable(status.text(0)));
        resumeAndCompare(primary, db, work, u"copy: resuming after key"_s);
    }

    void purgedBinlogIsRefusedAndChangesNothing()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"resume_purged"_s);
        Connection primary = Connection::open(db.primary());
        Connection replica = Connection::open(db.replica());
        Workload work = startLoad(primary, db);
        quint64 rows = 0;
        QString output;
        QVERIFY2(killMidCopy(primary, db, &rows, &output), qPrintable(output));
        replica.execute(u"FLUSH BINARY LOGS"_s);
        auto status = replica.query(u"SHOW MASTER STATUS"_s);
        QVERIFY(status.next());
        const QString current = status.text(0);
        // The killed run's dump thread may still hold its file open for a moment; the server skips files in use.
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                replica.execute(u"PURGE BINARY LOGS TO %1"_s.arg(replica.quote(current)));
                auto logs = replica.query(u"SHOW BINARY LOGS"_s);
                return logs.next() && logs.text(0) == current;
            }(),
            30000);

        const Finished refused = runToEnd(cliArguments(db, {u"--resume"_s}));
        QVERIFY2(refused.exitCode != 0, qPrintable(refused.output.right(2000)));
        QVERIFY2(refused.output.contains(u"purged"_s) && refused.output.contains(u"--initially-drop-ghost-table"_s),
                 qPrintable(refused.output.right(2000)));
        qInfo("refused: %s", qPrintable(refused.output.section(u"shadowswap-cli: "_s, 1).section(u'\n', 0, 0)));
        checkInterruptedState(primary); // nothing was dropped: the DBA decides

        // The way out the message names: start over.
        const Finished again = runToEnd(cliArguments(db, {u"--initially-drop-ghost-table"_s}));
        QVERIFY2(again.exitCode == 0, qPrintable(again.output.right(3000)));
        work.writer->stop();
        QCOMPARE(work.writer->errors(), 0u);
        primary.execute(u"ALTER TABLE t_ref "_s + alter);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }

    void unsafeResumesAreRefusedAndChangeNothing()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"resume_refused"_s);
        Connection primary = Connection::open(db.primary());
        Workload work = startLoad(primary, db);
        quint64 rows = 0;
        QString output;
        QVERIFY2(killMidCopy(primary, db, &rows, &output), qPrintable(output));
        work.writer->stop();
        const auto original = testsupport::checksumTable(primary, db.name(), u"t"_s);

        // Without --resume, the leftovers are refused with the way forward named.
        Finished run = runToEnd(cliArguments(db, {}));
        QVERIFY2(run.exitCode != 0 && run.output.contains(u"--resume"_s), qPrintable(run.output.right(2000)));
        // A different --alter is not this migration.
        QStringList otherAlter = cliArguments(db, {u"--resume"_s});
        otherAlter[otherAlter.indexOf(alter)] = u"ADD COLUMN other INT"_s;
        run = runToEnd(otherAlter);
        QVERIFY2(run.exitCode != 0 && run.output.contains(u"same --alter"_s), qPrintable(run.output.right(2000)));
        // A ghost altered by hand can't be trusted.
        primary.execute(u"ALTER TABLE _t_gho ADD COLUMN sneaky INT"_s);
        run = runToEnd(cliArguments(db, {u"--resume"_s}));
        QVERIFY2(run.exitCode != 0 && run.output.contains(u"was altered after the checkpoint"_s),
                 qPrintable(run.output.right(2000)));

        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s), original);
        checkInterruptedState(primary);
    }
    // Issue 12.11: RESET MASTER on the server whose binlog is read, after the kill. The numbering starts again, so
    // the checkpoint's file name exists once more, long enough, with other transactions in it: the resume was
    // accepted and replayed the wrong changes. The GTID position at the checkpoint's offset tells them apart.
    void resetBinlogIsRefusedAndChangesNothing()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"resume_reset"_s);
        Connection primary = Connection::open(db.primary());
        Connection replica = Connection::open(db.replica());
        replica.execute(u"RESET MASTER"_s); // the checkpoint lands in one of the first files
        Workload work = startLoad(primary, db);
        quint64 rows = 0;
        QString output;
        QVERIFY2(killMidCopy(primary, db, &rows, &output), qPrintable(output));
        work.writer->stop();
        auto checkpoint = primary.query(u"SELECT binlog_file, binlog_offset FROM _t_ghk"_s);
        QVERIFY(checkpoint.next());
        const QString fileAtKill = checkpoint.text(0);
        const quint64 offsetAtKill = checkpoint.toUInt(1);
        replica.execute(u"RESET MASTER"_s);
        // Other transactions fill the binlog until a file of that name is longer than the checkpoint's offset.
        primary.execute(u"CREATE TABLE filler (b LONGBLOB)"_s);
        for (int i = 0; i < 200; ++i) {
            primary.execute(u"INSERT INTO filler VALUES (REPEAT('x', 400000))"_s);
            testsupport::waitForReplica(primary, replica);
            bool longEnough = false;
            auto logs = replica.query(u"SHOW BINARY LOGS"_s);
            while (logs.next())
                longEnough = longEnough || (logs.text(0) == fileAtKill && logs.toUInt(1) > offsetAtKill);
            if (longEnough)
                break;
        }
        const Finished refused = runToEnd(cliArguments(db, {u"--resume"_s}));
        QVERIFY2(refused.exitCode != 0, qPrintable(refused.output.right(2000)));
        QVERIFY2(refused.output.contains(u"reset or rebuilt"_s), qPrintable(refused.output.right(2000)));
        checkInterruptedState(primary);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }
};

QTEST_GUILESS_MAIN(TestResume)
#include "tst_resume.moc"
