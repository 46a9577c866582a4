// Every throttle source stops the copy (the appliers keep draining the changed keys) and lets it resume; panic
// and critical load stop the migration and leave the original untouched. Against the sandbox, under a mirrored write load, ending in checksums.
#include <migrationharness.h>
#include <rowmix.h>
#include <sandbox.h>
#include <writeload.h>

#include <migration/migrationcontroller.h>
#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::StringLiterals;
using engine::migration::MigrationController;
using engine::migration::MigrationFailure;
using engine::migration::MigrationState;
using engine::migration::MigrationSummary;
using engine::mysql::Connection;
using engine::mysql::qualifiedName;

namespace {

void touch(const QString &path)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
}

// A table t and its reference copy t_ref, both changed by the same mirrored statements.
struct MirroredTable {
    std::unique_ptr<testsupport::WriteLoad> writer;

    MirroredTable(Connection &primary, const testsupport::ScratchDatabase &db, int rows)
    {
        for (const QString &name : {u"t"_s, u"t_ref"_s}) {
            primary.execute(u"CREATE TABLE %1 (id BIGINT PRIMARY KEY, n INT, pad VARCHAR(100))"_s.arg(name));
            primary.execute(u"INSERT INTO %1 SELECT seq, seq, REPEAT('p', 60) FROM seq_1_to_%2"_s.arg(name).arg(rows));
        }
        testsupport::RowMix::Shape shape;
        shape.keyColumnsAndValues = [](qint64 id) { return u"id|%1"_s.arg(id); };
        shape.keyPredicate = [](qint64 id) { return u"id = %1"_s.arg(id); };
        shape.keyAssignment = [](qint64 id) { return u"id = %1"_s.arg(id); };
        shape.otherColumns = u"n, pad"_s;
        shape.otherValues = [](QRandomGenerator &r) { return u"%1, 'v%2'"_s.arg(r.bounded(1000)).arg(r.bounded(1000)); };
        shape.otherAssignments = [](QRandomGenerator &r) { return u"n = %1"_s.arg(r.bounded(1000)); };
        auto mix = std::make_shared<testsupport::RowMix>(shape, rows);
        testsupport::WriteLoad::Options load;
        load.connection = db.primary();
        load.statementsPerSecond = 150;
        load.mirrorTables = {qualifiedName(db.name(), u"t"_s), qualifiedName(db.name(), u"t_ref"_s)};
        load.nextStatement = [mix](quint64 s, QRandomGenerator &r) { return mix->next(s, r); };
        writer = std::make_unique<testsupport::WriteLoad>(load);
        writer->start();
    }
};

} // namespace

class TestThrottling : public QObject {
    Q_OBJECT
private:
    // Applies a throttle, checks that the copy does not advance while it holds and (`appliesMeanwhile`) that the
    // appliers keep applying the load's changes, releases it and checks that apply goes on. Returns how long the
    // throttle took to be seen, in ms.
    static qint64 throttlesThenResumes(MigrationController &controller, const QString &reasonPart,
                                       const std::function<void()> &apply, const std::function<void()> &release,
                                       bool appliesMeanwhile = true)
    {
        QElapsedTimer seen;
        seen.start();
        apply();
        const bool throttled = QTest::qWaitFor([&] {
            return controller.snapshot().throttled && controller.snapshot().throttleReason.contains(reasonPart);
        }, 5000);
        const qint64 millis = seen.elapsed();
        if (!throttled) {
            qWarning("not throttled by %s; reason now: %s", qPrintable(reasonPart),
                     qPrintable(controller.snapshot().throttleReason));
            return -1;
        }
        QTest::qWait(400); // a chunk already under way may finish
        const quint64 applied = controller.snapshot().eventsApplied;
        const quint64 copied = controller.snapshot().rowsCopied;
        QTest::qWait(1200);
        if (controller.snapshot().rowsCopied != copied) {
            qWarning("the copy went on while throttled by %s", qPrintable(reasonPart));
            return -1;
        }
        // The appliers are never throttled: the changed-key queue drains (unless the stream itself is held).
        if (appliesMeanwhile && controller.snapshot().eventsApplied == applied) {
            qWarning("the appliers stopped while throttled by %s", qPrintable(reasonPart));
            return -1;
        }
        release();
        if (!QTest::qWaitFor([&] { return !controller.snapshot().throttled; }, 5000)
            || !QTest::qWaitFor([&] { return controller.snapshot().eventsApplied > applied; }, 10000)) {
            qWarning("did not resume after %s; reason now: %s", qPrintable(reasonPart),
                     qPrintable(controller.snapshot().throttleReason));
            return -1;
        }
        return millis;
    }

private Q_SLOTS:
    void everySourceThrottlesAndReleases()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"throttle"_s);
        Connection primary = Connection::open(db.primary());
        Connection replicaAdmin = Connection::open(sandbox.replica, u"test-admin"_s);
        MirroredTable table(primary, db, 20000);
        QTemporaryDir dir;
        const QString throttleFile = dir.filePath(u"throttle"_s), additional = dir.filePath(u"additional"_s),
                      postpone = dir.filePath(u"postpone"_s);
        touch(throttleFile);
        touch(postpone);

        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN z INT"_s);
        spec.maxLagMillis = 800;
        spec.throttle.throttleFlagFile = throttleFile;
        spec.throttle.throttleAdditionalFlagFile = additional;
        spec.throttle.postponeCutOverFlagFile = postpone;
        MigrationController controller;
        controller.setSnapshotIntervalMillis(100);
        QSignalSpy finished(&controller, &MigrationController::finished);
        QSignalSpy failed(&controller, &MigrationController::failed);
        controller.start(spec);

        // Throttled from the start: the copy must not begin; the appliers apply the load's changes meanwhile.
        QVERIFY(QTest::qWaitFor([&] { return controller.snapshot().state == MigrationState::Copying
                                             && controller.snapshot().throttled; }, 30000));
        QVERIFY2(controller.snapshot().throttleReason.contains(throttleFile), qPrintable(controller.snapshot().throttleReason));
        const quint64 appliedAtStart = controller.snapshot().eventsApplied;
        QTest::qWait(1500);
        QCOMPARE(controller.snapshot().rowsCopied, 0u);
        QVERIFY(controller.snapshot().eventsApplied > appliedAtStart);
        QVERIFY(controller.snapshot().throttledMillis >= 1000);
        QFile::remove(throttleFile);
        QVERIFY2(QTest::qWaitFor([&] { return controller.snapshot().state == MigrationState::Postponed; }, 120000),
                 qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<MigrationFailure>().message));
        QVERIFY2(controller.snapshot().rowsCopied >= 18000, qPrintable(QString::number(controller.snapshot().rowsCopied))); // the load deletes some

        auto settings = [&](const std::function<void(engine::throttle::ThrottleSettings &)> &change) {
            engine::throttle::ThrottleSettings s = controller.throttleSettings();
            change(s);
            controller.setThrottleSettings(s);
        };
        QVERIFY(throttlesThenResumes(controller, u"operator"_s, [&] { controller.setThrottled(true); },
                                     [&] { controller.setThrottled(false); }) >= 0);
        QVERIFY(throttlesThenResumes(controller, additional, [&] { touch(additional); },
                                     [&] { QFile::remove(additional); }) >= 0);
        QVERIFY(throttlesThenResumes(
                    controller, u"max-load: Threads_running="_s,
                    [&] { settings([](auto &s) { s.maxLoad = *engine::throttle::parseLoadLimits(u"Threads_running=0"_s, nullptr); }); },
                    [&] { settings([](auto &s) { s.maxLoad.clear(); }); }) >= 0);
        QVERIFY(throttlesThenResumes(controller, u"throttle-query returned 1"_s,
                                     [&] { settings([](auto &s) { s.throttleQuery = u"SELECT 1"_s; }); },
                                     [&] { settings([](auto &s) { s.throttleQuery = u"SELECT 0"_s; }); }) >= 0);
        QVERIFY(throttlesThenResumes(controller, u"throttle-query failed"_s,
                                     [&] { settings([](auto &s) { s.throttleQuery = u"SELECT nonsense FROM nowhere"_s; }); },
                                     [&] { settings([](auto &s) { s.throttleQuery.clear(); }); }) >= 0);
        // A lagging replica: its SQL thread stopped, the heartbeat ages past max-lag-millis (800 ms).
        const qint64 lagSeenAfter = throttlesThenResumes(
            controller, u"lag"_s, [&] { replicaAdmin.execute(u"STOP SLAVE SQL_THREAD"_s); },
            [&] { replicaAdmin.execute(u"START SLAVE SQL_THREAD"_s); }, false); // the stream stops with the replica
        qInfo("replica lag throttled %lld ms after the SQL thread stopped (max-lag-millis 800)", lagSeenAfter);
        QVERIFY(lagSeenAfter >= 0);
        QVERIFY2(lagSeenAfter < 800 + 1000, "a lagging replica must throttle within a second of passing the limit");
        // A control replica that can't be reached throttles too.
        QVERIFY(throttlesThenResumes(controller, u"unreachable"_s,
                                     [&] { settings([](auto &s) { s.throttleControlReplicas = u"127.0.0.1:1"_s; }); },
                                     [&] { settings([](auto &s) { s.throttleControlReplicas.clear(); }); }) >= 0);
        // Each watched replica's lag is reported on its own: the inspected one read, the unreachable one not.
        settings([](auto &s) { s.throttleControlReplicas = u"127.0.0.1:1"_s; });
        QTRY_COMPARE_WITH_TIMEOUT(controller.snapshot().replicaLags.size(), 2, 10000);
        {
            const auto lags = controller.snapshot().replicaLags;
            const auto replica = db.replica();
            QCOMPARE(lags[0].endpoint, u"%1:%2"_s.arg(replica.host).arg(replica.port));
            QVERIFY(lags[0].lagMillis >= 0);
            QCOMPARE(lags[1].endpoint, u"127.0.0.1:1"_s);
            QCOMPARE(lags[1].lagMillis, -1);
            QVERIFY(!lags[1].error.isEmpty());
        }
        settings([](auto &s) { s.throttleControlReplicas.clear(); });
        QTRY_COMPARE_WITH_TIMEOUT(controller.snapshot().replicaLags.size(), 1, 10000);

        QVERIFY(failed.isEmpty());
        controller.requestCutOver();
        QVERIFY(QTest::qWaitFor([&] { return !finished.isEmpty() || !failed.isEmpty(); }, 120000));
        table.writer->stop();
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<MigrationFailure>().message));
        QCOMPARE(table.writer->errors(), 0u);
        primary.execute(u"ALTER TABLE t_ref ADD COLUMN z INT"_s);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }

    void panicAndCriticalLoadStopAndLeaveTheOriginal_data()
    {
        QTest::addColumn<QString>("how");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("panic flag file") << u"panic"_s << u"panic"_s;
        QTest::newRow("critical load") << u"critical"_s << u"critical-load: Threads_running="_s;
    }

    void panicAndCriticalLoadStopAndLeaveTheOriginal()
    {
        QFETCH(QString, how);
        QFETCH(QString, mentions);
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"panic"_s);
        Connection primary = Connection::open(db.primary());
        MirroredTable table(primary, db, 5000);
        QTemporaryDir dir;
        const QString throttleFile = dir.filePath(u"throttle"_s), panic = dir.filePath(u"panic"_s);
        touch(throttleFile); // holds the migration mid-copy
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN z INT"_s);
        spec.throttle.throttleFlagFile = throttleFile;
        spec.throttle.panicFlagFile = panic;
        MigrationController controller;
        controller.setSnapshotIntervalMillis(100);
        QSignalSpy failed(&controller, &MigrationController::failed);
        QSignalSpy finished(&controller, &MigrationController::finished);
        controller.start(spec);
        QVERIFY(QTest::qWaitFor([&] { return controller.snapshot().state == MigrationState::Copying
                                             && controller.snapshot().throttled; }, 30000));
        if (how == u"panic"_s) {
            touch(panic);
        } else {
            auto s = controller.throttleSettings();
            s.criticalLoad = *engine::throttle::parseLoadLimits(u"Threads_running=0"_s, nullptr);
            controller.setThrottleSettings(s);
        }
        QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty() || !finished.isEmpty(); }, 10000));
        QVERIFY(finished.isEmpty());
        const auto failure = failed.first().first().value<MigrationFailure>();
        QCOMPARE(failure.code, u"aborted"_s);
        QVERIFY2(failure.message.contains(mentions), qPrintable(failure.message));
        QVERIFY(failure.originalUntouched);
        QTest::qWait(300); // the application keeps writing to the original
        table.writer->stop();
        QCOMPARE(table.writer->errors(), 0u);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
        QCOMPARE(primary.scalar(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND "
                                "TABLE_NAME IN ('_t_gho', '_t_ghc', '_t_del')"_s.arg(primary.quote(db.name()))),
                 std::optional<QString>(u"0"_s));
    }

    void hibernatesOnCriticalLoadInsteadOfAborting()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"hibernate"_s);
        Connection primary = Connection::open(db.primary());
        MirroredTable table(primary, db, 3000);
        auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN z INT"_s);
        spec.throttle.criticalLoad = *engine::throttle::parseLoadLimits(u"Threads_running=0"_s, nullptr);
        spec.throttle.criticalLoadHibernateSeconds = 2;
        MigrationController controller;
        controller.setSnapshotIntervalMillis(100);
        QSignalSpy failed(&controller, &MigrationController::failed);
        QSignalSpy finished(&controller, &MigrationController::finished);
        controller.start(spec);
        QVERIFY(QTest::qWaitFor([&] { return controller.snapshot().throttleReason.contains(u"hibernating"_s); }, 30000));
        QTest::qWait(1000);
        QVERIFY(failed.isEmpty());
        QVERIFY(controller.snapshot().throttled);
        auto s = controller.throttleSettings();
        s.criticalLoad.clear();
        controller.setThrottleSettings(s);
        QVERIFY(QTest::qWaitFor([&] { return !failed.isEmpty() || !finished.isEmpty(); }, 60000));
        table.writer->stop();
        QVERIFY2(failed.isEmpty(), qPrintable(failed.isEmpty() ? QString() : failed.first().first().value<MigrationFailure>().message));
        primary.execute(u"ALTER TABLE t_ref ADD COLUMN z INT"_s);
        QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
    }
};

QTEST_GUILESS_MAIN(TestThrottling)
#include "tst_throttling.moc"
