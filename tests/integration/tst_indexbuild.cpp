// Deferred secondary indexes (issue 15): the ghost is copied without its ordinary secondary indexes and gets
// them after the copy, online, while the application writes; the migrated table ends with exactly the indexes
// and rows of the reference altered natively. Real sandbox, shadowswap-cli, the mirrored write load, the copy
// held midway by the engine's test hook to look at the ghost.
#include <copyhold.h>
#include <mirroredload.h>
#include <mysql/connection.h>
#include <QElapsedTimer>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <sandbox.h>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;

namespace {

constexpr int tableRows = 30000;

QStringList cliArguments(const testsupport::ScratchDatabase &db, const QString &alter, const QStringList &extra)
{
    return testsupport::cliTargetArguments(db, u"t"_s)
        + QStringList{u"--alter"_s, alter, u"--history-file=off"_s, u"--chunk-size"_s, u"1000"_s,
                      u"--replica-server-id"_s, QString::number(62000 + QCoreApplication::applicationPid() % 3000)}
        + extra;
}

QString cliPath() {
    return qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s;
}

} // namespace

class TestIndexBuild : public QObject {
    Q_OBJECT
private:
    // Runs the migration with the copy held at a third; `atHold` looks at the tables meanwhile. Returns the
    // output.
    QString migrateHeld(Connection &primary, const testsupport::ScratchDatabase &db, const QString &alter,
                        const QStringList &extra, const std::function<void()> &atHold) {
        QTemporaryDir dir;
        testsupport::CopyHold hold(dir.filePath(u"hold"_s), tableRows / 3);
        QProcess cli;
        cli.setProcessEnvironment(hold.environment());
        cli.setProcessChannelMode(QProcess::MergedChannels);
        cli.start(cliPath(), cliArguments(db, alter, QStringList{u"--execute"_s} + extra));
        if (!cli.waitForStarted())
            return u"did not start"_s;
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 120000 && cli.state() == QProcess::Running &&
               testsupport::readCheckpoint(primary).rowsCopied < tableRows / 3)
            QTest::qWait(50);
        if (cli.state() != QProcess::Running)
            return u"FAILED before the hold: "_s + QString::fromUtf8(cli.readAll());
        atHold();
        hold.release();
        cli.waitForFinished(240000);
        const QString output = QString::fromUtf8(cli.readAll());
        if (cli.exitCode() != 0)
            return u"FAILED: "_s + output;
        return output;
    }

private Q_SLOTS:
    void indexesAreBuiltAfterTheCopyUnderLoad() {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"indexbuild"_s);
        Connection primary = Connection::open(db.primary());
        testsupport::MirroredLoad load = testsupport::startMirroredLoad(primary, db, tableRows);
        for (const QString &table : {u"t"_s, u"t_ref"_s})
            primary.execute(u"ALTER TABLE %1 ADD KEY k_n (n), ADD UNIQUE KEY uk_id_n (id, n)"_s.arg(table));
        const QString alter = u"ADD COLUMN x INT NOT NULL DEFAULT 3, ADD KEY k_note_n (note, n)"_s;
        QString ghostDuringCopy;
        const QString output =
            migrateHeld(primary, db, alter, {u"--defer-secondary-indexes"_s}, [&] { ghostDuringCopy = testsupport::comparableCreateStatement(primary, u"_t_gho"_s); });
        QVERIFY2(!output.startsWith(u"FAILED"_s), qPrintable(output.right(3000)));
        // During the copy: the unique keys (duplicate detection) but no ordinary index.
        QVERIFY2(ghostDuringCopy.contains(u"UNIQUE KEY `uk_id_n`"_s), qPrintable(ghostDuringCopy));
        QVERIFY2(!ghostDuringCopy.contains(u"KEY `k_n`"_s) && !ghostDuringCopy.contains(u"KEY `k_note_n`"_s),
                 qPrintable(ghostDuringCopy));
        QVERIFY2(output.contains(u"deferred indexes k_n, k_note_n built in"_s),
                 qPrintable(output.right(3000)));
        QVERIFY2(QRegularExpression(u"Time: .*copy .*index build [0-9.]+ s \\(k_n, k_note_n\\)"_s)
                     .match(output)
                     .hasMatch(),
                 qPrintable(output.right(1500)));
        QTest::qWait(500);
        load.writer->stop();
        QCOMPARE(load.writer->errors(), 0u);
        primary.execute(u"ALTER TABLE t_ref "_s + alter);
        QCOMPARE(testsupport::comparableCreateStatement(primary, u"t"_s), testsupport::comparableCreateStatement(primary, u"t_ref"_s));
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }

    // By default the ghost is copied with every index; with --defer-secondary-indexes a FULLTEXT index keeps them
    // all during the copy (the log says why); the dry run names what it would defer.
    void byDefaultAndWithFulltextTheIndexesStay() {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"indexkeep"_s);
        Connection primary = Connection::open(db.primary());
        testsupport::MirroredLoad load = testsupport::startMirroredLoad(primary, db, tableRows);
        for (const QString &table : {u"t"_s, u"t_ref"_s})
            primary.execute(u"ALTER TABLE %1 ADD KEY k_n (n)"_s.arg(table));
        QProcess dry;
        dry.setProcessChannelMode(QProcess::MergedChannels);
        dry.start(cliPath(), cliArguments(db, u"ADD COLUMN x INT"_s, {u"--defer-secondary-indexes"_s}));
        QVERIFY(dry.waitForFinished(60000));
        const QString dryOutput = QString::fromUtf8(dry.readAll());
        QVERIFY2(
            dryOutput.contains(u"Secondary indexes built after the copy (--defer-secondary-indexes): k_n"_s),
            qPrintable(dryOutput.right(2000)));

        QString ghostDuringCopy;
        QString output =
            migrateHeld(primary, db, u"ADD COLUMN x INT"_s, {},
                        [&] { ghostDuringCopy = testsupport::comparableCreateStatement(primary, u"_t_gho"_s); });
        QVERIFY2(!output.startsWith(u"FAILED"_s), qPrintable(output.right(3000)));
        QVERIFY2(ghostDuringCopy.contains(u"KEY `k_n`"_s), qPrintable(ghostDuringCopy));
        QVERIFY(!output.contains(u"index build"_s));

        primary.execute(u"DROP TABLE IF EXISTS _t_del"_s);
        for (const QString &table : {u"t"_s, u"t_ref"_s})
            primary.execute(u"ALTER TABLE %1 ADD FULLTEXT KEY ft_note (note)"_s.arg(table));
        output = migrateHeld(primary, db, u"ADD COLUMN y INT"_s, {u"--defer-secondary-indexes"_s},
                             [&] { ghostDuringCopy = testsupport::comparableCreateStatement(primary, u"_t_gho"_s); });
        QVERIFY2(!output.startsWith(u"FAILED"_s), qPrintable(output.right(3000)));
        QVERIFY2(ghostDuringCopy.contains(u"KEY `k_n`"_s), qPrintable(ghostDuringCopy));
        QVERIFY2(output.contains(u"all built during the copy (the table has a FULLTEXT index"_s),
                 qPrintable(output.left(3000)));
        QTest::qWait(500);
        load.writer->stop();
        QCOMPARE(load.writer->errors(), 0u);
        primary.execute(u"ALTER TABLE t_ref ADD COLUMN x INT, ADD COLUMN y INT"_s);
        QCOMPARE(testsupport::comparableCreateStatement(primary, u"t"_s), testsupport::comparableCreateStatement(primary, u"t_ref"_s));
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }
};

QTEST_GUILESS_MAIN(TestIndexBuild)
#include "tst_indexbuild.moc"
