#include "columntype.h"

using namespace Qt::StringLiterals;

namespace engine::binlog {

QString columnTypeName(quint8 type)
{
    switch (type) {
    case ColumnType::Decimal: return u"DECIMAL (old)"_s;
    case ColumnType::Tiny: return u"TINYINT"_s;
    case ColumnType::Short: return u"SMALLINT"_s;
    case ColumnType::Long: return u"INT"_s;
    case ColumnType::Float: return u"FLOAT"_s;
    case ColumnType::Double: return u"DOUBLE"_s;
    case ColumnType::Null: return u"NULL"_s;
    case ColumnType::Timestamp: return u"TIMESTAMP (old)"_s;
    case ColumnType::LongLong: return u"BIGINT"_s;
    case ColumnType::Int24: return u"MEDIUMINT"_s;
    case ColumnType::Date: return u"DATE"_s;
    case ColumnType::Time: return u"TIME (old)"_s;
    case ColumnType::DateTime: return u"DATETIME (old)"_s;
    case ColumnType::Year: return u"YEAR"_s;
    case ColumnType::NewDate: return u"NEWDATE"_s;
    case ColumnType::VarChar: return u"VARCHAR"_s;
    case ColumnType::Bit: return u"BIT"_s;
    case ColumnType::Timestamp2: return u"TIMESTAMP"_s;
    case ColumnType::DateTime2: return u"DATETIME"_s;
    case ColumnType::Time2: return u"TIME"_s;
    case ColumnType::Json: return u"JSON"_s;
    case ColumnType::NewDecimal: return u"DECIMAL"_s;
    case ColumnType::Enum: return u"ENUM"_s;
    case ColumnType::Set: return u"SET"_s;
    case ColumnType::TinyBlob: return u"TINYBLOB"_s;
    case ColumnType::MediumBlob: return u"MEDIUMBLOB"_s;
    case ColumnType::LongBlob: return u"LONGBLOB"_s;
    case ColumnType::Blob: return u"BLOB"_s;
    case ColumnType::VarString: return u"VAR_STRING"_s;
    case ColumnType::String: return u"CHAR"_s;
    case ColumnType::Geometry: return u"GEOMETRY"_s;
    default: return u"type %1"_s.arg(type);
    }
}

bool isNumericColumnType(quint8 type)
{
    switch (type) {
    case ColumnType::Decimal:
    case ColumnType::Tiny:
    case ColumnType::Short:
    case ColumnType::Int24:
    case ColumnType::Long:
    case ColumnType::LongLong:
    case ColumnType::Float:
    case ColumnType::Double:
    case ColumnType::NewDecimal:
        return true;
    default:
        return false;
    }
}

} // namespace engine::binlog
