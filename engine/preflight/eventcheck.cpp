#include "check.h"
#include "preflightcontext.h"

#include <mysql/sqltext.h>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace engine::preflight {

namespace {

bool mentions(const QString &body, const QString &name)
{
    const QRegularExpression word(u"(?<![\\w$])`?"_s + QRegularExpression::escape(name) + u"`?(?![\\w$])"_s,
                                  QRegularExpression::CaseInsensitiveOption);
    return word.match(body).hasMatch();
}

class EventCheck : public Check {
public:
    QStringList ids() const override { return {u"scheduled_events"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        Server &server = context.tableServer();
        const QString scheduler = context.scalar(server, u"SELECT @@GLOBAL.event_scheduler"_s).value_or(u"OFF"_s).toUpper();
        const QString database = context.request().database;
        const QString table = context.request().table;
        auto rows = context.query(server, u"SELECT EVENT_SCHEMA, EVENT_NAME, STATUS, EVENT_TYPE, EXECUTE_AT, "
                                          "INTERVAL_VALUE, INTERVAL_FIELD, LAST_EXECUTED, DEFINER, EVENT_DEFINITION "
                                          "FROM information_schema.EVENTS ORDER BY EVENT_SCHEMA, EVENT_NAME"_s);
        QStringList lines, fixes;
        int enabled = 0;
        while (rows.next()) {
            const QString schema = rows.text(0);
            const QString body = rows.text(9);
            // Unqualified names resolve in the event's own schema; elsewhere the body must name the schema too.
            if (!mentions(body, table) || (schema != database && !mentions(body, database)))
                continue;
            const QString name = mysql::qualifiedName(schema, rows.text(1));
            const QString status = rows.text(2);
            const QString schedule = rows.text(3) == u"ONE TIME"_s
                ? u"once at %1"_s.arg(rows.text(4))
                : u"every %1 %2"_s.arg(rows.text(5), rows.text(6));
            lines << u"%1: %2, %3, last run %4, definer %5: %6"_s.arg(
                name, status, schedule, rows.isNull(7) ? u"never"_s : rows.text(7), rows.text(8),
                body.simplified().left(300));
            if (status == u"ENABLED"_s) {
                ++enabled;
                fixes << u"ALTER EVENT %1 DISABLE; -- for the migration; ALTER EVENT %1 ENABLE; after"_s.arg(name);
            }
        }
        const QString schedulerText = u"event_scheduler is %1"_s.arg(scheduler);
        if (lines.isEmpty()) {
            sink.add(okFinding(u"scheduled_events"_s, u"No scheduled event mentions the table"_s, schedulerText));
            return;
        }
        Finding finding{u"scheduled_events"_s, enabled > 0 ? Severity::Warn : Severity::Ok, {}, {}, {}};
        finding.title = enabled > 0
            ? (scheduler == u"ON"_s ? u"%1 enabled event(s) use the table and the scheduler runs them"_s.arg(enabled)
                                    : u"%1 enabled event(s) use the table; they run once the scheduler is ON"_s.arg(enabled))
            : u"Only disabled events mention the table"_s;
        finding.detail = schedulerText + u"\n"_s + lines.join(u'\n')
            + u"\nTheir writes reach the new table through the binlog, but a long statement or LOCK TABLES in one of "
              "them holds the table and stalls the cut-over."_s;
        if (enabled > 0)
            finding.fix = u"Check what they do; to keep them out of the way:\n"_s + fixes.join(u'\n');
        sink.add(finding);
    }
};

} // namespace

std::unique_ptr<Check> makeEventCheck()
{
    return std::make_unique<EventCheck>();
}

} // namespace engine::preflight
