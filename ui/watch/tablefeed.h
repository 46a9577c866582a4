#pragma once

#include "migrationfeed.h"

#include <memory>
#include <mysql/connectionsettings.h>
#include <QElapsedTimer>
#include <QTimer>

namespace engine::mysql {
class Connection;
}

namespace ui {

// Watches a migration from its helper tables alone (read-only, no buttons): every second, off the GUI thread,
// reads its changelog's heartbeat and state and the ghost's row estimate against the original's. For a
// migration found by discovery whose control socket the DBA can't reach.
class TableFeed : public MigrationFeed {
    Q_OBJECT
public:
    TableFeed(engine::mysql::ConnectionSettings server, const QString &database,
              const QString &changelogTable, QObject *parent = nullptr, int intervalMillis = 1000);
    ~TableFeed() override;

    [[nodiscard]] bool canControl() const override { return false; }
    [[nodiscard]] QString source() const override;
    void send(const QString &command) override;

private:
    void poll();

    engine::mysql::ConnectionSettings m_server;
    QString m_changelog;
    // Used by one background read at a time (the next poll waits for it), never by the GUI thread.
    std::shared_ptr<engine::mysql::Connection> m_connection;
    bool m_inFlight = false;
    QElapsedTimer m_clock;
    QTimer m_timer;
    quint64 m_lastGhostRows = 0;
    qint64 m_lastAt = -1;
};

} // namespace ui
