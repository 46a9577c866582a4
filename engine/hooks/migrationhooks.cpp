#include "migrationhooks.h"

#include <logging/logging.h>

#include <QFileInfo>
#include <QSysInfo>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;
using namespace engine::migration;

namespace engine::hooks {

namespace {
QString seconds(qint64 millis)
{
    return QString::number(double(millis) / 1000.0, 'f', 6); // gh-ost's %f
}

bool copyFinished(MigrationState state)
{
    return state > MigrationState::Copying && state != MigrationState::Failed && state != MigrationState::Aborted;
}

double progressPercent(const MigrationContext &c)
{
    if (copyFinished(c.currentState()))
        return 100.0;
    const quint64 copied = c.rowsCopied;
    const quint64 estimate = std::max<quint64>(c.rowsEstimate, copied);
    return estimate == 0 ? 0.0 : std::min(100.0, 100.0 * double(copied) / double(estimate));
}

// Remaining copy time at the copy's average pace so far; 0 once copied, -1 while unknown.
qint64 etaSeconds(const MigrationContext &c, qint64 copyMillis)
{
    if (copyFinished(c.currentState()))
        return 0;
    const quint64 copied = c.rowsCopied;
    const quint64 estimate = c.rowsEstimate;
    if (copied == 0 || copyMillis <= 0 || estimate <= copied)
        return -1;
    return static_cast<qint64>(std::ceil(double(estimate - copied) * double(copyMillis) / double(copied) / 1000.0));
}
} // namespace

MigrationHooks::MigrationHooks(const MigrationSpec &spec, std::shared_ptr<MigrationContext> context)
    : m_spec(spec)
    , m_context(std::move(context))
    , m_executor(spec.hooksPath, spec.hookTimeoutSeconds)
    , m_names(TableNames::forSpec(spec))
    , m_migratedHost(spec.assumeMasterHost.section(u':', 0, 0))
    , m_executingHost(QSysInfo::machineHostName())
{
    if (m_migratedHost.isEmpty() && spec.allowOnMaster)
        m_migratedHost = spec.inspector.host;
}

MigrationHooks::~MigrationHooks()
{
    stopStatusHooks();
}

void MigrationHooks::setTableNames(const TableNames &names)
{
    std::lock_guard lock(m_mutex);
    m_names = names;
}

void MigrationHooks::setMigratedHost(const QString &host)
{
    std::lock_guard lock(m_mutex);
    m_migratedHost = host;
}

QProcessEnvironment MigrationHooks::environment(const HookVariables &extra) const
{
    const MigrationContext &c = *m_context;
    const qint64 copyMillis = c.millisPerState()[static_cast<size_t>(MigrationState::Copying)];
    const auto lag = [](qint64 millis) { return millis < 0 ? u"0.000000"_s : seconds(millis); };
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    {
        std::lock_guard lock(m_mutex);
        env.insert(u"GH_OST_DATABASE_NAME"_s, m_spec.database);
        env.insert(u"GH_OST_TABLE_NAME"_s, m_spec.table);
        env.insert(u"GH_OST_GHOST_TABLE_NAME"_s, m_names.ghost);
        env.insert(u"GH_OST_OLD_TABLE_NAME"_s, m_names.old);
        env.insert(u"GH_OST_MIGRATED_HOST"_s, m_migratedHost);
    }
    env.insert(u"GH_OST_DDL"_s, m_spec.alter);
    env.insert(u"GH_OST_ELAPSED_SECONDS"_s, seconds(c.elapsedMillis()));
    env.insert(u"GH_OST_ELAPSED_COPY_SECONDS"_s, seconds(copyMillis));
    env.insert(u"GH_OST_ESTIMATED_ROWS"_s, QString::number(std::max<quint64>(c.rowsEstimate, c.rowsCopied)));
    env.insert(u"GH_OST_COPIED_ROWS"_s, QString::number(c.rowsCopied.load()));
    env.insert(u"GH_OST_INSPECTED_LAG"_s, lag(c.replicaLagMillis));
    env.insert(u"GH_OST_HEARTBEAT_LAG"_s, lag(c.streamLagMillis));
    env.insert(u"GH_OST_PROGRESS"_s, QString::number(progressPercent(c), 'f', 6));
    env.insert(u"GH_OST_ETA_SECONDS"_s, QString::number(etaSeconds(c, copyMillis)));
    env.insert(u"GH_OST_INSPECTED_HOST"_s, m_spec.inspector.host);
    env.insert(u"GH_OST_EXECUTING_HOST"_s, m_executingHost);
    env.insert(u"GH_OST_HOOKS_HINT"_s, m_spec.hooksHint);
    env.insert(u"GH_OST_HOOKS_HINT_OWNER"_s, m_spec.hooksHintOwner);
    env.insert(u"GH_OST_HOOKS_HINT_TOKEN"_s, m_spec.hooksHintToken);
    env.insert(u"GH_OST_DRY_RUN"_s, m_spec.execute ? u"false"_s : u"true"_s);
    env.insert(u"GH_OST_REVERT"_s, u"false"_s);
    env.insert(u"SHADOWSWAP_STATE"_s, stateName(c.currentState()));
    for (const auto &[name, value] : extra)
        env.insert(name, value);
    return env;
}

bool MigrationHooks::run(HookEvent event, const HookVariables &extra)
{
    if (!enabled())
        return true;
    const QString name = hookBaseName(event);
    // An abort kills a milestone hook; on-success and on-failure report the end, so they run to completion.
    const std::atomic<bool> *cancel = failureStopsMigration(event) ? &m_context->abortRequested : nullptr;
    const HookRunResult result = m_executor.run(name, environment(extra), cancel);
    if (result.ok)
        return true;
    const QString hook = QFileInfo(result.hook).fileName();
    if (!failureStopsMigration(event)) {
        SS_WARN("{} hook {} failed ({}); reported only, the outcome stands", name.toStdString(),
                hook.toStdString(), result.problem.toStdString());
        return false;
    }
    if (result.cancelled)
        throw MigrationAborted(u"aborted while the %1 hook %2 ran"_s.arg(name, hook));
    throw MigrationError(u"hook-failed"_s, u"the %1 hook %2 failed (%3), which stops the migration; the original "
                                           "table is untouched"_s.arg(name, result.hook, result.problem));
}

QString MigrationHooks::statusText(const MigrationContext &c)
{
    const quint64 copied = c.rowsCopied;
    const quint64 estimate = std::max<quint64>(c.rowsEstimate, copied);
    const qint64 copyMillis = c.millisPerState()[static_cast<size_t>(MigrationState::Copying)];
    const qint64 eta = etaSeconds(c, copyMillis);
    const qint64 lag = c.streamLagMillis;
    QString state = stateName(c.currentState());
    if (c.throttled)
        state = u"throttled, "_s + c.throttleReason();
    return u"Copy: %1/%2 %3%; Applied: %4; Backlog: %5; Time: %6s(total), %7s(copy); Lag: %8s; State: %9; ETA: %10"_s
        .arg(copied)
        .arg(estimate)
        .arg(progressPercent(c), 0, 'f', 1)
        .arg(c.eventsApplied.load())
        .arg(c.backlog.load())
        .arg(c.elapsedMillis() / 1000)
        .arg(copyMillis / 1000)
        .arg(lag < 0 ? u"N/A"_s : QString::number(double(lag) / 1000.0, 'f', 2))
        .arg(state, eta < 0 ? u"N/A"_s : eta == 0 ? u"due"_s : u"%1s"_s.arg(eta));
}

void MigrationHooks::startStatusHooks()
{
    if (!enabled() || m_statusThread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_statusStop = false;
    }
    m_statusCancel = false;
    m_statusThread = std::thread([this] { statusLoop(); });
}

void MigrationHooks::stopStatusHooks()
{
    if (!m_statusThread.joinable())
        return;
    {
        std::lock_guard lock(m_mutex);
        m_statusStop = true;
    }
    m_statusCancel = true; // a status hook still running is killed: the migration's end must not wait for it
    m_statusWake.notify_all();
    m_statusThread.join();
}

void MigrationHooks::statusLoop()
{
    const auto interval = std::chrono::seconds(m_spec.hooksStatusIntervalSeconds);
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            if (m_statusWake.wait_for(lock, interval, [this] { return m_statusStop; }))
                return;
        }
        const QString name = hookBaseName(HookEvent::Status);
        const HookRunResult result = m_executor.run(
            name, environment({{u"GH_OST_STATUS"_s, statusText(*m_context)}}), &m_statusCancel);
        if (!result.ok && !result.cancelled)
            SS_WARN("{} hook {} failed ({})", name.toStdString(), result.hook.toStdString(),
                    result.problem.toStdString());
    }
}

} // namespace engine::hooks
