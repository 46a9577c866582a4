#include "check.h"
#include "preflightcontext.h"

#include <mysql/sqltext.h>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace engine::preflight {

namespace {

// Does a trigger body use NEW.column or OLD.column?
bool usesColumn(const QString &body, const QString &column)
{
    const QRegularExpression use(u"\\b(NEW|OLD)\\s*\\.\\s*`?"_s + QRegularExpression::escape(column) + u"`?(?![\\w$])"_s,
                                 QRegularExpression::CaseInsensitiveOption);
    return use.match(body).hasMatch();
}

class TriggerCheck : public Check {
public:
    QStringList ids() const override { return {u"triggers"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        const auto &triggers = context.table.triggers;
        if (triggers.empty()) {
            sink.add(okFinding(u"triggers"_s, u"No triggers on the table"_s));
            return;
        }
        const auto &options = context.options();
        QStringList lines, problems, fixes;
        QStringList changedColumns = context.alter.droppedColumns;
        for (auto it = context.alter.renamedColumns.cbegin(); it != context.alter.renamedColumns.cend(); ++it)
            changedColumns << it.key();
        for (const auto &trigger : triggers) {
            lines << u"%1: %2 %3, definer %4: %5"_s.arg(mysql::quoteIdentifier(trigger.name), trigger.timing, trigger.event,
                                                        trigger.definer, trigger.statement.simplified().left(300));
            for (const QString &column : changedColumns)
                if (usesColumn(trigger.statement, column))
                    problems << u"%1 uses column %2, which the ALTER drops or renames: recreating it on the new table "
                                "would fail or change its meaning"_s.arg(mysql::quoteIdentifier(trigger.name),
                                                                          mysql::quoteIdentifier(column));
            if (options.includeTriggers) {
                const QString newName = inspect::ghostTriggerName(trigger.name, options.triggerSuffix,
                                                                  options.removeTriggerSuffixIfExists);
                if (newName.size() > 64)
                    problems << u"%1 with suffix %2 is longer than 64 characters"_s.arg(trigger.name, options.triggerSuffix);
            }
        }
        Finding finding{u"triggers"_s, Severity::Block, {}, {}, {}};
        if (!options.includeTriggers) {
            finding.title = u"%1 trigger(s) on the table would be lost at the swap"_s.arg(triggers.size());
            lines << u"Triggers belong to the table they were created on; the new table has none unless they are "
                     "recreated, so the application would silently lose what they do."_s;
            fixes << u"Pass --include-triggers --trigger-suffix=_new to recreate them on the new table at the swap, or "
                     "drop them first if nothing needs them"_s;
        } else if (options.triggerSuffix.isEmpty()) {
            finding.title = u"--include-triggers needs --trigger-suffix"_s;
            fixes << u"Add --trigger-suffix=_new: both tables carry the triggers until the swap, and trigger names are "
                     "unique per schema"_s;
        } else if (problems.isEmpty()) {
            finding.severity = Severity::Warn;
            finding.title = u"%1 trigger(s) will be recreated on the new table with suffix %2"_s.arg(triggers.size())
                                .arg(options.triggerSuffix);
            lines << u"They fire on the original until the swap and on the new table after it; while the ghost is "
                     "filled they do not fire for copied rows."_s;
        }
        if (!problems.isEmpty()) {
            finding.severity = Severity::Block;
            if (finding.title.isEmpty())
                finding.title = u"Triggers can't be recreated on the new table as they are"_s;
            lines << problems;
            fixes << u"Change the triggers to match the new schema before migrating"_s;
        }
        finding.detail = lines.join(u'\n');
        finding.fix = fixes.join(u'\n');
        sink.add(finding);
    }
};

} // namespace

std::unique_ptr<Check> makeTriggerCheck()
{
    return std::make_unique<TriggerCheck>();
}

} // namespace engine::preflight
