// Checkpoints and --resume (MigrationRunner, continued). While a migration runs, its progress is written into
// _T_ghk (checkpoint.h); when the process dies, the ghost, changelog and checkpoint tables stay, and a run with
// --resume continues from the checkpoint: it streams the binlog from there again and copies only the rows above
// the last copied key. Every check happens before anything is changed: a refused resume leaves all as it was.
#include "migrationrunner.h"

#include "changelog.h"

#include <apply/changecapture.h>
#include <apply/changeset.h>
#include <apply/keycodec.h>
#include <cutover/atomiccutover.h>
#include <logging/logging.h>
#include <mysql/sqltext.h>

#include <QCryptographicHash>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::qualifiedName;

namespace engine::migration {


QString MigrationRunner::tableLockName() const
{
    const QByteArray identity = (m_spec.database + u'.' + m_spec.table).toUtf8();
    return u"shadowswap:"_s
        + QString::fromLatin1(QCryptographicHash::hash(identity, QCryptographicHash::Sha1).toHex().left(40));
}

void MigrationRunner::claimTable(Connection &session, int waitSeconds)
{
    const QString name = tableLockName();
    if (waitSeconds > 0 && session.scalar(u"SELECT GET_LOCK(%1, 0)"_s.arg(session.quote(name))) == u"1"_s)
        return;
    if (waitSeconds > 0) {
        const QString holder = session.scalar(u"SELECT IS_USED_LOCK(%1)"_s.arg(session.quote(name))).value_or(u"?"_s);
        SS_INFO("another session (connection id {}) still holds {}.{}: waiting up to {} s for it to go (a process "
                "killed a moment ago leaves its session until the server notices)",
                holder.toStdString(), m_spec.database.toStdString(), m_spec.table.toStdString(), waitSeconds);
    }
    if (session.scalar(u"SELECT GET_LOCK(%1, %2)"_s.arg(session.quote(name)).arg(waitSeconds)) == u"1"_s)
        return;
    const QString holder = session.scalar(u"SELECT IS_USED_LOCK(%1)"_s.arg(session.quote(name))).value_or(u"?"_s);
    throw MigrationError(u"already-running"_s,
                         u"another migration of %1.%2 is running on %3 (its connection id is %4). Wait for it, or "
                         "stop it; if its process is gone but the server still keeps the connection, KILL %4 first"_s
                             .arg(m_spec.database, m_spec.table, m_topology.primaryFacts.endpoint, holder));
}

void MigrationRunner::refuseOrAdoptLeftovers()
{
    const QString &db = m_spec.database;
    auto exists = [&](const QString &name) { return inspect::tableExists(m_primary, db, name); };
    auto drop = [&](const QString &name) {
        SS_INFO("dropping leftover table {}", name.toStdString());
        m_primary.execute(u"DROP TABLE "_s + qualifiedName(db, name));
    };
    const bool interrupted = exists(m_names.ghost) && exists(m_names.checkpoint);

    if (m_spec.resume) {
        // A cut-over cut short leaves its sentry (an empty table under the old table's name): harmless to drop.
        if (exists(m_names.old) && cutover::isCutOverSentry(m_primary, db, m_names.old))
            drop(m_names.old);
        if (!exists(m_names.ghost)) {
            if (exists(m_names.old))
                throw MigrationError(u"resume-nothing"_s,
                                     u"there is no ghost table %1.%2 but there is %3: the interrupted migration had "
                                     "already swapped the tables, so %4 has the new schema. Nothing to resume; drop "
                                     "%5 and %6 when you no longer need them"_s.arg(db, m_names.ghost, m_names.old,
                                                                                    m_spec.table, m_names.changelog,
                                                                                    m_names.checkpoint));
            throw MigrationError(u"resume-nothing"_s, u"there is no ghost table %1.%2 to resume. Run without --resume "
                                                      "to start the migration"_s.arg(db, m_names.ghost));
        }
        if (!exists(m_names.checkpoint))
            throw MigrationError(u"resume-no-checkpoint"_s,
                                 u"%1.%2 exists but there is no checkpoint table %3: the migration stopped before "
                                 "its first checkpoint (or was not started by Shadowswap). Start over with "
                                 "--initially-drop-ghost-table"_s.arg(db, m_names.ghost, m_names.checkpoint));
        if (exists(m_names.old))
            throw MigrationError(u"leftover-table"_s, u"table %1.%2 already exists (left by an earlier migration?); "
                                                      "the swap needs its name. Inspect it, then drop it or pass "
                                                      "--initially-drop-old-table"_s.arg(db, m_names.old));
        return;
    }

    auto refuseLeftover = [&](const QString &name, bool dropIt, const QString &flag) {
        if (!exists(name))
            return;
        if (!dropIt) {
            if (interrupted && name != m_names.old)
                throw MigrationError(u"leftover-table"_s,
                                     u"table %1.%2 was left by an interrupted migration, with its checkpoint in %3. "
                                     "Pass --resume to continue it, or %4 to start over"_s.arg(db, name,
                                                                                              m_names.checkpoint, flag));
            throw MigrationError(u"leftover-table"_s, u"table %1.%2 already exists (left by an earlier migration?). "
                                                      "Inspect it, then drop it or pass %3"_s.arg(db, name, flag));
        }
        drop(name);
    };
    refuseLeftover(m_names.ghost, m_spec.initiallyDropGhostTable, u"--initially-drop-ghost-table"_s);
    refuseLeftover(m_names.changelog, m_spec.initiallyDropGhostTable, u"--initially-drop-ghost-table"_s);
    refuseLeftover(m_names.checkpoint, m_spec.initiallyDropGhostTable, u"--initially-drop-ghost-table"_s);
    refuseLeftover(m_names.old, m_spec.initiallyDropOldTable, u"--initially-drop-old-table"_s);
}

void MigrationRunner::adoptInterruptedGhost()
{
    const QString &db = m_spec.database;
    const auto point = checkpoint::read(m_primary, db, m_names.checkpoint);
    if (!point)
        throw MigrationError(u"resume-no-checkpoint"_s,
                             u"the checkpoint table %1.%2 is empty: the migration stopped before its first checkpoint. "
                             "Start over with --initially-drop-ghost-table"_s.arg(db, m_names.checkpoint));
    if (point->alter.simplified() != m_spec.alter.simplified())
        throw MigrationError(u"resume-alter-differs"_s,
                             u"the interrupted migration ran --alter \"%1\"; this run asks for \"%2\". Resume with the "
                             "same --alter, or start over with --initially-drop-ghost-table"_s.arg(point->alter, m_spec.alter));
    buildPlan();
    if (checkpoint::definitionFingerprint(m_ghost.createStatement) != point->ghostDefinition
        && checkpoint::legacyDefinitionFingerprint(m_ghost.createStatement) != point->ghostDefinition)
        throw MigrationError(u"resume-ghost-changed"_s,
                             u"the ghost table %1.%2 was altered after the checkpoint of %3: its rows no longer "
                             "match what was copied. Start over with --initially-drop-ghost-table"_s.arg(
                                 db, m_names.ghost, point->writtenAt));
    Connection inspector = Connection::open(m_topology.inspector, u"inspect"_s);
    if (const QString server = checkpoint::serverIdentity(inspector); server != point->sourceServer)
        throw MigrationError(u"resume-other-server"_s,
                             u"the checkpoint is a position in the binlog of %1, but this run reads the binlog of %2 "
                             "(%3). Resume with the same --host as the interrupted run"_s.arg(
                                 point->sourceServer, server, m_topology.inspectorFacts.endpoint));
    if (const QString why = checkpoint::binlogUnavailable(inspector, point->position); !why.isEmpty())
        throw MigrationError(u"resume-binlog-purged"_s,
                             u"can't resume: the checkpoint of %1 needs the binlog of %2 from %3, but %4. The changes "
                             "made since can't be replayed; start over with --initially-drop-ghost-table (and keep "
                             "binlogs longer: binlog_expire_logs_seconds)"_s.arg(point->writtenAt,
                                                                                 m_topology.inspectorFacts.endpoint,
                                                                                 point->position.toString(), why));
    // From here on the tables are this run's: a failure or abort cleans them up as in any migration.
    m_resumeFrom = point;
    m_ghostCreated = m_changelogCreated = m_checkpointCreated = true;
    if (!inspect::tableExists(m_primary, db, m_names.changelog))
        changelog::create(m_primary, db, m_names.changelog);
    findIndexesLeftToBuild();
    m_context->rowsCopied = point->rowsCopied;
    m_copyFrontier = point->lastCopiedKey;
    m_copyComplete = point->copyComplete;
    SS_INFO("resuming from the checkpoint of {}: binlog {}, {}", point->writtenAt.toStdString(),
            point->position.toString().toStdString(),
            point->copyComplete ? std::string("copy complete")
                                : point->lastCopiedKey ? "copy continues after key " + apply::KeyCodec::tuple(*point->lastCopiedKey).toStdString()
                                                       : std::string("copy starts at the beginning"));
}

binlog::BinlogPosition MigrationRunner::resumePosition(Connection &inspector)
{
    // Checked again: binlogs may have been purged since the resume was accepted.
    if (const QString why = checkpoint::binlogUnavailable(inspector, m_resumeFrom->position); !why.isEmpty())
        throw MigrationError(u"resume-binlog-purged"_s, u"can't resume: %1"_s.arg(why));
    return m_resumeFrom->position;
}

void MigrationRunner::startCheckpoints(Connection &inspector)
{
    if (!m_checkpointCreated)
        return;
    Checkpoint identity;
    identity.sourceServer = checkpoint::serverIdentity(inspector);
    identity.alter = m_spec.alter;
    identity.ghostDefinition = checkpoint::definitionFingerprint(m_ghost.createStatement);
    m_checkpoints = std::make_unique<CheckpointWriter>(m_topology.primary, m_spec.database, m_names.checkpoint,
                                                       identity, m_spec.checkpointSeconds);
    tickCheckpoint();
}

void MigrationRunner::tickCheckpoint()
{
    if (!m_checkpoints || !m_checkpoints->due() || !m_capture || !m_changes || m_swapped)
        return;
    const apply::ChangeCapture::Boundary boundary = m_capture->lastBoundary();
    CheckpointWriter::Progress progress;
    progress.boundary = boundary.position;
    progress.boundarySequence = boundary.sequence;
    progress.appliedThrough = m_changes->appliedThrough();
    progress.lastCopiedKey = m_copyFrontier;
    progress.copyComplete = m_copyComplete;
    progress.rowsCopied = m_context->rowsCopied;
    progress.eventsApplied = m_context->eventsApplied;
    m_checkpoints->tick(progress);
}

void MigrationRunner::dropCheckpointTable()
{
    m_checkpoints.reset();
    if (!m_checkpointCreated)
        return;
    try {
        m_primary.execute(u"DROP TABLE IF EXISTS "_s + qualifiedName(m_spec.database, m_names.checkpoint));
        m_checkpointCreated = false;
    } catch (const mysql::DbException &error) {
        SS_WARN("could not drop the checkpoint table {}: {}", m_names.checkpoint.toStdString(),
                error.error().message.toStdString());
    }
}

} // namespace engine::migration
