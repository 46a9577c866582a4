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
    ControlConnection(qintptr descriptor, Responder respond, QObject *parent);
    ~ControlConnection() override;

    static constexpr qsizetype maxLineBytes = 64 * 1024;

private:
    void onReadable();
    void reply(const QByteArray &line, bool tooLong);
    void finish();

    int m_descriptor;
    Responder m_respond;
    QSocketNotifier m_notifier;
    QByteArray m_pending;
    bool m_answered = false;
};

} // namespace engine::control
