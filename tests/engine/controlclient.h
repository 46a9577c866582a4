#pragma once

// Control-socket clients for tests, as socat or nc would be: blocking sockets on their own thread while the
// test's thread runs the event loop that serves them.
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

#include <cstring>
#include <functional>
#include <future>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace testsupport {

// A blocking client on its own thread, as socat or nc would be: sends `bytes`, half-closes when asked, reads the
// reply until the server closes.
inline QByteArray blockingExchange(int domain, const sockaddr *address, socklen_t length, QByteArray bytes, bool halfClose)
{
    const int fd = ::socket(domain, SOCK_STREAM, 0);
    if (fd < 0 || ::connect(fd, address, length) != 0) {
        if (fd >= 0)
            ::close(fd);
        return "connect failed";
    }
    for (qsizetype sent = 0; sent < bytes.size();) {
        const ssize_t n = ::send(fd, bytes.constData() + sent, size_t(bytes.size() - sent), MSG_NOSIGNAL);
        if (n <= 0)
            break;
        sent += n;
    }
    if (halfClose)
        ::shutdown(fd, SHUT_WR);
    QByteArray reply;
    char chunk[4096];
    ssize_t got;
    while ((got = ::read(fd, chunk, sizeof chunk)) > 0)
        reply.append(chunk, got);
    ::close(fd);
    return reply;
}

// Runs the client while this thread's event loop serves it.
inline QByteArray exchange(std::function<QByteArray()> client)
{
    auto reply = std::async(std::launch::async, std::move(client));
    for (int waited = 0; reply.wait_for(std::chrono::milliseconds(0)) != std::future_status::ready && waited < 10000;
         waited += 10)
        QTest::qWait(10);
    return reply.wait_for(std::chrono::seconds(5)) == std::future_status::ready ? reply.get() : "timeout";
}

inline QByteArray viaUnix(const QString &path, const QByteArray &bytes, bool halfClose = false)
{
    return exchange([=] {
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        const QByteArray encoded = QFile::encodeName(path);
        std::memcpy(address.sun_path, encoded.constData(), size_t(encoded.size()));
        return blockingExchange(AF_UNIX, reinterpret_cast<const sockaddr *>(&address), sizeof address, bytes,
                                halfClose);
    });
}

inline QByteArray viaTcp(quint16 port, const QByteArray &bytes, bool halfClose = false)
{
    return exchange([=] {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        return blockingExchange(AF_INET, reinterpret_cast<const sockaddr *>(&address), sizeof address, bytes,
                                halfClose);
    });
}

// A TCP connection to loopback `port` that sends nothing: an idle client. Returns the descriptor (close it).
inline int openIdleTcp(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd >= 0 && ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof address) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace testsupport
