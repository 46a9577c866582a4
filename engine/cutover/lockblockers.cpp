#include "lockblockers.h"

#include "lockpicture.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace engine::cutover {

QStringList describeLockBlockers(mysql::Connection &connection, const QString &schema, const QString &table,
                                 const QList<unsigned long> &ownIds)
{
    // Threshold 0: every holder and every open transaction is listed. A transaction's time is its age, so that
    // readers (MonitorPage) can tell everyday traffic from what has been open a while.
    const LockPicture picture = readLockPicture(connection, schema, table, {0, ownIds});
    QStringList lines;
    QSet<qint64> listed;
    const auto line = [](qint64 id, const QString &user, const QString &host, const QString &command,
                         qint64 time, const QString &state, const QString &statement, const QString &why) {
        return u"session %1 (%2@%3, %4 for %5 s, state \"%6\"): %7 — %8; to end it: KILL %1"_s.arg(
            QString::number(id), user, host, command, QString::number(time), state,
            statement.isEmpty() ? u"(idle)"_s : statement.left(200), why);
    };
    for (const LockSession &s : picture.sessions) {
        const QString lock = s.lockType.isEmpty() ? QString() : u" (%1 metadata lock %2)"_s.arg(
                                 s.status == LockStatus::Waits ? u"pending"_s : u"granted"_s, s.lockType);
        lines << line(s.id, s.user, s.host, s.command, s.timeSeconds, s.state, s.statement, s.why + lock);
        listed.insert(s.id);
    }
    for (const LongTransaction &t : picture.longTransactions)
        if (!listed.contains(t.id))
            lines << line(t.id, t.user, t.host, t.command, t.ageSeconds, t.state, t.statement,
                          u"transaction open"_s);
    for (const QString &error : picture.errors)
        lines << u"(%1)"_s.arg(error);
    lines.removeDuplicates();
    return lines;
}

} // namespace engine::cutover
