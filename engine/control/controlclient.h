#pragma once

#include <deque>
#include <optional>
#include <QByteArray>
#include <QIODevice>
#include <QObject>
#include <QPointer>
#include <QString>

class QTimer;

namespace engine::control {

// Where a control socket listens: a unix socket path, or host:port. Plain value.
struct ControlEndpoint {
    QString path; // unix socket; empty for TCP
    QString host; // TCP
    quint16 port = 0;
    [[nodiscard]] bool isTcp() const { return path.isEmpty(); }
    [[nodiscard]] QString text() const;
    // "/run/x.sock" or "./x.sock" (a path), "host:port", "[::1]:port". nullopt with `error` naming the fix.
    static std::optional<ControlEndpoint> parse(const QString &text, QString *error);
};

// Talks to a gh-ost or Shadowswap control socket the way both expect: one connection per command (token line
// first when the port needs one), the reply read until the other side closes. Event-driven, never waits:
// lives in the thread that created it (the GUI thread in the console). Commands queue and run one at a time;
// each ends in exactly one answered() or failed().
class ControlClient : public QObject {
    Q_OBJECT
public:
    ControlClient(ControlEndpoint endpoint, QByteArray token, QObject *parent = nullptr);
    ~ControlClient() override;

    [[nodiscard]] const ControlEndpoint &endpoint() const { return m_endpoint; }
    void send(const QString &command);
    // Commands queued or in flight.
    [[nodiscard]] int pending() const { return int(m_queue.size()) + (m_device ? 1 : 0); }
    [[nodiscard]] bool isQueued(const QString &command) const;
    static constexpr int replyTimeoutMillis = 5000;
    static constexpr qsizetype maxReplyBytes = 1 << 20;

Q_SIGNALS:
    void answered(const QString &command, const QString &reply);
    void failed(const QString &command, const QString &error);

private:
    void startNext();
    void finish(const QString &error);

    ControlEndpoint m_endpoint;
    QByteArray m_token;
    std::deque<QString> m_queue;
    QString m_current;
    QPointer<QIODevice> m_device;
    QByteArray m_reply;
    QTimer *m_timeout;
};

} // namespace engine::control
