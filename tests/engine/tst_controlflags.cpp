// shadowswap-cli's control socket flags: gh-ost's default socket path, explicit paths, TCP endpoints, and the
// table-name requirements of --force-named-cut-over / --force-named-panic.
#include <controlflags.h>
#include <flagparser.h>
#include <ghostflags.h>

#include <QTest>

using namespace Qt::StringLiterals;
using cli::ControlSetup;
using cli::FlagParser;

namespace {
engine::migration::MigrationSpec specFor(bool execute)
{
    engine::migration::MigrationSpec spec;
    spec.database = u"shop"_s;
    spec.table = u"orders"_s;
    spec.execute = execute;
    return spec;
}
} // namespace

class TestControlFlags : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void executedMigrationsServeGhostsDefaultSocket()
    {
        FlagParser flags(cli::ghostCompatibleFlags());
        QVERIFY(flags.parse({}));
        ControlSetup setup;
        QString error;
        QVERIFY2(cli::buildControlSetup(flags, specFor(true), setup, &error), qPrintable(error));
        QCOMPARE(setup.server.socketFile, u"/tmp/gh-ost.shop.orders.sock"_s);
        QVERIFY(!setup.server.tcp.enabled);
        QVERIFY(!setup.server.dropExistingSocketFile);
        QCOMPARE(setup.identity.table, u"orders"_s);
        QCOMPARE(setup.identity.ghostTable, u"_orders_gho"_s);
        // A dry run serves nothing unless asked to.
        ControlSetup dry;
        QVERIFY(cli::buildControlSetup(flags, specFor(false), dry, &error));
        QVERIFY(dry.server.socketFile.isEmpty());
    }

    void explicitSettings()
    {
        FlagParser flags(cli::ghostCompatibleFlags());
        QVERIFY(flags.parse({u"--serve-socket-file=/run/x.sock"_s, u"--serve-tcp-port"_s, u"0.0.0.0:9001"_s,
                             u"--initially-drop-socket-file"_s, u"--force-named-panic"_s}));
        ControlSetup setup;
        QString error;
        QVERIFY2(cli::buildControlSetup(flags, specFor(true), setup, &error), qPrintable(error));
        QCOMPARE(setup.server.socketFile, u"/run/x.sock"_s);
        QVERIFY(setup.server.dropExistingSocketFile);
        QVERIFY(setup.server.tcp.enabled);
        QCOMPARE(setup.server.tcp.address.toString(), u"0.0.0.0"_s);
        QCOMPARE(setup.server.tcp.port, quint16(9001));
        QVERIFY(setup.identity.forceNamedPanic);
        QVERIFY(!setup.identity.forceNamedCutOver);
    }

    void emptySocketFileTurnsItOff()
    {
        FlagParser flags(cli::ghostCompatibleFlags());
        QVERIFY(flags.parse({u"--serve-socket-file="_s, u"--serve-tcp-port=9001"_s}));
        ControlSetup setup;
        QString error;
        QVERIFY2(cli::buildControlSetup(flags, specFor(true), setup, &error), qPrintable(error));
        QVERIFY(setup.server.socketFile.isEmpty());
        QCOMPARE(setup.server.tcp.address.toString(), u"127.0.0.1"_s);
    }

    void badTcpPortIsAUsageError()
    {
        FlagParser flags(cli::ghostCompatibleFlags());
        QVERIFY(flags.parse({u"--serve-tcp-port=ninety"_s}));
        ControlSetup setup;
        QString error;
        QVERIFY(!cli::buildControlSetup(flags, specFor(true), setup, &error));
        QVERIFY2(error.contains(u"--serve-tcp-port"_s) && error.contains(u"ADDRESS:PORT"_s), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestControlFlags)
#include "tst_controlflags.moc"
