#pragma once

#include <QList>
#include <QString>

namespace engine::mysql {
class Connection;
}

namespace engine::inspect {

// A migration found from its helper tables alone (gh-ost's or Shadowswap's `_T_ghc` changelog), without its
// control socket: read-only facts, plain value.
struct DiscoveredMigration {
    QString engine;          // "gh-ost", "shadowswap", or "unknown" (from the changelog's comment)
    QString database, table; // the original table
    QString changelogTable, ghostTable;
    QString state; // the newest state the changelog records ("migrating", "postponing cut-over", "copying")
    QString throttle; // gh-ost's newest throttle row ("done throttling", "lag=2.01s", "commanded by user")
    qint64 heartbeatAgeMillis =
        -1; // by the server's clock (so on a replica it includes the replica's lag); -1: none
    bool ghostExists = false;
    quint64 ghostRows = 0; // InnoDB's estimates (information_schema.TABLES.TABLE_ROWS)
    quint64 originalRows = 0;
    [[nodiscard]] bool isFresh(qint64 maxAgeMillis) const {
        return heartbeatAgeMillis >= 0 && heartbeatAgeMillis <= maxAgeMillis;
    }
    [[nodiscard]] bool isThrottled() const {
        return !throttle.isEmpty() && throttle != QStringLiteral("done throttling");
    }
    [[nodiscard]] double copyPercent() const; // ghost rows against the original's estimate, 0..100
};

// Every `_%_ghc` table on the server with what its changelog says, newest heartbeat first. Throws
// DbException.
QList<DiscoveredMigration> discoverMigrations(mysql::Connection &connection);
// One migration's changelog again (for a read-only watch); `found` false when its changelog is gone.
DiscoveredMigration readDiscoveredMigration(mysql::Connection &connection, const QString &database,
                                            const QString &changelogTable, bool *found);

} // namespace engine::inspect
