#pragma once

#include "flagparser.h"

namespace cli {

// --history: the journal's migrations, newest first (id, started, duration, outcome, table, server), as text
// or with --format=json as one JSON array.
int runHistoryCommand(const FlagParser &flags);

// --report ID: one recorded migration's report as JSON (the default) or as self-contained HTML with its
// charts
// (--format=html), to stdout or --report-file. HTML draws the charts with the console's chart widgets, so it
// needs a QApplication: main() creates one on the offscreen platform for exactly this case.
int runReportCommand(const FlagParser &flags);

} // namespace cli
