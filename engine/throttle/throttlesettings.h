#pragma once

#include <QString>

#include <optional>
#include <vector>

namespace engine::throttle {

// One "Status_variable=threshold" term of --max-load / --critical-load (gh-ost's syntax).
struct LoadLimit {
    QString variable; // a global status variable, e.g. Threads_running
    qint64 threshold = 0;

    bool operator==(const LoadLimit &) const = default;
};

// Parses "Threads_running=25,Threads_connected=500" (empty text = no limits). On a bad term returns nullopt and
// sets *error to a message naming the term and the expected form.
std::optional<std::vector<LoadLimit>> parseLoadLimits(const QString &text, QString *error);
QString formatLoadLimits(const std::vector<LoadLimit> &limits);

// Everything that throttles, postpones or stops a running migration and may change while it runs
// (gh-ost's flags and control-socket commands of the same names). Plain value.
struct ThrottleSettings {
    std::vector<LoadLimit> maxLoad;        // any exceeded -> throttle
    std::vector<LoadLimit> criticalLoad;   // any exceeded -> abort (or hibernate)
    int criticalLoadIntervalMillis = 0;    // >0: re-check after this long before acting on critical load
    int criticalLoadHibernateSeconds = 0;  // >0: hibernate (no writes at all) instead of aborting
    QString throttleQuery;                 // a scalar query on the primary; a result > 0 throttles
    QString throttleFlagFile;              // throttle while this file exists
    QString throttleAdditionalFlagFile;    // likewise (gh-ost's default /tmp/gh-ost.throttle)
    QString throttleControlReplicas;       // "host:port,host:port": their heartbeat lag throttles
    QString postponeCutOverFlagFile;       // the swap waits while this file exists (or until unpostpone)
    QString panicFlagFile;                 // abort at once when this file appears

    bool operator==(const ThrottleSettings &) const = default;
};

} // namespace engine::throttle
