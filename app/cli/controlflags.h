#pragma once

#include "flagparser.h"

#include <control/controlserver.h>
#include <model/migrationspec.h>

namespace cli {

// The control socket as the flags ask for it.
struct ControlSetup {
    engine::control::ControlServerOptions server;
    engine::control::ControlIdentity identity;
};

// From --serve-socket-file, --serve-tcp-port, --initially-drop-socket-file, --force-named-cut-over and
// --force-named-panic. Like gh-ost, an executed migration always serves a unix socket: without
// --serve-socket-file at /tmp/gh-ost.<database>.<table>.sock ("--serve-socket-file=" turns it off).
// Returns false with `error` for malformed values.
bool buildControlSetup(const FlagParser &flags, const engine::migration::MigrationSpec &spec, ControlSetup &setup,
                       QString *error);

} // namespace cli
