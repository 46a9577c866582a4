#pragma once

#include <QString>

#include <atomic>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace testsupport {

// A TCP proxy on 127.0.0.1 for fault tests: forwards every connection to a target port until silence() is
// called; from then on the connections open at that moment stay open but forward nothing in either direction
// (a half-open connection, as after a host crash or a network partition), while connections made later forward
// normally, so that a client that notices and reconnects gets through. One thread, poll(); stops on destruction.
class SilentProxy {
public:
    explicit SilentProxy(quint16 targetPort);
    ~SilentProxy();
    SilentProxy(const SilentProxy &) = delete;
    SilentProxy &operator=(const SilentProxy &) = delete;

    [[nodiscard]] quint16 port() const { return m_port; }
    // Stalls every connection open now; returns how many it stalled.
    int silence();
    // While on, new connections are accepted and closed at once (as by a server that is down); those open stay.
    void refuse(bool on) { m_refusing = on; }
    // Connections accepted so far (a reconnect shows as a new one).
    [[nodiscard]] int accepted() const { return m_accepted; }

private:
    struct Pair {
        int client = -1;
        int server = -1;
        bool silent = false;
    };
    void run();
    void closePair(Pair &pair);

    quint16 m_targetPort;
    quint16 m_port = 0;
    int m_listener = -1;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_accepted{0};
    std::atomic<bool> m_refusing{false};
    std::mutex m_mutex; // guards m_pairs between run() and silence()
    std::vector<Pair> m_pairs;
    std::thread m_thread;
};

} // namespace testsupport
