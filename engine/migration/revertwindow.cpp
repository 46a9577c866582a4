// The revert window (MigrationRunner, continued): after the swap the old table `_T_del` is kept in sync by
// applying the new table's changes back into it, so that a revert (a second atomic swap) brings the old schema
// back with every write made since the cut-over.
#include "migrationrunner.h"

#include <apply/applier.h>
#include <apply/changecapture.h>
#include <apply/changeset.h>
#include <apply/keycodec.h>
#include <cutover/atomiccutover.h>
#include <logging/logging.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>

#include <algorithm>
#include <thread>

using namespace Qt::StringLiterals;
using engine::mysql::qualifiedName;

namespace engine::migration {

QString MigrationRunner::inverseProblem() const
{
    for (const inspect::ColumnPair &pair : m_plan.columns) {
        if (pair.source != pair.target)
            return u"column %1 is renamed to %2; a revert window needs the same names in both schemas"_s.arg(
                pair.source, pair.target);
        const auto before = std::find_if(m_original.columns.begin(), m_original.columns.end(),
                                         [&](const auto &c) { return c.name == pair.source; });
        const auto after = std::find_if(m_ghost.columns.begin(), m_ghost.columns.end(),
                                        [&](const auto &c) { return c.name == pair.target; });
        if (before == m_original.columns.end() || after == m_ghost.columns.end())
            continue;
        if (before->columnType != after->columnType || before->collation != after->collation
            || (!before->nullable && after->nullable))
            return u"column %1 changes from %2 to %3: values written after the swap might not fit back into the "
                   "old table"_s.arg(pair.source, before->columnType + (before->nullable ? u""_s : u" NOT NULL"_s),
                                     after->columnType + (after->nullable ? u""_s : u" NOT NULL"_s));
    }
    for (const QString &dropped : m_plan.droppedColumns) {
        const auto column = std::find_if(m_original.columns.begin(), m_original.columns.end(),
                                         [&](const auto &c) { return c.name == dropped; });
        if (column != m_original.columns.end() && !column->nullable && !column->hasDefault && !column->generated)
            return u"the dropped column %1 is NOT NULL without a default: rows inserted after the swap could not "
                   "be written back into the old table"_s.arg(dropped);
    }
    return {};
}

void MigrationRunner::keepRevertWindow()
{
    const QString &db = m_spec.database;
    // The inverse migration: from the new table (now named T) back into the old one (_T_del).
    inspect::MigrationPlan inverse;
    QString problem;
    if (!inspect::buildMigrationPlan(m_ghost, m_original, inspect::AlterAnalysis{}, {}, inverse, &problem)) {
        SS_WARN("revert window not opened: {}", problem.toStdString());
        return;
    }
    if (m_changes)
        m_changes->close();
    m_applier.reset();
    m_capture.reset();

    m_codec = std::make_shared<apply::KeyCodec>(inverse.keyColumns);
    m_changes = std::make_shared<apply::ChangeSet>(m_spec.applyWorkers, 2'000'000);
    apply::ChangeCapture::Options capture;
    capture.source = m_topology.inspector;
    capture.serverId = m_spec.replicaServerId;
    capture.schema = db;
    capture.table = m_spec.table;
    capture.changelogTable = m_names.changelog;
    capture.tableColumnCount = static_cast<int>(m_ghost.columns.size());
    capture.reconnect = {m_spec.defaultRetries, retryLimit(m_spec)};
    capture.ownTables = {m_names.ghost, m_names.old, m_names.sentry, m_names.changelog, m_names.checkpoint};
    for (const auto &keyColumn : inverse.keyColumns)
        for (int i = 0; i < static_cast<int>(m_ghost.columns.size()); ++i)
            if (m_ghost.columns[static_cast<size_t>(i)].name == keyColumn.name)
                capture.keyOrdinals.push_back(i);
    // Rows of T before the swap's RENAME are the old table's, already there.
    capture.ignoreRowsUntilQuery = qualifiedName(db, m_names.ghost) + u" TO "_s + qualifiedName(db, m_spec.table);
    m_capture = std::make_unique<apply::ChangeCapture>(capture, m_codec, m_changes, m_context);
    m_capture->start(m_beforeSwap);
    m_applier = std::make_unique<apply::Applier>(
        apply::Applier::Options{m_topology.primary, db, m_spec.table, m_names.old, !m_spec.skipStrictMode, 10,
                                {m_spec.defaultRetries, retryLimit(m_spec)}},
        inverse, m_codec, m_changes, m_context);
    m_applier->start();

    // The window's figures for snapshots (which show them only in the RevertWindow state, so they need no reset).
    const qint64 windowMillis = m_spec.revertWindowSeconds * 1000LL;
    QElapsedTimer window;
    window.start();
    qint64 caughtUpAt = 0; // window.elapsed() when every change read so far had been applied to the old table
    const auto publishFigures = [&] {
        const qint64 now = window.elapsed();
        m_context->revertWindowRemainingSeconds = std::max<qint64>(0, (windowMillis - now + 999) / 1000);
        // lastSequence first: if everything up to it is applied afterwards, the old table had caught up with
        // the stream at least as of that read.
        const quint64 read = m_changes->lastSequence();
        if (m_changes->appliedThrough() >= read)
            caughtUpAt = now;
        m_context->oldTableLagMillis = std::max<qint64>(0, m_context->streamLagMillis) + (now - caughtUpAt);
    };
    publishFigures();
    m_context->setState(MigrationState::RevertWindow);
    SS_INFO("revert window open for {} s: {} is kept in sync with {}; 'revert' swaps it back", m_spec.revertWindowSeconds,
            m_names.old.toStdString(), m_spec.table.toStdString());
    while (window.elapsed() < windowMillis && !m_context->closeRevertWindow && !m_context->abortRequested) {
        m_capture->rethrowFailure();
        m_applier->rethrowFailure();
        m_context->backlog = m_changes->pendingKeys();
        publishFigures();
        if (m_context->revertRequested) {
            revertSwap();
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    // An abort or panic in the window stops the run as aborted (after the swap: the new schema stays, the old
    // table is no longer kept in sync), never as a success.
    m_context->checkAbort();
    SS_INFO("revert window closed after {} s; the new schema stays", window.elapsed() / 1000);
}

void MigrationRunner::revertSwap()
{
    // The second swap is the cut-over in reverse: T (new schema) takes the ghost's free name, _T_del becomes T.
    TableNames names = m_names;
    names.ghost = m_names.old;
    names.sentry = m_names.ghost;
    names.old = m_names.ghost;
    cutover::AtomicCutOver swapBack(m_topology.primary, m_spec.database, names, m_spec.cutOverLockTimeoutSeconds,
                                    CutOverType::Atomic, *m_changes,
                                    {[this](const QString &token, int ms) { return writeMarkerAndWait(token, ms); },
                                     [this](const std::vector<QString> &keys) { return m_applier->flushStatements(keys); }, {}});
    for (int attempt = 1;; ++attempt) {
        waitForBacklog(1000);
        try {
            const cutover::CutOverResult result = swapBack.attempt();
            m_summary.reverted = true;
            SS_INFO("reverted: {} has its old schema again, with every write (application writes waited {} ms); the "
                    "new-schema table is kept as {}", m_spec.table.toStdString(), result.lockMillis,
                    m_names.ghost.toStdString());
            return;
        } catch (const cutover::CutOverAttemptFailed &failure) {
            SS_WARN("revert attempt {} failed: {}", attempt, failure.why.toStdString());
            if (attempt >= m_spec.defaultRetries)
                throw MigrationError(u"revert-failed"_s, u"the revert failed %1 times; last: %2. The new schema "
                                                         "stays live and nothing was lost"_s.arg(attempt).arg(failure.why));
            std::this_thread::sleep_for(std::chrono::seconds(1));
        }
    }
}

} // namespace engine::migration
