#pragma once

#include "flagparser.h"

namespace cli {

// shadowswap-cli --watch SOCKET|HOST:PORT: polls a running migration's control socket (Shadowswap's or gh-ost's)
// for `status` every --watch-interval-millis and prints one line per reading until interrupted (or
// --watch-count readings). An endpoint that stops answering is reported and polled on; nothing is changed.
int runWatchCommand(const FlagParser &flags);

} // namespace cli
