#pragma once

#include "throttlesettings.h"

#include <QString>

#include <map>
#include <optional>
#include <vector>

namespace engine::throttle {

// What the monitor observed in one round. Pure data, so the policy is testable without servers.
struct ThrottleObservation {
    bool throttleFlagFile = false;           // settings.throttleFlagFile exists
    bool additionalFlagFile = false;         // settings.throttleAdditionalFlagFile exists
    bool panicFlagFile = false;              // settings.panicFlagFile exists
    std::map<QString, qint64> status;        // global status values sampled on the primary (absent = not sampled)
    std::optional<qint64> throttleQueryValue; // unset: no query configured, or it failed (then throttleQueryError)
    QString throttleQueryError;
    struct ReplicaLag {
        QString endpoint;
        std::optional<qint64> lagMillis;     // unset: unreachable or no heartbeat yet
        QString error;
    };
    std::vector<ReplicaLag> replicas;
    qint64 streamLagMillis = -1;             // age of the newest heartbeat seen in the binlog stream; -1 = none yet
};

struct ThrottleVerdict {
    QString throttleReason; // non-empty: copy and apply must pause; the text says which source and why
    QString criticalReason; // non-empty: a --critical-load limit is exceeded
    QString panicReason;    // non-empty: stop the migration at once
};

// The decision for one round: any source throttles; the first source found gives the reason.
ThrottleVerdict evaluateThrottle(const ThrottleSettings &settings, qint64 maxLagMillis,
                                 const ThrottleObservation &observation);

// The first limit exceeded (value > threshold), as "Threads_running=31 > 25"; empty if none. A limit whose
// variable was not sampled is not exceeded (the monitor reports unknown variables separately).
QString exceededLimit(const std::vector<LoadLimit> &limits, const std::map<QString, qint64> &status);

} // namespace engine::throttle
