#pragma once

#include <QByteArray>
#include <QObject>
#include <QSocketNotifier>

#include <functional>

namespace engine::control {

// One control connection on a raw socket descriptor (unix or TCP): reads one line — or everything up to the
// client's half-close, so `printf status | socat - SOCKET` is answered like `echo status | ...` — asks `respond`
// for the reply, writes it, closes, and deletes itself. Plain descriptors rather than QLocalSocket/QTcpSocket
// because those close outright at end of input, before a reply can be written. Lives in the server's thread.
class ControlConnection : public QObject {
    Q_OBJECT
public:
    // `respond(line, tooLong)` returns the reply; `tooLong` when the client sent more than maxLineBytes without
    // a newline. Takes ownership of `descriptor`.
    using Responder = std::function<QByteArray(const QByteArray &line, bool tooLong)>;
    // With an authenticator, the first line must be the secret it accepts, and the command is the second line;
    // otherwise the connection gets one "ERROR: ..." line and is closed.
    using Authenticator = std::function<bool(const QByteArray &firstLine)>;
    ControlConnection(qintptr descriptor, Responder respond, Authenticator authenticate, QObject *parent);
    ~ControlConnection() override;

    static constexpr qsizetype maxLineBytes = 64 * 1024;
    // A client that sends more than this is cut off, so a flood can't keep the controller's thread reading.
    static constexpr qsizetype maxConnectionBytes = 2 * maxLineBytes;

private:
    void onReadable();
    void reply(const QByteArray &line, bool tooLong);
    void send(const QByteArray &text);
    void finish();

    int m_descriptor;
    Responder m_respond;
    Authenticator m_authenticate;
    QSocketNotifier m_notifier;
    QByteArray m_pending;
    qsizetype m_received = 0;
    bool m_answered = false;
};

} // namespace engine::control
