// The end of a migration (MigrationRunner, continued): postponement, verification, the swap (or the swap and swap
// back of --test-on-replica), and the clean-up after success.
#include "migrationrunner.h"

#include "changelog.h"
#include "triggers.h"

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
    waitWhileStreamStalls(lag);
    waited.restart();
    while (lag() > settledMillis && waited.elapsed() < patienceMillis) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        checkHelpers();
    }
    if (waited.elapsed() > 200)
        SS_INFO("waited {} ms for the binlog stream to settle (lag now {} ms)", waited.elapsed(), lag());
}

void MigrationRunner::waitWhileStreamStalls(const std::function<qint64()> &lagMillis)
{
    constexpr qint64 stalledMillis = 2000; // heartbeats are written every 100 ms: 2 s without one is no hiccup
    if (lagMillis() <= stalledMillis)
        return;
    // After a deferred index build the replica replays it, applying nothing else meanwhile: as long again is
    // expected, on top of the limit.
    const qint64 limitMillis = m_spec.stallLimitSeconds * 1000LL + 2 * m_indexBuildMillis;
    QElapsedTimer stalled;
    stalled.start();
    SS_WARN("the binlog stream of {} is {} ms behind (replication stopped or lagging): waiting for it before the "
            "next step, up to {} s (--stall-limit-seconds)",
            m_topology.inspectorFacts.endpoint.toStdString(), lagMillis(), m_spec.stallLimitSeconds);
    m_context->throttled = true;
    while (lagMillis() > stalledMillis) {
        if (stalled.elapsed() > limitMillis)
            throw MigrationError(u"stream-stalled"_s,
                                 u"the binlog stream of %1 stayed %2 s behind for %3 s (--stall-limit-seconds): "
                                 "replication is stopped or far behind there. Start replication (START SLAVE) and "
                                 "check its lag"_s.arg(m_topology.inspectorFacts.endpoint)
                                     .arg(lagMillis() / 1000)
                                     .arg(m_spec.stallLimitSeconds));
        m_context->setThrottleReason(u"waiting for the binlog stream of %1: %2 s behind (replication stopped or "
                                     "lagging); giving up in %3 s"_s.arg(m_topology.inspectorFacts.endpoint)
                                         .arg(lagMillis() / 1000)
                                         .arg((limitMillis - stalled.elapsed()) / 1000));
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
        m_context->throttledMillis += 200;
        checkHelpers();
    }
    m_context->throttled = false;
    m_context->setThrottleReason({});
    SS_INFO("the binlog stream caught up after {} ms", stalled.elapsed());
}

void MigrationRunner::verify()
{
    keepPrimaryAlive(true); // it may have idled through a long postponement
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
        } catch (const MigrationError &error) {
            // The stream fell behind (replication stopped?) just as the lock was taken: the lock is released;
            // the next attempt first waits for the stream.
            if (error.failure.code != u"verify-stream-behind"_s || attempt >= m_spec.defaultRetries)
                throw;
            SS_WARN("verify: {}; retrying once the stream is live", error.failure.message.toStdString());
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
        // Shows a throttle as the state while postponed (the appliers keep applying; the cut-over waits for it).
        waitWhileThrottled([this] { checkHelpers(); });
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
                                    [this](const std::vector<QString> &keys) { return m_applier->flushStatements(keys); },
                                    [this](Connection &session) { triggers::createOnGhost(session, m_spec, m_names, m_original); }});
    int backoff = 1;
    for (int attempt = 1;; ++attempt) {
        checkHelpers();
        waitWhileThrottled([this] { checkHelpers(); });
        waitForStreamToSettle();
        m_summary.cutOverAttempts = attempt;
        QElapsedTimer attemptClock;
        attemptClock.start();
        m_context->setCutOverAttempt({attempt, CutOverAttempt::Outcome::Running, {}, -1, 0, {}});
        try {
            {
                Connection inspector = Connection::open(m_topology.inspector, u"inspect"_s);
                m_beforeSwap = binlog::currentBinlogPosition(inspector); // where a revert window's stream starts
            }
            const cutover::CutOverResult result = cutover.attempt();
            m_context->setCutOverAttempt(
                {attempt, CutOverAttempt::Outcome::Swapped, {}, result.lockMillis, attemptClock.elapsed(), {}});
            m_swapped = true;
            dropCheckpointTable(); // nothing left to resume: the swap is made
            m_summary.cutOverLockMillis = result.lockMillis;
            SS_INFO("cut-over: swapped {} and {} (application writes waited {} ms)", m_spec.table.toStdString(),
                    m_names.ghost.toStdString(), result.lockMillis);
            return;
        } catch (const cutover::CutOverHalfSwapped &halfSwapped) {
            m_context->setCutOverAttempt({attempt, CutOverAttempt::Outcome::Failed, halfSwapped.message, -1,
                                          attemptClock.elapsed(), {}});
            MigrationError error(u"two-step-half-swapped"_s, halfSwapped.message);
            error.failure.originalUntouched = false;
            throw error;
        } catch (const cutover::CutOverAttemptFailed &failure) {
            SS_WARN("cut-over attempt {} failed: {}", attempt, failure.why.toStdString());
            m_context->setCutOverAttempt({attempt, CutOverAttempt::Outcome::Failed, failure.why,
                                          failure.lockMillis, attemptClock.elapsed(), failure.blockers});
            m_summary.cutOverFailures << failure.why;
            keepPrimaryAlive(true);
            triggers::dropFromGhost(m_primary, m_spec, m_original);
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
    keepPrimaryAlive(true); // it may have idled through a long postponement
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
