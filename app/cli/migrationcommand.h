#pragma once

#include "controlflags.h"
#include "flagparser.h"

#include <model/migrationspec.h>
#include <model/progress.h>

namespace cli {

// Builds the engine's MigrationSpec from gh-ost-style flags. Returns false with `error` for bad combinations.
bool buildMigrationSpec(const FlagParser &flags, const engine::mysql::ConnectionSettings &inspector,
                        engine::migration::MigrationSpec &spec, QString *error);

// Runs a migration (or its dry run) through the MigrationController, printing a status line every few
// seconds and a summary at the end. Returns the process exit code (0 only on success). The migration is recorded
// in the history journal at `historyFile` (empty: the default location; "off": not recorded).
// Serves the control socket (`control`) while it runs; one that cannot be served is a usage error (64).
int runMigrationCommand(const engine::migration::MigrationSpec &spec, const QString &historyFile = {},
                        const ControlSetup &control = {});

// "Copy: 1200/5000 24.0%; Applied: 12; Backlog: 0; Time: 3s; Lag: 0.12s; State: copying; ETA: 9s"
QString statusLine(const engine::migration::ProgressSnapshot &snapshot);

} // namespace cli
