// The journal's parameters and their inverse: a spec recorded by specParameters() comes back from
// specFromParameters() field for field (what "Resume…" in the History page rebuilds), passwords excepted.
#include <history/specparameters.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace engine::history;
using namespace engine::migration;

class TestSpecParameters : public QObject {
    Q_OBJECT
private:
    // A value different from MigrationSpec's default in every recorded field.
    static MigrationSpec unusualSpec()
    {
        MigrationSpec s;
        s.inspector.host = u"replica7.example"_s;
        s.inspector.port = 3399;
        s.inspector.user = u"dba"_s;
        s.inspector.password = u"inspector-secret"_s;
        s.inspector.useTls = true;
        s.inspector.tlsCa = u"/etc/ca.pem"_s;
        s.inspector.tlsCert = u"/etc/cert.pem"_s;
        s.inspector.tlsKey = u"/etc/key.pem"_s;
        s.inspector.tlsVerifyServer = false; // the default verifies
        s.assumeMasterHost = u"primary.example:3306"_s;
        s.masterUser = u"writer"_s;
        s.masterPassword = u"master-secret"_s;
        s.allowOnMaster = true;
        s.testOnReplica = true;
        s.testOnReplicaSkipReplicaStop = true;
        s.migrateOnReplica = true;
        s.replicaModeGtidDomainId = 4242;
        s.database = u"shop"_s;
        s.table = u"orders"_s;
        s.alter = u"ADD COLUMN note TEXT"_s;
        s.execute = true;
        s.replicaServerId = 123456;
        s.chunkSize = 777;
        s.chunkTargetMillis = 250;
        s.dmlBatchSize = 55;
        s.applyWorkers = 5;
        s.exactRowcount = true;
        s.defaultRetries = 7;
        s.reconnectLimitSeconds = 90;
        s.stallLimitSeconds = 120;
        s.cleanupOnFailure = true;
        s.niceRatio = 2.5;
        s.skipStrictMode = true;
        s.verify = false;
        s.deferSecondaryIndexes = true;
        s.lagTargetRatio = 0.25;
        s.approveRenamedColumns = true;
        s.skipRenamedColumns = true;
        s.discardForeignKeys = true;
        s.skipForeignKeyChecks = true;
        s.includeTriggers = true;
        s.triggerSuffix = u"_v2"_s;
        s.removeTriggerSuffixIfExists = true;
        s.allowNullableUniqueKey = true;
        s.initiallyDropGhostTable = true;
        s.initiallyDropOldTable = true;
        s.okToDropTable = true;
        s.timestampOldTable = true;
        s.forceTableNames = u"_tmp_orders"_s;
        s.cutOver = CutOverType::TwoStep;
        s.cutOverLockTimeoutSeconds = 6;
        s.cutOverExponentialBackoff = true;
        s.exponentialBackoffMaxInterval = 32;
        s.maxLagMillis = 2500;
        s.heartbeatIntervalMillis = 300;
        s.keepHelperTablesOnAbort = true;
        s.revertWindowSeconds = 1800;
        s.checkpointSeconds = 3;
        s.resume = true;
        s.throttle.maxLoad = {{u"Threads_running"_s, 25}, {u"Threads_connected"_s, 500}};
        s.throttle.criticalLoad = {{u"Threads_running"_s, 90}};
        s.throttle.criticalLoadIntervalMillis = 1500;
        s.throttle.criticalLoadHibernateSeconds = 60;
        s.throttle.throttleQuery = u"SELECT 0"_s;
        s.throttle.throttleFlagFile = u"/tmp/throttle.flag"_s;
        s.throttle.throttleAdditionalFlagFile = u"/tmp/throttle2.flag"_s;
        s.throttle.throttleControlReplicas = u"r1:3306,r2:3307"_s;
        s.throttle.postponeCutOverFlagFile = u"/tmp/postpone.flag"_s;
        s.throttle.panicFlagFile = u"/tmp/panic.flag"_s;
        s.runPreflight = false;
        s.forcedPreflightIds = {u"metadata_locks"_s, u"binlog_retention"_s};
        s.hooksPath = u"/opt/hooks"_s;
        s.hooksHint = u"ticket 42"_s;
        s.hooksHintOwner = u"alice"_s;
        s.hooksHintToken = u"token-secret"_s;
        s.hooksStatusIntervalSeconds = 30;
        s.hookTimeoutSeconds = 120;
        return s;
    }

private Q_SLOTS:
    void everyRecordedFieldDiffersFromItsDefaultInTheExample()
    {
        // Guards the round trip below: a field recorded later must get an unusual value here too, or a
        // forgotten inverse would go unnoticed (default in, default out).
        const QJsonObject defaults = specParameters(MigrationSpec{});
        const QJsonObject example = specParameters(unusualSpec());
        QCOMPARE(example.keys(), defaults.keys());
        for (const QString &key : defaults.keys())
            QVERIFY2(example.value(key) != defaults.value(key), qPrintable(u"default value for "_s + key));
        for (const char *key : {"revert-window", "checkpoint-seconds", "resume", "apply-workers",
                                "test-on-replica", "migrate-on-replica", "replica-gtid-domain-id"})
            QVERIFY2(defaults.contains(QLatin1StringView(key)), key);
    }

    void roundTripKeepsEveryFieldButThePasswords()
    {
        const MigrationSpec original = unusualSpec();
        const MigrationSpec s = specFromParameters(specParameters(original));

        QCOMPARE(s.inspector.host, original.inspector.host);
        QCOMPARE(s.inspector.port, original.inspector.port);
        QCOMPARE(s.inspector.user, original.inspector.user);
        QCOMPARE(s.inspector.useTls, true);
        QCOMPARE(s.inspector.tlsCa, original.inspector.tlsCa);
        QCOMPARE(s.inspector.tlsCert, original.inspector.tlsCert);
        QCOMPARE(s.inspector.tlsKey, original.inspector.tlsKey);
        QCOMPARE(s.inspector.tlsVerifyServer, false);
        QCOMPARE(s.assumeMasterHost, original.assumeMasterHost);
        QCOMPARE(s.masterUser, original.masterUser);
        QCOMPARE(s.allowOnMaster, true);
        QCOMPARE(s.testOnReplica, true);
        QCOMPARE(s.testOnReplicaSkipReplicaStop, true);
        QCOMPARE(s.migrateOnReplica, true);
        QCOMPARE(s.replicaModeGtidDomainId, 4242u);
        QCOMPARE(s.database, original.database);
        QCOMPARE(s.table, original.table);
        QCOMPARE(s.alter, original.alter);
        QCOMPARE(s.execute, true);
        QCOMPARE(s.replicaServerId, 123456u);
        QCOMPARE(s.chunkSize, 777);
        QCOMPARE(s.chunkTargetMillis, 250);
        QCOMPARE(s.dmlBatchSize, 55);
        QCOMPARE(s.applyWorkers, 5);
        QCOMPARE(s.exactRowcount, true);
        QCOMPARE(s.defaultRetries, 7);
        QCOMPARE(s.reconnectLimitSeconds, 90);
        QCOMPARE(s.stallLimitSeconds, 120);
        QVERIFY(s.cleanupOnFailure);
        QCOMPARE(s.niceRatio, 2.5);
        QCOMPARE(s.skipStrictMode, true);
        QCOMPARE(s.verify, false);
        QCOMPARE(s.deferSecondaryIndexes, true);
        QCOMPARE(s.lagTargetRatio, 0.25);
        QCOMPARE(s.approveRenamedColumns, true);
        QCOMPARE(s.skipRenamedColumns, true);
        QCOMPARE(s.discardForeignKeys, true);
        QCOMPARE(s.skipForeignKeyChecks, true);
        QCOMPARE(s.includeTriggers, true);
        QCOMPARE(s.triggerSuffix, original.triggerSuffix);
        QCOMPARE(s.removeTriggerSuffixIfExists, true);
        QCOMPARE(s.allowNullableUniqueKey, true);
        QCOMPARE(s.initiallyDropGhostTable, true);
        QCOMPARE(s.initiallyDropOldTable, true);
        QCOMPARE(s.okToDropTable, true);
        QCOMPARE(s.timestampOldTable, true);
        QCOMPARE(s.forceTableNames, original.forceTableNames);
        QCOMPARE(s.cutOver, CutOverType::TwoStep);
        QCOMPARE(s.cutOverLockTimeoutSeconds, 6);
        QCOMPARE(s.cutOverExponentialBackoff, true);
        QCOMPARE(s.exponentialBackoffMaxInterval, 32);
        QCOMPARE(s.maxLagMillis, 2500);
        QCOMPARE(s.heartbeatIntervalMillis, 300);
        QCOMPARE(s.keepHelperTablesOnAbort, true);
        QCOMPARE(s.revertWindowSeconds, 1800);
        QCOMPARE(s.checkpointSeconds, 3);
        QCOMPARE(s.resume, true);
        QVERIFY(s.throttle == original.throttle); // every throttle field, load limits included
        QCOMPARE(s.runPreflight, false);
        QCOMPARE(s.forcedPreflightIds, original.forcedPreflightIds);
        QCOMPARE(s.hooksPath, original.hooksPath);
        QCOMPARE(s.hooksHint, original.hooksHint);
        QCOMPARE(s.hooksHintOwner, original.hooksHintOwner);
        QCOMPARE(s.hooksStatusIntervalSeconds, 30);
        QCOMPARE(s.hookTimeoutSeconds, 120);

        // Credentials are never recorded, so they never come back.
        QVERIFY(s.inspector.password.isEmpty());
        QVERIFY(s.masterPassword.isEmpty());
        QVERIFY(s.hooksHintToken.isEmpty());

        // And nothing else is lost: recording the rebuilt spec gives the same parameters (the token aside).
        QJsonObject again = specParameters(s), first = specParameters(original);
        again.remove(u"hooks-hint-token"_s);
        first.remove(u"hooks-hint-token"_s);
        QCOMPARE(again, first);
    }

    void missingFieldsKeepTheDefaults()
    {
        // A journal written before a field was recorded (or by hand) reads with MigrationSpec's defaults.
        const QJsonObject old{
            {u"database"_s, u"shop"_s}, {u"table"_s, u"t"_s}, {u"max-load"_s, u"not a limit"_s}};
        const MigrationSpec s = specFromParameters(old);
        const MigrationSpec d;
        QCOMPARE(s.database, u"shop"_s);
        QCOMPARE(s.table, u"t"_s);
        QCOMPARE(s.inspector.host, d.inspector.host);
        QCOMPARE(s.inspector.port, d.inspector.port);
        QCOMPARE(s.inspector.tlsVerifyServer, d.inspector.tlsVerifyServer);
        QCOMPARE(s.chunkSize, d.chunkSize);
        QCOMPARE(s.dmlBatchSize, d.dmlBatchSize);
        QCOMPARE(s.applyWorkers, d.applyWorkers);
        QCOMPARE(s.verify, d.verify);
        QCOMPARE(s.runPreflight, d.runPreflight);
        QCOMPARE(s.checkpointSeconds, d.checkpointSeconds);
        QCOMPARE(s.revertWindowSeconds, 0);
        QCOMPARE(s.resume, false);
        QCOMPARE(s.cutOver, CutOverType::Atomic);
        QVERIFY(s.throttle.maxLoad.empty());
        QVERIFY(s.forcedPreflightIds.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestSpecParameters)
#include "tst_specparameters.moc"
