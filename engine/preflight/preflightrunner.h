#pragma once

#include "preflightreport.h"
#include "preflightrequest.h"

#include <atomic>

namespace engine::preflight {

// Runs every check against the servers of `request` and returns the report. Blocking: call it from a worker
// thread (or the CLI's main thread). Never throws; when preflight itself can't run, report.failure says why.
// Setting *cancel stops it at the next statement, which the per-check time limit keeps short; the report then
// fails with "cancelled". Read-only except for one empty scratch table that the ALTER check creates and drops.
PreflightReport runPreflight(const PreflightRequest &request, std::atomic<bool> *cancel = nullptr);

} // namespace engine::preflight
