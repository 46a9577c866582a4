// shadowswap-cli --preflight-only against the real sandbox: the JSON report's shape, the exit codes, overrides.
#include <sandbox.h>

#include <mysql/connection.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;

namespace {

struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

// The ids of the issue, in its order: scripts rely on them.
const QStringList expectedIds = {
    u"server"_s,     u"privileges"_s,  u"binlog"_s,           u"binlog_retention"_s,  u"unique_key"_s,
    u"alter"_s,      u"instant"_s,     u"new_unique_duplicates"_s, u"table_size"_s,   u"disk_headroom"_s,
    u"long_transactions"_s, u"metadata_locks"_s, u"foreign_keys"_s, u"triggers"_s, u"scheduled_events"_s,
    u"replicas"_s,   u"lock_timeouts"_s, u"cut_over_type"_s,
};

Run runCli(const engine::mysql::ConnectionSettings &server, const QStringList &extra, bool preflightOnly = true,
           const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment())
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QStringList args = {u"--host"_s, server.host, u"--port"_s, QString::number(server.port), u"--user"_s, server.user};
    if (!environment.contains(u"MYSQL_PWD"_s))
        args << u"--password"_s << server.password;
    if (preflightOnly)
        args << u"--preflight-only"_s;
    process.start(qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s, args + extra);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

QJsonObject findingOf(const QJsonObject &report, const QString &id)
{
    for (const QJsonValue &value : report.value(u"findings"_s).toArray())
        if (value.toObject().value(u"id"_s).toString() == id)
            return value.toObject();
    return {};
}

} // namespace

class TestPreflightCli : public QObject {
    Q_OBJECT
private:
    // Parses stdout as the report and checks its shape; fills `report`.
    static void parseReport(const Run &run, QJsonObject &report)
    {
        QJsonParseError error{};
        const QJsonDocument document = QJsonDocument::fromJson(run.out.toUtf8(), &error);
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString() + u'\n' + run.out));
        QVERIFY(document.isObject());
        report = document.object();
        QVERIFY2(report.contains(u"target"_s) && report.contains(u"findings"_s), qPrintable(run.out));
        const QJsonObject target = report.value(u"target"_s).toObject();
        for (const QString &key : {u"database"_s, u"table"_s, u"alter"_s, u"servers"_s})
            QVERIFY2(target.contains(key), qPrintable(key));
        QVERIFY(!target.value(u"servers"_s).toArray().isEmpty());
        QStringList ids;
        for (const QJsonValue &value : report.value(u"findings"_s).toArray()) {
            const QJsonObject finding = value.toObject();
            QStringList keys = finding.keys();
            keys.sort();
            QCOMPARE(keys, (QStringList{u"detail"_s, u"fix"_s, u"id"_s, u"severity"_s, u"title"_s}));
            QVERIFY2((QStringList{u"ok"_s, u"warn"_s, u"block"_s}).contains(finding.value(u"severity"_s).toString()),
                     qPrintable(finding.value(u"severity"_s).toString()));
            QVERIFY(!finding.value(u"title"_s).toString().isEmpty());
            ids << finding.value(u"id"_s).toString();
        }
        QCOMPARE(ids, expectedIds);
    }

private Q_SLOTS:
    void cleanTablePrintsJsonAndExitsZero()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfcliclean"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_200"_s);
        engine::mysql::ConnectionSettings replicaServer = sandbox.replica;
        Connection replica = Connection::open(replicaServer);
        testsupport::waitForReplica(primary, replica);

        const Run run = runCli(sandbox.replica, {u"--database"_s, db.name(), u"--table"_s, u"t"_s, u"--alter"_s,
                                                 u"ADD COLUMN c INT"_s, u"--format=json"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(u"exit %1\n%2\n%3"_s.arg(run.exitCode).arg(run.out, run.err)));
        QJsonObject report;
        parseReport(run, report);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject target = report.value(u"target"_s).toObject();
        QCOMPARE(target.value(u"database"_s).toString(), db.name());
        QCOMPARE(target.value(u"table"_s).toString(), u"t"_s);
        QCOMPARE(target.value(u"alter"_s).toString(), u"ADD COLUMN c INT"_s);
        const QJsonArray servers = target.value(u"servers"_s).toArray();
        QCOMPARE(servers.size(), 2);
        QCOMPARE(servers[0].toObject().value(u"endpoint"_s).toString(), u"127.0.0.1:%1"_s.arg(sandbox.replica.port));
        QCOMPARE(servers[1].toObject().value(u"role"_s).toString(), u"primary"_s);
        QVERIFY(!report.contains(u"error"_s));
        for (const QJsonValue &value : report.value(u"findings"_s).toArray())
            QVERIFY2(value.toObject().value(u"severity"_s).toString() != u"block"_s,
                     qPrintable(QString::fromUtf8(QJsonDocument(value.toObject()).toJson())));
        QCOMPARE(findingOf(report, u"instant"_s).value(u"title"_s).toString(),
                 u"The change could run natively as ALGORITHM=INSTANT"_s);
        // The size and the estimate, for the console's review and the reports.
        QVERIFY(target.value(u"row_estimate"_s).toInteger() > 0);
        QVERIFY(target.value(u"table_bytes"_s).toInteger() > 0);
        QVERIFY(target.value(u"estimated_copy_seconds"_s).toDouble(-1) >= 0);

        // The same inspection as a page for a change request, written to a file.
        QTemporaryDir dir;
        const QString file = dir.filePath(u"preflight.html"_s);
        const Run html = runCli(sandbox.replica, {u"--database"_s, db.name(), u"--table"_s, u"t"_s, u"--alter"_s,
                                                  u"ADD COLUMN c INT"_s, u"--format=html"_s, u"--report-file"_s, file});
        QVERIFY2(html.exitCode == 0, qPrintable(html.err));
        QVERIFY(html.out.isEmpty());
        QFile page(file);
        QVERIFY(page.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&page);
        QStringList ids;
        QString table;
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            const QString id = xml.attributes().value(u"id"_s).toString();
            ids << id;
            if (id == u"table"_s)
                table = xml.readElementText();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(table, db.name() + u".t"_s);
        for (const QString &id : {u"findings"_s, u"servers"_s, u"finding-instant"_s, u"estimate"_s})
            QVERIFY2(ids.contains(id), qPrintable(id));
    }

    void blockingFindingExitsTwoUnlessForced()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfcliblock"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT)"_s);
        primary.execute(u"CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW SET NEW.n = NEW.n + 1"_s);
        Connection replica = Connection::open(sandbox.replica);
        testsupport::waitForReplica(primary, replica);
        const QStringList target = {u"--database"_s, db.name(), u"--table"_s, u"t"_s, u"--alter"_s, u"ADD COLUMN c INT"_s};

        Run run = runCli(sandbox.replica, target + QStringList{u"--format=json"_s});
        QVERIFY2(run.exitCode == 2, qPrintable(u"exit %1\n%2\n%3"_s.arg(run.exitCode).arg(run.out, run.err)));
        QJsonObject report;
        parseReport(run, report);
        if (QTest::currentTestFailed())
            return;
        const QJsonObject triggers = findingOf(report, u"triggers"_s);
        QCOMPARE(triggers.value(u"severity"_s).toString(), u"block"_s);
        QVERIFY(triggers.value(u"detail"_s).toString().contains(u"t_touch"_s));

        run = runCli(sandbox.replica, target + QStringList{u"--format=json"_s, u"--force-preflight=triggers"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(u"exit %1\n%2"_s.arg(run.exitCode).arg(run.err)));

        run = runCli(sandbox.replica, target);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.out.contains(u"BLOCK   triggers: "_s), qPrintable(run.out));
        QVERIFY2(run.out.contains(u"Result: blocked by triggers"_s), qPrintable(run.out));
        QVERIFY2(run.out.indexOf(u"BLOCK   triggers"_s) < run.out.indexOf(u"OK      server"_s), qPrintable(run.out));

        run = runCli(sandbox.replica, target + QStringList{u"--include-triggers"_s, u"--trigger-suffix=_new"_s});
        QVERIFY2(run.exitCode == 0, qPrintable(u"exit %1\n%2"_s.arg(run.exitCode).arg(run.out)));
        QVERIFY2(run.out.contains(u"WARN    triggers: "_s), qPrintable(run.out));
    }

    // Issue 13: a second statement pasted into --alter created a table on the primary and the replica, in a dry
    // run and with --preflight-only. It must be refused before anything runs.
    void injectedStatementIsRefusedWithNothingRun()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"injection"_s);
        engine::mysql::Connection primary = engine::mysql::Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT)"_s);
        const QStringList target{u"--database"_s, db.name(), u"--table"_s, u"t"_s, u"--alter"_s,
                                 u"ADD COLUMN x INT; CREATE TABLE injected (i INT)"_s};
        Run run = runCli(sandbox.replica, target);
        QVERIFY2(run.exitCode != 0, qPrintable(run.out));
        QVERIFY2(run.err.contains(u"more than one statement"_s), qPrintable(run.err + run.out));
        run = runCli(sandbox.replica, target, false); // a dry run
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(u"--alter is refused"_s) && run.err.contains(u"more than one statement"_s),
                 qPrintable(run.err));
        run = runCli(sandbox.replica, {u"--database"_s, db.name(), u"--table"_s, u"t"_s, u"--alter"_s,
                                       u"ADD COLUMN x INT /*!99999 ; CREATE TABLE injected (i INT) */"_s}, false);
        QCOMPARE(run.exitCode, 64);
        engine::mysql::Connection replica = engine::mysql::Connection::open(db.replica());
        testsupport::waitForReplica(primary, replica);
        for (engine::mysql::Connection *server : {&primary, &replica})
            QVERIFY(!server->query(u"SHOW TABLES LIKE 'injected'"_s).next());
        // One statement with a ';' inside a literal is fine.
        run = runCli(sandbox.replica, {u"--database"_s, db.name(), u"--table"_s, u"t"_s, u"--alter"_s,
                                       u"ADD COLUMN x VARCHAR(10) NOT NULL DEFAULT 'a;b'"_s}, false);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        // Behind the lexical check, the server itself runs user text one statement at a time.
        bool refused = false;
        try {
            primary.executeSingle(u"ALTER TABLE t ADD COLUMN q INT; CREATE TABLE injected (i INT)"_s);
        } catch (const engine::mysql::DbException &) {
            refused = true;
        }
        QVERIFY(refused);
        QVERIFY(!primary.query(u"SHOW TABLES LIKE 'injected'"_s).next());
        QVERIFY(!primary.query(u"SHOW COLUMNS FROM t LIKE 'q'"_s).next());
        primary.execute(u"SELECT 1; SELECT 2"_s); // the session's own batches still work afterwards
    }

    // Issue 13: secrets off the command line. A password flag is scrubbed from the running process's arguments;
    // MYSQL_PWD is read; helper names over MySQL's 64 characters are refused before anything is created.
    void secretsAndNames()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"secrets"_s);
        engine::mysql::Connection primary = engine::mysql::Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT)"_s);
        primary.execute(u"INSERT INTO t SELECT seq, seq FROM seq_1_to_1000"_s);

        QTemporaryDir dir;
        const QString postpone = dir.filePath(u"postpone"_s);
        QVERIFY(QFile(postpone).open(QIODevice::WriteOnly));
        QProcess cli;
        cli.setProcessChannelMode(QProcess::MergedChannels);
        const auto replica = db.replica();
        cli.start(qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s,
                  {u"--host"_s, replica.host, u"--port"_s, QString::number(replica.port), u"--user"_s, replica.user,
                   u"--password=%1"_s.arg(replica.password), u"--database"_s, db.name(), u"--table"_s, u"t"_s,
                   u"--alter"_s, u"ADD COLUMN z INT"_s, u"--execute"_s, u"--history-file=off"_s,
                   u"--ok-to-drop-table"_s, u"--postpone-cut-over-flag-file"_s, postpone});
        QVERIFY(cli.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(primary.query(u"SHOW TABLES LIKE '\\_t\\_ghk'"_s).next() || cli.state() != QProcess::Running,
                                 60000);
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(cli.processId()));
        QVERIFY(cmdline.open(QIODevice::ReadOnly));
        const QByteArray arguments = cmdline.readAll();
        const QByteArray scrubbed = QByteArray("--password=") + QByteArray(replica.password.size(), 'x');
        const QByteArray given = QByteArray("--password=") + replica.password.toUtf8();
        QVERIFY2(arguments.contains(scrubbed), arguments.constData());
        QVERIFY(!arguments.contains(given));
        QFile::remove(postpone);
        QVERIFY(cli.waitForFinished(120000));
        const QString output = QString::fromUtf8(cli.readAll());
        QVERIFY2(cli.exitCode() == 0, qPrintable(output.right(2000)));
        QVERIFY2(output.contains(u"was removed from the argument list"_s), qPrintable(output.left(2000)));

        QProcessEnvironment withPwd = QProcessEnvironment::systemEnvironment();
        withPwd.insert(u"MYSQL_PWD"_s, replica.password);
        Run run = runCli(sandbox.replica, {u"--database"_s, db.name(), u"--table"_s, u"t"_s, u"--alter"_s,
                                           u"ADD COLUMN y INT"_s}, false, withPwd);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));

        const QString longName = QString(60, u'l');
        primary.execute(u"CREATE TABLE %1 (id INT PRIMARY KEY)"_s.arg(longName));
        run = runCli(sandbox.replica, {u"--database"_s, db.name(), u"--table"_s, longName, u"--alter"_s,
                                       u"ADD COLUMN y INT"_s}, false);
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"[name-too-long]"_s) && run.err.contains(u"--force-table-names"_s), qPrintable(run.err));
        QVERIFY(!primary.query(u"SHOW TABLES LIKE '\\_%1\\_gh_'"_s.arg(longName)).next());
    }

    // Issue 13: the primary's own login (--master-user) from --conf, or from a prompt with --ask-pass, never on
    // the command line. The login exists only on the primary, so the preflight passes only if it went there.
    void primaryLoginFromConfOrPrompt()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"pfprimarylogin"_s);
        Connection primary = Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT)"_s);
        primary.execute(u"SET SESSION sql_log_bin = 0"_s);
        primary.execute(u"CREATE OR REPLACE USER 'ss_primary'@'%' IDENTIFIED BY 'primary-pw'"_s);
        primary.execute(u"GRANT ALL ON *.* TO 'ss_primary'@'%'"_s);
        Connection replica = Connection::open(sandbox.replica);
        testsupport::waitForReplica(primary, replica);
        const QStringList target = {u"--database"_s, db.name(), u"--table"_s, u"t"_s, u"--alter"_s,
                                    u"ADD COLUMN c INT"_s, u"--format=json"_s};
        QTemporaryDir dir;
        auto confWith = [&](const QString &password) {
            const QString path = dir.filePath(u"login-%1.cnf"_s.arg(password));
            QFile file(path);
            file.open(QIODevice::WriteOnly);
            file.write(u"[shadowswap]\nmaster-user=ss_primary\nmaster-password=%1\n"_s.arg(password).toUtf8());
            return path;
        };
        const Run wrong = runCli(sandbox.replica, target + QStringList{u"--conf"_s, confWith(u"not-it"_s)});
        QVERIFY2(wrong.exitCode != 0, qPrintable(wrong.out + wrong.err));
        const Run fromConf = runCli(sandbox.replica, target + QStringList{u"--conf"_s, confWith(u"primary-pw"_s)});
        QVERIFY2(fromConf.exitCode == 0, qPrintable(fromConf.out.right(3000) + fromConf.err));

        // --ask-pass asks for both: the main login's password, then the primary's.
        QProcess process;
        const QStringList args = QStringList{u"--host"_s, sandbox.replica.host, u"--port"_s,
                                             QString::number(sandbox.replica.port), u"--user"_s, sandbox.replica.user,
                                             u"--master-user"_s, u"ss_primary"_s, u"--ask-pass"_s,
                                             u"--preflight-only"_s}
            + target;
        process.start(qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s, args);
        QVERIFY(process.waitForStarted());
        process.write((sandbox.replica.password + u"\nprimary-pw\n"_s).toUtf8());
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(120000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QVERIFY2(process.exitCode() == 0, qPrintable(err + QString::fromUtf8(process.readAllStandardOutput()).right(2000)));
        QVERIFY2(err.contains(u"Password for ss_primary on the primary"_s), qPrintable(err));
        primary.execute(u"DROP USER 'ss_primary'@'%'"_s);
    }

    // Issue 13: a binlog client server id that a replica (or the server itself) uses would disconnect it.
    void serverIdInUseIsRefused()
    {
        REQUIRE_SANDBOX(sandbox);
        testsupport::ScratchDatabase db(sandbox, u"serverid"_s);
        engine::mysql::Connection primary = engine::mysql::Connection::open(db.primary());
        primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY, n INT)"_s);
        engine::mysql::Connection replica = engine::mysql::Connection::open(db.replica());
        testsupport::waitForReplica(primary, replica);
        const QString replicaId = replica.scalar(u"SELECT @@server_id"_s).value_or(u"0"_s);
        const QStringList target{u"--database"_s, db.name(), u"--table"_s, u"t"_s, u"--alter"_s, u"ADD COLUMN z INT"_s,
                                 u"--execute"_s, u"--history-file=off"_s, u"--replica-server-id"_s, replicaId};
        Run run = runCli(sandbox.replica, target, false); // the replica's own id, reading the replica
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"[server-id-in-use]"_s) && run.err.contains(u"the server itself"_s), qPrintable(run.err));
        run = runCli(sandbox.primary, target + QStringList{u"--allow-on-master"_s}, false); // a connected replica's id
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"[server-id-in-use]"_s) && run.err.contains(u"a connected replica"_s), qPrintable(run.err));
        QVERIFY(!primary.query(u"SHOW TABLES LIKE '\\_t\\_gho'"_s).next());
        QCOMPARE(replica.scalar(u"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE COMMAND = 'Slave_IO'"_s)
                     .value_or(u"0"_s), u"1"_s); // replication was not cut off
    }

    void preflightThatCannotRunExitsOne()
    {
        REQUIRE_SANDBOX(sandbox);
        engine::mysql::ConnectionSettings nowhere = sandbox.replica;
        nowhere.port = 1;
        Run run = runCli(nowhere, {u"--database"_s, u"d"_s, u"--table"_s, u"t"_s, u"--format=json"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"preflight could not run: cannot connect to"_s), qPrintable(run.err));
        QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8()).object();
        QVERIFY2(report.value(u"error"_s).toString().contains(u"127.0.0.1:1"_s), qPrintable(run.out));
        QVERIFY(report.value(u"findings"_s).toArray().isEmpty());

        run = runCli(sandbox.replica, {u"--database"_s, u"no_such_db"_s, u"--table"_s, u"t"_s});
        QCOMPARE(run.exitCode, 1);
        QVERIFY2(run.err.contains(u"does not exist"_s), qPrintable(run.err));
        QVERIFY2(run.out.isEmpty(), qPrintable(run.out));

        run = runCli(sandbox.replica, {u"--database"_s, u"d"_s});
        QCOMPARE(run.exitCode, 64);
        QVERIFY2(run.err.contains(u"--table"_s), qPrintable(run.err));
        run = runCli(sandbox.replica, {u"--database"_s, u"d"_s, u"--table"_s, u"t"_s, u"--format=yaml"_s});
        QCOMPARE(run.exitCode, 64);
    }
};

QTEST_GUILESS_MAIN(TestPreflightCli)
#include "tst_preflightcli.moc"
