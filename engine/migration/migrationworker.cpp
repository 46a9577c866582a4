#include "migrationworker.h"

#include "migrationrunner.h"
#include "preflightgate.h"

#include <logging/logging.h>

using namespace Qt::StringLiterals;

namespace engine::migration {

MigrationWorker::MigrationWorker(std::shared_ptr<MigrationContext> context)
    : m_context(std::move(context))
{
}

void MigrationWorker::run(const MigrationSpec &spec)
{
    try {
        if (spec.execute && spec.runPreflight) {
            m_context->setState(MigrationState::Validating);
            passPreflightGate(spec, &m_context->abortRequested);
        }
        MigrationRunner runner(spec, m_context);
        const MigrationSummary summary = runner.run();
        Q_EMIT finished(summary);
    } catch (const MigrationAborted &aborted) {
        SS_WARN("migration aborted: {}; the original table is untouched", aborted.reason.toStdString());
        Q_EMIT failed(MigrationFailure{u"aborted"_s, aborted.reason, {}, 0, true});
    } catch (const MigrationError &error) {
        SS_ERROR("migration failed: {}", error.failure.message.toStdString());
        Q_EMIT failed(error.failure);
    } catch (const std::exception &error) {
        SS_ERROR("migration failed: {}", error.what());
        Q_EMIT failed(MigrationFailure{u"internal"_s, QString::fromUtf8(error.what()), {}, 0, true});
    }
}

} // namespace engine::migration
