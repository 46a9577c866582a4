#include "migrationworker.h"

#include "migrationrunner.h"
#include "preflightgate.h"

#include <hooks/migrationhooks.h>
#include <logging/logging.h>

using namespace Qt::StringLiterals;

namespace engine::migration {

MigrationWorker::MigrationWorker(std::shared_ptr<MigrationContext> context)
    : m_context(std::move(context))
{
}

void MigrationWorker::run(const MigrationSpec &spec)
{
    hooks::MigrationHooks hooks(spec, m_context);
    // gh-ost runs on-failure for every failure, its own hooks' included; a failing on-failure hook is only logged.
    const auto fail = [&](const MigrationFailure &failure) {
        hooks.stopStatusHooks();
        hooks.run(hooks::HookEvent::Failure, {{u"SHADOWSWAP_FAILURE_CODE"_s, failure.code},
                                              {u"SHADOWSWAP_FAILURE_MESSAGE"_s, failure.message}});
        Q_EMIT failed(failure);
    };
    try {
        hooks.run(hooks::HookEvent::Startup);
        if (spec.execute && spec.runPreflight) {
            m_context->setState(MigrationState::Validating);
            Q_EMIT preflightPassed(passPreflightGate(spec, &m_context->abortRequested));
        }
        MigrationRunner runner(spec, m_context, &hooks);
        const MigrationSummary summary = runner.run();
        hooks.stopStatusHooks();
        hooks.run(hooks::HookEvent::Success); // the swap is made: a failing on-success hook is only logged
        Q_EMIT finished(summary);
    } catch (const MigrationAborted &aborted) {
        SS_WARN("migration aborted: {}; {}", aborted.reason.toStdString(),
                aborted.originalUntouched ? "the original table is untouched" : "the tables were already swapped");
        fail(MigrationFailure{u"aborted"_s, aborted.reason, {}, 0, aborted.originalUntouched});
    } catch (const MigrationError &error) {
        SS_ERROR("migration failed: {}", error.failure.message.toStdString());
        fail(error.failure);
    } catch (const std::exception &error) {
        SS_ERROR("migration failed: {}", error.what());
        // Not known where it stopped: never claim the original is untouched.
        fail(MigrationFailure{u"internal"_s, QString::fromUtf8(error.what()), {}, 0, false});
    }
}

} // namespace engine::migration
