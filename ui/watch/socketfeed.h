#pragma once

#include "migrationfeed.h"

#include <control/controlclient.h>
#include <control/statustracker.h>
#include <QElapsedTimer>
#include <QTimer>

namespace ui {

// Watches a gh-ost 1.1.x or shadowswap-cli control socket (unix path or host:port, with the port's token):
// asks `status` every `intervalMillis` (never two at once), charts successive readings, and keeps asking
// after the process ends or the connection drops, so it reattaches when the endpoint is back.
class SocketFeed : public MigrationFeed {
    Q_OBJECT
public:
    SocketFeed(engine::control::ControlEndpoint endpoint, QByteArray token, QObject *parent = nullptr,
               int intervalMillis = 1000);

    [[nodiscard]] bool canControl() const override { return true; }
    [[nodiscard]] QString source() const override { return m_client.endpoint().text(); }
    void send(const QString &command) override;

private:
    void poll();
    void onAnswered(const QString &command, const QString &reply);
    void onFailed(const QString &command, const QString &error);
    bool takeStatus(const QString &reply, QString *error);

    engine::control::ControlClient m_client;
    engine::control::StatusTracker m_tracker;
    QElapsedTimer m_clock;
    QTimer m_timer;
};

} // namespace ui
