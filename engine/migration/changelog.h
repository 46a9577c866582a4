#pragma once

#include <mysql/connectionsettings.h>

#include <QString>

#include <atomic>
#include <functional>
#include <thread>

namespace engine::mysql {
class Connection;
}

namespace engine::migration {

// The changelog table _T_ghc (gh-ost's layout): heartbeat and state rows written on the primary and read back
// through the binlog, which is how the engine synchronises with its own asynchronous stream.
namespace changelog {

void create(mysql::Connection &connection, const QString &schema, const QString &table);
// Writes a marker row; ChangeCapture::waitForMarker(token) returns once it came back through the binlog.
void writeMarker(mysql::Connection &connection, const QString &schema, const QString &table, const QString &token);
void writeState(mysql::Connection &connection, const QString &schema, const QString &table, const QString &state);
// Nanoseconds since the epoch, by this machine's clock: heartbeats carry it, lag is measured against it,
// so server clock skew never enters the figure.
qint64 nowNanos();

} // namespace changelog

// Writes a heartbeat row every interval on its own connection and thread, until stopped.
class Heartbeat {
public:
    Heartbeat(mysql::ConnectionSettings primary, QString schema, QString table, int intervalMillis);
    ~Heartbeat();
    // What the "state" row says (read each beat in the heartbeat's thread, so it must be thread-safe): written when
    // it changes, so that a watcher without the control socket sees the phase (helper-table discovery).
    void setStateSource(std::function<QString()> describeState) { m_describeState = std::move(describeState); }
    void start();
    void stop();
    [[nodiscard]] quint64 failures() const { return m_failures.load(); }

private:
    void run();

    mysql::ConnectionSettings m_primary;
    QString m_schema, m_table;
    int m_intervalMillis;
    std::function<QString()> m_describeState;
    QString m_writtenState;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<quint64> m_failures{0};
};

} // namespace engine::migration
