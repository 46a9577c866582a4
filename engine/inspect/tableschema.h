#pragma once

#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace engine::mysql {
class Connection;
}

namespace engine::inspect {

struct ColumnInfo {
    QString name;
    QString dataType;   // lower-case base type: "int", "varchar", "datetime", ...
    QString columnType; // full type as SHOW CREATE prints it: "int(10) unsigned", "enum('a','b')"
    bool nullable = true;
    bool isUnsigned = false;
    QString charset;    // empty for non-text types
    QString collation;
    bool generated = false; // VIRTUAL or STORED generated column: never copied, the server computes it
    QString defaultValue;
    bool hasDefault = false;

    [[nodiscard]] bool isText() const { return !charset.isEmpty(); }
    [[nodiscard]] bool isFloatingPoint() const;
    [[nodiscard]] bool isJson() const;
};

struct IndexInfo {
    QString name;
    bool unique = false;
    bool primary = false;
    QStringList columns;
    bool hasPrefix = false;          // some column indexed by a prefix only: not usable to identify rows
    bool hasNullableColumn = false;
};

struct ForeignKeyInfo {
    QString name;
    QString childSchema, childTable;
    QString parentSchema, parentTable;
};

struct TriggerInfo {
    QString name;
    QString timing; // BEFORE / AFTER
    QString event;  // INSERT / UPDATE / DELETE
    QString statement;
    QString definer;
    QString sqlMode;
};

// The name a trigger gets on the new table with --include-triggers (gh-ost's rule): the name plus `suffix`, or, with
// --remove-trigger-suffix-if-exists and a name that already ends in `suffix` (from an earlier migration), the name
// without it, so names alternate instead of growing.
QString ghostTriggerName(const QString &name, const QString &suffix, bool removeSuffixIfExists);

// A table as the engine needs it: columns, indexes, foreign keys, triggers. Plain value, crosses threads.
struct TableSchema {
    QString schema;
    QString table;
    QString tableType; // BASE TABLE, VIEW, ...
    QString engine;
    quint64 rowEstimate = 0;
    quint64 dataBytes = 0;
    quint64 indexBytes = 0;
    quint64 autoIncrement = 0;
    std::vector<ColumnInfo> columns;
    std::vector<IndexInfo> indexes;
    std::vector<ForeignKeyInfo> childForeignKeys;  // this table references others
    std::vector<ForeignKeyInfo> parentForeignKeys; // others reference this table
    std::vector<TriggerInfo> triggers;
    QString createStatement;

    // Loads everything, or nullopt when the table does not exist. Throws DbException on server errors.
    static std::optional<TableSchema> load(mysql::Connection &connection, const QString &schema,
                                           const QString &table);

    [[nodiscard]] const ColumnInfo *column(const QString &name) const; // case-insensitive
    [[nodiscard]] const IndexInfo *index(const QString &name) const;
    [[nodiscard]] const IndexInfo *primaryKey() const;
    [[nodiscard]] QStringList columnNames() const;
};

bool tableExists(mysql::Connection &connection, const QString &schema, const QString &table);

} // namespace engine::inspect

Q_DECLARE_METATYPE(engine::inspect::TableSchema)
