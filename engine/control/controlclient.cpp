#include "controlclient.h"

#include <QLocalSocket>
#include <QTcpSocket>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace engine::control {

QString ControlEndpoint::text() const {
    if (!isTcp())
        return path;
    return host.contains(u':') ? u"[%1]:%2"_s.arg(host, QString::number(port))
                               : u"%1:%2"_s.arg(host, QString::number(port));
}

std::optional<ControlEndpoint> ControlEndpoint::parse(const QString &raw, QString *error) {
    const QString text = raw.trimmed();
    ControlEndpoint endpoint;
    if (text.isEmpty()) {
        *error =
            u"no endpoint: give a unix socket path (--serve-socket-file) or host:port (--serve-tcp-port)"_s;
        return std::nullopt;
    }
    if (text.startsWith(u'/') || text.startsWith(u'.') || text.startsWith(u'~')) {
        endpoint.path = text;
        return endpoint;
    }
    const qsizetype colon = text.lastIndexOf(u':');
    bool ok = false;
    const uint port = colon > 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || port == 0 || port > 65535) {
        *error =
            u"\"%1\" is neither a socket path (it starts with /) nor host:port with a port from 1 to 65535"_s
                .arg(text);
        return std::nullopt;
    }
    endpoint.host = text.left(colon);
    if (endpoint.host.startsWith(u'[') && endpoint.host.endsWith(u']'))
        endpoint.host = endpoint.host.mid(1, endpoint.host.size() - 2);
    endpoint.port = quint16(port);
    return endpoint;
}

ControlClient::ControlClient(ControlEndpoint endpoint, QByteArray token, QObject *parent)
    : QObject(parent)
    , m_endpoint(std::move(endpoint))
    , m_token(std::move(token))
    , m_timeout(new QTimer(this)) {
    m_timeout->setSingleShot(true);
    connect(m_timeout, &QTimer::timeout, this, [this] {
        finish(
            u"no complete reply within %1 s (the process may be stuck, or the port is not a control socket)"_s
                .arg(replyTimeoutMillis / 1000));
    });
}

ControlClient::~ControlClient() {
    if (m_device) {
        m_device->disconnect(this);
        delete m_device.data();
    }
}

bool ControlClient::isQueued(const QString &command) const {
    return (m_device && m_current == command) ||
           std::find(m_queue.begin(), m_queue.end(), command) != m_queue.end();
}

void ControlClient::send(const QString &command) {
    m_queue.push_back(command);
    if (!m_device)
        startNext();
}

void ControlClient::startNext() {
    if (m_device || m_queue.empty())
        return;
    m_current = m_queue.front();
    m_queue.pop_front();
    m_reply.clear();
    const QByteArray request =
        (m_token.isEmpty() ? QByteArray() : m_token + '\n') + m_current.toUtf8() + '\n';
    const auto onData = [this] {
        m_reply += m_device->readAll();
        if (m_reply.size() > maxReplyBytes)
            finish(u"the reply exceeds %1 KiB: not a control socket"_s.arg(maxReplyBytes / 1024));
    };
    if (m_endpoint.isTcp()) {
        auto *socket = new QTcpSocket(this);
        m_device = socket;
        connect(socket, &QTcpSocket::connected, this, [socket, request] { socket->write(request); });
        connect(socket, &QTcpSocket::readyRead, this, onData);
        connect(socket, &QTcpSocket::disconnected, this, [this] { finish({}); });
        connect(socket, &QTcpSocket::errorOccurred, this, [this, socket](QAbstractSocket::SocketError code) {
            if (code == QAbstractSocket::RemoteHostClosedError)
                return; // the end of every reply; disconnected() follows
            if (code == QAbstractSocket::ConnectionRefusedError)
                finish(u"nothing listens on %1 (the process ended, or it serves another port)"_s.arg(
                    m_endpoint.text()));
            else if (code == QAbstractSocket::HostNotFoundError)
                finish(u"unknown host %1"_s.arg(m_endpoint.host));
            else
                finish(socket->errorString());
        });
        socket->connectToHost(m_endpoint.host, m_endpoint.port);
    } else {
        auto *socket = new QLocalSocket(this);
        m_device = socket;
        connect(socket, &QLocalSocket::connected, this, [socket, request] { socket->write(request); });
        connect(socket, &QLocalSocket::readyRead, this, onData);
        connect(socket, &QLocalSocket::disconnected, this, [this] { finish({}); });
        connect(socket, &QLocalSocket::errorOccurred, this,
                [this, socket](QLocalSocket::LocalSocketError code) {
                    if (code == QLocalSocket::PeerClosedError)
                        return;
                    // Qt says "connectToServer: Invalid name" for a missing file: say what it means.
                    if (code == QLocalSocket::ServerNotFoundError)
                        finish(u"no socket at %1 (the process ended, or it serves another path)"_s.arg(
                            m_endpoint.path));
                    else if (code == QLocalSocket::ConnectionRefusedError)
                        finish(u"nothing listens on %1 (the process ended without removing its socket "
                               "file)"_s.arg(m_endpoint.path));
                    else if (code == QLocalSocket::SocketAccessError)
                        finish(u"no permission to open %1 (watch as the user that started the migration, "
                               "or check the file's mode)"_s.arg(m_endpoint.path));
                    else
                        finish(socket->errorString());
                });
        socket->connectToServer(m_endpoint.path);
    }
    m_timeout->start(replyTimeoutMillis);
}

void ControlClient::finish(const QString &error) {
    if (!m_device)
        return;
    m_timeout->stop();
    QIODevice *device = m_device;
    m_device = nullptr;
    device->disconnect(this);
    if (error.isEmpty() && device->isOpen())
        m_reply += device->readAll();
    device->deleteLater();
    const QString command = std::exchange(m_current, QString());
    const QString reply = QString::fromUtf8(std::exchange(m_reply, {}));
    // A refused connection and a peer that closed without a word are both "no answer".
    if (!error.isEmpty())
        Q_EMIT failed(command, error);
    else if (reply.trimmed().isEmpty())
        Q_EMIT failed(command, u"the connection closed without a reply"_s);
    else
        Q_EMIT answered(command, reply);
    QTimer::singleShot(0, this, &ControlClient::startNext);
}

} // namespace engine::control
