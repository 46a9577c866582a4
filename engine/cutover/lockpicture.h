#pragma once

#include <mysql/result.h>

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <functional>

namespace engine::mysql {
class Connection;
}

namespace engine::cutover {

// How a session stands to the table's metadata locks.
enum class LockStatus {
    Holds,           // holds a metadata lock on it (a statement running, or a transaction that used it)
    Waits,           // waits for one: another session holds the table
    LockTables,      // holds it with LOCK TABLES (or HANDLER), idle: until it unlocks or disconnects
    OpenTransaction, // without a lock source: idle in an open transaction that may have used the table
};
QString lockStatusName(LockStatus status); // "holds", "waits", "LOCK TABLES", "open transaction"

// One session on the table as one look saw it. Plain value; crosses threads.
struct LockSession {
    qint64 id = 0; // the processlist id, which KILL takes
    QString user, host, db, command, state;
    QString statement;      // simplified, at most 300 characters; empty when idle
    qint64 timeSeconds = 0; // in its current command (idle: since its last statement ended)
    QString lockType;       // SHARED_READ, EXCLUSIVE, MDL_SHARED_WRITE, READ EXTERNAL …; empty when not known
    QString lockDuration;   // TRANSACTION, STATEMENT, EXPLICIT …; empty when not known
    LockStatus status = LockStatus::Holds;
    // Would hold the cut-over's exclusive lock back, as seen (or, for an idle LOCK TABLES, for sure). A
    // suspect (OpenTransaction) is not: without a lock source nobody can tell; `why` says so.
    bool isBlocker = false;
    QString why; // one clause: "holds LOCK TABLES (WRITE EXTERNAL) on the table", "brief (under 2 s)" …
    // The client's program_name connection attribute ("shadowswap-cutover-lock", "mysql" …), when
    // performance_schema is on and the client sent one.
    QString program;

    [[nodiscard]] bool idle() const;
    // "id 12, app@10.0.0.5:4711, Sleep for 30 s, db shop, no statement running"
    [[nodiscard]] QString describe() const;
};

// A transaction open longer than the threshold (information_schema.INNODB_TRX), whatever tables it used.
struct LongTransaction {
    qint64 id = 0; // processlist id
    QString user, host, command, state, statement;
    qint64 ageSeconds = 0; // since the transaction started
    qint64 idleSeconds = 0; // the processlist TIME: for an idle session, since its last statement
    QString trxState;       // RUNNING, LOCK WAIT …
    qint64 rowsLocked = 0, rowsModified = 0;

    [[nodiscard]] bool idle() const;
};

struct LockPictureOptions {
    // A transaction open this long is "long"; a session idle (or running one statement) this long while it
    // holds the table is a blocker. Below it, it is everyday traffic.
    int longTransactionSeconds = 10;
    QList<unsigned long> ownIds; // the engine's own sessions, left out (the reading session always is)
};

// Who holds or waits for metadata locks on one table, read with the best source the server offers:
//   1. performance_schema.metadata_locks, when the MDL instrument is on: every lock, granted or pending;
//   2. MariaDB's information_schema.METADATA_LOCK_INFO (plugin metadata_lock_info): granted locks; waits from
//      the processlist;
//   3. otherwise: LOCK TABLES holders from performance_schema.table_handles, waits from the processlist, and
//      idle open transactions (INNODB_TRX) as suspects — a transaction that read the table holds its lock
//      unseen. Without performance_schema, only the processlist and INNODB_TRX.
// Plus the transactions open longer than the threshold and Threads_running. Plain value; crosses threads.
struct LockPicture {
    enum class Source { MetadataLocks, MetadataLockInfo, TableHandles, Processlist };
    Source sourceKind = Source::Processlist;
    QString source;           // what was read, as the DBA sees it (e.g. "performance_schema.metadata_locks")
    QString betterSourceHint; // how to get a better source (statements to run); empty when this is the best
    QList<LockSession> sessions;
    QList<LongTransaction> longTransactions;
    qint64 threadsRunning = -1; // -1 when it could not be read
    QStringList errors;         // what could not be read and why; the rest is still filled

    [[nodiscard]] QList<LockSession> blockers() const;
    // True when locks are read (sources 1 and 2); otherwise holders other than LOCK TABLES are only suspected.
    [[nodiscard]] bool seesLocks() const
    {
        return sourceKind == Source::MetadataLocks || sourceKind == Source::MetadataLockInfo;
    }
};

// Runs one SELECT or SHOW and returns its rows; throws mysql::DbException (preflight passes its time-limited
// statements; anything else it throws passes through readLockPicture).
using LockQuery = std::function<mysql::Result(const QString &sql)>;

// One look. Never throws a DbException: what fails becomes a line of `errors`. May take 250 ms more when
// someone seems to hold LOCK TABLES (table_handles is read twice to tell a running statement from an idle lock).
LockPicture readLockPicture(const LockQuery &query, const QString &schema, const QString &table,
                            const LockPictureOptions &options = {});
LockPicture readLockPicture(mysql::Connection &connection, const QString &schema, const QString &table,
                            const LockPictureOptions &options = {});

// KILL QUERY (ends the running statement) or KILL CONNECTION (ends the session, rolling back its transaction
// and releasing its locks, LOCK TABLES included). Returns the server's error, empty on success.
enum class KillScope { Query, Connection };
QString killSession(mysql::Connection &connection, qint64 id, KillScope scope);
QString killStatement(qint64 id, KillScope scope); // "KILL CONNECTION 12"

} // namespace engine::cutover

Q_DECLARE_METATYPE(engine::cutover::LockPicture)
