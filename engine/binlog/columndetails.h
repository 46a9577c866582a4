#pragma once

#include "tablemap.h"

#include <QString>

#include <vector>

namespace engine::mysql {
class Connection;
}

namespace engine::binlog {

// What a table map leaves out about a column, from information_schema.COLUMNS.
struct ColumnDetails {
    QString name;
    QString dataType; // DATA_TYPE, lower case: "int", "binary", "varchar", ...
    bool isUnsigned = false;
};

// The columns of schema.table in ordinal order (generated columns included, as in table maps); empty for an
// unknown table. Throws DbException.
std::vector<ColumnDetails> readColumnDetails(engine::mysql::Connection &connection, const QString &schema,
                                             const QString &table);

// Fills map.unsignedFlags, map.binaryFlags and (when empty) map.columnNames from `details`. Does nothing and returns
// false when the column counts differ (the table changed since that binlog was written).
bool applyColumnDetails(TableMap &map, const std::vector<ColumnDetails> &details);

} // namespace engine::binlog
