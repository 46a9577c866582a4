#include "check.h"
#include "preflightcontext.h"

#include <mysql/sqltext.h>

using namespace Qt::StringLiterals;
using engine::inspect::ColumnInfo;
using engine::inspect::IndexInfo;
using engine::mysql::quoteIdentifier;

namespace engine::preflight {

namespace {

// A UNIQUE index of the ghost that the original's data may violate, with each column traced back to the original.
struct NewUniqueKey {
    struct Part {
        QString ghostColumn;
        QString sourceColumn; // empty when the column is new (every existing row gets its default)
        int prefixLength = 0;
        ColumnInfo ghostDefinition;
    };
    QString name;
    std::vector<Part> parts;
};

QString sourceOf(const PreflightContext &context, const QString &ghostColumn)
{
    if (context.plan) {
        for (const auto &pair : context.plan->columns)
            if (pair.target.compare(ghostColumn, Qt::CaseInsensitive) == 0)
                return pair.source;
        return {};
    }
    const ColumnInfo *same = context.table.column(ghostColumn);
    return same ? same->name : QString();
}

// An original unique key over a subset of the new key's columns, unchanged in type and collation, already
// guarantees the new key: existing rows can't violate it.
bool impliedByOriginal(const PreflightContext &context, const NewUniqueKey &key)
{
    QStringList sources;
    for (const auto &part : key.parts) {
        const ColumnInfo *original = context.table.column(part.sourceColumn);
        if (part.sourceColumn.isEmpty() || part.prefixLength > 0 || !original
            || original->columnType.compare(part.ghostDefinition.columnType, Qt::CaseInsensitive) != 0
            || original->collation != part.ghostDefinition.collation)
            continue;
        sources << part.sourceColumn.toLower();
    }
    for (const IndexInfo &index : context.table.indexes) {
        if (!index.unique || index.hasPrefix)
            continue;
        if (std::all_of(index.columns.begin(), index.columns.end(),
                        [&](const QString &c) { return sources.contains(c.toLower()); }))
            return true;
    }
    return false;
}

std::vector<NewUniqueKey> newUniqueKeys(const PreflightContext &context)
{
    std::vector<NewUniqueKey> keys;
    for (const IndexInfo &index : context.ghost->indexes) {
        if (!index.unique)
            continue;
        NewUniqueKey key;
        key.name = index.name;
        bool neverCollides = false;
        for (const QString &column : index.columns) {
            NewUniqueKey::Part part;
            part.ghostColumn = column;
            part.sourceColumn = sourceOf(context, column);
            part.prefixLength = context.ghostPrefixLengths.value((index.name + u'\n' + column).toLower());
            if (const ColumnInfo *definition = context.ghost->column(column))
                part.ghostDefinition = *definition;
            // New columns that start NULL, or that number themselves, never collide.
            if (part.sourceColumn.isEmpty()
                && (!part.ghostDefinition.hasDefault || part.ghostDefinition.defaultValue == u"NULL"_s))
                neverCollides = true;
            key.parts.push_back(part);
        }
        if (!neverCollides && !impliedByOriginal(context, key))
            keys.push_back(key);
    }
    return keys;
}

// The value the ghost's unique index compares, computed from the original column.
QString comparedExpression(const PreflightContext &context, const NewUniqueKey::Part &part)
{
    QString expression = quoteIdentifier(part.sourceColumn);
    const ColumnInfo &ghost = part.ghostDefinition;
    const ColumnInfo *original = context.table.column(part.sourceColumn);
    if (ghost.isText() && (!original || original->collation != ghost.collation))
        expression = u"CONVERT(%1 USING %2) COLLATE %3"_s.arg(expression, ghost.charset, ghost.collation);
    if (part.prefixLength > 0)
        expression = u"LEFT(%1, %2)"_s.arg(expression).arg(part.prefixLength);
    return expression;
}

QString shown(const mysql::Result &row, int column)
{
    if (row.isNull(column))
        return u"NULL"_s;
    QString value = row.text(column);
    if (value.size() > 60)
        value = value.left(57) + u"..."_s;
    return mysql::stringLiteral(value);
}

class DuplicateCheck : public Check {
public:
    QStringList ids() const override { return {u"new_unique_duplicates"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        const QString id = u"new_unique_duplicates"_s;
        if (!context.ghost) {
            if (context.alter.addsUniqueKey)
                sink.add(undetermined(id, u"the ALTER adds a UNIQUE key but its new schema is unknown (see alter)"_s));
            else
                sink.add(okFinding(id, u"The ALTER adds no UNIQUE key"_s));
            return;
        }
        const std::vector<NewUniqueKey> keys = newUniqueKeys(context);
        if (keys.empty()) {
            sink.add(okFinding(id, u"The ALTER adds no unique constraint that existing rows could violate"_s));
            return;
        }
        Server &server = context.inspected();
        QStringList lines, queries, gaveUp;
        for (const NewUniqueKey &key : keys) {
            QStringList grouped, constant, filters;
            for (const auto &part : key.parts) {
                if (part.sourceColumn.isEmpty()) {
                    constant << u"%1 (new, every row gets %2)"_s.arg(part.ghostColumn, part.ghostDefinition.defaultValue);
                    continue;
                }
                grouped << comparedExpression(context, part);
                filters << quoteIdentifier(part.sourceColumn) + u" IS NOT NULL"_s;
            }
            QString where = filters.isEmpty() ? QString() : u" WHERE "_s + filters.join(u" AND "_s);
            QString sql;
            if (grouped.isEmpty())
                sql = u"SELECT COUNT(*) AS n FROM %1 HAVING COUNT(*) > 1"_s.arg(context.qualifiedTable());
            else
                sql = u"SELECT %1, COUNT(*) AS n FROM %2%3 GROUP BY %1 HAVING COUNT(*) > 1 ORDER BY n DESC LIMIT 5"_s.arg(
                    grouped.join(u", "_s), context.qualifiedTable(), where);
            QStringList columns;
            for (const auto &part : key.parts)
                columns << part.ghostColumn;
            mysql::Result result;
            const QString label = u"UNIQUE %1 (%2)"_s.arg(quoteIdentifier(key.name), columns.join(u", "_s));
            try {
                result = context.query(server, sql);
            } catch (const TimeLimitReached &) {
                gaveUp << label;
                continue;
            } catch (const mysql::DbException &error) {
                if (!isTimeLimitError(error.code()))
                    throw;
                gaveUp << label;
                continue;
            }
            QStringList examples;
            while (result.next()) {
                QStringList values;
                for (int i = 0; i < grouped.size(); ++i)
                    values << shown(result, i);
                const qint64 count = result.toInt(result.columnCount() - 1);
                examples << (values.isEmpty() ? u"all %1 rows"_s.arg(count)
                                              : u"(%1) × %2"_s.arg(values.join(u", "_s)).arg(count));
            }
            if (examples.isEmpty()) {
                lines << label + u": no duplicates in the existing rows"_s;
                continue;
            }
            lines << u"%1: duplicates in the existing rows, e.g. %2%3"_s.arg(
                label, examples.join(u"; "_s),
                constant.isEmpty() ? QString() : u" (with %1)"_s.arg(constant.join(u", "_s)));
            queries << sql.replace(u" LIMIT 5"_s, QString());
        }
        Finding finding{id, queries.isEmpty() ? Severity::Ok : Severity::Block,
                        queries.isEmpty() ? u"The new unique keys hold for the existing rows"_s
                                          : u"Existing rows violate a UNIQUE key the ALTER adds"_s,
                        u"Checked on %1:\n"_s.arg(server.label()) + lines.join(u'\n'), {}};
        if (!gaveUp.isEmpty()) {
            finding.detail += u"\nGave up on %1 after the time limit of %2 s: the table is too large to scan in time. "
                              "The migration itself stops at the first duplicate (it never drops rows)."_s.arg(
                                  gaveUp.join(u", "_s)).arg(context.checkTimeoutSeconds());
            if (finding.severity == Severity::Ok) {
                finding.severity = Severity::Warn;
                finding.title = u"Could not determine whether existing rows violate the new UNIQUE key"_s;
                finding.fix = u"Run preflight with a longer --preflight-timeout-seconds, or check on a replica with "
                              "SELECT ..., COUNT(*) ... GROUP BY ... HAVING COUNT(*) > 1"_s;
            }
        }
        if (!queries.isEmpty())
            finding.fix = u"Merge or delete the duplicates first, or leave UNIQUE out of the ALTER. The migration "
                          "would stop at the first duplicate (it never drops rows). List them all with:\n"_s
                + queries.join(u";\n"_s) + u';';
        sink.add(finding);
    }
};

} // namespace

std::unique_ptr<Check> makeDuplicateCheck()
{
    return std::make_unique<DuplicateCheck>();
}

} // namespace engine::preflight
