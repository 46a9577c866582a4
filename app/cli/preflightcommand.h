#pragma once

#include "flagparser.h"

#include <mysql/connectionsettings.h>
#include <preflight/preflightrequest.h>

#include <QString>

#include <optional>

namespace cli {

// Builds the engine's PreflightRequest from gh-ost-style flags (connection of --host in `inspected`,
// --assume-master-host, --master-user/--master-password, --throttle-control-replicas, the migration's options
// and the --preflight-* flags). Returns false with `error` for missing or malformed flags.
bool buildPreflightRequest(const FlagParser &flags, const engine::mysql::ConnectionSettings &inspected,
                           engine::preflight::PreflightRequest &request, QString *error);

// "500G", "1.5T", "123456" -> bytes (binary multiples); nullopt when malformed.
std::optional<quint64> parseByteSize(const QString &text);

// --preflight-only: runs preflight and prints the report as text, or as one JSON object with --format=json.
// Returns 0 when nothing blocks (blocking findings named in --force-preflight don't count), 2 when a finding
// blocks, 1 when preflight could not run (the reason goes to stderr), 64 for unusable flags.
int runPreflightCommand(const FlagParser &flags, const engine::mysql::ConnectionSettings &inspected);

} // namespace cli
