#include "lagtext.h"

#include <QStringList>

using namespace Qt::StringLiterals;

namespace ui {

QString LagText::seconds(qint64 millis)
{
    return millis < 0 ? tr("n/a") : tr("%1 s").arg(double(millis) / 1000.0, 0, 'f', 1);
}

QString LagText::replicas(const engine::migration::ProgressSnapshot &snapshot)
{
    if (snapshot.replicaLags.isEmpty())
        return tr("%1 (replica)").arg(seconds(snapshot.replicaLagMillis));
    QStringList parts;
    for (const auto &reading : snapshot.replicaLags)
        parts << (reading.lagMillis < 0 ? tr("unreadable (%1)").arg(reading.endpoint)
                                        : tr("%1 (%2)").arg(seconds(reading.lagMillis), reading.endpoint));
    return parts.join(u", "_s);
}

QString LagText::replicaErrors(const engine::migration::ProgressSnapshot &snapshot)
{
    QStringList lines;
    for (const auto &reading : snapshot.replicaLags)
        if (reading.lagMillis < 0)
            lines << tr("%1: lag unreadable: %2")
                         .arg(reading.endpoint,
                              reading.error.isEmpty() ? tr("(no reason given)") : reading.error);
    return lines.join(u'\n');
}

} // namespace ui
