#pragma once

#include <model/migrationspec.h>
#include <mysql/connection.h>
#include <mysql/connectionsettings.h>

#include <QString>
#include <QStringList>

#include <functional>
#include <stdexcept>

namespace engine::apply {
class ChangeSet;
}

namespace engine::cutover {

// One failed attempt: nothing was swapped; the caller may retry. `blockers` names sessions that held the locks.
class CutOverAttemptFailed : public std::runtime_error {
public:
    CutOverAttemptFailed(QString why, QStringList blockers = {});
    QString why;
    QStringList blockers;
    qint64 lockMillis = -1; // how long the attempt held the table before it gave up; -1: never locked it
};

// True when `table` is a sentry a cut-over left behind (ours by its comment): safe to drop.
bool isCutOverSentry(mysql::Connection &connection, const QString &schema, const QString &table);

// Without the metadata-lock instrument: whether an exclusive lock request (the cut-over's rename) is queued on
// schema.table, seen by `side` (which must hold no lock on it). Never waits on MariaDB (1 s on MySQL).
bool exclusiveLockPendingOn(mysql::Connection &side, const QString &schema, const QString &table);

// A two-step cut-over whose second rename failed and whose undo failed too: no table has the original's name.
// Not retryable; the DBA must act (the message says how).
class CutOverHalfSwapped : public std::runtime_error {
public:
    explicit CutOverHalfSwapped(QString message);
    QString message;
};

struct CutOverResult {
    qint64 lockMillis = 0; // how long the application's statements on the table waited
};

// gh-ost's atomic cut-over, by the sentry table:
//   lock session:   CREATE TABLE _T_del (sentry); LOCK TABLES T READ, _T_del WRITE   -- writes to T wait
//                   write a marker, wait until it came through the binlog: every change before the lock is known;
//   flush session:  bring those last changed keys over (T is readable, the ghost unlocked)
//   rename session: RENAME TABLE T TO _T_del, _T_gho TO T   -- blocks on the sentry's lock
//   lock session:   once the rename is seen waiting: DROP TABLE _T_del; wait until the rename is seen queued
//                   for T itself (performance_schema.metadata_locks: PENDING EXCLUSIVE); UNLOCK TABLES
// The server takes a statement's metadata locks in name order: had the lock session held the ghost, the rename
// would sit queued on the ghost, not on T, and the unlock would let queued writes reach the old table first.
// The rename, queued first, wins the locks before the application's statements: they wait, then run on the
// new table, and never see an error or a missing table. If the lock session dies, the sentry still exists and
// the rename fails: nothing swapped. If the rename session dies, the lock session drops the sentry and unlocks:
// nothing swapped. Every wait is bounded by the lock timeout.
//
// Runs on the worker thread; opens its own connections. The appliers must be paused (ChangeSet) meanwhile.
class AtomicCutOver {
public:
    struct Hooks {
        // Writes a marker and waits until the binlog reader saw it; false on timeout.
        std::function<bool(const QString &token, int timeoutMillis)> writeMarkerAndWait;
        // SQL that brings these changed keys over (Applier::flushStatements).
        std::function<QString(const std::vector<QString> &keys)> flushStatements;
        // Runs on the flush session under the lock, after the last changes are applied and before the rename
        // (recreating the original's triggers on the ghost). Optional.
        std::function<void(mysql::Connection &session)> beforeRename;
    };

    AtomicCutOver(mysql::ConnectionSettings primary, QString schema, migration::TableNames names,
                  int lockTimeoutSeconds, migration::CutOverType type, apply::ChangeSet &changes, Hooks hooks);

    // One attempt. Returns on success (tables swapped); throws CutOverAttemptFailed when nothing was swapped.
    CutOverResult attempt();

private:
    CutOverResult attemptAtomic();
    CutOverResult attemptTwoStep(); // twostepcutover.cpp
    bool restoreOriginalFromAnotherSession() const;
    void flushPending(mysql::Connection &session, bool inTransaction);
    void requireLiveAppliers() const;
    // How the lock session confirms the rename is queued on the table before it unlocks: from
    // performance_schema.metadata_locks when the instrument is on, else exclusiveLockPendingOn().
    static bool metadataLocksInstrumented(mysql::Connection &side);
    bool renamePendingOnTable(mysql::Connection &side, unsigned long renameId) const;
    void carryAutoIncrement(mysql::Connection &session);
    void dropStaleSentry(mysql::Connection &side) const;

    mysql::ConnectionSettings m_primary;
    QString m_schema;
    migration::TableNames m_names;
    int m_timeout;
    migration::CutOverType m_type;
    apply::ChangeSet &m_changes;
    Hooks m_hooks;
};

} // namespace engine::cutover
