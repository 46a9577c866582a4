#pragma once

#include "flagparser.h"

#include <QString>

namespace cli {

// Writes a report to --report-file when given (atomically: a reader never sees half a file), else to stdout.
// False, with the reason on stderr, when the file can't be written.
bool writeReportOutput(const FlagParser &flags, const QString &text);

} // namespace cli
