#include "tableschema.h"

#include <mysql/connection.h>
#include <mysql/sqltext.h>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;

namespace engine::inspect {

bool ColumnInfo::isFloatingPoint() const
{
    return dataType == u"float"_s || dataType == u"double"_s || dataType == u"real"_s;
}

bool ColumnInfo::isJson() const
{
    return dataType == u"json"_s || columnType.startsWith(u"json"_s);
}

bool tableExists(Connection &connection, const QString &schema, const QString &table)
{
    return connection
        .scalar(u"SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2"_s.arg(
            connection.quote(schema), connection.quote(table)))
        .value_or(u"0"_s)
        != u"0"_s;
}

std::optional<TableSchema> TableSchema::load(Connection &connection, const QString &schema, const QString &table)
{
    const QString s = connection.quote(schema), t = connection.quote(table);
    TableSchema result;
    result.schema = schema;
    result.table = table;
    {
        auto info = connection.query(
            u"SELECT TABLE_TYPE, ENGINE, TABLE_ROWS, DATA_LENGTH, INDEX_LENGTH, AUTO_INCREMENT "
            "FROM information_schema.TABLES WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2"_s.arg(s, t));
        if (!info.next())
            return std::nullopt;
        result.tableType = info.text(0);
        result.engine = info.text(1);
        result.rowEstimate = info.toUInt(2);
        result.dataBytes = info.toUInt(3);
        result.indexBytes = info.toUInt(4);
        result.autoIncrement = info.toUInt(5);
    }
    {
        auto columns = connection.query(
            u"SELECT COLUMN_NAME, DATA_TYPE, COLUMN_TYPE, IS_NULLABLE, CHARACTER_SET_NAME, COLLATION_NAME, EXTRA, "
            "COLUMN_DEFAULT, GENERATION_EXPRESSION FROM information_schema.COLUMNS "
            "WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2 ORDER BY ORDINAL_POSITION"_s.arg(s, t));
        while (columns.next()) {
            ColumnInfo column;
            column.name = columns.text(0);
            column.dataType = columns.text(1).toLower();
            column.columnType = columns.text(2);
            column.nullable = columns.text(3) == u"YES"_s;
            column.isUnsigned = column.columnType.contains(u"unsigned"_s, Qt::CaseInsensitive);
            column.charset = columns.text(4);
            column.collation = columns.text(5);
            const QString extra = columns.text(6).toUpper();
            column.generated = extra.contains(u"VIRTUAL"_s) || extra.contains(u"STORED"_s)
                || extra.contains(u"PERSISTENT"_s) || !columns.text(8).isEmpty();
            column.hasDefault = !columns.isNull(7);
            column.defaultValue = columns.text(7);
            result.columns.push_back(std::move(column));
        }
    }
    {
        auto stats = connection.query(
            u"SELECT INDEX_NAME, NON_UNIQUE, COLUMN_NAME, SUB_PART, NULLABLE FROM information_schema.STATISTICS "
            "WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2 ORDER BY INDEX_NAME, SEQ_IN_INDEX"_s.arg(s, t));
        while (stats.next()) {
            const QString name = stats.text(0);
            if (result.indexes.empty() || result.indexes.back().name != name) {
                IndexInfo index;
                index.name = name;
                index.unique = stats.toInt(1) == 0;
                index.primary = name == u"PRIMARY"_s;
                result.indexes.push_back(index);
            }
            IndexInfo &index = result.indexes.back();
            index.columns << stats.text(2);
            index.hasPrefix = index.hasPrefix || !stats.isNull(3);
            index.hasNullableColumn = index.hasNullableColumn || stats.text(4) == u"YES"_s;
        }
    }
    {
        auto fks = connection.query(
            u"SELECT CONSTRAINT_NAME, CONSTRAINT_SCHEMA, TABLE_NAME, UNIQUE_CONSTRAINT_SCHEMA, REFERENCED_TABLE_NAME "
            "FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE (CONSTRAINT_SCHEMA = %1 AND TABLE_NAME = %2) "
            "OR (UNIQUE_CONSTRAINT_SCHEMA = %1 AND REFERENCED_TABLE_NAME = %2)"_s.arg(s, t));
        while (fks.next()) {
            ForeignKeyInfo fk{fks.text(0), fks.text(1), fks.text(2), fks.text(3), fks.text(4)};
            if (fk.childSchema == schema && fk.childTable == table)
                result.childForeignKeys.push_back(fk);
            if (fk.parentSchema == schema && fk.parentTable == table)
                result.parentForeignKeys.push_back(fk);
        }
    }
    {
        auto triggers = connection.query(
            u"SELECT TRIGGER_NAME, ACTION_TIMING, EVENT_MANIPULATION, ACTION_STATEMENT, DEFINER, SQL_MODE "
            "FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = %1 AND EVENT_OBJECT_TABLE = %2 "
            "ORDER BY ACTION_ORDER"_s.arg(s, t));
        while (triggers.next())
            result.triggers.push_back(TriggerInfo{triggers.text(0), triggers.text(1), triggers.text(2),
                                                  triggers.text(3), triggers.text(4), triggers.text(5)});
    }
    if (result.tableType == u"BASE TABLE"_s) {
        auto create = connection.query(u"SHOW CREATE TABLE "_s + mysql::qualifiedName(schema, table));
        if (create.next())
            result.createStatement = create.text(1);
    }
    return result;
}

const ColumnInfo *TableSchema::column(const QString &name) const
{
    for (const ColumnInfo &c : columns)
        if (c.name.compare(name, Qt::CaseInsensitive) == 0)
            return &c;
    return nullptr;
}

const IndexInfo *TableSchema::index(const QString &name) const
{
    for (const IndexInfo &i : indexes)
        if (i.name.compare(name, Qt::CaseInsensitive) == 0)
            return &i;
    return nullptr;
}

const IndexInfo *TableSchema::primaryKey() const
{
    return index(u"PRIMARY"_s);
}

QStringList TableSchema::columnNames() const
{
    QStringList names;
    for (const ColumnInfo &c : columns)
        names << c.name;
    return names;
}

QString ghostTriggerName(const QString &name, const QString &suffix, bool removeSuffixIfExists)
{
    if (removeSuffixIfExists && !suffix.isEmpty() && name.endsWith(suffix) && name.size() > suffix.size())
        return name.chopped(suffix.size());
    return name + suffix;
}

} // namespace engine::inspect
