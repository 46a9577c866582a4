// gh-ost's hooks against the sandbox: which hooks run, in which order, with which environment; a failing
// milestone hook stops the migration before the swap, a failing on-success hook is only reported. Migrations
// run through the controller with a history journal, which must record them.
#include <migrationharness.h>
#include <rowmix.h>
#include <sandbox.h>
#include <writeload.h>

#include <history/historyjournal.h>
#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QFile>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using engine::history::HistoryJournal;
using engine::history::Outcome;
using engine::mysql::Connection;
using engine::mysql::qualifiedName;

namespace {
// What every test hook writes, one line per run, fields separated by '|'.
const QStringList loggedVariables{
    u"GH_OST_DATABASE_NAME"_s,  u"GH_OST_TABLE_NAME"_s,       u"GH_OST_GHOST_TABLE_NAME"_s, u"GH_OST_OLD_TABLE_NAME"_s,
    u"GH_OST_DDL"_s,            u"GH_OST_COPIED_ROWS"_s,      u"GH_OST_ESTIMATED_ROWS"_s,   u"GH_OST_HOOKS_HINT"_s,
    u"GH_OST_HOOKS_HINT_OWNER"_s, u"GH_OST_HOOKS_HINT_TOKEN"_s, u"GH_OST_DRY_RUN"_s,        u"GH_OST_INSPECTED_HOST"_s,
    u"GH_OST_MIGRATED_HOST"_s,  u"GH_OST_EXECUTING_HOST"_s,   u"GH_OST_ELAPSED_SECONDS"_s,  u"GH_OST_PROGRESS"_s,
    u"GH_OST_STATUS"_s,         u"SHADOWSWAP_FAILURE_CODE"_s, u"HOOKS_TEST_PARENT_MARKER"_s,
};

struct HookRun {
    QString hook;
    QHash<QString, QString> env;
};

class HookDirectory {
public:
    HookDirectory() { QVERIFY(m_dir.isValid()); }
    QString path() const { return m_dir.path(); }
    QString logPath() const { return m_dir.filePath(u"hooks.log"_s); }

    // A hook that logs its name and environment, then runs `extra` shell lines and exits with `exitCode`.
    void add(const QString &name, int exitCode = 0, const QString &extra = {}, bool executable = true)
    {
        QStringList fields{u"$(basename \"$0\")"_s};
        for (const QString &variable : loggedVariables)
            fields << u"$"_s + variable;
        const QString script = u"#!/bin/sh\necho \"%1\" >> '%2'\n%3\nexit %4\n"_s.arg(fields.join(u'|'), logPath(),
                                                                                   extra, QString::number(exitCode));
        QFile file(m_dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script.toUtf8());
        file.close();
        file.setPermissions(executable ? QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner
                                       : QFile::ReadOwner | QFile::WriteOwner);
    }

    QList<HookRun> runs() const
    {
        QList<HookRun> result;
        QFile file(logPath());
        if (!file.open(QIODevice::ReadOnly))
            return result;
        for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n', Qt::SkipEmptyParts)) {
            const QStringList parts = line.split(u'|');
            HookRun run;
            run.hook = parts.value(0);
            for (int i = 0; i < loggedVariables.size(); ++i)
                run.env.insert(loggedVariables[i], parts.value(i + 1));
            result << run;
        }
        return result;
    }

    // The milestone hooks in the order they ran (status hooks run on their own clock and are left out).
    QStringList order() const
    {
        QStringList names;
        for (const HookRun &run : runs())
            if (!run.hook.startsWith(u"gh-ost-on-status"_s))
                names << run.hook;
        return names;
    }

private:
    QTemporaryDir m_dir;
};

const QString alter = u"ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT 'x'"_s;

void createTables(Connection &primary, const QStringList &names, int rows)
{
    for (const QString &name : names) {
        primary.execute(u"CREATE TABLE %1 (id BIGINT PRIMARY KEY, n INT, s VARCHAR(40))"_s.arg(name));
        primary.execute(u"INSERT INTO %1 SELECT seq, seq MOD 97, CONCAT('row ', seq) FROM seq_1_to_%2"_s.arg(name).arg(
            rows));
    }
}

std::unique_ptr<testsupport::WriteLoad> mirroredLoad(const testsupport::ScratchDatabase &db, qint64 rows)
{
    testsupport::RowMix::Shape shape;
    shape.keyColumnsAndValues = [](qint64 id) { return u"id|%1"_s.arg(id); };
    shape.keyPredicate = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.keyAssignment = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.otherColumns = u"n, s"_s;
    shape.otherValues = [](QRandomGenerator &r) { return u"%1, 'w%2'"_s.arg(r.bounded(1000)).arg(r.bounded(1000)); };
    shape.otherAssignments = [](QRandomGenerator &r) { return u"n = %1"_s.arg(r.bounded(1000)); };
    auto mix = std::make_shared<testsupport::RowMix>(shape, rows);
    testsupport::WriteLoad::Options load;
    load.connection = db.primary();
    load.statementsPerSecond = 150;
    load.mirrorTables = {qualifiedName(db.name(), u"t"_s), qualifiedName(db.name(), u"t_ref"_s)};
    load.nextStatement = [mix](quint64 s, QRandomGenerator &r) { return mix->next(s, r); };
    return std::make_unique<testsupport::WriteLoad>(load);
}

bool tableExists(Connection &c, const QString &db, const QString &table)
{
    return c.scalar(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2"_s
                        .arg(c.quote(db), c.quote(table)))
               .value() == u"1"_s;
}

bool hasNoteColumn(Connection &c, const QString &db)
{
    return c.scalar(u"SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = 't' "
                    "AND COLUMN_NAME = 'note'"_s.arg(c.quote(db)))
               .value() == u"1"_s;
}
} // namespace

class TestHooks : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { qputenv("HOOKS_TEST_PARENT_MARKER", "inherited-42"); }

    void hooksRunInGhostsOrderWithGhostsEnvironmentUnderLoad()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"hooks"_s);
        Connection primary = Connection::open(db.primary());
        createTables(primary, {u"t"_s, u"t_ref"_s}, 3000);

        HookDirectory hooks;
        const QString postponeFlag = hooks.path() + u"/postpone.flag"_s;
        QFile(postponeFlag).open(QIODevice::WriteOnly);
        for (const QString &name : {u"gh-ost-on-startup"_s, u"gh-ost-on-validated"_s, u"gh-ost-on-before-row-copy"_s,
                                    u"gh-ost-on-row-copy-complete"_s, u"gh-ost-on-success"_s,
                                    u"gh-ost-on-success-second"_s, u"gh-ost-on-failure"_s, u"gh-ost-on-status"_s})
            hooks.add(name);
        // Holding the swap long enough for a status hook (every second) to run at least once.
        hooks.add(u"gh-ost-on-before-cut-over"_s, 0, u"sleep 1.5"_s);
        // The DBA's postpone, released by the hook that announces it.
        hooks.add(u"gh-ost-on-begin-postponed"_s, 0, u"rm -f '%1'"_s.arg(postponeFlag));
        hooks.add(u"gh-ost-on-startup-not-executable"_s, 0, {}, false);
        hooks.add(u"not-a-hook"_s);

        auto spec = testsupport::sandboxSpec(db, u"t"_s, alter);
        spec.hooksPath = hooks.path();
        spec.hooksHint = u"the hint"_s;
        spec.hooksHintOwner = u"dba-team"_s;
        spec.hooksHintToken = u"t0k3n"_s;
        spec.hooksStatusIntervalSeconds = 1;
        spec.throttle.postponeCutOverFlagFile = postponeFlag;

        auto load = mirroredLoad(db, 3000);
        load->start();
        const auto outcome = testsupport::runMigration(spec);
        load->stop();
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.message));
        QVERIFY2(load->errors() == 0, qPrintable(load->errorMessages().join(u'\n')));

        QCOMPARE(hooks.order(), (QStringList{u"gh-ost-on-startup"_s, u"gh-ost-on-validated"_s,
                                             u"gh-ost-on-before-row-copy"_s, u"gh-ost-on-row-copy-complete"_s,
                                             u"gh-ost-on-before-cut-over"_s, u"gh-ost-on-begin-postponed"_s,
                                             u"gh-ost-on-success"_s, u"gh-ost-on-success-second"_s}));
        const QList<HookRun> runs = hooks.runs();
        double lastElapsed = -1;
        int statusRuns = 0;
        for (const HookRun &run : runs) {
            const auto &env = run.env;
            QCOMPARE(env[u"GH_OST_DATABASE_NAME"_s], db.name());
            QCOMPARE(env[u"GH_OST_TABLE_NAME"_s], u"t"_s);
            QCOMPARE(env[u"GH_OST_GHOST_TABLE_NAME"_s], u"_t_gho"_s);
            QCOMPARE(env[u"GH_OST_OLD_TABLE_NAME"_s], u"_t_del"_s);
            QCOMPARE(env[u"GH_OST_DDL"_s], alter);
            QCOMPARE(env[u"GH_OST_HOOKS_HINT"_s], u"the hint"_s);
            QCOMPARE(env[u"GH_OST_HOOKS_HINT_OWNER"_s], u"dba-team"_s);
            QCOMPARE(env[u"GH_OST_HOOKS_HINT_TOKEN"_s], u"t0k3n"_s);
            QCOMPARE(env[u"GH_OST_DRY_RUN"_s], u"false"_s);
            QCOMPARE(env[u"GH_OST_INSPECTED_HOST"_s], spec.inspector.host);
            QCOMPARE(env[u"GH_OST_EXECUTING_HOST"_s], QSysInfo::machineHostName());
            QCOMPARE(env[u"HOOKS_TEST_PARENT_MARKER"_s], u"inherited-42"_s);
            QCOMPARE(env[u"SHADOWSWAP_FAILURE_CODE"_s], QString());
            if (run.hook != u"gh-ost-on-startup"_s)
                QCOMPARE(env[u"GH_OST_MIGRATED_HOST"_s], db.primary().host);
            if (run.hook.startsWith(u"gh-ost-on-status"_s)) {
                ++statusRuns;
                QVERIFY2(env[u"GH_OST_STATUS"_s].startsWith(u"Copy: "_s), qPrintable(env[u"GH_OST_STATUS"_s]));
                continue;
            }
            QCOMPARE(env[u"GH_OST_STATUS"_s], QString());
            bool ok = false;
            const double elapsed = env[u"GH_OST_ELAPSED_SECONDS"_s].toDouble(&ok);
            QVERIFY(ok);
            QVERIFY(elapsed >= lastElapsed);
            lastElapsed = elapsed;
        }
        QVERIFY2(statusRuns >= 1, "no gh-ost-on-status hook ran in 1.5 s with --hooks-status-interval=1");
        const auto runOf = [&](const QString &hook) {
            for (const HookRun &run : runs)
                if (run.hook == hook)
                    return run.env;
            return QHash<QString, QString>{};
        };
        QCOMPARE(runOf(u"gh-ost-on-before-row-copy"_s)[u"GH_OST_COPIED_ROWS"_s], u"0"_s);
        const qint64 copied = runOf(u"gh-ost-on-row-copy-complete"_s)[u"GH_OST_COPIED_ROWS"_s].toLongLong();
        QVERIFY2(copied >= 2500, qPrintable(QString::number(copied)));
        QVERIFY(runOf(u"gh-ost-on-row-copy-complete"_s)[u"GH_OST_ESTIMATED_ROWS"_s].toLongLong() >= copied);
        QCOMPARE(runOf(u"gh-ost-on-success"_s)[u"GH_OST_PROGRESS"_s].toDouble(), 100.0);

        QVERIFY(hasNoteColumn(primary, db.name()));
        primary.execute(u"ALTER TABLE t_ref "_s + alter);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }

    void failingBeforeCutOverHookStopsTheMigrationAndLeavesTheOriginal()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"hookfail"_s);
        Connection primary = Connection::open(db.primary());
        createTables(primary, {u"t"_s}, 2000);
        const auto before = testsupport::checksumTable(primary, db.name(), u"t"_s);

        HookDirectory hooks;
        for (const QString &name : {u"gh-ost-on-startup"_s, u"gh-ost-on-row-copy-complete"_s, u"gh-ost-on-success"_s,
                                    u"gh-ost-on-failure"_s})
            hooks.add(name);
        hooks.add(u"gh-ost-on-before-cut-over"_s, 3);
        QTemporaryDir journalDir;
        auto journal = std::make_shared<HistoryJournal>();
        QVERIFY(journal->open(journalDir.filePath(u"history.sqlite"_s)));

        auto spec = testsupport::sandboxSpec(db, u"t"_s, alter);
        spec.hooksPath = hooks.path();
        const auto outcome = testsupport::runMigration(spec, 240000, {}, journal);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.failure.code, u"hook-failed"_s);
        QVERIFY2(outcome.failure.message.contains(u"gh-ost-on-before-cut-over"_s), qPrintable(outcome.failure.message));
        QVERIFY2(outcome.failure.message.contains(u"exit code 3"_s), qPrintable(outcome.failure.message));
        QVERIFY(outcome.failure.originalUntouched);
        QCOMPARE(hooks.order(), (QStringList{u"gh-ost-on-startup"_s, u"gh-ost-on-row-copy-complete"_s,
                                             u"gh-ost-on-before-cut-over"_s, u"gh-ost-on-failure"_s}));
        QCOMPARE(hooks.runs().last().env[u"SHADOWSWAP_FAILURE_CODE"_s], u"hook-failed"_s);

        QVERIFY(!hasNoteColumn(primary, db.name()));
        // A failure after the copy keeps the ghost, changelog and checkpoint for --resume; nothing was swapped.
        QVERIFY(outcome.failure.resumable);
        for (const QString &helper : {u"_t_gho"_s, u"_t_ghc"_s, u"_t_ghk"_s})
            QVERIFY2(tableExists(primary, db.name(), helper), qPrintable(helper));
        QVERIFY(!tableExists(primary, db.name(), u"_t_del"_s));
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s), before);

        const auto entries = journal->entries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries.first().outcome, Outcome::Failed);
        QCOMPARE(entries.first().failure.code, u"hook-failed"_s);
        QVERIFY(entries.first().failure.originalUntouched);
        QVERIFY(entries.first().summary.rowsCopied >= 2000);
    }

    // As in gh-ost, on-rowcount-complete runs when --exact-rowcount's concurrent count is done, with the count.
    void rowcountCompleteRunsAfterTheExactCount()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"hookrowcount"_s);
        Connection primary = Connection::open(db.primary());
        createTables(primary, {u"t"_s, u"t_ref"_s}, 20000);
        HookDirectory hooks;
        for (const QString &name : {u"gh-ost-on-rowcount-complete"_s, u"gh-ost-on-before-row-copy"_s,
                                    u"gh-ost-on-success"_s})
            hooks.add(name);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, alter);
        spec.hooksPath = hooks.path();
        spec.exactRowcount = true;
        const auto outcome = testsupport::runMigration(spec);
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.message));
        const QStringList order = hooks.order();
        QVERIFY2(order.contains(u"gh-ost-on-rowcount-complete"_s), qPrintable(order.join(u", "_s)));
        QCOMPARE(order.last(), u"gh-ost-on-success"_s);
        for (const HookRun &run : hooks.runs())
            if (run.hook == u"gh-ost-on-rowcount-complete"_s)
                QCOMPARE(run.env[u"GH_OST_ESTIMATED_ROWS"_s], u"20000"_s);

        // Without --exact-rowcount nothing is counted, and the hook does not run (gh-ost's behaviour).
        testsupport::ScratchDatabase db2(sandbox, u"hookrowcount2"_s);
        Connection primary2 = Connection::open(db2.primary());
        createTables(primary2, {u"t"_s}, 100);
        HookDirectory hooks2;
        hooks2.add(u"gh-ost-on-rowcount-complete"_s);
        hooks2.add(u"gh-ost-on-success"_s);
        auto spec2 = testsupport::sandboxSpec(db2, u"t"_s, alter);
        spec2.hooksPath = hooks2.path();
        QVERIFY(testsupport::runMigration(spec2).succeeded);
        QCOMPARE(hooks2.order(), QStringList{u"gh-ost-on-success"_s});
    }

    void failingSuccessHookIsOnlyReportedAndTheJournalRecordsTheMigration()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"hooksuccess"_s);
        Connection primary = Connection::open(db.primary());
        createTables(primary, {u"t"_s, u"t_ref"_s}, 3000);
        HookDirectory hooks;
        hooks.add(u"gh-ost-on-success"_s, 1);
        hooks.add(u"gh-ost-on-failure"_s);
        QTemporaryDir journalDir;
        auto journal = std::make_shared<HistoryJournal>();
        QVERIFY(journal->open(journalDir.filePath(u"history.sqlite"_s)));

        auto spec = testsupport::sandboxSpec(db, u"t"_s, alter);
        spec.hooksPath = hooks.path();
        auto load = mirroredLoad(db, 3000);
        load->start();
        const auto outcome = testsupport::runMigration(spec, 240000, {}, journal);
        load->stop();
        QVERIFY2(outcome.succeeded, qPrintable(outcome.failure.message));
        QVERIFY2(load->errors() == 0, qPrintable(load->errorMessages().join(u'\n')));
        QCOMPARE(hooks.order(), QStringList{u"gh-ost-on-success"_s});

        const auto entries = journal->entries();
        QCOMPARE(entries.size(), 1);
        const auto &entry = entries.first();
        QCOMPARE(entry.outcome, Outcome::Succeeded);
        QCOMPARE(entry.table, u"t"_s);
        QCOMPARE(entry.alter, alter);
        QCOMPARE(entry.summary.rowsCopied, outcome.summary.rowsCopied);
        QCOMPARE(entry.summary.oldTable, u"_t_del"_s);
        QVERIFY(entry.millisInState.value(u"copying"_s) > 0);
        QVERIFY(entry.millisInState.value(u"cutting-over"_s) > 0);
        QVERIFY(!entry.parameters.contains(u"password"_s));
        const auto samples = journal->samples(entry.id);
        QVERIFY(samples.size() >= 2);
        QCOMPARE(int(samples.size()), entry.sampleCount);
        QCOMPARE(samples.back().state, engine::migration::MigrationState::Done);

        primary.execute(u"ALTER TABLE t_ref "_s + alter);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }

    void hookRunningPastItsTimeoutIsKilledAndFails()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"hooktimeout"_s);
        Connection primary = Connection::open(db.primary());
        createTables(primary, {u"t"_s}, 100);
        HookDirectory hooks;
        hooks.add(u"gh-ost-on-validated"_s, 0, u"sleep 30"_s);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, alter);
        spec.hooksPath = hooks.path();
        spec.hookTimeoutSeconds = 1;
        QElapsedTimer clock;
        clock.start();
        const auto outcome = testsupport::runMigration(spec);
        QVERIFY(!outcome.succeeded);
        QCOMPARE(outcome.failure.code, u"hook-failed"_s);
        QVERIFY2(outcome.failure.message.contains(u"timed out"_s), qPrintable(outcome.failure.message));
        QVERIFY2(clock.elapsed() < 20000, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(!hasNoteColumn(primary, db.name()));
        QVERIFY(!tableExists(primary, db.name(), u"_t_gho"_s));
    }
};

QTEST_GUILESS_MAIN(TestHooks)
#include "tst_hooks.moc"
