#include "migrationdiscovery.h"

#include <algorithm>
#include <limits>
#include <mysql/connection.h>
#include <mysql/sqltext.h>

using namespace Qt::StringLiterals;

namespace engine::inspect {

namespace {

QString engineOf(const QString &comment) {
    if (comment.startsWith(u"gh-ost"_s, Qt::CaseInsensitive))
        return u"gh-ost"_s;
    if (comment.startsWith(u"shadowswap"_s, Qt::CaseInsensitive))
        return u"shadowswap"_s;
    return u"unknown"_s;
}

// Reads the changelog rows and the two tables' estimates into `m` (database, changelogTable, engine set).
void readChangelog(mysql::Connection &connection, DiscoveredMigration &m) {
    const QString changelog = mysql::qualifiedName(m.database, m.changelogTable);
    auto heartbeat = connection.query(
        u"SELECT TIMESTAMPDIFF(MICROSECOND, last_update, NOW(6)) DIV 1000 FROM %1 WHERE hint = 'heartbeat'"_s
            .arg(changelog));
    if (heartbeat.next() && !heartbeat.isNull(0))
        m.heartbeatAgeMillis = std::max<qint64>(0, heartbeat.toInt(0));
    // gh-ost appends "copy iteration N at T" rows whose value is its state, and "state" rows for phases;
    // Shadowswap keeps one "state" row. The newest of them says where it is.
    auto state = connection.query(
        u"SELECT value FROM %1 WHERE hint = 'state' OR hint LIKE 'copy iteration %' "
        "OR hint LIKE 'state at %' ORDER BY last_update DESC, id DESC LIMIT 1"_s.arg(changelog));
    if (state.next())
        m.state = state.text(0);
    auto throttle = connection.query(
        u"SELECT value FROM %1 WHERE hint = 'throttle' OR hint LIKE 'throttle at %' ORDER BY id DESC LIMIT 1"_s
            .arg(changelog));
    if (throttle.next())
        m.throttle = throttle.text(0);
    auto sizes = connection.query(
        u"SELECT TABLE_NAME, TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 "
        "AND TABLE_NAME IN (%2, %3)"_s.arg(connection.quote(m.database), connection.quote(m.table),
                                           connection.quote(m.ghostTable)));
    while (sizes.next()) {
        if (sizes.text(0) == m.ghostTable) {
            m.ghostExists = true;
            m.ghostRows = sizes.toUInt(1);
        } else {
            m.originalRows = sizes.toUInt(1);
        }
    }
}

DiscoveredMigration fromNames(const QString &database, const QString &changelogTable,
                              const QString &comment) {
    DiscoveredMigration m;
    m.engine = engineOf(comment);
    m.database = database;
    m.changelogTable = changelogTable;
    m.table = changelogTable.mid(1, changelogTable.size() - 5); // _T_ghc
    m.ghostTable = u"_%1_gho"_s.arg(m.table);
    return m;
}

} // namespace

double DiscoveredMigration::copyPercent() const {
    if (originalRows == 0)
        return ghostExists ? 100.0 : 0.0;
    return std::clamp(100.0 * double(ghostRows) / double(originalRows), 0.0, 100.0);
}

QList<DiscoveredMigration> discoverMigrations(mysql::Connection &connection) {
    QList<DiscoveredMigration> found;
    auto tables = connection.query(
        u"SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_NAME "
        u"LIKE '\\_%\\_ghc' "
        "AND TABLE_SCHEMA NOT IN ('mysql', 'sys', 'information_schema', 'performance_schema') "
        "ORDER BY TABLE_SCHEMA, TABLE_NAME"_s);
    while (tables.next())
        found << fromNames(tables.text(0), tables.text(1), tables.text(2));
    for (DiscoveredMigration &m : found) {
        try {
            readChangelog(connection, m);
        } catch (const mysql::DbException &) {
            // Dropped between the listing and the read (the migration just ended), or not a changelog after
            // all.
            m.state = u"unreadable"_s;
        }
    }
    std::stable_sort(found.begin(), found.end(),
                     [](const DiscoveredMigration &a, const DiscoveredMigration &b) {
                         const qint64 ageA = a.heartbeatAgeMillis < 0 ? std::numeric_limits<qint64>::max()
                                                                      : a.heartbeatAgeMillis;
                         const qint64 ageB = b.heartbeatAgeMillis < 0 ? std::numeric_limits<qint64>::max()
                                                                      : b.heartbeatAgeMillis;
                         return ageA < ageB;
                     });
    return found;
}

DiscoveredMigration readDiscoveredMigration(mysql::Connection &connection, const QString &database,
                                            const QString &changelogTable, bool *found) {
    auto table = connection.query(
        u"SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND "
        "TABLE_NAME = %2"_s.arg(connection.quote(database), connection.quote(changelogTable)));
    *found = table.next();
    DiscoveredMigration m = fromNames(database, changelogTable, *found ? table.text(0) : QString());
    if (*found)
        readChangelog(connection, m);
    return m;
}

} // namespace engine::inspect
