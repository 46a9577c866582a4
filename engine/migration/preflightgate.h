#pragma once

#include <model/migrationspec.h>

#include <preflight/preflightreport.h>
#include <preflight/preflightrequest.h>

#include <atomic>

namespace engine::migration {

// The preflight inspection every migration runs before it touches anything: the same checks as
// `--preflight-only` and the GUI's preflight page, with the migration's own settings.
[[nodiscard]] preflight::PreflightRequest preflightRequestFor(const MigrationSpec &spec);

// Runs preflight for `spec` on the calling (worker) thread and throws MigrationError when a finding blocks and
// the DBA did not override it by id (spec.forcedPreflightIds), or when preflight itself could not run.
// `cancel` is the migration's abort flag. Returns the report for logging and display.
preflight::PreflightReport passPreflightGate(const MigrationSpec &spec, std::atomic<bool> *cancel);

} // namespace engine::migration
