#include "migrationplan.h"

#include <mysql/sqltext.h>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace engine::inspect {

QStringList MigrationPlan::sourceColumns() const
{
    QStringList names;
    for (const ColumnPair &pair : columns)
        names << pair.source;
    return names;
}

QString MigrationPlan::sourceSelectList(const QString &alias) const
{
    QStringList expressions;
    const QString prefix = alias.isEmpty() ? QString() : alias + u'.';
    for (const ColumnPair &pair : columns) {
        const QString column = prefix + mysql::quoteIdentifier(pair.source);
        expressions << (pair.sourceExpression.isEmpty() ? column : pair.sourceExpression.arg(column));
    }
    return expressions.join(u", "_s);
}

bool convertTimeZones(MigrationPlan &plan, const TableSchema &original, const TableSchema &ghost,
                      const QString &serverTimeZone, QString *error)
{
    const QString zone = serverTimeZone.isEmpty() ? u"SYSTEM"_s : serverTimeZone;
    if (zone == u"+00:00"_s || zone.compare(u"UTC"_s, Qt::CaseInsensitive) == 0)
        return true; // the engine's own zone: nothing to convert
    for (ColumnPair &pair : plan.columns) {
        const ColumnInfo *source = original.column(pair.source);
        const ColumnInfo *target = ghost.column(pair.target);
        if (!source || !target)
            continue;
        const bool toTimestamp = source->dataType == u"datetime"_s && target->dataType == u"timestamp"_s;
        const bool toDatetime = source->dataType == u"timestamp"_s && target->dataType == u"datetime"_s;
        if (!toTimestamp && !toDatetime)
            continue;
        if (plan.key.columns.contains(pair.source, Qt::CaseInsensitive)) {
            *error = u"No support at this time for converting a column from %1 to %2 that is also part of the chosen "
                     "unique key (%3: %4). Nothing was changed. Add a new %2 column in one migration and drop the old one "
                     "in another, or use a native ALTER"_s.arg(source->dataType.toUpper(), target->dataType.toUpper(), plan.key.name, pair.source);
            return false;
        }
        // The text of zone names never holds a quote: it comes from the server's own variable.
        const QString quoted = u"'"_s + QString(zone).remove(u'\'') + u"'"_s;
        pair.sourceExpression = toTimestamp ? u"CONVERT_TZ(%1, "_s + quoted + u", '+00:00')"_s
                                            : u"CONVERT_TZ(%1, '+00:00', "_s + quoted + u")"_s;
    }
    return true;
}

namespace {
// The members of "enum('a','it''s')" or "set(...)", as SHOW CREATE / COLUMN_TYPE print them.
QStringList membersOf(const QString &columnType)
{
    QStringList members;
    const qsizetype open = columnType.indexOf(u'(');
    QString current;
    bool quoted = false;
    for (qsizetype i = open + 1; open >= 0 && i < columnType.size(); ++i) {
        const QChar c = columnType[i];
        if (!quoted) {
            if (c == u'\'')
                quoted = true;
            else if (c == u')')
                break;
            continue;
        }
        if (c == u'\'' && i + 1 < columnType.size() && columnType[i + 1] == u'\'') {
            current += c;
            ++i;
        } else if (c == u'\'') {
            quoted = false;
            members << current;
            current.clear();
        } else {
            current += c;
        }
    }
    return members;
}
} // namespace

bool keyMembersKeepTheirNumbers(const MigrationPlan &plan, const TableSchema &original, const TableSchema &ghost,
                                QString *error)
{
    for (const ColumnPair &pair : plan.columns) {
        if (!plan.key.columns.contains(pair.source, Qt::CaseInsensitive))
            continue;
        const ColumnInfo *source = original.column(pair.source);
        const ColumnInfo *target = ghost.column(pair.target);
        if (!source || !target || (source->dataType != u"enum"_s && source->dataType != u"set"_s))
            continue;
        const QStringList before = membersOf(source->columnType);
        const QStringList after = target->dataType == source->dataType ? membersOf(target->columnType) : QStringList();
        if (after.size() >= before.size() && after.mid(0, before.size()) == before)
            continue;
        *error = u"column %1 of the chosen key %2 is %3 and the ALTER changes it to %4: its members would get other "
                 "numbers, and the key's values travel as member numbers. Nothing was changed. Add new members at the "
                 "end of the list only (existing members keep their place), or use a native ALTER for this change"_s
                     .arg(pair.source, plan.key.name, source->columnType, target->columnType);
        return false;
    }
    return true;
}

QStringList MigrationPlan::targetColumns() const
{
    QStringList names;
    for (const ColumnPair &pair : columns)
        names << pair.target;
    return names;
}

namespace {
bool isIntegerType(const QString &type)
{
    return type == u"tinyint"_s || type == u"smallint"_s || type == u"mediumint"_s || type == u"int"_s
        || type == u"bigint"_s;
}

QString renamedTarget(const AlterAnalysis &alter, const QString &column)
{
    for (auto it = alter.renamedColumns.cbegin(); it != alter.renamedColumns.cend(); ++it)
        if (it.key().compare(column, Qt::CaseInsensitive) == 0)
            return it.value();
    return {};
}

// Ranks candidate keys like gh-ost: PRIMARY, then no nullable columns, then integer-led, then fewer columns.
int keyRank(const IndexInfo &index, const TableSchema &table)
{
    int rank = 0;
    if (!index.primary)
        rank += 1000;
    if (index.hasNullableColumn)
        rank += 100;
    const ColumnInfo *first = table.column(index.columns.value(0));
    if (!first || !isIntegerType(first->dataType))
        rank += 10;
    return rank + static_cast<int>(index.columns.size());
}
} // namespace

bool buildMigrationPlan(const TableSchema &original, const TableSchema &ghost, const AlterAnalysis &alter,
                        const PlanOptions &options, MigrationPlan &plan, QString *error)
{
    plan = MigrationPlan{};
    if (!alter.renamedColumns.isEmpty() && !options.approveRenamedColumns && !options.skipRenamedColumns) {
        QStringList renames;
        for (auto it = alter.renamedColumns.cbegin(); it != alter.renamedColumns.cend(); ++it)
            renames << it.key() + u" -> "_s + it.value();
        *error = u"the ALTER renames column(s) %1. Pass --approve-renamed-columns to copy their data into the new "
                 "names, or --skip-renamed-columns to leave the renamed columns empty"_s.arg(renames.join(u", "_s));
        return false;
    }
    QStringList mappedTargets;
    for (const ColumnInfo &column : original.columns) {
        if (column.generated)
            continue;
        QString target = column.name;
        // DROP COLUMN c, ADD COLUMN c: the ghost's c is a new column (every row gets its default, as in a native
        // ALTER), not the old one under the same name.
        if (alter.droppedColumns.contains(column.name, Qt::CaseInsensitive)) {
            plan.droppedColumns << column.name;
            continue;
        }
        if (const QString renamed = renamedTarget(alter, column.name); !renamed.isEmpty()) {
            if (options.skipRenamedColumns) {
                plan.droppedColumns << column.name;
                continue;
            }
            target = renamed;
        }
        const ColumnInfo *ghostColumn = ghost.column(target);
        if (!ghostColumn || ghostColumn->generated) {
            plan.droppedColumns << column.name;
            continue;
        }
        plan.columns.push_back(ColumnPair{column.name, ghostColumn->name, {}});
        mappedTargets << ghostColumn->name.toLower();
    }
    for (const ColumnInfo &column : ghost.columns)
        if (!column.generated && !mappedTargets.contains(column.name.toLower()))
            plan.addedColumns << column.name;
    if (plan.columns.empty()) {
        *error = u"the original and the new schema share no column, so there is nothing to copy"_s;
        return false;
    }

    std::vector<const IndexInfo *> candidates;
    for (const IndexInfo &index : original.indexes)
        if (index.unique && !index.hasPrefix)
            candidates.push_back(&index);
    std::stable_sort(candidates.begin(), candidates.end(), [&](const IndexInfo *a, const IndexInfo *b) {
        return keyRank(*a, original) < keyRank(*b, original);
    });

    QStringList rejected;
    for (const IndexInfo *candidate : candidates) {
        QStringList targets;
        std::vector<ColumnInfo> keyColumns;
        QString problem;
        for (const QString &name : candidate->columns) {
            const ColumnInfo *column = original.column(name);
            auto pair = std::find_if(plan.columns.begin(), plan.columns.end(),
                                     [&](const ColumnPair &p) { return p.source.compare(name, Qt::CaseInsensitive) == 0; });
            if (!column || pair == plan.columns.end()) {
                problem = u"column %1 is not kept by the ALTER"_s.arg(name);
                break;
            }
            if (column->isFloatingPoint() || column->isJson()) {
                problem = u"column %1 is %2, which can't identify rows reliably"_s.arg(name, column->dataType);
                break;
            }
            keyColumns.push_back(*column);
            targets << pair->target.toLower();
        }
        if (problem.isEmpty() && candidate->hasNullableColumn && !options.allowNullableUniqueKey)
            problem = u"it has nullable columns (pass --allow-nullable-unique-key if they never hold NULL)"_s;
        const IndexInfo *ghostIndex = nullptr;
        const IndexInfo *supersetIndex = nullptr;
        QStringList coveringIndexes;
        if (problem.isEmpty()) {
            for (const IndexInfo &index : ghost.indexes) {
                if (!index.unique || index.hasPrefix)
                    continue;
                QStringList indexColumns;
                for (const QString &c : index.columns)
                    indexColumns << c.toLower();
                const bool within = std::all_of(indexColumns.begin(), indexColumns.end(),
                                                [&](const QString &c) { return targets.contains(c); });
                const bool holdsKey = std::all_of(targets.begin(), targets.end(),
                                                  [&](const QString &c) { return indexColumns.contains(c); });
                if (within && (!ghostIndex || index.primary))
                    ghostIndex = &index;
                if (holdsKey) {
                    coveringIndexes << index.name;
                    if (!supersetIndex || index.primary)
                        supersetIndex = &index;
                }
            }
            // A new key that extends the old one (DROP PRIMARY KEY, ADD PRIMARY KEY (id, i); gh-ost's shared-uk):
            // the old key stays unique for every row, because every row of the ghost comes from the original.
            if (!ghostIndex)
                ghostIndex = supersetIndex;
            if (!ghostIndex)
                problem = u"the new schema has no unique key over these columns, nor one that contains them"_s;
        }
        if (!problem.isEmpty()) {
            rejected << u"%1 (%2): %3"_s.arg(candidate->name, candidate->columns.join(u", "_s), problem);
            continue;
        }
        plan.key = *candidate;
        plan.ghostKeyIndex = ghostIndex->name;
        plan.keyCoveringIndexes = coveringIndexes;
        plan.keyColumns = std::move(keyColumns);
        for (const IndexInfo &index : ghost.indexes) {
            if (!index.unique || index.name == plan.ghostKeyIndex)
                continue;
            std::vector<ColumnPair> mapped;
            for (const QString &target : index.columns)
                for (const ColumnPair &pair : plan.columns)
                    if (pair.target.compare(target, Qt::CaseInsensitive) == 0)
                        mapped.push_back(pair);
            if (mapped.size() == static_cast<size_t>(index.columns.size()))
                plan.otherUniqueIndexes.push_back(std::move(mapped));
        }
        return true;
    }
    if (candidates.empty())
        *error = u"table %1.%2 has no PRIMARY KEY or UNIQUE key, so rows can't be copied in order and identified "
                 "for applying changes. Add a PRIMARY KEY (or a UNIQUE NOT NULL key) first"_s.arg(original.schema,
                                                                                                  original.table);
    else
        *error = u"no unique key is shared by the original and the new schema: %1. Keep a PRIMARY KEY or UNIQUE "
                 "NOT NULL key in both (to change the primary key, migrate in two steps: first add a unique key "
                 "over the new columns, then swap the primary key)"_s.arg(rejected.join(u"; "_s));
    return false;
}

} // namespace engine::inspect
