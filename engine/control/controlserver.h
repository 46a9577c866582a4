#pragma once

#include "controlcommand.h"

#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>

#include <optional>

class QLocalServer;
class QTcpServer;

namespace engine::control {

// Where to listen for --serve-tcp-port: "9001" (loopback), "ADDRESS:9001", "[::1]:9001". A bare "0" or empty text
// means no TCP listener (gh-ost's default); an address with port 0 takes any free port.
struct TcpEndpoint {
    bool enabled = false;
    QHostAddress address{QHostAddress::LocalHost};
    quint16 port = 0;
};
std::optional<TcpEndpoint> parseTcpEndpoint(const QString &text, QString *error);

// gh-ost's socket path when --serve-socket-file is not given: /tmp/gh-ost.<database>.<table>.sock.
QString defaultSocketFile(const QString &database, const QString &table);

struct ControlServerOptions {
    QString socketFile;                  // empty: no unix socket
    bool dropExistingSocketFile = false; // --initially-drop-socket-file (only a socket is ever deleted)
    TcpEndpoint tcp;
    // --serve-tcp-token(-file): when set, a TCP client's first line must be this secret. Required to listen on
    // an address other than loopback.
    QString tcpToken;
    // --serve-tcp-allow-all-commands: over TCP, also the settings that run SQL or reach other hosts
    // (throttle-query=, throttle-control-replicas=, postpone-cut-over-flag-file=).
    bool tcpAllowAllCommands = false;
};

// The settings a TCP client may not change unless ControlServerOptions::tcpAllowAllCommands.
bool isRemoteGatedCommand(const QString &command);

// gh-ost's interactive interfaces: a unix socket (mode 0600) and optionally a TCP port. One command per
// connection: read a line, reply, close — so `echo throttle | socat - /tmp/x.sock` and
// `echo status | nc -q1 127.0.0.1 9001` work. Lives in the controller's thread; commands run there.
class ControlServer : public QObject {
    Q_OBJECT
public:
    ControlServer(ControlTarget &target, ControlIdentity identity, QObject *parent = nullptr);
    ~ControlServer() override; // stops, removing the socket file

    // Listens as configured. Refuses (false, `error` set, nothing left listening) when the socket file exists
    // and may not be dropped, or a listener can't be set up.
    bool start(const ControlServerOptions &options, QString *error);
    void stop();

    [[nodiscard]] QStringList endpoints() const; // "unix socket: /tmp/x.sock", "TCP port: 127.0.0.1:9001"
    [[nodiscard]] QString socketFile() const { return m_socketFile; }
    [[nodiscard]] quint16 tcpPort() const;       // the bound port (0: no TCP listener)
    [[nodiscard]] int openConnections() const { return m_connections; }

Q_SIGNALS:
    void commandExecuted(const QString &command, bool ok);

private:
    bool listenOnSocketFile(const QString &path, bool dropExisting, QString *error);
    bool listenOnTcp(const TcpEndpoint &endpoint, QString *error);
    void accept(qintptr descriptor, const QString &via);
    QByteArray respond(const QByteArray &line, bool tooLong, const QString &via);

    // Connections served at once; more are turned away, so idle or flooding clients can't use up the descriptors
    // the migration's own connections need, nor the controller's thread.
    static constexpr int maxConnections = 16;

    ControlCommandHandler m_handler;
    ControlServerOptions m_options;
    int m_connections = 0;
    QPointer<QLocalServer> m_local;
    QPointer<QTcpServer> m_tcp;
    QString m_socketFile;
};

} // namespace engine::control
