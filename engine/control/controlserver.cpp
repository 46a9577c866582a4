#include "controlserver.h"

#include "controlconnection.h"

#include <logging/logging.h>

#include <QFile>
#include <QFileInfo>
#include <QLocalServer>
#include <QLocalSocket>
#include <QTcpServer>

#include <algorithm>

#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace engine::control {

namespace {
bool isSocket(const QString &path)
{
    struct stat info {};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 && S_ISSOCK(info.st_mode);
}

// A socket file nobody listens on: left by a process that was killed (kill -9 leaves its socket behind).
bool isStaleSocket(const QString &path)
{
    if (!isSocket(path))
        return false;
    QLocalSocket probe;
    probe.connectToServer(path);
    if (probe.waitForConnected(1000)) {
        probe.disconnectFromServer();
        return false;
    }
    return probe.error() == QLocalSocket::ConnectionRefusedError;
}

// Servers that hand over the accepted descriptor instead of wrapping it in a QLocalSocket/QTcpSocket.
class DescriptorLocalServer : public QLocalServer {
public:
    std::function<void(qintptr)> onConnection;

protected:
    void incomingConnection(quintptr descriptor) override { onConnection(static_cast<qintptr>(descriptor)); }
};

class DescriptorTcpServer : public QTcpServer {
public:
    std::function<void(qintptr)> onConnection;

protected:
    void incomingConnection(qintptr descriptor) override { onConnection(descriptor); }
};
} // namespace

std::optional<TcpEndpoint> parseTcpEndpoint(const QString &text, QString *error)
{
    const QString value = text.trimmed();
    TcpEndpoint endpoint;
    if (value.isEmpty() || value == u"0"_s)
        return endpoint;
    const qsizetype colon = value.lastIndexOf(u':');
    QString host = colon < 0 ? QString() : value.left(colon);
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint port = value.mid(colon + 1).toUInt(&ok);
    const uint minPort = colon < 0 ? 1 : 0;
    if (!ok || port < minPort || port > 65535) {
        *error = u"--serve-tcp-port must be a port (1-65535) or ADDRESS:PORT, e.g. 9001 or 0.0.0.0:9001 (got \"%1\")"_s
                     .arg(text);
        return std::nullopt;
    }
    if (colon >= 0) {
        const QHostAddress address = host == u"localhost"_s ? QHostAddress(QHostAddress::LocalHost) : QHostAddress(host);
        if (address.isNull()) {
            *error = u"--serve-tcp-port: \"%1\" is not an IP address; write ADDRESS:PORT, e.g. 127.0.0.1:9001"_s.arg(host);
            return std::nullopt;
        }
        endpoint.address = address;
    }
    endpoint.enabled = true;
    endpoint.port = static_cast<quint16>(port);
    return endpoint;
}

QString defaultSocketFile(const QString &database, const QString &table)
{
    return u"/tmp/gh-ost.%1.%2.sock"_s.arg(database, table);
}

ControlServer::ControlServer(ControlTarget &target, ControlIdentity identity, QObject *parent)
    : QObject(parent)
    , m_handler(target, std::move(identity))
{
}

ControlServer::~ControlServer()
{
    stop();
}

bool isRemoteGatedCommand(const QString &command)
{
    static const QStringList gated = {u"throttle-query"_s, u"throttle-control-replicas"_s,
                                      u"postpone-cut-over-flag-file"_s};
    const qsizetype equals = command.indexOf(u'=');
    if (equals < 0)
        return false;
    const QString name = command.left(equals).trimmed().toLower();
    return gated.contains(name) && command.mid(equals + 1).trimmed() != u"?"_s;
}

bool ControlServer::start(const ControlServerOptions &options, QString *error)
{
    stop();
    m_options = options;
    if (options.tcp.enabled && !options.tcp.address.isLoopback() && options.tcpToken.isEmpty()) {
        *error = u"--serve-tcp-port %1:%2 listens beyond loopback, where anyone who reaches it could steer the "
                 "migration: give a secret with --serve-tcp-token-file (its first line; clients send it as their "
                 "first line), or listen on 127.0.0.1"_s.arg(options.tcp.address.toString(),
                                                             QString::number(options.tcp.port));
        return false;
    }
    if ((!options.socketFile.isEmpty() && !listenOnSocketFile(options.socketFile, options.dropExistingSocketFile, error))
        || (options.tcp.enabled && !listenOnTcp(options.tcp, error))) {
        stop();
        return false;
    }
    m_handler.setServingOn(endpoints());
    for (const QString &endpoint : endpoints())
        SS_INFO("Serving on {}", endpoint.toStdString());
    if (options.tcp.enabled && !options.tcp.address.isLoopback())
        SS_WARN("the control port listens on {} beyond loopback: clients must send the token first; keep it on a "
                "network you trust (it is not encrypted)",
                options.tcp.address.toString().toStdString());
    return true;
}

bool ControlServer::listenOnSocketFile(const QString &path, bool dropExisting, QString *error)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    const QFileInfo existing(absolute);
    if ((existing.exists() || existing.isSymLink()) && !dropExisting && isStaleSocket(absolute)) {
        // Restarting after a crash (--resume) must not need a flag to clear what the crash left.
        SS_INFO("removing the stale socket {} (nothing listens on it)", absolute.toStdString());
        QFile::remove(absolute);
    }
    if (QFileInfo::exists(absolute) || QFileInfo(absolute).isSymLink()) {
        if (!dropExisting) {
            *error = u"--serve-socket-file %1 already exists (another migration serving on it, or a leftover): remove "
                     "it or pass --initially-drop-socket-file"_s.arg(absolute);
            return false;
        }
        if (!isSocket(absolute)) {
            *error = u"--serve-socket-file %1 exists and is not a socket; refusing to delete it"_s.arg(absolute);
            return false;
        }
        if (!QFile::remove(absolute)) {
            *error = u"--initially-drop-socket-file: cannot delete %1"_s.arg(absolute);
            return false;
        }
    }
    auto *local = new DescriptorLocalServer;
    local->setParent(this);
    local->onConnection = [this](qintptr descriptor) { accept(descriptor, u"unix socket"_s); };
    m_local = local;
    // Qt creates the socket owner-only; the chmod below narrows it to gh-ost's 0600.
    m_local->setSocketOptions(QLocalServer::UserAccessOption);
    if (!m_local->listen(absolute)) {
        *error = u"--serve-socket-file %1: cannot listen (%2)"_s.arg(absolute, m_local->errorString());
        return false;
    }
    m_socketFile = absolute;
    if (!QFile::setPermissions(absolute, QFile::ReadOwner | QFile::WriteOwner)) {
        *error = u"--serve-socket-file %1: cannot set its mode to 0600"_s.arg(absolute);
        return false;
    }
    return true;
}

bool ControlServer::listenOnTcp(const TcpEndpoint &endpoint, QString *error)
{
    auto *tcp = new DescriptorTcpServer;
    tcp->setParent(this);
    tcp->onConnection = [this](qintptr descriptor) { accept(descriptor, u"TCP"_s); };
    m_tcp = tcp;
    if (!m_tcp->listen(endpoint.address, endpoint.port)) {
        *error = u"--serve-tcp-port %1:%2: cannot listen (%3)"_s.arg(
            endpoint.address.toString(), QString::number(endpoint.port), m_tcp->errorString());
        return false;
    }
    return true;
}

void ControlServer::stop()
{
    if (m_local) {
        m_local->close();
        delete m_local;
    }
    if (!m_socketFile.isEmpty() && isSocket(m_socketFile))
        QFile::remove(m_socketFile);
    m_socketFile.clear();
    if (m_tcp) {
        m_tcp->close();
        delete m_tcp;
    }
}

QStringList ControlServer::endpoints() const
{
    QStringList list;
    if (m_local && m_local->isListening())
        list << u"unix socket: %1"_s.arg(m_socketFile);
    if (m_tcp && m_tcp->isListening())
        list << u"TCP port: %1:%2"_s.arg(m_tcp->serverAddress().toString()).arg(m_tcp->serverPort());
    return list;
}

quint16 ControlServer::tcpPort() const
{
    return m_tcp && m_tcp->isListening() ? m_tcp->serverPort() : 0;
}

void ControlServer::accept(qintptr descriptor, const QString &via)
{
    if (m_connections >= maxConnections) {
        static const QByteArray busy = "ERROR: too many control connections at once; try again\n";
        (void)::send(static_cast<int>(descriptor), busy.constData(), size_t(busy.size()), MSG_NOSIGNAL | MSG_DONTWAIT);
        ::close(static_cast<int>(descriptor));
        SS_WARN("control ({}): turned a connection away: {} are open", via.toStdString(), maxConnections);
        return;
    }
    ControlConnection::Authenticator authenticate;
    if (via == u"TCP"_s && !m_options.tcpToken.isEmpty())
        authenticate = [token = m_options.tcpToken.toUtf8()](const QByteArray &line) {
            // Compared in constant time: the reply's timing must not tell how much of a guess was right.
            unsigned char difference = line.size() == token.size() ? 0 : 1;
            for (qsizetype i = 0; i < std::min(line.size(), token.size()); ++i)
                difference |= static_cast<unsigned char>(line[i] ^ token[i]);
            return difference == 0;
        };
    ++m_connections;
    auto *connection = new ControlConnection(
        descriptor, [this, via](const QByteArray &line, bool tooLong) { return respond(line, tooLong, via); },
        std::move(authenticate), this);
    connect(connection, &QObject::destroyed, this, [this] { --m_connections; });
}

QByteArray ControlServer::respond(const QByteArray &line, bool tooLong, const QString &via)
{
    const QString command = QString::fromUtf8(line).trimmed();
    ControlReply reply;
    if (tooLong)
        reply = {u"ERROR: the command line is longer than 64 KiB; send one command per line, e.g. status\n"_s, false};
    else if (via == u"TCP"_s && !m_options.tcpAllowAllCommands && isRemoteGatedCommand(command))
        reply = {u"ERROR: %1 is refused over TCP: it runs SQL or reaches other hosts. Send it on the unix socket, or "
                 "start with --serve-tcp-allow-all-commands\n"_s.arg(command.section(u'=', 0, 0).trimmed()),
                 false};
    else
        reply = m_handler.execute(command);
    SS_INFO("control ({}): {} -> {}", via.toStdString(), command.left(200).toStdString(), reply.ok ? "ok" : "refused");
    Q_EMIT commandExecuted(command, reply.ok);
    return reply.text.toUtf8();
}

} // namespace engine::control
