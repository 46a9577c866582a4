// AtomicCutOver's two-step variant (--cut-over=two-step): lock both tables, flush, rename the original away, rename
// the ghost into place. Between the two renames no table has the original's name.
#include "atomiccutover.h"

#include "lockblockers.h"

#include <logging/logging.h>
#include <mysql/connection.h>
#include <mysql/sessionsetup.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QFile>

#include <chrono>
#include <thread>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::DbException;
using engine::mysql::qualifiedName;

namespace engine::cutover {

namespace {

// A test-only hold between the two renames, so that a test can kill the lock session there for real:
// SHADOWSWAP_TEST_HOLD_TWO_STEP_FILE=<path> waits while <path> exists (at most 120 s), after creating
// <path>.reached to say it got there. Off unless the variable is set.
void holdBetweenRenamesForTest()
{
    const QString file = qEnvironmentVariable("SHADOWSWAP_TEST_HOLD_TWO_STEP_FILE");
    if (file.isEmpty() || !QFile::exists(file))
        return;
    QFile(file + u".reached"_s).open(QIODevice::WriteOnly);
    QElapsedTimer held;
    held.start();
    while (QFile::exists(file) && held.elapsed() < 120000)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
}

} // namespace

// The second rename failed and `lock` can't put the original back (its connection is gone, say): another session
// renames it back if no table has the original's name. True when the original is in place again.
bool AtomicCutOver::restoreOriginalFromAnotherSession() const
{
    try {
        Connection session = Connection::open(m_primary, u"cutover-undo"_s);
        session.execute(u"SET SESSION lock_wait_timeout = %1"_s.arg(m_timeout));
        session.execute(u"RENAME TABLE %1 TO %2"_s.arg(qualifiedName(m_schema, m_names.old),
                                                       qualifiedName(m_schema, m_names.original)));
        return true;
    } catch (const DbException &error) {
        SS_ERROR("cut-over: could not rename {} back to {} from a new session either: {}", m_names.old.toStdString(),
                 m_names.original.toStdString(), error.error().message.toStdString());
        return false;
    }
}

CutOverResult AtomicCutOver::attemptTwoStep()
{
    const QString original = qualifiedName(m_schema, m_names.original);
    const QString ghost = qualifiedName(m_schema, m_names.ghost);
    Connection side = Connection::open(m_primary, u"cutover-watch"_s);
    Connection lock = Connection::open(m_primary, u"cutover-lock"_s);
    // It flushes the last changed keys itself: prepared like an applier's session (time zone, sql_mode).
    mysql::prepareDataSession(lock, {true, false, 0});
    lock.execute(u"SET SESSION lock_wait_timeout = %1"_s.arg(m_timeout));
    try {
        lock.execute(u"LOCK TABLES %1 WRITE, %2 WRITE"_s.arg(original, ghost));
    } catch (const DbException &error) {
        throw CutOverAttemptFailed(error.error().toString(),
                                   describeLockBlockers(side, m_schema, m_names.original, {lock.threadId()}));
    }
    QElapsedTimer timer;
    timer.start();
    const QString old = qualifiedName(m_schema, m_names.old);
    bool originalRenamed = false;
    try {
        flushPending(lock, false);
        carryAutoIncrement(lock);
        if (m_hooks.beforeRename)
            m_hooks.beforeRename(lock);
        // Between these two statements the table name briefly does not exist: that is what two-step means.
        lock.execute(u"ALTER TABLE %1 RENAME %2"_s.arg(original, old));
        originalRenamed = true;
        holdBetweenRenamesForTest();
        lock.execute(u"ALTER TABLE %1 RENAME %2"_s.arg(ghost, original));
        lock.execute(u"UNLOCK TABLES"_s);
    } catch (const DbException &error) {
        if (originalRenamed) {
            // The second rename failed: no table has the original's name. Put the original back, or say so.
            QString undoError;
            try {
                lock.execute(u"ALTER TABLE %1 RENAME %2"_s.arg(old, original));
                lock.execute(u"UNLOCK TABLES"_s);
            } catch (const DbException &undo) {
                undoError = undo.error().message;
                lock.close();
            }
            if (!undoError.isEmpty() && !restoreOriginalFromAnotherSession())
                throw CutOverHalfSwapped(
                    u"the two-step cut-over renamed %1 to %2, then failed to rename the new table into place (%3) "
                    "and to rename the original back (%4). No table is named %1 now: run RENAME TABLE %2 TO %1 "
                    "at once"_s.arg(original, old, error.error().message, undoError));
            SS_WARN("cut-over: the second rename failed ({}); {} is back in place", error.error().message.toStdString(),
                    m_names.original.toStdString());
        }
        lock.close();
        CutOverAttemptFailed failure(error.error().toString());
        failure.lockMillis = timer.elapsed();
        throw failure;
    }
    return CutOverResult{timer.elapsed()};
}

} // namespace engine::cutover
