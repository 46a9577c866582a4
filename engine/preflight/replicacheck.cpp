#include "check.h"
#include "preflightcontext.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace engine::preflight {

namespace {

// replicate-wild-* patterns: % and _ as in LIKE.
bool wildMatches(const QString &pattern, const QString &name)
{
    QString regex;
    for (const QChar c : pattern)
        regex += c == u'%' ? u".*"_s : c == u'_' ? u"."_s : QRegularExpression::escape(QString(c));
    return QRegularExpression(QRegularExpression::anchoredPattern(regex)).match(name).hasMatch();
}

QStringList listOf(const QString &text)
{
    QStringList items;
    for (const QString &item : text.split(u','))
        if (!item.trimmed().isEmpty())
            items << item.trimmed();
    return items;
}

// Why the replica's filters leave the table out, or empty when they replicate it.
QString filteredOut(const mysql::Result &status, const QString &db, const QString &table)
{
    const QString full = db + u'.' + table;
    const QStringList doDb = listOf(status.text(u"Replicate_Do_DB"_s));
    if (!doDb.isEmpty() && !doDb.contains(db))
        return u"Replicate_Do_DB does not include %1"_s.arg(db);
    if (listOf(status.text(u"Replicate_Ignore_DB"_s)).contains(db))
        return u"Replicate_Ignore_DB includes %1"_s.arg(db);
    const QStringList doTable = listOf(status.text(u"Replicate_Do_Table"_s));
    const QStringList wildDo = listOf(status.text(u"Replicate_Wild_Do_Table"_s));
    if (listOf(status.text(u"Replicate_Ignore_Table"_s)).contains(full))
        return u"Replicate_Ignore_Table includes %1"_s.arg(full);
    for (const QString &pattern : listOf(status.text(u"Replicate_Wild_Ignore_Table"_s)))
        if (wildMatches(pattern, full))
            return u"Replicate_Wild_Ignore_Table matches it (%1)"_s.arg(pattern);
    if ((!doTable.isEmpty() || !wildDo.isEmpty()) && !doTable.contains(full)
        && std::none_of(wildDo.begin(), wildDo.end(), [&](const QString &p) { return wildMatches(p, full); }))
        return u"Replicate_Do_Table / Replicate_Wild_Do_Table do not include %1"_s.arg(full);
    return {};
}

class ReplicaCheck : public Check {
public:
    QStringList ids() const override { return {u"replicas"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        const auto replicas = context.replicas();
        if (replicas.empty()) {
            sink.add(okFinding(u"replicas"_s, u"No replicas involved"_s,
                               u"The inspected server is no replica, no --throttle-control-replicas were given and the "
                               "primary lists no replicas (SHOW SLAVE HOSTS)."_s));
            return;
        }
        QStringList named;
        for (const auto &settings : context.request().controlReplicas)
            named << u"%1:%2"_s.arg(settings.host).arg(settings.port);

        Severity severity = Severity::Ok;
        QStringList lines, fixes;
        for (Server *replica : replicas) {
            if (!replica->reachable()) {
                const bool essential = named.contains(replica->endpoint());
                severity = std::max(severity, essential ? Severity::Block : Severity::Warn);
                lines << u"%1: not reached (%2)"_s.arg(replica->label(), replica->unreachable);
                fixes << u"Make %1 reachable with the same login%2"_s.arg(
                    replica->endpoint(), essential ? u" or drop it from --throttle-control-replicas"_s : QString());
                continue;
            }
            const bool newTerms = !replica->isMariaDB() && replica->facts.version.atLeast(8, 0, 22);
            auto status = context.query(*replica, replica->isMariaDB() ? u"SHOW ALL SLAVES STATUS"_s
                                                  : newTerms           ? u"SHOW REPLICA STATUS"_s
                                                                       : u"SHOW SLAVE STATUS"_s);
            const QString io = newTerms ? u"Replica_IO_Running"_s : u"Slave_IO_Running"_s;
            const QString sql = newTerms ? u"Replica_SQL_Running"_s : u"Slave_SQL_Running"_s;
            const QString lagColumn = newTerms ? u"Seconds_Behind_Source"_s : u"Seconds_Behind_Master"_s;
            const QString source = newTerms ? u"Source_Host"_s : u"Master_Host"_s;
            const QString sourcePort = newTerms ? u"Source_Port"_s : u"Master_Port"_s;
            bool any = false;
            while (status.next()) {
                any = true;
                const QString from = u"%1:%2"_s.arg(status.text(source), status.text(sourcePort));
                const int lagIndex = status.columnIndex(lagColumn);
                const QString lag = status.isNull(lagIndex) ? u"unknown"_s : status.text(lagIndex) + u" s"_s;
                lines << u"%1 replicating from %2: IO %3, SQL %4, lag %5"_s.arg(replica->label(), from, status.text(io),
                                                                               status.text(sql), lag);
                const QString name = replica->isMariaDB() ? status.text(u"Connection_name"_s) : QString();
                const QString connection = name.isEmpty() ? QString() : u" '%1'"_s.arg(name);
                if (status.text(io) != u"Yes"_s) {
                    severity = Severity::Block;
                    lines << u"  IO thread not running: %1"_s.arg(status.text(u"Last_IO_Error"_s).isEmpty()
                                                                      ? status.text(io)
                                                                      : status.text(u"Last_IO_Error"_s));
                    fixes << u"On %1: fix the cause, then START SLAVE%2 IO_THREAD;"_s.arg(replica->endpoint(), connection);
                }
                if (status.text(sql) != u"Yes"_s) {
                    severity = Severity::Block;
                    const QString error = status.text(u"Last_SQL_Error"_s);
                    lines << u"  SQL thread not running%1"_s.arg(error.isEmpty() ? u" (stopped by hand)"_s
                                                                                 : u": "_s + error);
                    fixes << u"On %1: %2START SLAVE%3 SQL_THREAD; — a stopped replica misses the migration's changes and "
                             "its lag stalls the throttle"_s.arg(replica->endpoint(),
                                                                 error.isEmpty() ? QString() : u"fix the error, then "_s,
                                                                 connection);
                }
                if (!status.isNull(lagIndex) && status.toDouble(lagIndex) * 1000 > context.options().maxLagMillis) {
                    severity = std::max(severity, Severity::Warn);
                    lines << u"  lag %1 exceeds --max-lag-millis=%2: the migration would throttle until it catches up"_s
                                 .arg(lag)
                                 .arg(context.options().maxLagMillis);
                }
                if (const QString why = filteredOut(status, context.request().database, context.request().table);
                    !why.isEmpty()) {
                    severity = std::max(severity, Severity::Warn);
                    lines << u"  the table is not replicated here: "_s + why;
                }
            }
            if (!any) {
                severity = std::max(severity, Severity::Warn);
                lines << u"%1: no replication status (not a replica, or no privilege)"_s.arg(replica->label());
                continue;
            }
            const bool present = context.scalar(*replica, u"SELECT COUNT(*) FROM information_schema.TABLES WHERE "
                                                          "TABLE_SCHEMA = %1 AND TABLE_NAME = %2"_s.arg(
                                                              context.quote(context.request().database),
                                                              context.quote(context.request().table)))
                                     .value_or(u"0"_s)
                != u"0"_s;
            if (!present) {
                severity = std::max(severity, Severity::Warn);
                lines << u"  the table does not exist on this replica"_s;
            }
        }
        Finding finding{u"replicas"_s, severity, {}, lines.join(u'\n'), fixes.join(u'\n')};
        finding.title = severity == Severity::Block ? u"A replica is not replicating"_s
                        : severity == Severity::Warn ? u"Replicas replicate, with remarks"_s
                                                     : u"%1 replica(s) replicating and caught up"_s.arg(replicas.size());
        sink.add(finding);
    }
};

} // namespace

std::unique_ptr<Check> makeReplicaCheck()
{
    return std::make_unique<ReplicaCheck>();
}

} // namespace engine::preflight
