#include "controlconnection.h"

#include <QTimer>

#include <cerrno>
#include <fcntl.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace engine::control {

namespace {
constexpr int idleTimeoutMillis = 10000;
constexpr int writeTimeoutSeconds = 5;
} // namespace

ControlConnection::ControlConnection(qintptr descriptor, Responder respond, Authenticator authenticate, QObject *parent)
    : QObject(parent)
    , m_descriptor(static_cast<int>(descriptor))
    , m_respond(std::move(respond))
    , m_authenticate(std::move(authenticate))
    , m_notifier(descriptor, QSocketNotifier::Read)
{
    ::fcntl(m_descriptor, F_SETFL, ::fcntl(m_descriptor, F_GETFL) | O_NONBLOCK);
    connect(&m_notifier, &QSocketNotifier::activated, this, &ControlConnection::onReadable);
    // A client that never finishes its line does not keep a descriptor forever.
    QTimer::singleShot(idleTimeoutMillis, this, &ControlConnection::finish);
}

ControlConnection::~ControlConnection()
{
    if (m_descriptor >= 0)
        ::close(m_descriptor);
}

void ControlConnection::onReadable()
{
    bool endOfInput = false;
    char chunk[4096];
    for (;;) {
        const ssize_t got = ::read(m_descriptor, chunk, sizeof chunk);
        if (got > 0) {
            m_received += got;
            if (m_received > maxConnectionBytes)
                return finish();
            if (!m_answered && m_pending.size() <= maxLineBytes)
                m_pending.append(chunk, got);
            continue;
        }
        if (got == 0)
            endOfInput = true;
        else if (errno == EINTR)
            continue;
        else if (errno != EAGAIN && errno != EWOULDBLOCK)
            return finish(); // the client is gone
        break;
    }
    if (!m_answered && m_authenticate) {
        const qsizetype newline = m_pending.indexOf('\n');
        if (newline < 0 && !endOfInput && m_pending.size() <= maxLineBytes)
            return; // the secret's line is not complete yet
        const bool accepted = newline >= 0 && m_authenticate(m_pending.left(newline).trimmed());
        if (!accepted) {
            m_answered = true;
            send("ERROR: this control port needs its token as the first line (--serve-tcp-token-file)\n");
            return finish();
        }
        m_authenticate = nullptr;
        m_pending.remove(0, newline + 1);
    }
    if (!m_answered) {
        if (const qsizetype newline = m_pending.indexOf('\n'); newline >= 0)
            reply(m_pending.left(newline), false);
        else if (m_pending.size() > maxLineBytes)
            reply({}, true);
        else if (endOfInput && !m_pending.trimmed().isEmpty())
            reply(m_pending, false);
    }
    if (endOfInput || m_answered)
        finish();
}

void ControlConnection::reply(const QByteArray &line, bool tooLong)
{
    m_answered = true;
    send(m_respond(line, tooLong));
}

void ControlConnection::send(const QByteArray &text)
{
    // Replies are a few KiB: written in blocking mode with a time limit, so a client that reads nothing can
    // hold the controller's thread for a few seconds at most.
    ::fcntl(m_descriptor, F_SETFL, ::fcntl(m_descriptor, F_GETFL) & ~O_NONBLOCK);
    timeval limit{writeTimeoutSeconds, 0};
    ::setsockopt(m_descriptor, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
    qsizetype written = 0;
    while (written < text.size()) {
        const ssize_t sent = ::send(m_descriptor, text.constData() + written, size_t(text.size() - written),
                                    MSG_NOSIGNAL);
        if (sent < 0 && errno == EINTR)
            continue;
        if (sent <= 0)
            break;
        written += sent;
    }
    ::shutdown(m_descriptor, SHUT_WR);
}

void ControlConnection::finish()
{
    m_notifier.setEnabled(false);
    if (m_descriptor >= 0) {
        ::close(m_descriptor);
        m_descriptor = -1;
    }
    deleteLater();
}

} // namespace engine::control
