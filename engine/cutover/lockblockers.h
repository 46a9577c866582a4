#pragma once

#include <QString>
#include <QStringList>

namespace engine::mysql {
class Connection;
}

namespace engine::cutover {

// Sessions that hold or wait for locks on a table, or keep a transaction open long enough to block a
// metadata lock: one line each with id, user, host, command, time, state and statement, plus the KILL to end it.
// Read with readLockPicture() (lockpicture.h), which picks the best source the server offers; every open
// transaction is listed. Excludes `ownIds` (the engine's own sessions). Never throws: a failure to look becomes
// a line saying so.
QStringList describeLockBlockers(mysql::Connection &connection, const QString &schema, const QString &table,
                                 const QList<unsigned long> &ownIds = {});

} // namespace engine::cutover
