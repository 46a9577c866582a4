#include "lockblockers.h"

#include <mysql/connection.h>

using namespace Qt::StringLiterals;

namespace engine::cutover {

QStringList describeLockBlockers(mysql::Connection &connection, const QString &schema, const QString &table,
                                 const QList<unsigned long> &ownIds)
{
    QStringList lines;
    QStringList excluded = {u"CONNECTION_ID()"_s};
    for (unsigned long id : ownIds)
        excluded << QString::number(id);
    const QString notOwn = u"p.ID NOT IN (%1)"_s.arg(excluded.join(u", "_s));
    auto describe = [&](mysql::Result &rows, const QString &why) {
        while (rows.next())
            lines << u"session %1 (%2@%3, %4 for %5 s, state \"%6\"): %7 — %8; to end it: KILL %1"_s.arg(
                rows.text(0), rows.text(1), rows.text(2), rows.text(3), rows.text(4), rows.text(5),
                rows.text(6).isEmpty() ? u"(idle)"_s : rows.text(6).left(200), why);
    };
    try {
        auto mdl = connection.query(
            u"SELECT DISTINCT p.ID, p.USER, p.HOST, p.COMMAND, p.TIME, p.STATE, p.INFO, m.LOCK_TYPE, m.LOCK_STATUS "
            "FROM performance_schema.metadata_locks m "
            "JOIN performance_schema.threads t ON t.THREAD_ID = m.OWNER_THREAD_ID "
            "JOIN information_schema.PROCESSLIST p ON p.ID = t.PROCESSLIST_ID "
            "WHERE m.OBJECT_SCHEMA = %1 AND m.OBJECT_NAME = %2 AND %3"_s.arg(connection.quote(schema),
                                                                            connection.quote(table), notOwn));
        while (mdl.next())
            lines << u"session %1 (%2@%3, %4 for %5 s, state \"%6\"): %7 — %8 metadata lock %9; to end it: KILL %1"_s
                         .arg(mdl.text(0), mdl.text(1), mdl.text(2), mdl.text(3), mdl.text(4), mdl.text(5),
                              mdl.text(6).isEmpty() ? u"(idle)"_s : mdl.text(6).left(200),
                              mdl.text(8).toLower(), mdl.text(7));
    } catch (const mysql::DbException &error) {
        lines << u"(metadata locks could not be read: %1)"_s.arg(error.error().message);
    }
    try {
        auto trx = connection.query(
            u"SELECT p.ID, p.USER, p.HOST, p.COMMAND, TIMESTAMPDIFF(SECOND, x.trx_started, NOW()), p.STATE, "
            "p.INFO FROM information_schema.INNODB_TRX x JOIN information_schema.PROCESSLIST p "
            "ON p.ID = x.trx_mysql_thread_id WHERE %1 ORDER BY x.trx_started"_s.arg(notOwn));
        describe(trx, u"transaction open"_s);
    } catch (const mysql::DbException &error) {
        lines << u"(open transactions could not be read: %1)"_s.arg(error.error().message);
    }
    lines.removeDuplicates();
    return lines;
}

} // namespace engine::cutover
