// The local migration journal: what is recorded, that it survives reopening, that no password reaches the file,
// and that a long migration's samples stay bounded.
#include <history/historyjournal.h>
#include <history/migrationrecorder.h>
#include <history/sampledownsampler.h>

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace engine::history;
using namespace engine::migration;

class TestHistoryJournal : public QObject {
    Q_OBJECT
private:
    static MigrationSpec exampleSpec()
    {
        MigrationSpec spec;
        spec.inspector.host = u"replica1"_s;
        spec.inspector.port = 3307;
        spec.inspector.user = u"dba"_s;
        spec.inspector.password = u"inspector-secret-4711"_s;
        spec.masterUser = u"dba2"_s;
        spec.masterPassword = u"master-secret-0815"_s;
        spec.hooksHintToken = u"token-secret-1234"_s;
        spec.database = u"shop"_s;
        spec.table = u"orders"_s;
        spec.alter = u"ADD COLUMN note TEXT"_s;
        spec.execute = true;
        spec.chunkSize = 777;
        return spec;
    }

    static ProgressSnapshot snapshotAt(qint64 millis, MigrationState state, quint64 rows)
    {
        ProgressSnapshot s;
        s.elapsedMillis = millis;
        s.state = state;
        s.rowsCopied = rows;
        s.rowsEstimate = 1000;
        s.eventsApplied = rows / 2;
        s.streamLagMillis = 120;
        s.millisInState[static_cast<size_t>(MigrationState::Copying)] = millis / 2;
        s.millisInState[static_cast<size_t>(MigrationState::CuttingOver)] = 30;
        return s;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void recordsAMigrationAndReadsItBackAfterReopening()
    {
        const QString path = m_dir.filePath(u"nested/dir/history.sqlite"_s);
        qint64 id = 0;
        {
            auto journal = std::make_shared<HistoryJournal>();
            QVERIFY2(journal->open(path), qPrintable(journal->lastError()));
            MigrationRecorder recorder(journal, exampleSpec());
            id = recorder.id();
            QVERIFY(id > 0);
            for (int i = 0; i <= 40; ++i)
                recorder.sample(snapshotAt(i * 250, i < 30 ? MigrationState::Copying : MigrationState::CuttingOver,
                                           static_cast<quint64>(i * 25)));
            MigrationSummary summary;
            summary.rowsCopied = 1000;
            summary.eventsApplied = 321;
            summary.totalMillis = 10000;
            summary.copyMillis = 7000;
            summary.verified = true;
            summary.verifyResult = u"equal"_s;
            summary.cutOverLockMillis = 42;
            summary.cutOverAttempts = 1;
            summary.oldTable = u"_orders_del"_s;
            recorder.succeeded(summary);
        }
        HistoryJournal reopened;
        QVERIFY2(reopened.open(path), qPrintable(reopened.lastError()));
        const auto entries = reopened.entries();
        QCOMPARE(entries.size(), 1);
        const HistoryEntry &e = entries.first();
        QCOMPARE(e.id, id);
        QCOMPARE(e.outcome, Outcome::Succeeded);
        QCOMPARE(e.database, u"shop"_s);
        QCOMPARE(e.table, u"orders"_s);
        QCOMPARE(e.alter, u"ADD COLUMN note TEXT"_s);
        QVERIFY(!e.dryRun);
        QCOMPARE(e.inspectedEndpoint, u"replica1:3307"_s);
        QVERIFY(e.startedAt.isValid());
        QVERIFY(e.endedAt.isValid());
        QVERIFY(e.endedAt >= e.startedAt);
        QCOMPARE(e.parameters.value(u"chunk-size"_s).toInteger(), 777);
        QCOMPARE(e.parameters.value(u"user"_s).toString(), u"dba"_s);
        QCOMPARE(e.summary.rowsCopied, quint64(1000));
        QCOMPARE(e.summary.eventsApplied, quint64(321));
        QCOMPARE(e.summary.cutOverLockMillis, qint64(42));
        QCOMPARE(e.summary.verifyResult, u"equal"_s);
        QCOMPARE(e.summary.oldTable, u"_orders_del"_s);
        QVERIFY(!e.summary.reverted);
        QCOMPARE(e.elapsedMillis, qint64(10000));
        QCOMPARE(e.millisInState.value(u"copying"_s), qint64(5000));
        QCOMPARE(e.millisInState.value(u"cutting-over"_s), qint64(30));
        QCOMPARE(e.sampleCount, 41);

        const auto samples = reopened.samples(id);
        QCOMPARE(samples.size(), size_t(41));
        QCOMPARE(samples.front().elapsedMillis, qint64(0));
        QCOMPARE(samples.back().elapsedMillis, qint64(10000));
        QCOMPARE(samples.back().state, MigrationState::CuttingOver);
        QCOMPARE(samples.back().rowsCopied, quint64(1000));
        QCOMPARE(samples.back().streamLagMillis, qint64(120));
        QVERIFY(reopened.entry(id).has_value());
        QVERIFY(!reopened.entry(id + 1000).has_value());

        QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"raw-check"_s);
        raw.setDatabaseName(path);
        QVERIFY(raw.open());
        QSqlQuery version(u"PRAGMA user_version"_s, raw);
        QVERIFY(version.next());
        QCOMPARE(version.value(0).toInt(), HistoryJournal::schemaVersion);
        raw.close();
    }

    void neverStoresAPassword()
    {
        const QString path = m_dir.filePath(u"secrets.sqlite"_s);
        {
            auto journal = std::make_shared<HistoryJournal>();
            QVERIFY(journal->open(path));
            MigrationRecorder recorder(journal, exampleSpec());
            recorder.sample(snapshotAt(0, MigrationState::Copying, 0));
            recorder.failed(MigrationFailure{u"server-error"_s, u"lost connection"_s, u"SELECT 1"_s, 2013, true});
            const auto e = journal->entries().first();
            QCOMPARE(e.outcome, Outcome::Failed);
            QCOMPARE(e.failure.code, u"server-error"_s);
            QCOMPARE(e.failure.message, u"lost connection"_s);
            QVERIFY(e.failure.originalUntouched);
            QCOMPARE(e.parameters.value(u"hooks-hint-token"_s).toString(), u"(set)"_s);
        }
        // The whole file, WAL included, byte by byte: no secret anywhere.
        QByteArray bytes;
        for (const QString &file : QStringList{path, path + u"-wal"_s}) {
            QFile f(file);
            if (f.open(QIODevice::ReadOnly))
                bytes += f.readAll();
        }
        QVERIFY(bytes.contains("ADD COLUMN note TEXT")); // the check can see what the file holds
        QVERIFY(!bytes.contains("inspector-secret-4711"));
        QVERIFY(!bytes.contains("master-secret-0815"));
        QVERIFY(!bytes.contains("token-secret-1234"));
    }

    void unfinishedMigrationIsRecordedAsInterruptedAndAbortAsAborted()
    {
        auto journal = std::make_shared<HistoryJournal>();
        QVERIFY(journal->open(m_dir.filePath(u"outcomes.sqlite"_s)));
        { MigrationRecorder crashed(journal, exampleSpec()); }
        {
            MigrationRecorder aborted(journal, exampleSpec());
            aborted.failed(MigrationFailure{u"aborted"_s, u"by the operator"_s, {}, 0, true});
        }
        const auto entries = journal->entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[0].outcome, Outcome::Aborted);     // newest first
        QCOMPARE(entries[1].outcome, Outcome::Interrupted);
    }

    void daylongMigrationKeepsABoundedEvenSeries()
    {
        // A day at four snapshots a second, state changing twice.
        SampleDownsampler downsampler(2000);
        const qint64 total = 24LL * 3600 * 4;
        for (qint64 i = 0; i < total; ++i) {
            HistorySample s;
            s.elapsedMillis = i * 250;
            s.state = i < 1000 ? MigrationState::Copying : i < total - 10 ? MigrationState::Postponed
                                                                          : MigrationState::CuttingOver;
            downsampler.offer(s);
        }
        const auto series = downsampler.samples();
        QVERIFY2(series.size() <= 2001, qPrintable(QString::number(series.size())));
        QVERIFY2(series.size() >= 1000, qPrintable(QString::number(series.size())));
        QCOMPARE(series.front().elapsedMillis, qint64(0));
        QCOMPARE(series.back().elapsedMillis, (total - 1) * 250);
        for (size_t i = 1; i < series.size(); ++i)
            QVERIFY(series[i].elapsedMillis > series[i - 1].elapsedMillis);

        // Through the recorder into the file, too.
        auto journal = std::make_shared<HistoryJournal>();
        QVERIFY(journal->open(m_dir.filePath(u"long.sqlite"_s)));
        MigrationRecorder recorder(journal, exampleSpec(), 500);
        for (qint64 i = 0; i < 20000; ++i)
            recorder.sample(snapshotAt(i * 250, MigrationState::Postponed, 1000));
        recorder.succeeded({});
        const auto stored = journal->samples(recorder.id());
        QVERIFY2(stored.size() <= 501 && stored.size() >= 250, qPrintable(QString::number(stored.size())));
    }

    // Reverted within the revert window: a success whose summary says so, kept by the journal.
    void recordsARevert()
    {
        auto journal = std::make_shared<HistoryJournal>();
        QVERIFY(journal->open(m_dir.filePath(u"reverted.sqlite"_s)));
        {
            MigrationRecorder recorder(journal, exampleSpec());
            MigrationSummary summary;
            summary.reverted = true;
            summary.oldTable = u"_orders_del"_s;
            recorder.succeeded(summary);
        }
        {
            MigrationRecorder recorder(journal, exampleSpec());
            recorder.succeeded({});
        }
        const auto entries = journal->entries();
        QCOMPARE(entries.size(), 2);
        QCOMPARE(entries[1].outcome, Outcome::Succeeded);
        QVERIFY(entries[1].summary.reverted);
        QVERIFY(!entries[0].summary.reverted);
        QVERIFY(journal->entry(entries[1].id)->summary.reverted);
    }

    // A failure that kept the helper tables for --resume says so; other failures don't.
    void recordsAResumableFailure()
    {
        auto journal = std::make_shared<HistoryJournal>();
        QVERIFY(journal->open(m_dir.filePath(u"resumable.sqlite"_s)));
        MigrationRecorder(journal, exampleSpec()).failed(MigrationFailure{u"stream-stalled"_s, u"kept"_s, {}, 0, true, true});
        MigrationRecorder(journal, exampleSpec()).failed(MigrationFailure{u"no-table"_s, u"refused"_s, {}, 0, true, false});
        const auto entries = journal->entries();
        QCOMPARE(entries.size(), 2);
        QVERIFY(!entries[0].failure.resumable);
        QVERIFY(entries[1].failure.resumable);
        QCOMPARE(entries[1].failure.code, u"stream-stalled"_s);
    }

    // A journal written before `reverted` was recorded (schema 1) opens, keeps its migrations (not reverted)
    // and records reverts from then on.
    void recordsTheCutOverThrottlingAndPreflight()
    {
        auto journal = std::make_shared<HistoryJournal>();
        QVERIFY(journal->open(m_dir.filePath(u"schema4.sqlite"_s)));
        qint64 id = 0;
        {
            MigrationRecorder recorder(journal, exampleSpec());
            id = recorder.id();
            engine::preflight::PreflightReport report;
            report.target.database = u"shop"_s;
            report.target.table = u"orders"_s;
            report.target.estimatedCopySeconds = 12.5;
            report.target.rowEstimate = 4000;
            report.target.servers.push_back({u"inspected, primary"_s, u"db1:3306"_s, u"MariaDB"_s, u"10.11"_s, false, true});
            report.findings.push_back({u"triggers"_s, engine::preflight::Severity::Warn, u"Triggers"_s, u"t1"_s, {}});
            recorder.preflightPassed(report);
            for (qint64 t = 0; t <= 2000; t += 250) {
                ProgressSnapshot s = snapshotAt(t, MigrationState::Copying, quint64(t));
                s.throttled = t >= 500 && t < 1000;
                s.throttleReason = u"max-lag"_s;
                s.throttledMillis = t >= 1000 ? 500 : 0;
                recorder.sample(s);
            }
            MigrationSummary summary;
            summary.cutOverAttempts = 2;
            summary.cutOverBlockers = {u"session 9"_s};
            summary.cutOverFailures = {u"could not lock"_s};
            recorder.succeeded(summary);
        }
        HistoryJournal reopened;
        QVERIFY(reopened.open(m_dir.filePath(u"schema4.sqlite"_s)));
        const auto e = reopened.entry(id);
        QVERIFY(e);
        QCOMPARE(e->summary.cutOverBlockers, QStringList{u"session 9"_s});
        QCOMPARE(e->summary.cutOverFailures, QStringList{u"could not lock"_s});
        QCOMPARE(e->throttledMillis, 500);
        QVERIFY(e->throttleEpisodesRecorded);
        QCOMPARE(e->throttleEpisodes, (QList<ThrottleEpisode>{{500, 1000, u"max-lag"_s}}));
        QVERIFY(e->preflight);
        QCOMPARE(e->preflight->target.servers.size(), size_t(1));
        QCOMPARE(e->preflight->target.servers[0].endpoint, u"db1:3306"_s);
        QCOMPARE(e->preflight->target.estimatedCopySeconds, 12.5);
        QCOMPARE(e->preflight->findings.size(), size_t(1));
        QCOMPARE(e->preflight->findings[0].severity, engine::preflight::Severity::Warn);
    }

    void upgradesAVersion1Journal()
    {
        const QString path = m_dir.filePath(u"version1.sqlite"_s);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"version1"_s);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery q(raw);
            QVERIFY(q.exec(u"CREATE TABLE migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, "
                           "started_at TEXT NOT NULL, ended_at TEXT, outcome TEXT NOT NULL, "
                           "database_name TEXT NOT NULL, table_name TEXT NOT NULL, alter_text TEXT NOT NULL, "
                           "dry_run INTEGER NOT NULL, inspected_endpoint TEXT NOT NULL, "
                           "parameters TEXT NOT NULL, failure_code TEXT, failure_message TEXT, "
                           "failure_statement TEXT, original_untouched INTEGER, elapsed_millis INTEGER, "
                           "phase_millis TEXT, rows_copied INTEGER, events_applied INTEGER, "
                           "copy_millis INTEGER, total_millis INTEGER, verified INTEGER, verify_result TEXT, "
                           "verify_millis INTEGER, cut_over_lock_millis INTEGER, cut_over_attempts INTEGER, "
                           "old_table TEXT, new_create_statement TEXT)"_s));
            QVERIFY(q.exec(u"CREATE TABLE samples (migration_id INTEGER NOT NULL REFERENCES migrations (id) "
                           "ON DELETE CASCADE, elapsed_millis INTEGER NOT NULL, state TEXT NOT NULL, "
                           "rows_copied INTEGER, rows_estimate INTEGER, copy_rows_per_second REAL, "
                           "events_applied INTEGER, apply_events_per_second REAL, backlog INTEGER, "
                           "stream_lag_millis INTEGER, replica_lag_millis INTEGER, throttled INTEGER, "
                           "PRIMARY KEY (migration_id, elapsed_millis)) WITHOUT ROWID"_s));
            QVERIFY(q.exec(u"INSERT INTO migrations (started_at, ended_at, outcome, database_name, "
                           "table_name, alter_text, dry_run, inspected_endpoint, parameters, rows_copied) "
                           "VALUES ('2020-01-02T03:04:05.000Z', '2020-01-02T03:09:05.000Z', 'succeeded', "
                           "'shop', 'orders', 'ADD COLUMN x INT', 0, 'replica1:3307', '{}', 1234)"_s));
            QVERIFY(q.exec(u"PRAGMA user_version = 1"_s));
            q.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"version1"_s);

        auto journal = std::make_shared<HistoryJournal>();
        QVERIFY2(journal->open(path), qPrintable(journal->lastError()));
        auto entries = journal->entries();
        QCOMPARE(entries.size(), 1);
        QCOMPARE(entries[0].summary.rowsCopied, quint64(1234));
        QVERIFY(!entries[0].summary.reverted);
        // Schema 4's columns are NULL for the old row: nothing recorded, which the report says.
        QVERIFY(!entries[0].throttleEpisodesRecorded);
        QVERIFY(!entries[0].preflight);
        QVERIFY(entries[0].summary.cutOverBlockers.isEmpty());
        {
            MigrationRecorder recorder(journal, exampleSpec());
            MigrationSummary summary;
            summary.reverted = true;
            recorder.succeeded(summary);
        }
        entries = journal->entries();
        QCOMPARE(entries.size(), 2);
        QVERIFY(entries[0].summary.reverted);

        // Opened again (as a second process would), it is not upgraded twice.
        HistoryJournal again;
        QVERIFY2(again.open(path), qPrintable(again.lastError()));
        QCOMPARE(again.entries().size(), 2);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"version1-check"_s);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery version(u"PRAGMA user_version"_s, raw);
            QVERIFY(version.next());
            QCOMPARE(version.value(0).toInt(), HistoryJournal::schemaVersion);
            version.finish();
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"version1-check"_s);
    }

    void refusesAJournalFromANewerVersion()
    {
        const QString path = m_dir.filePath(u"future.sqlite"_s);
        {
            QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"future"_s);
            raw.setDatabaseName(path);
            QVERIFY(raw.open());
            QSqlQuery(u"PRAGMA user_version = 99"_s, raw);
            raw.close();
        }
        QSqlDatabase::removeDatabase(u"future"_s);
        HistoryJournal journal;
        QVERIFY(!journal.open(path));
        QVERIFY(journal.lastError().contains(u"newer"_s));
        QVERIFY(journal.entries().isEmpty());
    }

    void defaultPathFollowsTheEnvironment()
    {
        qputenv("SHADOWSWAP_HISTORY_DB", "/tmp/elsewhere/h.sqlite");
        QCOMPARE(HistoryJournal::defaultPath(), u"/tmp/elsewhere/h.sqlite"_s);
        qunsetenv("SHADOWSWAP_HISTORY_DB");
        qputenv("XDG_DATA_HOME", m_dir.path().toUtf8());
        QCOMPARE(HistoryJournal::defaultPath(), m_dir.path() + u"/shadowswap/history.sqlite"_s);
    }
};

QTEST_GUILESS_MAIN(TestHistoryJournal)
#include "tst_historyjournal.moc"
