#pragma once

#include <QString>

namespace engine::hooks {

// gh-ost's points of interest. Each runs every executable in --hooks-path whose name starts with its base name.
enum class HookEvent {
    Startup,
    Validated,
    RowCountComplete,
    BeforeRowCopy,
    RowCopyComplete,
    BeginPostponed,
    BeforeCutOver,
    Success,
    Failure,
    Status,
    StopReplication,
    StartReplication,
};

QString hookBaseName(HookEvent event); // "gh-ost-on-startup", ...

// Whether a failing hook stops the migration, as in gh-ost. Success, failure and status hooks only report:
// on-success runs after the swap (failing then would misreport a finished migration) and on-failure after the
// failure itself; gh-ost ignores a failing status hook too.
bool failureStopsMigration(HookEvent event);

} // namespace engine::hooks
