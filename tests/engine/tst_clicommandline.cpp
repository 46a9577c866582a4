// The shadowswap-cli command line rebuilt from a recorded migration's parameters: run through the CLI's own
// flag parser it gives back the same migration, it carries no secret, a POSIX shell splits it into the same
// words, and it names exactly the options that differ from the CLI's defaults.
#include <ghostflags.h>
#include <history/specparameters.h>
#include <migrationcommand.h>
#include <QProcess>
#include <QTest>
#include <report/clicommandline.h>

using namespace Qt::StringLiterals;
using engine::history::specParameters;
using engine::migration::MigrationSpec;
using engine::report::CliCommandLine;
using engine::report::CliOption;

namespace {
// Many options away from their defaults, secrets set, and an ALTER that needs quoting; valid as a whole.
MigrationSpec unusualSpec() {
    MigrationSpec s;
    s.inspector.host = u"replica7.example"_s;
    s.inspector.port = 3399;
    s.inspector.user = u"dba"_s;
    s.inspector.password = u"inspector-secret-4711"_s;
    s.inspector.useTls = true;
    s.inspector.tlsCa = u"/etc/my ca.pem"_s;
    s.assumeMasterHost = u"primary.example:3306"_s;
    s.masterUser = u"writer"_s;
    s.masterPassword = u"master-secret-0815"_s;
    s.database = u"shop"_s;
    s.table = u"orders"_s;
    s.alter = u"ADD COLUMN note VARCHAR(20) NOT NULL DEFAULT 'it''s \"new\"',\n  ADD KEY k_note (note)"_s;
    s.execute = true;
    s.replicaServerId = 123456;
    s.chunkSize = 777;
    s.chunkTargetMillis = 250;
    s.dmlBatchSize = 55;
    s.exactRowcount = true;
    s.niceRatio = 2.5;
    s.verify = false;
    s.includeTriggers = true;
    s.triggerSuffix = u"_v2"_s;
    s.okToDropTable = true;
    s.cutOverLockTimeoutSeconds = 5;
    s.maxLagMillis = 2500;
    s.revertWindowSeconds = 1800;
    s.throttle.maxLoad = {{u"Threads_running"_s, 25}};
    s.throttle.throttleAdditionalFlagFile.clear(); // the console's default, not the CLI's
    s.throttle.throttleControlReplicas = u"r1:3306,r2:3306"_s;
    s.runPreflight = false;
    s.forcedPreflightIds = {u"triggers"_s, u"foreign_keys"_s};
    s.hooksPath = u"/tmp"_s; // validate() wants a directory that exists
    s.hooksHintToken = u"token-secret-1234"_s;
    return s;
}

// What shadowswap-cli builds from these arguments (the connection as CliRunner builds it).
std::optional<MigrationSpec> cliSpec(const QStringList &arguments, QString *error) {
    cli::FlagParser flags(cli::ghostCompatibleFlags());
    if (!flags.parse(arguments)) {
        *error = flags.error();
        return std::nullopt;
    }
    engine::mysql::ConnectionSettings inspector;
    inspector.host = flags.stringValue(u"host"_s);
    inspector.port = static_cast<unsigned>(flags.intValue(u"port"_s));
    inspector.user = flags.stringValue(u"user"_s);
    inspector.useTls = flags.boolValue(u"ssl"_s) || flags.isSet(u"ssl-ca"_s);
    inspector.tlsCa = flags.stringValue(u"ssl-ca"_s);
    MigrationSpec spec;
    if (!cli::buildMigrationSpec(flags, inspector, spec, error))
        return std::nullopt;
    return spec;
}
} // namespace

class TestCliCommandLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rebuildsTheSameMigrationThroughTheCliParser() {
        const MigrationSpec spec = unusualSpec();
        QCOMPARE(spec.validate(), QString());
        const CliCommandLine line = CliCommandLine::fromSpec(spec);
        QString error;
        const auto rebuilt = cliSpec(line.arguments(), &error);
        QVERIFY2(rebuilt, qPrintable(error + u"\n"_s + line.toString()));
        QJsonObject expected = specParameters(spec), actual = specParameters(*rebuilt);
        // Never on the line: the token (a secret) and the settings no flag sets.
        for (const QString &key :
             {u"hooks-hint-token"_s, u"apply-workers"_s, u"keep-helper-tables-on-abort"_s}) {
            expected.remove(key);
            actual.remove(key);
        }
        for (auto it = expected.begin(); it != expected.end(); ++it)
            QVERIFY2(actual.value(it.key()) == it.value(),
                     qPrintable(u"%1: recorded %2, rebuilt %3"_s.arg(
                         it.key(), it.value().toVariant().toString(),
                         actual.value(it.key()).toVariant().toString())));
        QCOMPARE(actual.keys(), expected.keys());
    }

    void carriesNoSecret() {
        const CliCommandLine line = CliCommandLine::fromSpec(unusualSpec());
        const QString text = line.toString() + line.toMultiLineString() + line.arguments().join(u' ');
        for (const QString &secret :
             {u"inspector-secret-4711"_s, u"master-secret-0815"_s, u"token-secret-1234"_s})
            QVERIFY2(!text.contains(secret), qPrintable(secret));
        QVERIFY(!text.contains(u"--password"_s));
        QVERIFY(!text.contains(u"--master-password"_s));
        QVERIFY(!text.contains(u"hooks-hint-token"_s));
        QVERIFY(line.arguments().contains(u"--ask-pass"_s));
        QCOMPARE(line.omittedSecrets(), QStringList{u"hooks-hint-token"_s});
        // Rebuilt from what the journal stores ("(set)" for the token), the same.
        QCOMPARE(CliCommandLine::fromParameters(specParameters(unusualSpec())).arguments(), line.arguments());
    }

    void aShellSplitsItIntoTheSameWords() {
        const CliCommandLine line = CliCommandLine::fromSpec(unusualSpec());
        for (const QString &text : {line.toString(), line.toMultiLineString()}) {
            QProcess shell;
            // The program name is replaced by printf's format: every word, NUL-terminated.
            shell.start(u"/bin/sh"_s, {u"-c"_s, u"printf '%s\\0' "_s + text.mid(text.indexOf(u' ') + 1)});
            QVERIFY(shell.waitForFinished(10000));
            QCOMPARE(shell.exitCode(), 0);
            QStringList words = QString::fromUtf8(shell.readAllStandardOutput()).split(QChar(0));
            QCOMPARE(words.takeLast(), QString());
            QCOMPARE(words, line.arguments());
        }
    }

    void listsOnlyWhatDiffersFromTheCliDefaults() {
        MigrationSpec spec;
        spec.inspector.host = u"db1"_s;
        spec.inspector.user = u"dba"_s;
        spec.database = u"shop"_s;
        spec.table = u"orders"_s;
        spec.alter = u"ADD COLUMN x INT"_s;
        spec.execute = true;
        spec.throttle.throttleAdditionalFlagFile = u"/tmp/gh-ost.throttle"_s;
        CliCommandLine line = CliCommandLine::fromSpec(spec);
        QCOMPARE(line.changedOptions(), QList<CliOption>{});
        QCOMPARE(line.toString(),
                 u"shadowswap-cli --host=db1 --port=3306 --user=dba --ask-pass --database=shop "
                 "--table=orders --alter='ADD COLUMN x INT' --execute"_s);

        spec.chunkSize = 200;
        spec.revertWindowSeconds = 600;
        spec.runPreflight = false;
        spec.throttle.throttleAdditionalFlagFile.clear();
        line = CliCommandLine::fromSpec(spec);
        QCOMPARE(line.changedOptions(),
                 (QList<CliOption>{{u"chunk-size"_s, u"200"_s, u"1000"_s},
                                   {u"revert-window"_s, u"10m"_s, u"0"_s},
                                   {u"throttle-additional-flag-file"_s, QString(), u"/tmp/gh-ost.throttle"_s},
                                   {u"skip-preflight"_s, u"true"_s, u"false"_s}}));
    }

    void theDefaultsAreTheCliDefaults() {
        // What the CLI builds from the connection and the target alone.
        QString error;
        const auto spec = cliSpec({u"--host=db1"_s, u"--user=dba"_s, u"--database=shop"_s,
                                   u"--table=orders"_s, u"--alter=ADD COLUMN x INT"_s},
                                  &error);
        QVERIFY2(spec, qPrintable(error));
        QJsonObject cli = specParameters(*spec), assumed = CliCommandLine::defaultParameters();
        for (const QString &key : {u"host"_s, u"user"_s, u"database"_s, u"table"_s, u"alter"_s}) {
            cli.remove(key);
            assumed.remove(key);
        }
        for (auto it = cli.begin(); it != cli.end(); ++it)
            QVERIFY2(assumed.value(it.key()) == it.value(), qPrintable(it.key()));
        QCOMPARE(assumed.keys(), cli.keys());
    }

    void knowsEveryRecordedParameter() {
        const QStringList known = CliCommandLine::knownParameters();
        for (const QString &key : specParameters(MigrationSpec{}).keys())
            QVERIFY2(known.contains(key),
                     qPrintable(key + u" is recorded but the command line ignores it"_s));
    }
};

QTEST_GUILESS_MAIN(TestCliCommandLine)
#include "tst_clicommandline.moc"
