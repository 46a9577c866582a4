#include "columndetails.h"

#include <mysql/connection.h>

using namespace Qt::StringLiterals;

namespace engine::binlog {

std::vector<ColumnDetails> readColumnDetails(engine::mysql::Connection &connection, const QString &schema,
                                             const QString &table)
{
    auto result = connection.query(
        u"SELECT COLUMN_NAME, LOWER(DATA_TYPE), COLUMN_TYPE LIKE '%unsigned%' FROM information_schema.COLUMNS "
        "WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2 ORDER BY ORDINAL_POSITION"_s.arg(connection.quote(schema),
                                                                                      connection.quote(table)));
    std::vector<ColumnDetails> details;
    while (result.next())
        details.push_back({result.text(0), result.text(1), result.toInt(2) != 0});
    return details;
}

bool applyColumnDetails(TableMap &map, const std::vector<ColumnDetails> &details)
{
    if (details.size() != map.columns.size())
        return false;
    map.unsignedFlags.assign(details.size(), false);
    map.binaryFlags.assign(details.size(), false);
    const bool names = map.columnNames.empty();
    for (std::size_t i = 0; i < details.size(); ++i) {
        map.unsignedFlags[i] = details[i].isUnsigned;
        map.binaryFlags[i] = details[i].dataType == u"binary"_s;
        if (names)
            map.columnNames.push_back(details[i].name);
    }
    return true;
}

} // namespace engine::binlog
