#include "throttlepolicy.h"

using namespace Qt::StringLiterals;

namespace engine::throttle {

QString exceededLimit(const std::vector<LoadLimit> &limits, const std::map<QString, qint64> &status)
{
    for (const LoadLimit &limit : limits) {
        const auto it = status.find(limit.variable.toLower());
        if (it != status.end() && it->second > limit.threshold)
            return u"%1=%2 > %3"_s.arg(limit.variable).arg(it->second).arg(limit.threshold);
    }
    return {};
}

ThrottleVerdict evaluateThrottle(const ThrottleSettings &settings, qint64 maxLagMillis,
                                 const ThrottleObservation &o)
{
    ThrottleVerdict verdict;
    if (o.panicFlagFile)
        verdict.panicReason = u"the panic flag file %1 exists"_s.arg(settings.panicFlagFile);
    if (const QString critical = exceededLimit(settings.criticalLoad, o.status); !critical.isEmpty())
        verdict.criticalReason = u"critical-load: "_s + critical;

    QString &reason = verdict.throttleReason;
    if (o.throttleFlagFile)
        reason = u"flag file %1 exists"_s.arg(settings.throttleFlagFile);
    else if (o.additionalFlagFile)
        reason = u"flag file %1 exists"_s.arg(settings.throttleAdditionalFlagFile);
    else if (const QString load = exceededLimit(settings.maxLoad, o.status); !load.isEmpty())
        reason = u"max-load: "_s + load;
    else if (!settings.throttleQuery.isEmpty() && !o.throttleQueryError.isEmpty())
        reason = u"throttle-query failed: "_s + o.throttleQueryError;
    else if (o.throttleQueryValue && *o.throttleQueryValue > 0)
        reason = u"throttle-query returned %1"_s.arg(*o.throttleQueryValue);
    if (!reason.isEmpty())
        return verdict;
    for (const auto &replica : o.replicas) {
        if (!replica.lagMillis) {
            reason = u"replica %1 unreachable or without heartbeat%2"_s.arg(
                replica.endpoint, replica.error.isEmpty() ? QString() : u" ("_s + replica.error + u')');
            return verdict;
        }
        if (*replica.lagMillis > maxLagMillis) {
            reason = u"replica %1 lag %2 ms > max-lag-millis %3"_s.arg(replica.endpoint).arg(*replica.lagMillis)
                         .arg(maxLagMillis);
            return verdict;
        }
    }
    if (o.streamLagMillis > maxLagMillis)
        reason = u"binlog stream lag %1 ms > max-lag-millis %2"_s.arg(o.streamLagMillis).arg(maxLagMillis);
    return verdict;
}

} // namespace engine::throttle
