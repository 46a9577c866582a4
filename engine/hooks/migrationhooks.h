#pragma once

#include "hookevent.h"
#include "hookexecutor.h"

#include <model/migrationcontext.h>
#include <model/migrationspec.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>

namespace engine::hooks {

using HookVariables = std::vector<std::pair<QString, QString>>;

// gh-ost's hooks for one migration: the GH_OST_* environment (from the spec, the helper tables' names and the
// live counters) and the milestones' semantics. Milestone hooks run on the migration's worker thread; status
// hooks on a thread of their own every --hooks-status-interval seconds between startStatusHooks() and
// stopStatusHooks(), like gh-ost's status ticker (so a slow status hook never holds the copy back).
class MigrationHooks {
public:
    MigrationHooks(const migration::MigrationSpec &spec, std::shared_ptr<migration::MigrationContext> context);
    ~MigrationHooks(); // stops the status thread
    MigrationHooks(const MigrationHooks &) = delete;
    MigrationHooks &operator=(const MigrationHooks &) = delete;

    [[nodiscard]] bool enabled() const { return !m_spec.hooksPath.isEmpty(); }
    // Known once the runner resolved them (the old table's name may carry a timestamp; the primary is found
    // through the replica).
    void setTableNames(const migration::TableNames &names);
    void setMigratedHost(const QString &host);

    // Runs the event's hooks. Where gh-ost's failure stops the migration (failureStopsMigration) this throws
    // MigrationError "hook-failed" naming the hook, or MigrationAborted when an abort arrived while it ran;
    // elsewhere a failure is logged and false returned.
    bool run(HookEvent event, const HookVariables &extra = {});

    void startStatusHooks();
    void stopStatusHooks();

    [[nodiscard]] QProcessEnvironment environment(const HookVariables &extra = {}) const;
    // gh-ost's status line, for GH_OST_STATUS.
    static QString statusText(const migration::MigrationContext &context);

private:
    void statusLoop();

    const migration::MigrationSpec m_spec;
    std::shared_ptr<migration::MigrationContext> m_context;
    HookExecutor m_executor;
    mutable std::mutex m_mutex; // names and host: written by the worker, read by the status thread
    migration::TableNames m_names;
    QString m_migratedHost;
    QString m_executingHost;
    std::thread m_statusThread;
    std::condition_variable m_statusWake;
    bool m_statusStop = false;
    std::atomic<bool> m_statusCancel{false};
};

} // namespace engine::hooks
