// The foundation against the real sandbox: the engine's MySQL layer on a primary and its replica.
#include <sandbox.h>
#include <writeload.h>

#include <mysql/connection.h>
#include <mysql/serverfacts.h>
#include <mysql/sqltext.h>

#include <QProcess>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace engine::mysql;

class TestSandboxReplication : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void readsServerFactsOfBothServers()
    {
        REQUIRE_SANDBOX(sandbox);
        Connection primary = Connection::open(sandbox.primary);
        Connection replica = Connection::open(sandbox.replica);
        const ServerFacts p = ServerFacts::read(primary);
        const ServerFacts r = ServerFacts::read(replica);
        QCOMPARE(p.version.flavour, Flavour::MariaDB);
        QVERIFY(p.logBin);
        QCOMPARE(p.binlogFormat, u"ROW"_s);
        QCOMPARE(p.binlogRowImage, u"FULL"_s);
        QVERIFY(!p.isReplica);
        QVERIFY(r.isReplica);
        QCOMPARE(r.sourcePort, sandbox.primary.port);
        QVERIFY(r.logSlaveUpdates);
        QVERIFY(p.serverId != r.serverId);
    }

    void writesOnPrimaryAreSeenOnReplica()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, QString::fromLatin1(QTest::currentTestFunction()));
        Connection primary = Connection::open(db.primary());
        Connection replica = Connection::open(db.replica());
        const QString table = u"we`ird täble ✓"_s;
        primary.execute(u"CREATE TABLE %1 (id INT PRIMARY KEY AUTO_INCREMENT, txt VARCHAR(50)) "
                        "CHARACTER SET utf8mb4"_s.arg(quoteIdentifier(table)));
        for (int i = 0; i < 50; ++i)
            primary.execute(u"INSERT INTO %1 (txt) VALUES (%2)"_s.arg(quoteIdentifier(table),
                                                                       primary.quote(u"row %1 — 😀"_s.arg(i))));
        testsupport::waitForReplica(primary, replica);
        const auto onPrimary = testsupport::checksumTable(primary, db.name(), table);
        const auto onReplica = testsupport::checksumTable(replica, db.name(), table);
        QCOMPARE(onPrimary.rows, 50u);
        QCOMPARE(onReplica, onPrimary);
        QCOMPARE(replica.scalar(u"SELECT txt FROM %1 WHERE id = 3"_s.arg(quoteIdentifier(table))).value(),
                 u"row 2 — 😀"_s);
    }

    void writeLoadRunsWithoutErrors()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, QString::fromLatin1(QTest::currentTestFunction()));
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id BIGINT AUTO_INCREMENT PRIMARY KEY, n INT NOT NULL DEFAULT 0)"_s);
        primary.execute(u"INSERT INTO t (n) SELECT seq FROM seq_1_to_100"_s);
        testsupport::WriteLoad::Options options;
        options.connection = db.primary();
        options.statementsPerSecond = 400;
        options.nextStatement = testsupport::WriteLoad::simpleMix(
            u"t"_s, 100, [](QRandomGenerator &r) { return u"(n) VALUES (%1)"_s.arg(r.bounded(1000)); },
            [](QRandomGenerator &) { return u"n = n + 1"_s; });
        options.preparedStatement = u"UPDATE t SET n = n + 1 WHERE id = ?"_s;
        options.preparedMaxParameter = 100;
        testsupport::WriteLoad load(options);
        load.start();
        QTest::qWait(1000);
        load.stop();
        QVERIFY2(load.errors() == 0, qPrintable(load.errorMessages().join(u'\n')));
        QVERIFY2(load.statements() > 200, qPrintable(QString::number(load.statements())));
        Connection replica = Connection::open(db.replica());
        testsupport::waitForReplica(primary, replica);
        QCOMPARE(testsupport::checksumTable(replica, db.name(), u"t"_s),
                 testsupport::checksumTable(primary, db.name(), u"t"_s));
    }

    void connectionErrorsNameTheProblem()
    {
        REQUIRE_SANDBOX(sandbox);
        ConnectionSettings wrongPassword = sandbox.primary;
        wrongPassword.password = u"definitely-wrong"_s;
        try {
            Connection::open(wrongPassword);
            QFAIL("connected with a wrong password");
        } catch (const DbException &error) {
            QCOMPARE(error.code(), 1045u);
            QVERIFY(error.error().message.contains(u"Access denied"_s));
            QVERIFY(!error.error().toString().contains(u"definitely-wrong"_s));
        }
        ConnectionSettings wrongPort = sandbox.primary;
        wrongPort.port = 1;
        try {
            Connection::open(wrongPort);
            QFAIL("connected to port 1");
        } catch (const DbException &error) {
            QVERIFY(isConnectionFailure(error.code()));
            QVERIFY(error.error().message.contains(u"127.0.0.1:1"_s));
        }
    }

    void cliPrintsServerFactsAndFailsCleanly()
    {
        REQUIRE_SANDBOX(sandbox);
        const QString cli = qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s;
        QProcess process;
        process.start(cli, {u"--host"_s, sandbox.replica.host, u"--port"_s, QString::number(sandbox.replica.port),
                            u"--user"_s, sandbox.replica.user, u"--password"_s, sandbox.replica.password});
        QVERIFY(process.waitForFinished(30000));
        const QString output = QString::fromUtf8(process.readAllStandardOutput());
        QCOMPARE(process.exitCode(), 0);
        QVERIFY2(output.contains(u"MariaDB"_s), qPrintable(output));
        QVERIFY2(output.contains(u"binlog_format:     ROW"_s), qPrintable(output));
        QVERIFY2(output.contains(u"replica of 127.0.0.1:%1"_s.arg(sandbox.primary.port)), qPrintable(output));

        struct Case { QStringList args; QString expected; };
        const QList<Case> cases = {
            {{u"--port"_s, u"1"_s}, u"cannot connect to"_s},
            {{u"--port"_s, QString::number(sandbox.primary.port), u"--password"_s, u"wrong"_s}, u"Access denied"_s},
            {{u"--host"_s, u"no-such-host.invalid"_s, u"--port"_s, u"3306"_s}, u"no-such-host.invalid"_s},
        };
        for (const Case &c : cases) {
            QStringList args = {u"--user"_s, sandbox.primary.user, u"--password"_s, sandbox.primary.password};
            args += c.args;
            process.start(cli, args);
            QVERIFY(process.waitForFinished(30000));
            const QString error = QString::fromUtf8(process.readAllStandardError()).trimmed();
            QCOMPARE(process.exitCode(), 1);
            QVERIFY2(error.contains(c.expected), qPrintable(error));
            QStringList lines = error.split(u'\n');
            lines.removeIf([](const QString &line) { return line.contains(u"was removed from the argument list"_s); });
            QCOMPARE(lines.size(), 1); // one line (besides the warning that the password flag was scrubbed)
        }
    }
};

QTEST_GUILESS_MAIN(TestSandboxReplication)
#include "tst_sandboxreplication.moc"
