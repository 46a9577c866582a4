#include <flagparser.h>
#include <ghostflags.h>
#include <mysql/connectionsettings.h>

#include <QTemporaryFile>
#include <QTest>

using namespace Qt::StringLiterals;
using cli::FlagParser;

class TestFlagParser : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void acceptsGoStyleFlags()
    {
        FlagParser parser(cli::ghostCompatibleFlags());
        QVERIFY2(parser.parse({u"-host"_s, u"db1"_s, u"--port=3307"_s, u"--execute"_s, u"-alter=ADD COLUMN x INT"_s,
                               u"--allow-on-master=false"_s, u"--chunk-size"_s, u"500"_s}),
                 qPrintable(parser.error()));
        QCOMPARE(parser.stringValue(u"host"_s), u"db1"_s);
        QCOMPARE(parser.intValue(u"port"_s), 3307);
        QVERIFY(parser.boolValue(u"execute"_s));
        QVERIFY(!parser.boolValue(u"allow-on-master"_s));
        QCOMPARE(parser.stringValue(u"alter"_s), u"ADD COLUMN x INT"_s);
        QCOMPARE(parser.intValue(u"chunk-size"_s), 500);
    }
    void usesGhostDefaults()
    {
        FlagParser parser(cli::ghostCompatibleFlags());
        QVERIFY(parser.parse({}));
        QCOMPARE(parser.intValue(u"chunk-size"_s), 1000);
        QCOMPARE(parser.intValue(u"dml-batch-size"_s), 10);
        QCOMPARE(parser.intValue(u"max-lag-millis"_s), 1500);
        QCOMPARE(parser.intValue(u"cut-over-lock-timeout-seconds"_s), 3);
        QCOMPARE(parser.intValue(u"default-retries"_s), 60);
        QVERIFY(!parser.boolValue(u"execute"_s));
    }
    void rejectsUnknownFlags()
    {
        FlagParser parser(cli::ghostCompatibleFlags());
        QVERIFY(!parser.parse({u"--no-such-flag"_s}));
        QVERIFY(parser.error().contains(u"unknown flag: --no-such-flag"_s));
    }
    void rejectsMalformedValues()
    {
        FlagParser parser(cli::ghostCompatibleFlags());
        QVERIFY(!parser.parse({u"--chunk-size=lots"_s}));
        QVERIFY(parser.error().contains(u"chunk-size"_s));
        QVERIFY(!parser.parse({u"--execute=maybe"_s}));
        QVERIFY(parser.error().contains(u"switch"_s));
        QVERIFY(!parser.parse({u"--host"_s}));
        QVERIFY(parser.error().contains(u"needs a value"_s));
    }
    // Issue 13: "--execute false" executed, and an unquoted "--alter ADD COLUMN x" altered with "ADD".
    void rejectsPositionalArguments()
    {
        FlagParser parser(cli::ghostCompatibleFlags());
        QVERIFY(!parser.parse({u"--execute"_s, u"false"_s}));
        QVERIFY2(parser.error().contains(u"--execute=false"_s), qPrintable(parser.error()));
        QVERIFY(!parser.parse({u"--alter"_s, u"ADD"_s, u"COLUMN"_s, u"x"_s}));
        QVERIFY2(parser.error().contains(u"\"COLUMN\""_s) && parser.error().contains(u"Quote"_s), qPrintable(parser.error()));
        QVERIFY(parser.parse({u"--execute=false"_s, u"--alter"_s, u"ADD COLUMN x INT"_s}));
        QVERIFY(!parser.boolValue(u"execute"_s));
    }

    void warnsAboutFlagsWithoutEffect()
    {
        FlagParser parser(cli::ghostCompatibleFlags());
        QVERIFY(parser.parse({u"--tungsten"_s, u"--host"_s, u"x"_s}));
        QCOMPARE(parser.warnings().size(), 1);
        QVERIFY(parser.warnings().first().contains(u"--tungsten"_s));
    }
    void readsMyCnfClientSection()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        file.write("[mysqld]\nport=1\n[client]\nuser = dba\npassword=\"s3 cret\"\nport=3310\nhost=db.example\n");
        file.close();
        engine::mysql::ConnectionSettings settings;
        QString error;
        QVERIFY(engine::mysql::applyMyCnf(file.fileName(), settings, &error));
        QCOMPARE(settings.user, u"dba"_s);
        QCOMPARE(settings.password, u"s3 cret"_s);
        QCOMPARE(settings.port, 3310u);
        QCOMPARE(settings.host, u"db.example"_s);
        QVERIFY(!settings.describe().contains(u"s3 cret"_s));
        QVERIFY(!engine::mysql::applyMyCnf(u"/nonexistent/my.cnf"_s, settings, &error));
        QVERIFY(error.contains(u"/nonexistent/my.cnf"_s));
    }
};

QTEST_GUILESS_MAIN(TestFlagParser)
#include "tst_flagparser.moc"
