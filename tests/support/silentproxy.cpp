#include "silentproxy.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <QtGlobal>

#include <algorithm>

namespace testsupport {

namespace {
sockaddr_in loopback(quint16 port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}
} // namespace

SilentProxy::SilentProxy(quint16 targetPort)
    : m_targetPort(targetPort)
{
    m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
    const int yes = 1;
    ::setsockopt(m_listener, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address = loopback(0);
    if (::bind(m_listener, reinterpret_cast<sockaddr *>(&address), sizeof address) != 0 || ::listen(m_listener, 64) != 0)
        qFatal("SilentProxy: cannot listen on 127.0.0.1");
    socklen_t length = sizeof address;
    ::getsockname(m_listener, reinterpret_cast<sockaddr *>(&address), &length);
    m_port = ntohs(address.sin_port);
    m_thread = std::thread([this] { run(); });
}

SilentProxy::~SilentProxy()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    for (Pair &pair : m_pairs)
        closePair(pair);
    ::close(m_listener);
}

int SilentProxy::silence()
{
    std::lock_guard lock(m_mutex);
    int stalled = 0;
    for (Pair &pair : m_pairs)
        if (pair.client >= 0 && !pair.silent) {
            pair.silent = true;
            ++stalled;
        }
    return stalled;
}

void SilentProxy::closePair(Pair &pair)
{
    if (pair.client >= 0)
        ::close(pair.client);
    if (pair.server >= 0)
        ::close(pair.server);
    pair.client = pair.server = -1;
}

void SilentProxy::run()
{
    char buffer[65536];
    while (!m_stop) {
        std::vector<pollfd> fds{{m_listener, POLLIN, 0}};
        {
            std::lock_guard lock(m_mutex);
            for (const Pair &pair : m_pairs)
                if (pair.client >= 0 && !pair.silent) {
                    fds.push_back({pair.client, POLLIN, 0});
                    fds.push_back({pair.server, POLLIN, 0});
                }
        }
        if (::poll(fds.data(), fds.size(), 50) <= 0)
            continue;
        if (fds[0].revents & POLLIN) {
            const int client = ::accept(m_listener, nullptr, nullptr);
            if (m_refusing) {
                if (client >= 0)
                    ::close(client);
                continue;
            }
            const int server = ::socket(AF_INET, SOCK_STREAM, 0);
            sockaddr_in target = loopback(m_targetPort);
            if (client >= 0 && ::connect(server, reinterpret_cast<sockaddr *>(&target), sizeof target) == 0) {
                std::lock_guard lock(m_mutex);
                m_pairs.push_back({client, server, false});
                ++m_accepted;
            } else {
                if (client >= 0)
                    ::close(client);
                ::close(server);
            }
        }
        std::lock_guard lock(m_mutex);
        for (size_t i = 1; i < fds.size(); ++i) {
            if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            auto pair = std::find_if(m_pairs.begin(), m_pairs.end(),
                                     [&](const Pair &p) { return p.client == fds[i].fd || p.server == fds[i].fd; });
            if (pair == m_pairs.end() || pair->silent)
                continue; // silenced since the poll: the bytes stay unread
            const int from = fds[i].fd, to = from == pair->client ? pair->server : pair->client;
            const ssize_t got = ::recv(from, buffer, sizeof buffer, 0);
            if (got <= 0 || ::send(to, buffer, static_cast<size_t>(got), MSG_NOSIGNAL) != got)
                closePair(*pair);
        }
        m_pairs.erase(std::remove_if(m_pairs.begin(), m_pairs.end(), [](const Pair &p) { return p.client < 0; }),
                      m_pairs.end());
    }
}

} // namespace testsupport
