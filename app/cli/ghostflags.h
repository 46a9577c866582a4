#pragma once

#include "flagparser.h"

#include <vector>

namespace cli {

// The flags shadowswap-cli accepts: gh-ost's, with gh-ost's names, defaults and meanings, plus Shadowswap's own
// (marked in their help text). gh-ost flags that have no meaning here are accepted with a warning.
std::vector<FlagSpec> ghostCompatibleFlags();

} // namespace cli
