// The end of a migration (MigrationRunner, continued): postponement, verification, the swap (or the swap and swap
// back of --test-on-replica), and the clean-up after success.
#include "migrationrunner.h"

#include "changelog.h"

#include <apply/applier.h>
#include <apply/changeset.h>
#include <cutover/atomiccutover.h>
#include <hooks/migrationhooks.h>
#include <logging/logging.h>
#include <mysql/sqltext.h>
#include <verify/checksumverifier.h>

#include <QElapsedTimer>
#include <QFile>
#include <QUuid>

#include <limits>
#include <thread>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::DbException;
using engine::mysql::qualifiedName;

namespace engine::migration {

void MigrationRunner::waitForStreamToSettle()
{
    // The pause lasts about one stream round trip (primary → replica → binlog reader): right after the copy the
    // replica is still applying copied rows and lags by around a second on a busy server.
    constexpr qint64 settledMillis = 250;
    constexpr qint64 patienceMillis = 15000;
    QElapsedTimer waited;
    waited.start();
    auto lag = [this] {
        const qint64 sent = m_context->streamHeartbeatNanos;
        return sent > 0 ? (changelog::nowNanos() - sent) / 1'000'000 : std::numeric_limits<qint64>::max();
    };
    waitForBacklog(1000);
    while (lag() > settledMillis && waited.elapsed() < patienceMillis) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        checkHelpers();
    }
    if (waited.elapsed() > 200)
        SS_INFO("waited {} ms for the binlog stream to settle (lag now {} ms)", waited.elapsed(), lag());
}

void MigrationRunner::verify()
{
    verify::ChecksumVerifier verifier(
        {m_topology.primary, m_spec.database, m_spec.table, m_names.ghost, m_spec.cutOverLockTimeoutSeconds, 20000},
        m_plan, m_original, m_ghost, m_codec, *m_changes, m_context,
        {[this](const QString &token, int ms) { return writeMarkerAndWait(token, ms); },
         [this](const std::vector<QString> &keys) { return m_applier->flushStatements(keys); }});
    verify::VerifyResult result;
    for (int attempt = 1;; ++attempt) {
        try {
            waitForStreamToSettle();
            result = verifier.run();
            break;
        } catch (const DbException &error) {
            // Most likely the brief read lock timed out behind a long writer: try again later.
            if (attempt >= m_spec.defaultRetries)
                throw;
            SS_WARN("verify: could not take a consistent point ({}); retrying", error.error().message.toStdString());
            std::this_thread::sleep_for(std::chrono::seconds(1));
            checkHelpers();
        }
    }
    m_summary.verified = result.equal;
    m_summary.verifyResult = result.summary();
    m_summary.verifyMillis = result.millis;
    if (!result.equal)
        throw MigrationError(u"verify-mismatch"_s, u"the ghost table differs from the original (%1). The original is "
                                                   "untouched; the swap was not made"_s.arg(result.summary()));
}

void MigrationRunner::postponeIfAsked()
{
    bool announced = false;
    for (;;) {
        const QString flag = m_context->throttleSettings().postponeCutOverFlagFile;
        if (flag.isEmpty() || !QFile::exists(flag) || m_context->cutOverRequested)
            break;
        if (!announced) {
            SS_INFO("cut-over postponed while {} exists (delete it, or send 'unpostpone')", flag.toStdString());
            m_context->setState(MigrationState::Postponed);
            announced = true;
            runHook(hooks::HookEvent::BeginPostponed);
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        checkHelpers();
    }
}

void MigrationRunner::swapAndSwapBackOnReplica()
{
    const QString &db = m_spec.database;
    const QString endpoint = m_topology.inspectorFacts.endpoint;
    runHook(hooks::HookEvent::StopReplication); // gh-ost runs it even with --test-on-replica-skip-replica-stop
    if (!m_spec.testOnReplicaSkipReplicaStop) {
        SS_INFO("test-on-replica: stopping replication on {}", endpoint.toStdString());
        m_primary.execute(u"STOP SLAVE"_s);
    }
    // Everything the replica applied before the stop precedes this marker in its binlog: bring it all over.
    if (!writeMarkerAndWait(u"test-on-replica-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces), 30000))
        throw MigrationError(u"stream-failed"_s, u"the final marker did not come back through the binlog of %1 "
                                                 "within 30 s"_s.arg(endpoint));
    waitForBacklog(0);
    const QString original = qualifiedName(db, m_spec.table), ghost = qualifiedName(db, m_names.ghost),
                  old = qualifiedName(db, m_names.old);
    m_primary.execute(u"RENAME TABLE %1 TO %2, %3 TO %1"_s.arg(original, old, ghost));
    m_primary.execute(u"RENAME TABLE %1 TO %2, %3 TO %1"_s.arg(original, ghost, old));
    m_testedOnReplica = true;
    SS_INFO("test-on-replica: swapped and swapped back on {}. {} and {} hold the same rows{}; compare them, then "
            "SET SESSION sql_log_bin = 0; DROP TABLE {} and START SLAVE",
            endpoint.toStdString(), m_spec.table.toStdString(), m_names.ghost.toStdString(),
            m_spec.testOnReplicaSkipReplicaStop ? " as of the swap (replication kept running)" : ", replication stopped",
            m_names.ghost.toStdString());
}

void MigrationRunner::cutOver()
{
    cutover::AtomicCutOver cutover(m_topology.primary, m_spec.database, m_names, m_spec.cutOverLockTimeoutSeconds,
                                   m_spec.cutOver, *m_changes,
                                   {[this](const QString &token, int ms) { return writeMarkerAndWait(token, ms); },
                                    [this](const std::vector<QString> &keys) { return m_applier->flushStatements(keys); }});
    int backoff = 1;
    for (int attempt = 1;; ++attempt) {
        checkHelpers();
        waitWhileThrottled();
        waitForStreamToSettle();
        m_summary.cutOverAttempts = attempt;
        try {
            {
                Connection inspector = Connection::open(m_topology.inspector, u"inspect"_s);
                m_beforeSwap = binlog::currentBinlogPosition(inspector); // where a revert window's stream starts
            }
            const cutover::CutOverResult result = cutover.attempt();
            m_swapped = true;
            dropCheckpointTable(); // nothing left to resume: the swap is made
            m_summary.cutOverLockMillis = result.lockMillis;
            SS_INFO("cut-over: swapped {} and {} (application writes waited {} ms)", m_spec.table.toStdString(),
                    m_names.ghost.toStdString(), result.lockMillis);
            return;
        } catch (const cutover::CutOverAttemptFailed &failure) {
            SS_WARN("cut-over attempt {} failed: {}", attempt, failure.why.toStdString());
            for (const QString &blocker : failure.blockers) {
                SS_WARN("  blocking: {}", blocker.toStdString());
                if (!m_summary.cutOverBlockers.contains(blocker))
                    m_summary.cutOverBlockers << blocker;
            }
            if (attempt >= m_spec.defaultRetries)
                throw MigrationError(u"cut-over-failed"_s, u"the cut-over failed %1 times; last: %2%3"_s.arg(attempt)
                                                               .arg(failure.why, failure.blockers.isEmpty() ? QString()
                                                                    : u". Blocking sessions: "_s + failure.blockers.join(u"; "_s)));
            std::this_thread::sleep_for(std::chrono::seconds(backoff));
            if (m_spec.cutOverExponentialBackoff)
                backoff = std::min(backoff * 2, m_spec.exponentialBackoffMaxInterval);
        }
    }
}

void MigrationRunner::finish()
{
    stopHelpers();
    const QString &db = m_spec.database;
    m_primary.execute(u"DROP TABLE IF EXISTS "_s + qualifiedName(db, m_names.changelog));
    m_changelogCreated = false;
    dropCheckpointTable();
    m_ghostCreated = false; // it is the table now (or, tested on a replica, kept beside it for comparison)
    if (m_testedOnReplica || m_summary.reverted) {
        m_summary.oldTable = m_names.ghost; // the new-schema table, beside the restored original
        return;
    }
    if (m_spec.okToDropTable) {
        m_primary.execute(u"DROP TABLE IF EXISTS "_s + qualifiedName(db, m_names.old));
        SS_INFO("dropped the old table {}", m_names.old.toStdString());
    } else {
        m_summary.oldTable = m_names.old;
        SS_INFO("the old table is kept as {}.{} (DROP TABLE it when you no longer need a way back)", db.toStdString(),
                m_names.old.toStdString());
    }
}

} // namespace engine::migration
