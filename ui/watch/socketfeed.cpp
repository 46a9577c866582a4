#include "socketfeed.h"

#include <control/statusparse.h>

using namespace Qt::StringLiterals;

namespace ui {

SocketFeed::SocketFeed(engine::control::ControlEndpoint endpoint, QByteArray token, QObject *parent,
                       int intervalMillis)
    : MigrationFeed(parent)
    , m_client(std::move(endpoint), std::move(token), this) {
    m_clock.start();
    connect(&m_client, &engine::control::ControlClient::answered, this, &SocketFeed::onAnswered);
    connect(&m_client, &engine::control::ControlClient::failed, this, &SocketFeed::onFailed);
    connect(&m_timer, &QTimer::timeout, this, &SocketFeed::poll);
    m_timer.start(intervalMillis);
    poll();
}

void SocketFeed::poll() {
    if (!m_client.isQueued(u"status"_s))
        m_client.send(u"status"_s);
}

void SocketFeed::send(const QString &command) {
    m_client.send(command);
}

bool SocketFeed::takeStatus(const QString &reply, QString *error) {
    const std::optional<engine::control::MigrationStatus> status =
        engine::control::parseStatusReply(reply, error);
    if (!status)
        return false;
    setIdentity(status->engine, status->database, status->table);
    const auto snapshot = m_tracker.add(*status, m_clock.elapsed());
    if (m_tracker.startedOver())
        Q_EMIT runStartedOver();
    addReading(snapshot, status->headerLines, status->eta);
    return true;
}

void SocketFeed::onAnswered(const QString &command, const QString &reply) {
    const QString firstLine = reply.trimmed().section(u'\n', 0, 0);
    const bool refused = firstLine.startsWith(u"Unknown command"_s) || firstLine.startsWith(u"ERROR"_s) ||
                         firstLine.contains(u"ignoring request"_s);
    if (command != u"status"_s) {
        if (!refused && command == u"throttle"_s)
            m_tracker.setThrottledHere(true);
        if (!refused && command == u"no-throttle"_s)
            m_tracker.setThrottledHere(false);
        Q_EMIT commandAnswered(command, reply.trimmed(), refused);
        return;
    }
    QString error;
    if (!takeStatus(reply, &error))
        setLink(Link::Lost,
                refused ? firstLine : tr("it answers, but not with a migration status: %1").arg(error));
}

void SocketFeed::onFailed(const QString &command, const QString &error) {
    if (command != u"status"_s) {
        Q_EMIT commandAnswered(command, error, true);
        return;
    }
    setLink(Link::Lost, error);
}

} // namespace ui
