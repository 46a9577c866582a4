#pragma once

// QCustomPlot's header still uses Qt's keyword macros, which this project disables (QT_NO_KEYWORDS).
// Include it only through this header.
#define signals Q_SIGNALS
#define slots Q_SLOTS
#define emit Q_EMIT
#define foreach Q_FOREACH
#include <qcustomplot.h>
#undef signals
#undef slots
#undef emit
#undef foreach
