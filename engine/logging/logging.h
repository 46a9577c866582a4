#pragma once

#include <spdlog/spdlog.h>

#include <QString>

#include <memory>

namespace engine::logging {

enum class Verbosity { Quiet, Normal, Verbose, Debug };

// The engine's logger ("shadowswap"). Safe from any thread. Until setup() runs it logs to stderr.
std::shared_ptr<spdlog::logger> logger();

// Console on stderr at the given verbosity, plus a rotating file (5 × 5 MiB) in `logDirectory` at debug level
// when the directory is non-empty. Call once from main(), before any engine thread starts.
void setup(Verbosity verbosity, const QString &logDirectory);

// Adds a sink (e.g. the GUI's log model bridge). Thread-safe with respect to logging.
void addSink(std::shared_ptr<spdlog::sinks::sink> sink);

// The default log directory: $XDG_STATE_HOME/shadowswap (or ~/.local/state/shadowswap).
QString defaultLogDirectory();

} // namespace engine::logging

// Short helpers so call sites stay readable: SS_INFO("copied {} rows", n)
#define SS_TRACE(...) ::engine::logging::logger()->trace(__VA_ARGS__)
#define SS_DEBUG(...) ::engine::logging::logger()->debug(__VA_ARGS__)
#define SS_INFO(...) ::engine::logging::logger()->info(__VA_ARGS__)
#define SS_WARN(...) ::engine::logging::logger()->warn(__VA_ARGS__)
#define SS_ERROR(...) ::engine::logging::logger()->error(__VA_ARGS__)
