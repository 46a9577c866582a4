#include "watchcommand.h"

#include "clirunner.h"

#include <control/statusparse.h>

#include <QFile>
#include <QLocalSocket>
#include <QTcpSocket>
#include <QTextStream>
#include <QThread>

#include <atomic>
#include <csignal>
#include <memory>

using namespace Qt::StringLiterals;
using engine::control::MigrationStatus;

namespace cli {

namespace {

std::atomic<bool> g_interrupted{false};

// One exchange: connect, (token line,) "status", read until the other side closes. Empty with `error` on failure.
QString askStatus(const QString &endpoint, const QByteArray &token, QString *error)
{
    std::unique_ptr<QIODevice> device;
    const qsizetype colon = endpoint.lastIndexOf(u':');
    const bool tcp = !endpoint.startsWith(u'/') && colon > 0 && endpoint.mid(colon + 1).toUShort() > 0;
    if (tcp) {
        auto socket = std::make_unique<QTcpSocket>();
        socket->connectToHost(endpoint.left(colon), endpoint.mid(colon + 1).toUShort());
        if (!socket->waitForConnected(3000))
            return *error = socket->errorString(), QString();
        device = std::move(socket);
    } else {
        auto socket = std::make_unique<QLocalSocket>();
        socket->connectToServer(endpoint);
        if (!socket->waitForConnected(3000))
            return *error = socket->errorString(), QString();
        device = std::move(socket);
    }
    if (!token.isEmpty())
        device->write(token + '\n');
    device->write("status\n");
    QByteArray reply;
    for (int waited = 0; waited < 50; ++waited) { // 5 s at most
        if (tcp ? static_cast<QTcpSocket *>(device.get())->waitForReadyRead(100)
                : static_cast<QLocalSocket *>(device.get())->waitForReadyRead(100))
            reply += device->readAll();
        const bool open = tcp ? static_cast<QTcpSocket *>(device.get())->state() == QAbstractSocket::ConnectedState
                              : static_cast<QLocalSocket *>(device.get())->state() == QLocalSocket::ConnectedState;
        if (!open) {
            reply += device->readAll();
            break;
        }
    }
    if (reply.isEmpty())
        *error = u"no reply"_s;
    return QString::fromUtf8(reply);
}

QString lag(const std::optional<double> &seconds)
{
    return seconds ? u"%1s"_s.arg(*seconds, 0, 'f', 2) : u"N/A"_s;
}

QString describe(const MigrationStatus &s)
{
    const QString name = s.table.isEmpty() ? QString() : u"%1.%2 "_s.arg(s.database, s.table);
    return u"%1[%2] copy %3% (%4/%5); applied %6; backlog %7; lag %8, heartbeat lag %9; %10; ETA %11"_s.arg(
        name, s.engine, QString::number(s.copyPercent, 'f', 1), QString::number(s.rowsCopied),
        QString::number(s.rowsEstimate), QString::number(s.applied), QString::number(s.backlog), lag(s.lagSeconds),
        lag(s.heartbeatLagSeconds), s.state, s.eta);
}

} // namespace

int runWatchCommand(const FlagParser &flags)
{
    const QString endpoint = flags.stringValue(u"watch"_s);
    QByteArray token;
    if (const QString file = flags.stringValue(u"watch-token-file"_s); !file.isEmpty()) {
        QFile tokenFile(file);
        if (!tokenFile.open(QIODevice::ReadOnly)) {
            QTextStream(stderr) << "shadowswap-cli: --watch-token-file " << file << " can't be read\n";
            return Usage;
        }
        token = tokenFile.readLine().trimmed();
    }
    const qint64 count = flags.intValue(u"watch-count"_s);
    const qint64 interval = std::max<qint64>(200, flags.intValue(u"watch-interval-millis"_s));
    std::signal(SIGINT, [](int) { g_interrupted = true; });
    std::signal(SIGTERM, [](int) { g_interrupted = true; });
    QTextStream out(stdout);
    QString lastProblem;
    for (qint64 reading = 0; !g_interrupted && (count <= 0 || reading < count); ++reading) {
        if (reading > 0)
            QThread::msleep(static_cast<unsigned long>(interval));
        QString error;
        const QString reply = askStatus(endpoint, token, &error);
        std::optional<MigrationStatus> status;
        if (error.isEmpty())
            status = engine::control::parseStatusReply(reply, &error);
        if (!status) {
            // Shown once per change: a vanished process or a refused command, then polled on.
            const QString problem = u"%1 does not answer with a status (%2); still watching"_s.arg(endpoint, error);
            if (problem != lastProblem)
                out << problem << Qt::endl;
            lastProblem = problem;
            continue;
        }
        lastProblem.clear();
        out << describe(*status) << Qt::endl;
    }
    return Success;
}

} // namespace cli
