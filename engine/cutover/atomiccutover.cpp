#include "atomiccutover.h"

#include "lockblockers.h"

#include <apply/changeset.h>
#include <logging/logging.h>
#include <mysql/connection.h>
#include <mysql/sessionsetup.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QUuid>

#include <mysqld_error.h>

#include <thread>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::DbException;
using engine::mysql::qualifiedName;

namespace engine::cutover {

CutOverAttemptFailed::CutOverAttemptFailed(QString reason, QStringList blockingSessions)
    : std::runtime_error(reason.toStdString())
    , why(std::move(reason))
    , blockers(std::move(blockingSessions))
{
}

AtomicCutOver::AtomicCutOver(mysql::ConnectionSettings primary, QString schema, migration::TableNames names,
                             int lockTimeoutSeconds, migration::CutOverType type, apply::ChangeSet &changes,
                             Hooks hooks)
    : m_primary(std::move(primary))
    , m_schema(std::move(schema))
    , m_names(std::move(names))
    , m_timeout(lockTimeoutSeconds)
    , m_type(type)
    , m_changes(changes)
    , m_hooks(std::move(hooks))
{
}

void AtomicCutOver::flushPending(Connection &session, bool inTransaction)
{
    const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
    if (!m_hooks.writeMarkerAndWait(token, m_timeout * 1000))
        throw CutOverAttemptFailed(u"the binlog reader did not see the cut-over marker within %1 s (replication "
                                   "or the stream lags); the lock was released"_s.arg(m_timeout));
    requireLiveAppliers();
    apply::ChangeSet::Batch rest = m_changes.takeAll();
    try {
        constexpr size_t perStatement = 1000;
        for (size_t i = 0; i < rest.keys.size(); i += perStatement) {
            const std::vector<QString> keys(rest.keys.begin() + static_cast<qsizetype>(i),
                                            rest.keys.begin() + static_cast<qsizetype>(std::min(rest.keys.size(), i + perStatement)));
            const QString statements = m_hooks.flushStatements(keys);
            session.executeBatch(inTransaction ? u"START TRANSACTION; "_s + statements + u"; COMMIT"_s : statements);
        }
    } catch (...) {
        m_changes.giveBack(rest); // the next attempt flushes them again (idempotent); nothing is lost
        throw;
    }
    m_changes.complete(rest);
    SS_INFO("cut-over: applied the last {} changed keys under the lock", rest.keys.size());
}

bool AtomicCutOver::metadataLocksInstrumented(Connection &side)
{
    try {
        return side.scalar(u"SELECT ENABLED FROM performance_schema.setup_instruments "
                           "WHERE NAME = 'wait/lock/metadata/sql/mdl'"_s)
            == u"YES"_s;
    } catch (const DbException &) {
        return false; // performance_schema off (MariaDB's default)
    }
}

bool AtomicCutOver::renamePendingOnTable(Connection &side, unsigned long renameId) const
{
    return side.scalar(u"SELECT COUNT(*) FROM performance_schema.metadata_locks m JOIN performance_schema.threads t "
                       "ON t.THREAD_ID = m.OWNER_THREAD_ID WHERE t.PROCESSLIST_ID = %1 AND m.OBJECT_SCHEMA = %2 "
                       "AND m.OBJECT_NAME = %3 AND m.LOCK_TYPE = 'EXCLUSIVE' AND m.LOCK_STATUS = 'PENDING'"_s
                           .arg(renameId)
                           .arg(side.quote(m_schema), side.quote(m_names.original)))
               .value_or(u"0"_s)
        != u"0"_s;
}

bool exclusiveLockPendingOn(Connection &side, const QString &schema, const QString &table)
{
    // A new shared-read request is refused while an exclusive request waits (MDL gives pending exclusive locks
    // precedence over new shared ones), but not while writes wait. So a read that can't start at once says that a
    // rename (or other DDL) is queued on the table itself, whatever the order it took its other locks in.
    const QString qualified = qualifiedName(schema, table);
    const bool mariadb = side.serverVersion().contains(u"MariaDB"_s, Qt::CaseInsensitive);
    try {
        if (mariadb) {
            side.execute(u"SET STATEMENT lock_wait_timeout = 0 FOR SELECT 1 FROM %1 LIMIT 0"_s.arg(qualified));
        } else {
            side.execute(u"SET SESSION lock_wait_timeout = 1"_s); // MySQL's minimum
            side.execute(u"SELECT 1 FROM %1 LIMIT 0"_s.arg(qualified));
        }
        return false;
    } catch (const DbException &error) {
        if (error.code() == ER_LOCK_WAIT_TIMEOUT || error.code() == ER_NO_SUCH_TABLE)
            return true;
        throw;
    }
}

namespace {
constexpr auto sentryComment = "shadowswap-cut-over-sentry";
} // namespace

bool isCutOverSentry(Connection &connection, const QString &schema, const QString &table)
{
    return connection.scalar(u"SELECT TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 "
                             "AND TABLE_NAME = %2"_s.arg(connection.quote(schema), connection.quote(table)))
        == QString::fromLatin1(sentryComment);
}

void AtomicCutOver::dropStaleSentry(Connection &side) const
{
    // A lock session that died while it waited (killed, wait_timeout) leaves its sentry behind, and every later
    // attempt would fail creating it. Anything else under that name is not touched.
    if (!isCutOverSentry(side, m_schema, m_names.sentry))
        return;
    SS_WARN("cut-over: dropping the sentry {} a previous attempt left behind", m_names.sentry.toStdString());
    side.execute(u"DROP TABLE "_s + qualifiedName(m_schema, m_names.sentry));
}

void AtomicCutOver::carryAutoIncrement(Connection &session)
{
    // gh-ost's autoinc-copy-deletes: rows deleted at the top of the id range leave the original's counter above
    // every id the ghost holds; the ids of deleted rows must never be handed out again. The original can't take
    // writes now (locked), so its counter is final; the server raises a lower value to MAX(id) + 1 by itself.
    try {
        session.execute(u"SET SESSION information_schema_stats_expiry = 0"_s); // MySQL 8 caches the counter
    } catch (const DbException &) {
        // MariaDB: no such variable, and no cache
    }
    const auto counter = session.scalar(u"SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                        "%1 AND TABLE_NAME = %2"_s.arg(session.quote(m_schema), session.quote(m_names.original)));
    if (!counter || counter->toULongLong() == 0)
        return; // no AUTO_INCREMENT column
    const QString ghost = qualifiedName(m_schema, m_names.ghost);
    const auto ghostCounter = session.scalar(u"SELECT AUTO_INCREMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = "
                                             "%1 AND TABLE_NAME = %2"_s.arg(session.quote(m_schema), session.quote(m_names.ghost)));
    if (ghostCounter && ghostCounter->toULongLong() >= counter->toULongLong())
        return;
    session.execute(u"ALTER TABLE %1 AUTO_INCREMENT = %2"_s.arg(ghost, *counter));
    SS_INFO("cut-over: the new table's AUTO_INCREMENT raised to the original's {}", counter->toStdString());
}

void AtomicCutOver::requireLiveAppliers() const
{
    // A closed set means an applier failed: the keys of its batch, and every change read since, would be missing
    // from the new table. Never swap then; the runner reports the applier's own failure.
    if (m_changes.isClosed())
        throw CutOverAttemptFailed(u"an applier stopped (its failure is reported next); the tables were not swapped"_s);
}

CutOverHalfSwapped::CutOverHalfSwapped(QString text)
    : std::runtime_error(text.toStdString())
    , message(std::move(text))
{
}

CutOverResult AtomicCutOver::attempt()
{
    // Resumed when an attempt fails (they were left paused when the pause itself timed out); kept paused after a
    // swap.
    apply::AppliersPaused paused(m_changes, std::chrono::seconds(30));
    if (!paused.idle())
        throw CutOverAttemptFailed(u"the appliers did not pause within 30 s"_s);
    requireLiveAppliers();
    const CutOverResult result = m_type == migration::CutOverType::TwoStep ? attemptTwoStep() : attemptAtomic();
    paused.keep();
    return result;
}

CutOverResult AtomicCutOver::attemptAtomic()
{
    const QString original = qualifiedName(m_schema, m_names.original);
    const QString ghost = qualifiedName(m_schema, m_names.ghost);
    const QString sentry = qualifiedName(m_schema, m_names.sentry);
    Connection side = Connection::open(m_primary, u"cutover-watch"_s);
    Connection lock = Connection::open(m_primary, u"cutover-lock"_s);
    mysql::prepareDataSession(lock, {true, false, 0});
    // A hung engine must not hold the table: the server drops this session (and its locks) after 3t.
    lock.execute(u"SET SESSION lock_wait_timeout = %1, SESSION wait_timeout = %2"_s.arg(m_timeout).arg(3 * m_timeout));
    bool sentryCreated = false, locked = false;
    std::thread renameThread;
    std::atomic<bool> renameDone{false};
    QString renameError;
    unsigned long renameId = 0;
    QElapsedTimer lockTimer;
    qint64 unlockedAfter = -1;
    auto lockHeldMillis = [&] {
        return unlockedAfter >= 0 ? unlockedAfter : lockTimer.isValid() ? lockTimer.elapsed() : qint64(-1);
    };
    auto releaseLock = [&] {
        try {
            if (sentryCreated)
                lock.execute(u"DROP TABLE IF EXISTS "_s + sentry);
            sentryCreated = false;
            if (locked)
                lock.execute(u"UNLOCK TABLES"_s);
            locked = false;
        } catch (const DbException &error) {
            // Closing the session releases its locks; the sentry then blocks any rename.
            SS_WARN("cut-over: releasing the lock failed ({}); closing the session", error.error().message.toStdString());
            lock.close();
        }
    };
    // The rename is killed while the lock still holds it back, so a failed attempt can never swap half-flushed.
    // True when the rename nevertheless went through (the lock session died after the sentry was dropped):
    // the swap is then complete and correct, since the rename was queued ahead of every write.
    auto stopRenameBeforeUnlock = [&] {
        if (!renameThread.joinable())
            return false;
        if (!renameDone && renameId)
            try {
                side.execute(u"KILL QUERY %1"_s.arg(renameId));
            } catch (const DbException &) {
            }
        renameThread.join();
        if (renameError.isEmpty()) {
            SS_WARN("cut-over: the lock session failed, but the rename completed: the tables are swapped");
            return true;
        }
        return false;
    };
    try {
        dropStaleSentry(side);
        lock.execute(u"CREATE TABLE %1 (id INT PRIMARY KEY) ENGINE=InnoDB COMMENT='%2'"_s.arg(sentry, QString::fromLatin1(sentryComment)));
        sentryCreated = true;
        // READ, not WRITE, on the table, and no lock on the ghost: the rename takes its metadata locks in name
        // order, and it must end up queued on the table itself (not on a ghost we hold) before we unlock.
        // Application reads go on meanwhile; application writes wait.
        try {
            lock.execute(u"LOCK TABLES %1 READ, %2 WRITE"_s.arg(original, sentry));
        } catch (const DbException &error) {
            if (error.code() == ER_LOCK_WAIT_TIMEOUT)
                throw CutOverAttemptFailed(u"could not lock %1 within %2 s: other sessions hold it"_s.arg(
                                               m_names.original, QString::number(m_timeout)),
                                           describeLockBlockers(side, m_schema, m_names.original, {lock.threadId()}));
            throw;
        }
        locked = true;
        lockTimer.start();
        {
            Connection flush = Connection::open(m_primary, u"cutover-flush"_s);
            mysql::prepareDataSession(flush, {true, true, m_timeout});
            flushPending(flush, true);
            carryAutoIncrement(flush);
            if (m_hooks.beforeRename)
                m_hooks.beforeRename(flush);
        }

        Connection rename = Connection::open(m_primary, u"cutover-rename"_s);
        rename.execute(u"SET SESSION lock_wait_timeout = %1"_s.arg(2 * m_timeout));
        renameId = rename.threadId();
        renameThread = std::thread([&, session = std::move(rename)]() mutable {
            try {
                session.execute(u"RENAME TABLE %1 TO %2, %3 TO %1"_s.arg(original, sentry, ghost));
            } catch (const DbException &error) {
                renameError = error.error().toString();
            }
            renameDone = true;
        });
        // The rename must be queued on the lock before the lock goes away, or application statements could win.
        bool waiting = false;
        QElapsedTimer watch;
        watch.start();
        while (!waiting && !renameDone && watch.elapsed() < m_timeout * 1000) {
            waiting = side.scalar(u"SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = %1 "
                                  "AND STATE LIKE '%metadata lock%' AND INFO LIKE 'RENAME%'"_s.arg(renameId))
                          .value_or(u"0"_s) != u"0"_s;
            if (!waiting)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        if (!waiting)
            throw CutOverAttemptFailed(renameDone ? u"the rename failed early: "_s + renameError
                                                  : u"the rename was not seen waiting on the lock within %1 s"_s.arg(m_timeout));
        lock.execute(u"DROP TABLE "_s + sentry);
        sentryCreated = false;
        // The rename takes its locks in name order and may have been waiting on the sentry, not yet on the
        // table: unlocking now would let queued application writes reach the old table first (gh-ost #887).
        // Wait (bounded) until it is seen holding a pending exclusive lock on the table itself.
        QElapsedTimer pending;
        pending.start();
        const bool instrumented = metadataLocksInstrumented(side);
        bool renameQueued = false;
        while (!renameQueued && !renameDone && pending.elapsed() < m_timeout * 1000) {
            renameQueued = instrumented ? renamePendingOnTable(side, renameId)
                                        : exclusiveLockPendingOn(side, m_schema, m_names.original);
            if (!renameQueued)
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
        if (!renameQueued && !renameDone)
            throw CutOverAttemptFailed(u"the rename was not seen queued on %1 within %2 s"_s.arg(
                                           m_names.original, QString::number(m_timeout)));
        lock.execute(u"UNLOCK TABLES"_s);
        locked = false;
        unlockedAfter = lockTimer.elapsed();
        renameThread.join();
        if (!renameError.isEmpty())
            throw CutOverAttemptFailed(u"the rename failed after the unlock: "_s + renameError);
        return CutOverResult{unlockedAfter};
    } catch (CutOverAttemptFailed &failure) {
        if (stopRenameBeforeUnlock())
            return CutOverResult{lockTimer.elapsed()};
        releaseLock();
        failure.lockMillis = lockHeldMillis();
        throw;
    } catch (const DbException &error) {
        if (stopRenameBeforeUnlock())
            return CutOverResult{lockTimer.elapsed()};
        releaseLock();
        CutOverAttemptFailed failure(error.error().toString());
        failure.lockMillis = lockHeldMillis();
        throw failure;
    }
}

} // namespace engine::cutover
