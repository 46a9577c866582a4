// Preflight's pure logic: the report's JSON shape and text rendering, severities, overrides, the grant reader,
// and the CLI's translation of flags into a request.
#include <flagparser.h>
#include <ghostflags.h>
#include <preflightcommand.h>

#include <preflight/grantset.h>
#include <preflight/preflightreport.h>

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace engine::preflight;

namespace {

PreflightReport sampleReport()
{
    PreflightReport report;
    report.target.database = u"shop"_s;
    report.target.table = u"orders"_s;
    report.target.alter = u"ADD COLUMN note TEXT"_s;
    report.target.servers.push_back(TargetServer{u"inspected, replica"_s, u"10.0.0.2:3306"_s, u"MariaDB"_s,
                                                 u"10.11.6-MariaDB"_s, true, true});
    report.target.servers.push_back(TargetServer{u"primary"_s, u"10.0.0.1:3306"_s, {}, {}, false, false});
    report.findings = {
        Finding{u"server"_s, Severity::Ok, u"2 servers"_s, u"line one\nline two"_s, {}},
        Finding{u"triggers"_s, Severity::Block, u"1 trigger would be lost"_s, u"`t_touch`: BEFORE UPDATE"_s,
                u"Pass --include-triggers"_s},
        Finding{u"long_transactions"_s, Severity::Warn, u"1 old transaction"_s, u"id 42"_s, u"KILL 42;"_s},
        Finding{u"foreign_keys"_s, Severity::Block, u"parent"_s, u"fk"_s, u"drop it"_s},
    };
    return report;
}

} // namespace

class TestPreflightReport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void idsAreTheIssuesInItsOrder()
    {
        QCOMPARE(checkIds(), (QStringList{u"server"_s, u"privileges"_s, u"binlog"_s, u"binlog_retention"_s,
                                          u"unique_key"_s, u"alter"_s, u"instant"_s, u"new_unique_duplicates"_s,
                                          u"table_size"_s, u"disk_headroom"_s, u"long_transactions"_s,
                                          u"metadata_locks"_s, u"foreign_keys"_s, u"triggers"_s,
                                          u"scheduled_events"_s, u"replicas"_s, u"lock_timeouts"_s,
                                          u"cut_over_type"_s}));
    }

    void severitiesAreOrderedAndNamed()
    {
        QVERIFY(Severity::Ok < Severity::Warn && Severity::Warn < Severity::Block);
        for (Severity s : {Severity::Ok, Severity::Warn, Severity::Block})
            QCOMPARE(severityFromName(severityName(s)), std::optional<Severity>(s));
        QCOMPARE(severityName(Severity::Warn), u"warn"_s);
        QCOMPARE(severityFromName(u" BLOCK "_s), std::optional<Severity>(Severity::Block));
        QVERIFY(!severityFromName(u"error"_s));

        PreflightReport report;
        QCOMPARE(report.worstSeverity(), Severity::Ok);
        report.findings.push_back(Finding{u"a"_s, Severity::Warn, {}, {}, {}});
        QCOMPARE(report.worstSeverity(), Severity::Warn);
        report.findings.push_back(Finding{u"b"_s, Severity::Ok, {}, {}, {}});
        QCOMPARE(report.worstSeverity(), Severity::Warn);
        report = sampleReport();
        QCOMPARE(report.worstSeverity(), Severity::Block);
    }

    void jsonHasExactlyTheIssuesShape()
    {
        const QJsonObject root = sampleReport().toJson().object();
        QStringList keys = root.keys();
        QCOMPARE(keys, (QStringList{u"findings"_s, u"target"_s}));
        const QJsonObject target = root.value(u"target"_s).toObject();
        QCOMPARE(target.value(u"database"_s).toString(), u"shop"_s);
        QCOMPARE(target.value(u"table"_s).toString(), u"orders"_s);
        QCOMPARE(target.value(u"alter"_s).toString(), u"ADD COLUMN note TEXT"_s);
        const QJsonArray servers = target.value(u"servers"_s).toArray();
        QCOMPARE(servers.size(), 2);
        QCOMPARE(servers[0].toObject().value(u"role"_s).toString(), u"inspected, replica"_s);
        QCOMPARE(servers[0].toObject().value(u"read_only"_s).toBool(), true);
        QCOMPARE(servers[1].toObject().value(u"reachable"_s).toBool(), false);

        const QJsonArray findings = root.value(u"findings"_s).toArray();
        QCOMPARE(findings.size(), 4);
        for (const QJsonValue &value : findings) {
            QStringList fields = value.toObject().keys();
            QCOMPARE(fields, (QStringList{u"detail"_s, u"fix"_s, u"id"_s, u"severity"_s, u"title"_s}));
        }
        const QJsonObject triggers = findings[1].toObject();
        QCOMPARE(triggers.value(u"id"_s).toString(), u"triggers"_s);
        QCOMPARE(triggers.value(u"severity"_s).toString(), u"block"_s);
        QCOMPARE(triggers.value(u"title"_s).toString(), u"1 trigger would be lost"_s);
        QCOMPARE(triggers.value(u"detail"_s).toString(), u"`t_touch`: BEFORE UPDATE"_s);
        QCOMPARE(triggers.value(u"fix"_s).toString(), u"Pass --include-triggers"_s);
        QCOMPARE(findings[2].toObject().value(u"severity"_s).toString(), u"warn"_s);

        PreflightReport failed;
        failed.failure = u"cannot connect"_s;
        const QJsonObject failedRoot = failed.toJson().object();
        QCOMPARE(failedRoot.value(u"error"_s).toString(), u"cannot connect"_s);
        QVERIFY(failedRoot.value(u"findings"_s).toArray().isEmpty());
    }

    void blockingIdsHonourOverrides()
    {
        const PreflightReport report = sampleReport();
        QCOMPARE(blockingFindingIds(report, {}), (QStringList{u"triggers"_s, u"foreign_keys"_s}));
        QCOMPARE(blockingFindingIds(report, {u" Triggers"_s}), QStringList{u"foreign_keys"_s});
        QCOMPARE(blockingFindingIds(report, {u"triggers"_s, u"foreign_keys"_s, u"nonsense"_s}), QStringList{});
        // Overriding a warning changes nothing; a duplicate id is listed once.
        PreflightReport twice = report;
        twice.findings.push_back(Finding{u"triggers"_s, Severity::Block, {}, {}, {}});
        QCOMPARE(blockingFindingIds(twice, {u"long_transactions"_s}), (QStringList{u"triggers"_s, u"foreign_keys"_s}));
    }

    void textPutsBlockersFirstAndEndsWithTheVerdict()
    {
        const PreflightReport report = sampleReport();
        const QString text = report.toText();
        QVERIFY2(text.startsWith(u"Preflight for shop.orders\nALTER: ADD COLUMN note TEXT\n"_s), qPrintable(text));
        QVERIFY2(text.contains(u"primary:"_s) && text.contains(u"10.0.0.1:3306 (not reached)"_s), qPrintable(text));
        const qsizetype triggers = text.indexOf(u"BLOCK   triggers: 1 trigger would be lost"_s);
        const qsizetype fks = text.indexOf(u"BLOCK   foreign_keys: parent"_s);
        const qsizetype trx = text.indexOf(u"WARN    long_transactions: 1 old transaction"_s);
        const qsizetype server = text.indexOf(u"OK      server: 2 servers"_s);
        QVERIFY2(triggers > 0 && triggers < fks && fks < trx && trx < server, qPrintable(text));
        QVERIFY2(text.contains(u"\n        line one\n        line two\n"_s), qPrintable(text));
        QVERIFY2(text.contains(u"        Fix: KILL 42;\n"_s), qPrintable(text));
        QVERIFY2(text.endsWith(u"Result: blocked by triggers, foreign_keys (1 warning(s)). Fix them, or override with "
                               "--force-preflight=triggers,foreign_keys\n"_s),
                 qPrintable(text));

        const QString forced = report.toText({u"triggers"_s, u"foreign_keys"_s});
        QVERIFY2(forced.contains(u"FORCED  triggers: "_s), qPrintable(forced));
        QVERIFY2(forced.endsWith(u"Result: nothing blocks the migration (1 warning(s)).\n"_s), qPrintable(forced));

        PreflightReport failed = report;
        failed.failure = u"cancelled"_s;
        QVERIFY(failed.toText().contains(u"Preflight could not run: cancelled"_s));
        QVERIFY(failed.toText().endsWith(u"Result: preflight did not complete.\n"_s));
    }

    void grantsAreReadLikeTheServerMeansThem()
    {
        GrantSet all;
        all.addGrantLine(u"GRANT ALL PRIVILEGES ON *.* TO `admin`@`%` IDENTIFIED BY PASSWORD '*AB' WITH GRANT OPTION"_s);
        QVERIFY(all.has(u"REPLICATION SLAVE"_s));
        QVERIFY(all.has(u"ALTER"_s, u"shop"_s));

        GrantSet app;
        app.addGrantLine(u"GRANT USAGE ON *.* TO `app`@`10.%`"_s);
        app.addGrantLine(u"GRANT BINLOG MONITOR, REPLICATION SLAVE ON *.* TO `app`@`10.%`"_s);
        app.addGrantLine(u"GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER ON `shop\\_%`.* TO `app`@`10.%`"_s);
        app.addGrantLine(u"GRANT SELECT (`id`, `name`), TRIGGER ON `other`.`orders` TO `app`@`10.%`"_s);
        app.addGrantLine(u"GRANT EXECUTE ON PROCEDURE `shop_eu`.`p` TO `app`@`10.%`"_s);
        app.addGrantLine(u"GRANT `dba_role` TO `app`@`10.%`"_s);
        QVERIFY(app.has(u"REPLICATION CLIENT"_s));      // BINLOG MONITOR is MariaDB's name for it
        QVERIFY(app.has(u"replication  slave"_s));
        QVERIFY(!app.has(u"SLAVE MONITOR"_s));
        QVERIFY(app.has(u"ALTER"_s, u"shop_eu"_s));      // \_ is a literal underscore, % any suffix
        QVERIFY(!app.has(u"ALTER"_s, u"shopXeu"_s));
        QVERIFY(!app.has(u"ALTER"_s));                   // not global
        QCOMPARE(app.missing({u"ALTER"_s, u"LOCK TABLES"_s, u"TRIGGER"_s}, u"shop_eu"_s),
                 (QStringList{u"LOCK TABLES"_s, u"TRIGGER"_s}));
        QVERIFY(app.has(u"TRIGGER"_s, u"other"_s, u"orders"_s));
        QVERIFY(!app.has(u"SELECT"_s, u"other"_s, u"orders"_s)); // column privileges don't cover the table
        QVERIFY(!app.has(u"EXECUTE"_s, u"shop_eu"_s));
        QCOMPARE(app.roles(), QStringList{u"`dba_role`"_s});

        GrantSet super;
        super.addGrantLine(u"GRANT SUPER, REPLICATION SLAVE ON *.* TO 'old'@'localhost'"_s);
        QVERIFY(super.has(u"SLAVE MONITOR"_s));
        QVERIFY(super.has(u"BINLOG MONITOR"_s));
        QVERIFY(!super.has(u"PROCESS"_s));

        QCOMPARE(grantAccount(u"app@10.%"_s), u"'app'@'10.%'"_s);
        QCOMPARE(grantAccount(u"o'neil@%"_s), u"'o\\'neil'@'%'"_s);
    }

    void flagsBecomeARequest()
    {
        cli::FlagParser flags(cli::ghostCompatibleFlags());
        QVERIFY2(flags.parse({u"--database=shop"_s, u"--table=orders"_s, u"--alter=ADD COLUMN c INT"_s,
                              u"--assume-master-host=db1:3307"_s, u"--master-user=boss"_s,
                              u"--throttle-control-replicas=r1,r2:3308"_s, u"--exact-rowcount"_s,
                              u"--discard-foreign-keys"_s, u"--preflight-long-transaction-seconds=3"_s,
                              u"--preflight-timeout-seconds=7"_s, u"--preflight-free-disk=1.5G"_s,
                              u"--cut-over-lock-timeout-seconds=5"_s}),
                 qPrintable(flags.error()));
        engine::mysql::ConnectionSettings inspected;
        inspected.host = u"replica1"_s;
        inspected.user = u"me"_s;
        inspected.password = u"pw"_s;
        PreflightRequest request;
        QString error;
        QVERIFY2(cli::buildPreflightRequest(flags, inspected, request, &error), qPrintable(error));
        QCOMPARE(request.database, u"shop"_s);
        QCOMPARE(request.table, u"orders"_s);
        QCOMPARE(request.alter, u"ADD COLUMN c INT"_s);
        QVERIFY(request.primary.has_value());
        QCOMPARE(request.primary->host, u"db1"_s);
        QCOMPARE(request.primary->port, 3307u);
        QCOMPARE(request.primary->user, u"boss"_s);
        QCOMPARE(request.primary->password, u"pw"_s);
        QCOMPARE(request.controlReplicas.size(), std::size_t(2));
        QCOMPARE(request.controlReplicas[0].port, 3306u);
        QCOMPARE(request.controlReplicas[1].host, u"r2"_s);
        QCOMPARE(request.controlReplicas[1].port, 3308u);
        QVERIFY(request.options.exactRowCount);
        QVERIFY(request.options.discardForeignKeys);
        QCOMPARE(request.options.longTransactionSeconds, 3);
        QCOMPARE(request.options.checkTimeoutSeconds, 7);
        QCOMPARE(request.options.cutOverLockTimeoutSeconds, 5);
        QCOMPARE(request.options.freeDiskBytes, std::optional<quint64>(1610612736ull));

        cli::FlagParser missing(cli::ghostCompatibleFlags());
        QVERIFY(missing.parse({u"--database=shop"_s}));
        QVERIFY(!cli::buildPreflightRequest(missing, inspected, request, &error));
        QVERIFY2(error.contains(u"--table"_s), qPrintable(error));

        cli::FlagParser badHost(cli::ghostCompatibleFlags());
        QVERIFY(badHost.parse({u"--database=shop"_s, u"--table=t"_s, u"--assume-master-host=db1:http"_s}));
        QVERIFY(!cli::buildPreflightRequest(badHost, inspected, request, &error));
        QVERIFY2(error.contains(u"--assume-master-host"_s), qPrintable(error));
    }

    void byteSizes()
    {
        QCOMPARE(cli::parseByteSize(u"123"_s), std::optional<quint64>(123));
        QCOMPARE(cli::parseByteSize(u"2K"_s), std::optional<quint64>(2048));
        QCOMPARE(cli::parseByteSize(u"500G"_s), std::optional<quint64>(500ull << 30));
        QCOMPARE(cli::parseByteSize(u"1 TiB"_s), std::optional<quint64>(1ull << 40));
        QVERIFY(!cli::parseByteSize(u"lots"_s));
        QVERIFY(!cli::parseByteSize(u"-5G"_s));
    }
};

QTEST_GUILESS_MAIN(TestPreflightReport)
#include "tst_preflightreport.moc"
