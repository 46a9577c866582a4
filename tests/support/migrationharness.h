#pragma once

#include "sandbox.h"

#include <migration/migrationcontroller.h>
#include <model/migrationspec.h>

#include <functional>
#include <memory>

namespace testsupport {

struct MigrationOutcome {
    bool succeeded = false;
    engine::migration::MigrationSummary summary;
    engine::migration::MigrationFailure failure;
    engine::migration::ProgressSnapshot lastSnapshot;
    QList<engine::migration::MigrationState> states;
};

// A spec for the sandbox in gh-ost's default topology: read the replica's binlog, migrate on the primary.
engine::migration::MigrationSpec sandboxSpec(const ScratchDatabase &db, const QString &table, const QString &alter);

// Runs a migration through the real MigrationController (worker thread and all) and spins the event loop
// until it ends or `timeoutMillis` passes (then aborts it). `whileRunning` is called on every snapshot.
// With a `journal`, the controller records the migration in it.
MigrationOutcome runMigration(const engine::migration::MigrationSpec &spec, int timeoutMillis = 240000,
                              std::function<void(engine::migration::MigrationController &,
                                                 const engine::migration::ProgressSnapshot &)> whileRunning = {},
                              std::shared_ptr<engine::history::HistoryJournal> journal = {});

} // namespace testsupport
