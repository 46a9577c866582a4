// The control socket against a real migration in the sandbox: commands over the unix socket and TCP steer the
// running engine (throttle stops copy and apply, no-throttle resumes, unpostpone completes, panic aborts), bad
// commands change nothing, and the migrated table equals the original changed natively under the same load.
#include <migrationharness.h>
#include <rowmix.h>
#include <sandbox.h>
#include <writeload.h>

#include <control/controllertarget.h>
#include <control/controlserver.h>
#include <migration/migrationcontroller.h>
#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QLocalSocket>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using engine::control::ControllerTarget;
using engine::control::ControlIdentity;
using engine::control::ControlServer;
using engine::control::ControlServerOptions;
using engine::migration::MigrationController;
using engine::migration::MigrationFailure;
using engine::migration::MigrationState;
using engine::mysql::Connection;
using engine::mysql::qualifiedName;

namespace {

// One command, one connection, like `echo CMD | socat - SOCKET`: spins the event loop (the server may live in this
// thread) until the server closes the connection.
template <typename Socket, typename Connect>
QString exchange(Socket &socket, Connect connectToServer, const QString &command)
{
    QByteArray reply;
    QEventLoop loop;
    bool closed = false;
    auto close = [&] {
        closed = true;
        loop.quit();
    };
    QObject::connect(&socket, &Socket::connected, [&] { socket.write((command + u'\n').toUtf8()); });
    QObject::connect(&socket, &Socket::readyRead, [&] { reply += socket.readAll(); });
    QObject::connect(&socket, &Socket::disconnected, close);
    QObject::connect(&socket, &Socket::errorOccurred, close);
    QTimer::singleShot(10000, &loop, &QEventLoop::quit);
    connectToServer();
    if (!closed)
        loop.exec();
    reply += socket.readAll();
    return QString::fromUtf8(reply);
}

QString viaSocket(const QString &path, const QString &command)
{
    QLocalSocket socket;
    return exchange(socket, [&] { socket.connectToServer(path); }, command);
}

QString viaTcp(quint16 port, const QString &command)
{
    QTcpSocket socket;
    return exchange(socket, [&] { socket.connectToHost(u"127.0.0.1"_s, port); }, command);
}

// `echo COMMAND | socat - ADDRESS`, as gh-ost chatops scripts do it; empty when socat is not installed.
QString viaSocat(const QString &address, const QString &command)
{
    const QString socat = QStandardPaths::findExecutable(u"socat"_s);
    if (socat.isEmpty())
        return {};
    QProcess process;
    process.start(u"/bin/sh"_s, {u"-c"_s, u"echo '%1' | %2 - %3"_s.arg(command, socat, address)});
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && clock.elapsed() < 10000)
        QTest::qWait(20); // spins the server's event loop
    return QString::fromUtf8(process.readAllStandardOutput());
}

int fileMode(const QString &path)
{
    struct stat info {};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 07777) : -1;
}

void createTables(Connection &primary, int rows)
{
    for (const QString &name : {u"t"_s, u"t_ref"_s}) {
        primary.execute(u"CREATE TABLE %1 (id BIGINT PRIMARY KEY, n INT, s VARCHAR(40))"_s.arg(name));
        primary.execute(u"INSERT INTO %1 SELECT seq, seq, CONCAT('s', seq) FROM seq_1_to_%2"_s.arg(name).arg(rows));
    }
}

// Inserts, updates and deletes, each mirrored onto t_ref.
std::unique_ptr<testsupport::WriteLoad> mirroredLoad(const testsupport::ScratchDatabase &db, int rows)
{
    testsupport::RowMix::Shape shape;
    shape.keyColumnsAndValues = [](qint64 id) { return u"id|%1"_s.arg(id); };
    shape.keyPredicate = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.keyAssignment = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.otherColumns = u"n, s"_s;
    shape.otherValues = [](QRandomGenerator &r) { return u"%1, 'new'"_s.arg(r.bounded(100)); };
    shape.otherAssignments = [](QRandomGenerator &r) { return u"n = %1"_s.arg(r.bounded(100)); };
    auto mix = std::make_shared<testsupport::RowMix>(shape, rows);
    testsupport::WriteLoad::Options load;
    load.connection = db.primary();
    load.statementsPerSecond = 100;
    load.mirrorTables = {qualifiedName(db.name(), u"t"_s), qualifiedName(db.name(), u"t_ref"_s)};
    load.nextStatement = [mix](quint64 s, QRandomGenerator &r) { return mix->next(s, r); };
    return std::make_unique<testsupport::WriteLoad>(load);
}

} // namespace

class TestControlSocket : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void steersAMigrationOverSocketAndTcp();
    void panicAbortsAndLeavesTheOriginal();
    void cliServesTheSocket();
    void cliRefusesBadSocketSettingsBeforeStarting();
};

void TestControlSocket::steersAMigrationOverSocketAndTcp()
{
    REQUIRE_SANDBOX(sandbox);
    testsupport::ScratchDatabase db(sandbox, u"ctlsock"_s);
    Connection primary = Connection::open(db.primary());
    createTables(primary, 5000);
    auto writer = mirroredLoad(db, 5000);
    writer->start();

    QTemporaryDir dir;
    const QString socketPath = dir.filePath(u"control.sock"_s);
    const QString postponeFlag = dir.filePath(u"postpone.flag"_s);
    QVERIFY(QFile(postponeFlag).open(QIODevice::WriteOnly));
    auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN x INT"_s);
    spec.throttle.postponeCutOverFlagFile = postponeFlag;

    MigrationController controller;
    controller.setSnapshotIntervalMillis(100);
    bool finished = false;
    MigrationFailure failure;
    connect(&controller, &MigrationController::finished, this, [&] { finished = true; });
    connect(&controller, &MigrationController::failed, this, [&](const MigrationFailure &f) { failure = f; });
    ControllerTarget target(controller);
    ControlIdentity identity{db.name(), u"t"_s, u"_t_gho"_s, {}, false, false};
    ControlServer server(target, identity);
    ControlServerOptions options;
    options.socketFile = socketPath;
    options.tcp.enabled = true;
    QString error;
    QVERIFY2(server.start(options, &error), qPrintable(error));
    QCOMPARE(fileMode(socketPath), 0600);
    const quint16 port = server.tcpPort();
    QVERIFY(port > 0);
    {
        // A second server may not take over an existing socket file; the first keeps serving.
        ControlServer second(target, identity);
        ControlServerOptions again;
        again.socketFile = socketPath;
        QVERIFY(!second.start(again, &error));
        QVERIFY2(error.contains(u"--initially-drop-socket-file"_s), qPrintable(error));
    }
    QVERIFY(QFileInfo::exists(socketPath));

    controller.start(spec);
    // Small pinned chunks and a nice ratio make the copy last long enough to be throttled in the middle.
    QVERIFY2(viaSocket(socketPath, u"chunk-size=10"_s).startsWith(u"chunk-size: 10 rows"_s), "chunk-size refused");
    QVERIFY(viaTcp(port, u"nice-ratio=2"_s).startsWith(u"nice-ratio: 2"_s));
    QTRY_VERIFY_WITH_TIMEOUT(controller.snapshot().rowsCopied >= 200 || !failure.code.isEmpty(), 120000);
    QVERIFY2(failure.code.isEmpty(), qPrintable(failure.message));
    QCOMPARE(controller.snapshot().chunkSize, 10u);
    QCOMPARE(viaSocket(socketPath, u"chunk-size=?"_s), u"10\n"_s);

    // throttle: the copy stops; the binlog is still read and the appliers keep applying it.
    QVERIFY(viaTcp(port, u"throttle"_s).startsWith(u"Throttled by the operator"_s));
    QTRY_VERIFY_WITH_TIMEOUT(controller.snapshot().throttled, 5000);
    QTest::qWait(500); // a chunk or batch already under way completes
    const auto frozen = controller.snapshot();
    QCOMPARE(frozen.state, MigrationState::Copying);
    QVERIFY(frozen.rowsCopied < 5000);
    QTest::qWait(2000);
    const auto later = controller.snapshot();
    QVERIFY(later.throttled);
    QCOMPARE(later.rowsCopied, frozen.rowsCopied);
    QVERIFY2(later.eventsRead > frozen.eventsRead, "the binlog is not read while throttled");
    QVERIFY2(later.eventsApplied > frozen.eventsApplied, "the appliers stopped while throttled");
    const QString sup = viaSocket(socketPath, u"sup"_s);
    QVERIFY2(sup.contains(u"State: throttled, throttled by the operator;"_s), qPrintable(sup));

    // Bad commands get one error line and change nothing.
    const auto settingsBefore = controller.throttleSettings();
    const qint64 lagBefore = controller.maxLagMillis(), batchBefore = controller.dmlBatchSize();
    for (const QString &bad : {u"chunk-size=0"_s, u"max-load=Threads_running"_s, u"nice-ratio=-2"_s, u"bogus"_s,
                               u"max-lag-millis=soon"_s, u"dml-batch-size=0"_s, u"unpostpone"_s, u"throttle=other"_s}) {
        const QString reply = viaSocket(socketPath, bad);
        QVERIFY2(reply.startsWith(u"ERROR: "_s) && reply.count(u'\n') == 1, qPrintable(bad + u" -> "_s + reply));
    }
    QCOMPARE(controller.throttleSettings(), settingsBefore);
    QCOMPARE(controller.maxLagMillis(), lagBefore);
    QCOMPARE(controller.dmlBatchSize(), batchBefore);
    QCOMPARE(controller.pinnedChunkSize(), 10);
    QCOMPARE(controller.niceRatio(), 2.0);
    QVERIFY(controller.isThrottledByOperator());
    QCOMPARE(viaSocket(socketPath, u"chunk-size=?"_s), u"10\n"_s);

    // Good ones reach the engine, over either interface.
    QVERIFY(viaTcp(port, u"max-lag-millis=4000"_s).startsWith(u"max-lag-millis: 4000"_s));
    QCOMPARE(controller.maxLagMillis(), 4000);
    QVERIFY(viaSocket(socketPath, u"max-load=Threads_running=5000"_s).startsWith(u"max-load: "_s));
    QCOMPARE(viaTcp(port, u"max-load=?"_s), u"Threads_running=5000\n"_s);
    QCOMPARE(controller.throttleSettings().maxLoad.size(), size_t(1));

    // no-throttle: the copy resumes; a chunk target lets the size adapt again so it finishes soon.
    QVERIFY(viaSocket(socketPath, u"no-throttle"_s).startsWith(u"Operator throttling ended"_s));
    QVERIFY(viaSocket(socketPath, u"chunk-target-millis=100"_s).startsWith(u"chunk-target-millis: 100"_s));
    QVERIFY(viaSocket(socketPath, u"nice-ratio=0"_s).startsWith(u"nice-ratio: 0"_s));
    QTRY_VERIFY_WITH_TIMEOUT(controller.snapshot().rowsCopied > later.rowsCopied, 10000);
    QTRY_VERIFY_WITH_TIMEOUT(controller.snapshot().state == MigrationState::Postponed || !failure.code.isEmpty(),
                             120000);
    QVERIFY2(failure.code.isEmpty(), qPrintable(failure.message));

    // Postponed: changes keep being applied; status, coordinates and scripts through socat see it.
    const quint64 appliedAtPostpone = controller.snapshot().eventsApplied;
    QTRY_VERIFY_WITH_TIMEOUT(controller.snapshot().eventsApplied > appliedAtPostpone, 20000);
    const QString status = viaTcp(port, u"status"_s);
    QVERIFY2(status.startsWith(u"# Migrating `%1`.`t`; Ghost table is `%1`.`_t_gho`\n"_s.arg(db.name())),
             qPrintable(status));
    QVERIFY2(status.contains(u"State: postponing cut-over; ETA: due"_s), qPrintable(status));
    QVERIFY2(status.contains(u"# postpone-cut-over-flag-file: %1 [set]"_s.arg(postponeFlag)), qPrintable(status));
    const QString coordinates = viaSocket(socketPath, u"coordinates"_s);
    QVERIFY2(QRegularExpression(u"^\\S+\\.\\d+:\\d+"_s).match(coordinates).hasMatch(), qPrintable(coordinates));
    if (const QString socat = viaSocat(u"UNIX-CONNECT:"_s + socketPath, u"sup"_s); !socat.isNull())
        QVERIFY2(socat.contains(u"State: postponing cut-over"_s), qPrintable(socat));
    if (const QString socat = viaSocat(u"TCP:127.0.0.1:%1"_s.arg(port), u"sup"_s); !socat.isNull())
        QVERIFY2(socat.startsWith(u"Copy: "_s), qPrintable(socat));

    // unpostpone completes the migration although the flag file still exists.
    QVERIFY(viaSocket(socketPath, u"unpostpone"_s).startsWith(u"Unpostponed"_s));
    QTRY_VERIFY_WITH_TIMEOUT(finished || !failure.code.isEmpty(), 120000);
    QVERIFY2(finished, qPrintable(failure.code + u": "_s + failure.message));
    QVERIFY(QFileInfo::exists(postponeFlag));
    QTest::qWait(300);
    writer->stop();
    QVERIFY2(writer->errors() == 0, qPrintable(writer->errorMessages().join(u'\n')));
    server.stop();
    QVERIFY(!QFileInfo::exists(socketPath));
    primary.execute(u"ALTER TABLE t_ref ADD COLUMN x INT"_s);
    QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s),
             testsupport::checksumTable(primary, db.name(), u"t_ref"_s));
}

void TestControlSocket::panicAbortsAndLeavesTheOriginal()
{
    REQUIRE_SANDBOX(sandbox);
    testsupport::ScratchDatabase db(sandbox, u"ctlpanic"_s);
    Connection primary = Connection::open(db.primary());
    createTables(primary, 3000);
    const auto before = testsupport::checksumTable(primary, db.name(), u"t"_s);
    QTemporaryDir dir;
    auto spec = testsupport::sandboxSpec(db, u"t"_s, u"ADD COLUMN x INT"_s);
    spec.throttle.postponeCutOverFlagFile = dir.filePath(u"postpone.flag"_s);
    QVERIFY(QFile(spec.throttle.postponeCutOverFlagFile).open(QIODevice::WriteOnly));

    MigrationController controller;
    controller.setSnapshotIntervalMillis(100);
    MigrationFailure failure;
    bool finished = false;
    connect(&controller, &MigrationController::finished, this, [&] { finished = true; });
    connect(&controller, &MigrationController::failed, this, [&](const MigrationFailure &f) { failure = f; });
    ControllerTarget target(controller);
    ControlServer server(target, ControlIdentity{db.name(), u"t"_s, u"_t_gho"_s, {}, false, true});
    ControlServerOptions options;
    options.socketFile = dir.filePath(u"c.sock"_s);
    QString error;
    QVERIFY2(server.start(options, &error), qPrintable(error));
    controller.start(spec);
    QTRY_VERIFY_WITH_TIMEOUT(controller.snapshot().state == MigrationState::Postponed || !failure.code.isEmpty(),
                             120000);
    QVERIFY2(failure.code.isEmpty(), qPrintable(failure.message));
    // --force-named-panic: a bare panic is refused and changes nothing.
    QVERIFY(viaSocket(options.socketFile, u"panic"_s).startsWith(u"ERROR: "_s));
    QTest::qWait(500);
    QCOMPARE(controller.snapshot().state, MigrationState::Postponed);
    const QString reply = viaSocket(options.socketFile, u"panic=t"_s);
    QVERIFY2(reply.contains(u"untouched"_s), qPrintable(reply));
    QTRY_VERIFY_WITH_TIMEOUT(finished || !failure.code.isEmpty(), 60000);
    QCOMPARE(failure.code, u"aborted"_s);
    QVERIFY(failure.originalUntouched);
    QCOMPARE(testsupport::checksumTable(primary, db.name(), u"t"_s), before);
    QVERIFY(primary.scalar(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND TABLE_NAME "
                           "LIKE '\\_t\\_%'"_s.arg(primary.quote(db.name())))
                .value() == u"0"_s);
}

void TestControlSocket::cliServesTheSocket()
{
    REQUIRE_SANDBOX(sandbox);
    testsupport::ScratchDatabase db(sandbox, u"ctlcli"_s);
    Connection primary = Connection::open(db.primary());
    createTables(primary, 2000);
    QTemporaryDir dir;
    const QString socketPath = dir.filePath(u"cli.sock"_s);
    const QString flag = dir.filePath(u"postpone.flag"_s);
    QVERIFY(QFile(flag).open(QIODevice::WriteOnly));
    const auto replica = db.replica();
    QProcess cli;
    cli.start(qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s,
              {u"--host"_s, replica.host, u"--port"_s, QString::number(replica.port), u"--user"_s, replica.user,
               u"--password"_s, replica.password, u"--database"_s, db.name(), u"--table"_s, u"t"_s, u"--alter"_s,
               u"ADD COLUMN x INT"_s, u"--execute"_s, u"--postpone-cut-over-flag-file"_s, flag,
               u"--serve-socket-file"_s, socketPath, u"--history-file=off"_s,
               u"--replica-server-id"_s, QString::number(60000 + QCoreApplication::applicationPid() % 5000)});
    QVERIFY(cli.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(QFileInfo::exists(socketPath) || cli.state() == QProcess::NotRunning, 30000);
    QVERIFY2(cli.state() == QProcess::Running, cli.readAllStandardError().constData());
    QCOMPARE(fileMode(socketPath), 0600);
    QVERIFY(viaSocket(socketPath, u"sup"_s).startsWith(u"Copy: "_s));
    QTRY_VERIFY_WITH_TIMEOUT(viaSocket(socketPath, u"sup"_s).contains(u"State: postponing cut-over"_s), 120000);
    QVERIFY(viaSocket(socketPath, u"unpostpone"_s).startsWith(u"Unpostponed"_s));
    QVERIFY(cli.waitForFinished(120000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
    QVERIFY2(cli.readAllStandardOutput().contains("Done: "), "no summary");
    QVERIFY(!QFileInfo::exists(socketPath));
    QCOMPARE(primary.scalar(u"SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = %1 AND "
                            "TABLE_NAME = 't' AND COLUMN_NAME = 'x'"_s.arg(primary.quote(db.name())))
                 .value(),
             u"1"_s);
}

void TestControlSocket::cliRefusesBadSocketSettingsBeforeStarting()
{
    REQUIRE_SANDBOX(sandbox);
    testsupport::ScratchDatabase db(sandbox, u"ctlbad"_s);
    Connection primary = Connection::open(db.primary());
    primary.execute(u"CREATE TABLE t (id INT PRIMARY KEY)"_s);
    QTemporaryDir dir;
    const QString occupied = dir.filePath(u"occupied"_s);
    QVERIFY(QFile(occupied).open(QIODevice::WriteOnly));
    const auto replica = db.replica();
    const QStringList base = {u"--host"_s, replica.host, u"--port"_s, QString::number(replica.port), u"--user"_s,
                              replica.user, u"--password"_s, replica.password, u"--database"_s, db.name(),
                              u"--table"_s, u"t"_s, u"--alter"_s, u"ADD COLUMN x INT"_s, u"--execute"_s,
                              u"--history-file=off"_s};
    struct Case {
        QStringList flags;
        QString mentions;
    };
    const QList<Case> cases = {
        {{u"--serve-socket-file"_s, occupied}, u"--initially-drop-socket-file"_s},
        {{u"--serve-socket-file"_s, occupied, u"--initially-drop-socket-file"_s}, u"not a socket"_s},
        {{u"--serve-socket-file"_s, dir.filePath(u"s.sock"_s), u"--serve-tcp-port=soon"_s}, u"--serve-tcp-port"_s},
        {{u"--serve-socket-file"_s, dir.filePath(u"s.sock"_s), u"--serve-tcp-port=999.1.1.1:80"_s}, u"IP address"_s},
    };
    for (const Case &c : cases) {
        QProcess cli;
        cli.start(qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s, base + c.flags);
        QVERIFY(cli.waitForFinished(60000));
        const QString err = QString::fromUtf8(cli.readAllStandardError());
        QCOMPARE(cli.exitCode(), 64);
        QVERIFY2(err.contains(c.mentions), qPrintable(err));
    }
    QVERIFY(QFileInfo(occupied).isFile()); // never deleted
    QVERIFY(primary.scalar(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1"_s.arg(
                               primary.quote(db.name())))
                .value() == u"1"_s); // nothing was started: no helper tables
}

QTEST_GUILESS_MAIN(TestControlSocket)
#include "tst_controlsocket.moc"
