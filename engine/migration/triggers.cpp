#include "triggers.h"

#include <logging/logging.h>
#include <mysql/connection.h>
#include <mysql/sqltext.h>

using namespace Qt::StringLiterals;
using engine::mysql::qualifiedName;
using engine::mysql::quoteIdentifier;

namespace engine::migration::triggers {

namespace {
// "user@host" as information_schema prints it -> `user`@`host`.
QString quotedDefiner(const QString &definer)
{
    const qsizetype at = definer.lastIndexOf(u'@');
    if (at < 0)
        return quoteIdentifier(definer);
    return quoteIdentifier(definer.left(at)) + u'@' + quoteIdentifier(definer.mid(at + 1));
}
} // namespace

QString newName(const inspect::TriggerInfo &trigger, const MigrationSpec &spec)
{
    return inspect::ghostTriggerName(trigger.name, spec.triggerSuffix, spec.removeTriggerSuffixIfExists);
}

QString namesProblem(mysql::Connection &connection, const MigrationSpec &spec, const inspect::TableSchema &original)
{
    if (!spec.includeTriggers || original.triggers.empty())
        return {};
    if (spec.triggerSuffix.isEmpty())
        return u"--include-triggers needs --trigger-suffix: both tables carry the triggers until the swap, and trigger "
               "names are unique per schema"_s;
    for (const auto &trigger : original.triggers) {
        const QString name = newName(trigger, spec);
        if (name.size() > 64)
            return u"trigger %1 with --trigger-suffix %2 is %3 characters long; MySQL allows 64. Choose a shorter "
                   "suffix"_s.arg(trigger.name, spec.triggerSuffix, QString::number(name.size()));
        auto holder = connection.query(u"SELECT EVENT_OBJECT_TABLE FROM information_schema.TRIGGERS WHERE "
                                       "TRIGGER_SCHEMA = %1 AND TRIGGER_NAME = %2"_s.arg(connection.quote(spec.database),
                                                                                         connection.quote(name)));
        if (holder.next())
            return u"a trigger named %1 already exists in %2 (on table %3): trigger names are unique per schema. "
                   "Nothing was changed; choose another --trigger-suffix"_s.arg(name, spec.database, holder.text(0));
    }
    return {};
}

void dropFromGhost(mysql::Connection &session, const MigrationSpec &spec, const inspect::TableSchema &original)
{
    if (!spec.includeTriggers)
        return;
    for (const auto &trigger : original.triggers)
        session.execute(u"DROP TRIGGER IF EXISTS "_s + qualifiedName(spec.database, newName(trigger, spec)));
}

void createOnGhost(mysql::Connection &session, const MigrationSpec &spec, const TableNames &names,
                   const inspect::TableSchema &original)
{
    if (!spec.includeTriggers || original.triggers.empty())
        return;
    dropFromGhost(session, spec, original); // left by an earlier attempt
    const QString mode = session.scalar(u"SELECT @@SESSION.sql_mode"_s).value_or(QString());
    for (const auto &trigger : original.triggers) {
        // The body is parsed as it was when the trigger was created: with its sql_mode.
        session.execute(u"SET SESSION sql_mode = %1"_s.arg(session.quote(trigger.sqlMode)));
        session.execute(u"CREATE DEFINER = %1 TRIGGER %2 %3 %4 ON %5 FOR EACH ROW %6"_s.arg(
            quotedDefiner(trigger.definer), qualifiedName(spec.database, newName(trigger, spec)), trigger.timing,
            trigger.event, qualifiedName(spec.database, names.ghost), trigger.statement));
    }
    session.execute(u"SET SESSION sql_mode = %1"_s.arg(session.quote(mode)));
    SS_INFO("cut-over: {} trigger(s) recreated on the new table", original.triggers.size());
}

} // namespace engine::migration::triggers
