#include "migrationcontroller.h"

#include "migrationworker.h"

#include <history/migrationrecorder.h>
#include <mysql/dberror.h>

#include <cmath>

using namespace Qt::StringLiterals;

namespace engine::migration {

void registerMetaTypes()
{
    qRegisterMetaType<MigrationSpec>();
    qRegisterMetaType<MigrationState>();
    qRegisterMetaType<ProgressSnapshot>();
    qRegisterMetaType<MigrationSummary>();
    qRegisterMetaType<MigrationFailure>();
    qRegisterMetaType<preflight::PreflightReport>();
}

MigrationController::MigrationController(QObject *parent)
    : QObject(parent)
{
    registerMetaTypes();
    m_thread.setObjectName(u"migration-worker"_s);
    m_timer.setInterval(250);
    connect(&m_timer, &QTimer::timeout, this, &MigrationController::sample);
}

MigrationController::~MigrationController()
{
    if (m_context)
        m_context->abortRequested = true;
    m_thread.quit();
    m_thread.wait();
}

void MigrationController::start(const MigrationSpec &spec)
{
    if (m_running)
        return;
    m_context = std::make_shared<MigrationContext>();
    // Seeded here, not in the worker: changes made while preflight runs must not be lost.
    m_context->setThrottleSettings(spec.throttle);
    m_context->chunkTargetMillis = spec.chunkTargetMillis;
    // What status and chunk-size=? report until the copier adapts it; a resume whose copy had finished never
    // copies a chunk and would say 0.
    m_context->chunkSize = static_cast<quint64>(spec.chunkSize);
    m_context->dmlBatchSize = spec.dmlBatchSize;
    m_context->maxLagMillis = spec.maxLagMillis;
    m_context->lagTargetRatio = spec.lagTargetRatio;
    m_context->niceRatio = spec.niceRatio;
    m_window.clear();
    m_last = {};
    m_recorder = m_journal ? std::make_unique<history::MigrationRecorder>(m_journal, spec) : nullptr;
    if (m_worker)
        m_worker->deleteLater();
    m_worker = new MigrationWorker(m_context);
    m_worker->moveToThread(&m_thread);
    connect(m_worker, &MigrationWorker::finished, this, [this](const MigrationSummary &summary) {
        onWorkerDone();
        if (m_recorder)
            m_recorder->succeeded(summary);
        Q_EMIT finished(summary);
    });
    connect(m_worker, &MigrationWorker::preflightPassed, this, [this](const preflight::PreflightReport &report) {
        if (m_recorder)
            m_recorder->preflightPassed(report);
        Q_EMIT preflightPassed(report);
    });
    connect(m_worker, &MigrationWorker::failed, this, [this](const MigrationFailure &failure) {
        onWorkerDone();
        if (m_recorder)
            m_recorder->failed(failure);
        Q_EMIT failed(failure);
    });
    if (!m_thread.isRunning())
        m_thread.start();
    m_running = true;
    m_timer.start();
    MigrationWorker *worker = m_worker;
    QMetaObject::invokeMethod(worker, [worker, spec] { worker->run(spec); }, Qt::QueuedConnection);
}

void MigrationController::setHistoryJournal(std::shared_ptr<history::HistoryJournal> journal)
{
    m_journal = std::move(journal);
}

qint64 MigrationController::historyId() const
{
    return m_recorder ? m_recorder->id() : 0;
}

void MigrationController::onWorkerDone()
{
    sample();
    m_timer.stop();
    m_running = false;
}

void MigrationController::abort()
{
    if (m_context)
        m_context->abortRequested = true;
}

void MigrationController::setThrottled(bool throttled)
{
    if (m_context)
        m_context->manualThrottle = throttled;
}

void MigrationController::requestCutOver()
{
    if (m_context)
        m_context->cutOverRequested = true;
}

void MigrationController::requestRevert()
{
    if (m_context)
        m_context->revertRequested = true;
}

void MigrationController::closeRevertWindow()
{
    if (m_context)
        m_context->closeRevertWindow = true;
}

void MigrationController::setChunkTargetMillis(qint64 millis)
{
    if (!m_context)
        return;
    m_context->chunkTargetMillis = millis;
    m_context->pinnedChunkSize = 0;
}

void MigrationController::setChunkSize(qint64 rows)
{
    if (m_context)
        m_context->pinnedChunkSize = rows;
}

bool MigrationController::isThrottledByOperator() const
{
    return m_context && m_context->manualThrottle.load();
}

qint64 MigrationController::pinnedChunkSize() const
{
    return m_context ? m_context->pinnedChunkSize.load() : 0;
}

qint64 MigrationController::chunkTargetMillis() const
{
    return m_context ? m_context->chunkTargetMillis.load() : 0;
}

qint64 MigrationController::dmlBatchSize() const
{
    return m_context ? m_context->dmlBatchSize.load() : 0;
}

qint64 MigrationController::maxLagMillis() const
{
    return m_context ? m_context->maxLagMillis.load() : 0;
}

double MigrationController::niceRatio() const
{
    return m_context ? m_context->niceRatio.load() : 0;
}

void MigrationController::setDmlBatchSize(qint64 keys)
{
    if (m_context)
        m_context->dmlBatchSize = keys;
}

void MigrationController::setMaxLagMillis(qint64 millis)
{
    if (m_context)
        m_context->maxLagMillis = millis;
}

void MigrationController::setNiceRatio(double ratio)
{
    if (m_context)
        m_context->niceRatio = ratio;
}

void MigrationController::setThrottleSettings(const throttle::ThrottleSettings &settings)
{
    if (m_context)
        m_context->setThrottleSettings(settings);
}

throttle::ThrottleSettings MigrationController::throttleSettings() const
{
    return m_context ? m_context->throttleSettings() : throttle::ThrottleSettings{};
}

void MigrationController::sample()
{
    if (!m_context)
        return;
    const MigrationContext &c = *m_context;
    ProgressSnapshot s;
    s.state = c.currentState();
    s.elapsedMillis = c.elapsedMillis();
    s.millisInState = c.millisPerState();
    s.rowsCopied = c.rowsCopied;
    s.rowsEstimate = std::max<quint64>(c.rowsEstimate, s.rowsCopied);
    s.rowsExact = c.rowsExact;
    s.eventsRead = c.eventsRead;
    s.eventsApplied = c.eventsApplied;
    s.backlog = c.backlog;
    s.streamLagMillis = c.streamLagMillis;
    s.replicaLagMillis = c.replicaLagMillis;
    s.replicaLags = c.replicaLags();
    s.cutOverAttempts = c.cutOverAttempts();
    s.throttled = c.throttled;
    s.throttleReason = c.throttleReason();
    s.activity = c.activity();
    s.pacing = c.pacing();
    s.throttledMillis = c.throttledMillis;
    s.binlogPosition = c.binlogPosition();
    s.chunkSize = c.chunkSize;
    if (s.state == MigrationState::RevertWindow) { // the context keeps the last figures after the window
        s.revertWindowRemainingSeconds = c.revertWindowRemainingSeconds;
        s.oldTableLagMillis = c.oldTableLagMillis;
    }
    const bool copyDone = s.state > MigrationState::Copying && s.state != MigrationState::Failed
        && s.state != MigrationState::Aborted;
    s.copyPercent = copyDone ? 100.0
                    : s.rowsEstimate == 0 ? 0.0
                                          : std::min(100.0, 100.0 * double(s.rowsCopied) / double(s.rowsEstimate));

    // Rates over a sliding window of about ten seconds: steady enough for an ETA that doesn't jump.
    m_window.push_back({s.elapsedMillis, s.rowsCopied, s.eventsApplied});
    while (m_window.size() > 2 && s.elapsedMillis - m_window.front().millis > 10000)
        m_window.pop_front();
    if (m_window.size() >= 2) {
        const Sample &first = m_window.front();
        const double seconds = double(s.elapsedMillis - first.millis) / 1000.0;
        if (seconds > 0) {
            s.copyRowsPerSecond = double(s.rowsCopied - first.rows) / seconds;
            s.applyEventsPerSecond = double(s.eventsApplied - first.events) / seconds;
        }
    }
    if (copyDone)
        s.etaSeconds = 0;
    else if (s.state == MigrationState::Copying && s.copyRowsPerSecond > 0 && s.rowsEstimate > s.rowsCopied)
        s.etaSeconds = static_cast<qint64>(std::ceil(double(s.rowsEstimate - s.rowsCopied) / s.copyRowsPerSecond));
    m_last = s;
    if (m_recorder)
        m_recorder->sample(s);
    for (const MigrationState entered : m_context->takeTransitions())
        Q_EMIT stateChanged(entered);
    Q_EMIT progressed(s);
}

} // namespace engine::migration
