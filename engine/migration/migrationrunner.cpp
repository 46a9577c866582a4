#include "migrationrunner.h"

#include "changelog.h"
#include "copytesthold.h"
#include "triggers.h"

#include <apply/applier.h>
#include <apply/changecapture.h>
#include <apply/changeset.h>
#include <apply/keycodec.h>
#include <binlog/binlogposition.h>
#include <copy/rowcopier.h>
#include <cutover/atomiccutover.h>
#include <hooks/migrationhooks.h>
#include <logging/logging.h>
#include <mysql/reconnect.h>
#include <mysql/sessionsetup.h>
#include <mysql/sqltext.h>
#include <verify/checksumverifier.h>

#include <QDateTime>
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

MigrationRunner::MigrationRunner(MigrationSpec spec, std::shared_ptr<MigrationContext> context,
                                 hooks::MigrationHooks *hooks)
    : m_spec(std::move(spec))
    , m_context(std::move(context))
    , m_hooks(hooks)
{
    // The live settings (chunk target, batch size, max lag, nice ratio) were seeded by the controller at start
    // and may have been changed since: not reset here.
}

MigrationRunner::~MigrationRunner()
{
    stopHelpers();
}

MigrationSummary MigrationRunner::run()
{
    QElapsedTimer total;
    total.start();
    m_summary.database = m_spec.database;
    m_summary.table = m_spec.table;
    m_summary.alter = m_spec.alter;
    m_summary.dryRun = !m_spec.execute;
    try {
        if (const QString problem = m_spec.validate(); !problem.isEmpty())
            throw MigrationError(u"bad-arguments"_s, problem);
        m_context->setState(MigrationState::Connecting);
        m_topology = Topology::resolve(m_spec);
        m_names = TableNames::forSpec(m_spec, QDateTime::currentDateTimeUtc().toString(u"yyyyMMddHHmmss"_s));
        for (const QString &name : {m_names.ghost, m_names.changelog, m_names.checkpoint, m_names.old, m_names.sentry})
            if (name.size() > 64) // the server's limit: found out before anything is created, not half way
                throw MigrationError(u"name-too-long"_s,
                                     u"the helper table name %1 would be %2 characters long; MySQL allows 64. Nothing "
                                     "was changed. Give shorter helper names with --force-table-names=NAME%3"_s
                                         .arg(name)
                                         .arg(name.size())
                                         .arg(m_spec.timestampOldTable ? u" (or drop --timestamp-old-table)"_s : QString()));
        m_primary = Connection::open(m_topology.primary, u"migrate"_s);
        mysql::prepareDataSession(m_primary, {!m_spec.skipStrictMode, true, 10});

        m_context->setState(MigrationState::Validating);
        if (m_spec.execute)
            refuseServerIdInUse();
        // A resume right after a kill -9 may find the dead process's session still holding the lock.
        claimTable(m_primary, m_spec.resume ? 30 : 0);
        m_primaryCheckedAt.start();
        validateOriginal();
        m_context->setState(MigrationState::CreatingGhost);
        prepareGhost();
        runHook(hooks::HookEvent::Validated);
        if (!m_spec.execute) {
            SS_INFO("dry run: the ghost table validated; dropping it (pass --execute to migrate)");
            cleanupAfterFailure();
            m_context->setState(MigrationState::DryRunDone);
            m_summary.totalMillis = total.elapsed();
            return m_summary;
        }
        startStreaming();
        if (m_spec.exactRowcount)
            startExactRowCount();
        runHook(hooks::HookEvent::BeforeRowCopy);
        if (m_hooks)
            m_hooks->startStatusHooks();
        m_context->setState(MigrationState::Copying);
        QElapsedTimer copyTimer;
        copyTimer.start();
        copyRows();
        m_summary.copyMillis = copyTimer.elapsed();
        buildDeferredIndexes();
        runHook(hooks::HookEvent::RowCopyComplete);
        runHook(hooks::HookEvent::BeforeCutOver); // before postponing, as gh-ost
        postponeIfAsked();
        // After the postponement, so that what was applied while postponed is verified too.
        if (m_spec.verify) {
            m_context->setState(MigrationState::Verifying);
            verify();
        }
        m_context->setState(MigrationState::CuttingOver);
        if (m_spec.testOnReplica)
            swapAndSwapBackOnReplica();
        else
            cutOver();
        if (m_spec.revertWindowSeconds > 0 && !m_spec.testOnReplica)
            keepRevertWindow();
        finish();
        m_context->setState(MigrationState::Done);
    } catch (MigrationAborted &aborted) {
        cleanupAfterFailure();
        aborted.originalUntouched = !m_swapped;
        m_context->setState(MigrationState::Aborted);
        throw;
    } catch (MigrationError &error) {
        if (keepsWorkOnFailure(error.failure.code))
            keepWorkForResume(error.failure);
        else
            cleanupAfterFailure();
        error.failure.originalUntouched = error.failure.originalUntouched && !m_swapped;
        m_context->setState(MigrationState::Failed);
        throw;
    } catch (const DbException &error) {
        MigrationError failure(u"server-error"_s, error.error().message, error.error().statement, error.code());
        if (keepsWorkOnFailure(failure.failure.code))
            keepWorkForResume(failure.failure);
        else
            cleanupAfterFailure();
        failure.failure.originalUntouched = !m_swapped;
        m_context->setState(MigrationState::Failed);
        throw failure;
    }
    m_summary.rowsCopied = m_context->rowsCopied;
    m_summary.eventsApplied = m_context->eventsApplied;
    m_summary.totalMillis = total.elapsed();
    m_summary.millisInState = m_context->millisPerState();
    return m_summary;
}

void MigrationRunner::validateOriginal()
{
    const QString &db = m_spec.database;
    auto schema = inspect::TableSchema::load(m_primary, db, m_spec.table);
    if (!schema)
        throw MigrationError(u"no-table"_s, u"table %1.%2 does not exist on the primary %3"_s.arg(
                                                db, m_spec.table, m_topology.primaryFacts.endpoint));
    if (schema->tableType != u"BASE TABLE"_s)
        throw MigrationError(u"not-a-table"_s, u"%1.%2 is a %3, not a base table; only tables can be migrated"_s.arg(
                                                   db, m_spec.table, schema->tableType));
    m_original = std::move(*schema);
    const auto alter = inspect::AlterAnalysis::parse(m_spec.alter);
    if (alter.namesOtherTable)
        throw MigrationError(u"bad-alter"_s, u"--alter takes only the change itself, e.g. \"ADD COLUMN c INT\", "
                                             "not a whole ALTER TABLE statement"_s);
    if (alter.renamesTable)
        throw MigrationError(u"alter-renames-table"_s, u"the ALTER renames the table; an online migration keeps the "
                                                       "table's name. Rename it separately with RENAME TABLE"_s);
    if (!m_spec.skipForeignKeyChecks && !m_original.parentForeignKeys.empty()) {
        QStringList refs;
        for (const auto &fk : m_original.parentForeignKeys)
            refs << u"%1 on %2.%3"_s.arg(fk.name, fk.childSchema, fk.childTable);
        throw MigrationError(u"fk-parent"_s, u"%1 is referenced by foreign keys (%2); after the swap they would point "
                                             "at the old table. Drop those foreign keys first, or migrate with "
                                             "native ALTER"_s.arg(m_spec.table, refs.join(u", "_s)));
    }
    if (!m_spec.skipForeignKeyChecks && !m_original.childForeignKeys.empty() && !m_spec.discardForeignKeys) {
        QStringList names;
        for (const auto &fk : m_original.childForeignKeys)
            names << fk.name;
        throw MigrationError(u"fk-child"_s, u"%1 has foreign keys (%2). Child-side foreign keys can't be carried over "
                                            "online; pass --discard-foreign-keys to create the new table without "
                                            "them"_s.arg(m_spec.table, names.join(u", "_s)));
    }
    if (const QString problem = triggers::namesProblem(m_primary, m_spec, m_original); !problem.isEmpty())
        throw MigrationError(u"trigger-names"_s, problem);
    if (m_spec.includeTriggers && !m_original.triggers.empty() && m_spec.cutOver != CutOverType::Atomic)
        throw MigrationError(u"triggers"_s, u"--include-triggers works with the atomic cut-over only (the default): "
                                            "drop --cut-over=two-step"_s);
    if (!m_original.triggers.empty() && !m_spec.includeTriggers) {
        QStringList names;
        for (const auto &t : m_original.triggers)
            names << u"%1 (%2 %3)"_s.arg(t.name, t.timing, t.event);
        throw MigrationError(u"triggers"_s, u"%1 has triggers: %2. Pass --include-triggers to recreate them on the "
                                            "new table at the swap"_s.arg(m_spec.table, names.join(u", "_s)));
    }
    refuseOrAdoptLeftovers();
    m_context->rowsEstimate = m_original.rowEstimate;
}

void MigrationRunner::prepareGhost()
{
    if (m_spec.resume) {
        adoptInterruptedGhost();
        return;
    }
    const QString &db = m_spec.database;
    const QString ghost = qualifiedName(db, m_names.ghost);
    changelog::create(m_primary, db, m_names.changelog);
    m_changelogCreated = true;
    m_primary.execute(u"CREATE TABLE %1 LIKE %2"_s.arg(ghost, qualifiedName(db, m_spec.table)));
    m_ghostCreated = true;
    try {
        m_primary.executeSingle(u"ALTER TABLE %1 %2"_s.arg(ghost, m_spec.alter));
    } catch (const DbException &error) {
        throw MigrationError(u"alter-failed"_s, u"the ALTER failed on the (empty) ghost table: %1"_s.arg(
                                                    error.error().message), error.error().statement, error.code());
    }
    if (m_spec.execute) {
        checkpoint::create(m_primary, db, m_names.checkpoint);
        m_checkpointCreated = true;
    }
    buildPlan();
    const QString fullDefinition = m_ghost.createStatement;
    deferSecondaryIndexes(fullDefinition);
    if (!m_deferredIndexes.isEmpty())
        buildPlan(); // the ghost as the copy fills it
    m_summary.newCreateStatement = fullDefinition;
}

void MigrationRunner::buildPlan()
{
    auto ghostSchema = inspect::TableSchema::load(m_primary, m_spec.database, m_names.ghost);
    if (!ghostSchema)
        throw MigrationError(u"no-ghost"_s, u"the ghost table %1.%2 is missing"_s.arg(m_spec.database, m_names.ghost));
    m_ghost = std::move(*ghostSchema);
    QString problem;
    inspect::PlanOptions options{m_spec.approveRenamedColumns, m_spec.skipRenamedColumns, m_spec.allowNullableUniqueKey};
    if (!inspect::buildMigrationPlan(m_original, m_ghost, inspect::AlterAnalysis::parse(m_spec.alter), options,
                                     m_plan, &problem))
        throw MigrationError(u"no-shared-key"_s, problem);
    refuseNullKeys();
    const QString serverZone = m_primary.scalar(u"SELECT @@GLOBAL.time_zone"_s).value_or(u"SYSTEM"_s);
    if (!inspect::convertTimeZones(m_plan, m_original, m_ghost, serverZone, &problem))
        throw MigrationError(u"datetime-timestamp-key"_s, problem);
    if (!inspect::keyMembersKeepTheirNumbers(m_plan, m_original, m_ghost, &problem))
        throw MigrationError(u"enum-key-members"_s, problem);
    m_summary.newCreateStatement = m_ghost.createStatement;
    if (m_spec.revertWindowSeconds > 0 && !m_spec.testOnReplica)
        if (const QString why = inverseProblem(); !why.isEmpty())
            throw MigrationError(u"revert-not-invertible"_s,
                                 u"--revert-window can't be kept for this change: %1. Nothing was changed; run "
                                 "without --revert-window (the old table is then still kept as %2, for a manual way back)"_s
                                     .arg(why, m_names.old));
    SS_INFO("plan: key {} ({}); {} columns copied, dropped [{}], added [{}]", m_plan.key.name.toStdString(),
            m_plan.key.columns.join(u", "_s).toStdString(), m_plan.columns.size(),
            m_plan.droppedColumns.join(u", "_s).toStdString(), m_plan.addedColumns.join(u", "_s).toStdString());
}

void MigrationRunner::refuseServerIdInUse()
{
    // The server ends an older binlog connection that uses the same id: taking a connected replica's id would cut
    // that replica off (and the replica, reconnecting, would cut this run off in turn).
    const quint32 id = m_spec.replicaServerId;
    Connection inspector = Connection::open(m_topology.inspector, u"inspect"_s);
    QString holder;
    if (m_topology.inspectorFacts.serverId == id)
        holder = u"the server itself (%1)"_s.arg(m_topology.inspectorFacts.endpoint);
    try {
        auto hosts = inspector.query(u"SHOW SLAVE HOSTS"_s);
        while (holder.isEmpty() && hosts.next())
            if (hosts.text(0).toULongLong() == id)
                holder = u"a connected replica (%1:%2)"_s.arg(hosts.text(1), hosts.text(2));
    } catch (const DbException &) {
        // Without REPLICATION MASTER ADMIN / SLAVE MONITOR the list can't be read; the server's own id was checked.
    }
    if (!holder.isEmpty())
        throw MigrationError(u"server-id-in-use"_s,
                             u"--replica-server-id %1 is used by %2 on %3: reading the binlog with it would disconnect "
                             "that replica. Nothing was changed; choose an unused id"_s.arg(QString::number(id), holder,
                                                                               m_topology.inspectorFacts.endpoint));
}

void MigrationRunner::refuseNullKeys()
{
    // --allow-nullable-unique-key: rows whose key is NULL have no identity to copy, apply or compare them by.
    QStringList isNull;
    for (const auto &column : m_plan.keyColumns)
        if (column.nullable)
            isNull << mysql::quoteIdentifier(column.name) + u" IS NULL"_s;
    if (isNull.isEmpty())
        return;
    const QString table = qualifiedName(m_spec.database, m_spec.table);
    if (m_primary.scalar(u"SELECT COUNT(*) FROM (SELECT 1 FROM %1 WHERE %2 LIMIT 1) AS n"_s.arg(table, isNull.join(u" OR "_s)))
        == u"0"_s)
        return;
    throw MigrationError(u"nullable-key-nulls"_s,
                         u"the key %1 (%2) is NULL in some rows of %3: such rows can't be copied or kept in sync by "
                         "their key, and would be lost. Nothing was changed. Give them values, or add a NOT NULL unique "
                         "key for the migration to use"_s.arg(m_plan.key.name, m_plan.key.columns.join(u", "_s), m_spec.table));
}

void MigrationRunner::startStreaming()
{
    m_codec = std::make_shared<apply::KeyCodec>(m_plan.keyColumns);
    // SHADOWSWAP_TEST_QUEUE_CAPACITY: a small queue, for the test that fills it (tests/faults).
    const qsizetype testCapacity = qEnvironmentVariableIntValue("SHADOWSWAP_TEST_QUEUE_CAPACITY");
    m_changes = std::make_shared<apply::ChangeSet>(m_spec.applyWorkers, testCapacity > 0 ? size_t(testCapacity) : 2'000'000);
    m_heartbeat = std::make_unique<Heartbeat>(m_topology.primary, m_spec.database, m_names.changelog,
                                              static_cast<int>(m_spec.heartbeatIntervalMillis));
    m_heartbeat->setStateSource([context = m_context] { return stateName(MigrationState(context->state.load())); });
    m_heartbeat->start();
    throttle::ThrottleMonitor::Options watch{m_topology.primary, m_topology.inspector, std::nullopt, m_spec.database,
                                             m_names.changelog};
    if (m_topology.inspectorFacts.isReplica && !m_topology.onPrimaryOnly)
        watch.inspectedReplica = m_topology.inspector;
    m_throttleMonitor = std::make_unique<throttle::ThrottleMonitor>(watch, m_context);
    m_throttleMonitor->start();

    apply::ChangeCapture::Options capture;
    capture.source = m_topology.inspector;
    capture.serverId = m_spec.replicaServerId;
    capture.schema = m_spec.database;
    capture.table = m_spec.table;
    capture.changelogTable = m_names.changelog;
    capture.tableColumnCount = static_cast<int>(m_original.columns.size());
    capture.reconnect = {m_spec.defaultRetries, retryLimit(m_spec)};
    capture.ownTables = {m_names.ghost, m_names.old, m_names.sentry, m_names.changelog, m_names.checkpoint};
    capture.checkStillReadable = binlogStillReadable(m_topology.inspector, m_topology.inspectorFacts.endpoint);
    for (const auto &keyColumn : m_plan.keyColumns)
        for (int i = 0; i < static_cast<int>(m_original.columns.size()); ++i)
            if (m_original.columns[static_cast<size_t>(i)].name == keyColumn.name)
                capture.keyOrdinals.push_back(i);
    Connection inspector = Connection::open(m_topology.inspector, u"inspect"_s);
    const binlog::BinlogPosition start = m_resumeFrom ? resumePosition(inspector)
                                                      : binlog::currentBinlogPosition(inspector);
    m_capture = std::make_unique<apply::ChangeCapture>(capture, m_codec, m_changes, m_context);
    m_capture->start(start);
    // Applying from the first event: a resume replays the binlog since its checkpoint before the check passes.
    apply::Applier::Options applier{m_topology.primary, m_spec.database, m_spec.table, m_names.ghost,
                                    !m_spec.skipStrictMode, 10, {m_spec.defaultRetries, retryLimit(m_spec)}};
    m_applier = std::make_unique<apply::Applier>(applier, m_plan, m_codec, m_changes, m_context);
    m_applier->start();
    // Prove the stream works end to end (and, through a replica, that replication flows) before copying.
    const int checkSeconds = m_resumeFrom ? 600 : 30;
    if (!writeMarkerAndWait(u"stream-check-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces), checkSeconds * 1000))
        throw MigrationError(u"stream-failed"_s, u"a row written to %1 on the primary did not come back through the "
                                                 "binlog of %2 within %3 s. Check that replication runs"_s.arg(
                                                     m_names.changelog, m_topology.inspectorFacts.endpoint)
                                                     .arg(checkSeconds));
    startCheckpoints(inspector);
}

bool MigrationRunner::writeMarkerAndWait(const QString &token, int timeoutMillis)
{
    Connection marker = Connection::open(m_topology.primary, u"marker"_s);
    changelog::writeMarker(marker, m_spec.database, m_names.changelog, token);
    return m_capture->waitForMarker(token, std::chrono::milliseconds(timeoutMillis)).has_value();
}

void MigrationRunner::checkHelpers()
{
    m_context->checkAbort();
    if (m_capture)
        m_capture->rethrowFailure();
    if (m_applier)
        m_applier->rethrowFailure();
    if (m_changes)
        m_context->backlog = m_changes->pendingKeys();
    keepPrimaryAlive();
    tickCheckpoint();
    if (m_rowCountCompleted.exchange(false))
        runHook(hooks::HookEvent::RowCountComplete);
}

void MigrationRunner::runHook(hooks::HookEvent event)
{
    if (!m_hooks)
        return;
    m_hooks->setTableNames(m_names);
    m_hooks->setMigratedHost(m_topology.primary.host);
    m_hooks->run(event);
}

void MigrationRunner::waitWhileThrottled(const std::function<void()> &duringWait)
{
    for (;;) {
        if (duringWait)
            duringWait();
        QString reason;
        if (m_context->manualThrottle)
            reason = u"throttled by the operator"_s;
        else if (m_changes && m_changes->readerWaiting())
            // The copy adds work for the appliers; while they are behind, let them catch up first.
            reason = u"the changed-key queue is full: the binlog reader waits for the appliers"_s;
        else
            reason = m_context->sourceThrottleReason();
        if (reason.isEmpty() || m_context->abortRequested) {
            if (m_context->throttled.exchange(false))
                m_context->setThrottleReason({});
            return;
        }
        if (!m_context->throttled.exchange(true))
            SS_INFO("throttling: {}", reason.toStdString());
        m_context->setThrottleReason(reason);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        m_context->throttledMillis += 100;
    }
}

void MigrationRunner::holdCopyForTest(const CopyTestHold &hold)
{
    if (!hold.holds(m_context->rowsCopied))
        return;
    SS_INFO("throttling: {}", hold.reason().toStdString());
    m_context->throttled = true;
    m_context->setThrottleReason(hold.reason());
    while (hold.holds(m_context->rowsCopied)) {
        checkHelpers(); // checkpoints, helper failures and an abort go on while held
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        m_context->throttledMillis += 100;
    }
    m_context->throttled = false;
    m_context->setThrottleReason({});
}

void MigrationRunner::copyRows()
{
    if (m_resumeFrom && m_resumeFrom->copyComplete) {
        SS_INFO("copy: finished before the interruption; only the binlog since the checkpoint is replayed");
        m_copyComplete = true;
        waitForBacklog(1000);
        return;
    }
    copy::RowCopier::Options options{m_spec.database, m_spec.table, m_names.ghost, m_spec.chunkSize,
                                     m_spec.defaultRetries, m_resumeFrom ? m_resumeFrom->lastCopiedKey : std::nullopt};
    const CopyTestHold testHold = CopyTestHold::fromEnvironment();
    copy::RowCopier copier(m_primary, options, m_plan, m_codec, m_changes, m_context,
                           [this] {
                               QElapsedTimer catchUp;
                               catchUp.start();
                               // A value that moved between rows: the change that freed it may not even be read
                               // yet (the stream follows a replica). Everything committed before the marker is
                               // read, then applied; a stalled stream only bounds the wait.
                               writeMarkerAndWait(u"copy-catch-up-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces),
                                                  30000);
                               waitForBacklog(0);
                               m_summary.copyCatchUpMillis += catchUp.elapsed();
                           },
                           [this, &testHold] {
                               checkHelpers();
                               holdCopyForTest(testHold);
                               // A dead reader or applier fails the run at once, even while throttled.
                               waitWhileThrottled([this] { checkHelpers(); });
                           },
                           [this] { reconnectPrimary(); });
    m_copyStarted = true;
    const qint64 throttledBefore = m_context->throttledMillis;
    const qint64 pacedBefore = m_context->pacedMillis;
    if (copier.prepare()) {
        while (copier.copyNextChunk()) {
            m_copyFrontier = copier.lastCopiedKey();
            checkHelpers();
        }
    }
    m_copyFrontier = copier.lastCopiedKey();
    m_copyComplete = true;
    m_summary.copyThrottledMillis = m_context->throttledMillis - throttledBefore;
    m_summary.copyPacedMillis = m_context->pacedMillis - pacedBefore;
    m_context->setPacing({});
    checkHelpers();
    m_context->rowsEstimate = std::max<quint64>(m_context->rowsEstimate, m_context->rowsCopied);
    SS_INFO("copy: {} rows in {} chunks", m_context->rowsCopied.load(), copier.chunksCopied());
    waitForBacklog(1000);
}

void MigrationRunner::waitForBacklog(quint64 maxKeys)
{
    // Everything read so far, then the keys left: bounded by the stream's pace, checked for failures meanwhile.
    const quint64 target = m_changes->lastSequence();
    while (!m_changes->waitApplied(target, std::chrono::milliseconds(200)) && m_changes->pendingKeys() > maxKeys)
        checkHelpers();
    checkHelpers();
}

void MigrationRunner::startExactRowCount()
{
    m_rowCounter = std::thread([this, settings = m_topology.inspector, table = qualifiedName(m_spec.database, m_spec.table)] {
        try {
            Connection counter = Connection::open(settings, u"row-count"_s);
            {
                std::lock_guard lock(m_rowCounterMutex);
                m_rowCounterSession = counter.threadId();
            }
            QElapsedTimer timer;
            timer.start();
            const quint64 rows = counter.scalar(u"SELECT COUNT(*) FROM "_s + table).value_or(u"0"_s).toULongLong();
            m_context->rowsEstimate = rows;
            m_context->rowsExact = true;
            m_rowCountCompleted = true; // the worker runs gh-ost-on-rowcount-complete at its next check
            SS_INFO("exact row count: {} rows (counted in {} ms beside the copy)", rows, timer.elapsed());
        } catch (const DbException &error) {
            SS_WARN("exact row count failed ({}); the estimate stays", error.error().message.toStdString());
        }
        std::lock_guard lock(m_rowCounterMutex);
        m_rowCounterSession = 0;
    });
}

void MigrationRunner::stopHelpers()
{
    if (m_rowCounter.joinable()) {
        {
            std::lock_guard lock(m_rowCounterMutex);
            if (m_rowCounterSession != 0)
                try {
                    Connection::open(m_topology.inspector, u"row-count-stop"_s)
                        .execute(u"KILL QUERY %1"_s.arg(m_rowCounterSession));
                } catch (const DbException &) {
                }
        }
        m_rowCounter.join();
    }
    if (m_changes)
        m_changes->close();
    if (m_applier)
        m_applier->stop();
    if (m_capture)
        m_capture->stop();
    if (m_throttleMonitor)
        m_throttleMonitor->stop();
    if (m_heartbeat)
        m_heartbeat->stop();
}

void MigrationRunner::reconnectPrimary()
{
    mysql::reconnect(m_primary, {m_spec.defaultRetries, retryLimit(m_spec)}, [this](Connection &session) {
        mysql::prepareDataSession(session, {!m_spec.skipStrictMode, true, 10});
        // The lost session's lock goes with it once the server notices; until then, wait for it.
        claimTable(session, 30);
    }, [this] { return m_context->abortRequested.load(); });
    m_primaryCheckedAt.restart();
}

void MigrationRunner::keepPrimaryAlive(bool now)
{
    if (!m_primary.isOpen() || (!now && m_primaryCheckedAt.isValid() && m_primaryCheckedAt.elapsed() < 5000))
        return;
    m_primaryCheckedAt.restart();
    try {
        m_primary.execute(u"DO 1"_s);
    } catch (const DbException &error) {
        if (!mysql::isConnectionLost(error.code()))
            throw;
        SS_WARN("the worker's session on the primary was lost ({}); reconnecting", error.error().message.toStdString());
        reconnectPrimary();
    }
}

bool MigrationRunner::keepsWorkOnFailure(const QString &code) const
{
    // A changed original makes the ghost's rows meaningless, and a purged binlog can't be replayed: nothing to
    // resume.
    return m_spec.execute && !m_swapped && !m_spec.cleanupOnFailure && m_ghostCreated
        && (m_copyStarted || m_spec.resume) && code != u"schema-changed"_s && code != u"binlog-purged"_s;
}

std::function<void(const binlog::BinlogPosition &)> MigrationRunner::binlogStillReadable(
    const mysql::ConnectionSettings &source, const QString &endpoint)
{
    return [source, endpoint](const binlog::BinlogPosition &from) {
        QString why;
        try {
            Connection connection = Connection::open(source, u"binlog-check"_s);
            why = checkpoint::binlogUnavailable(connection, from);
        } catch (const mysql::DbException &) {
            return; // the server can't be asked now: a reconnect may still work
        }
        if (!why.isEmpty())
            throw MigrationError(u"binlog-purged"_s,
                                 u"the binlog of %1 can't be read from %2 any more: %3. The changes made since "
                                 "can't be replayed, so the migration can't go on or be resumed; the helper tables "
                                 "are dropped. Run it again from the start, and keep binlogs longer than a "
                                 "migration takes (binlog_expire_logs_seconds, expire_logs_days)"_s
                                     .arg(endpoint, from.toString(), why));
    };
}

void MigrationRunner::keepWorkForResume(MigrationFailure &failure)
{
    stopHelpers();
    m_checkpoints.reset();
    failure.resumable = true;
    failure.message += u". The work so far is kept (%1, %2, %3): run the same command again with --resume to "
                       "continue from the last checkpoint, or with --initially-drop-ghost-table to start over"_s
                           .arg(m_names.ghost, m_names.changelog, m_names.checkpoint);
    SS_WARN("the migration failed after the copy began; {}, {} and {} are kept for --resume",
            m_names.ghost.toStdString(), m_names.changelog.toStdString(), m_names.checkpoint.toStdString());
}

void MigrationRunner::cleanupAfterFailure()
{
    stopHelpers();
    m_checkpoints.reset();
    if (m_spec.keepHelperTablesOnAbort)
        return;
    if (m_swapped) {
        dropCheckpointTable();
        return;
    }
    try {
        if (!m_primary.isOpen())
            return;
        if (m_ghostCreated)
            m_primary.execute(u"DROP TABLE IF EXISTS "_s + qualifiedName(m_spec.database, m_names.ghost));
        if (m_changelogCreated)
            m_primary.execute(u"DROP TABLE IF EXISTS "_s + qualifiedName(m_spec.database, m_names.changelog));
        m_ghostCreated = m_changelogCreated = false;
        dropCheckpointTable();
    } catch (const DbException &error) {
        SS_WARN("could not drop the helper tables: {}", error.error().toString().toStdString());
    }
}

} // namespace engine::migration
