#include "tablemap.h"

#include "bytereader.h"
#include "columntype.h"

using namespace Qt::StringLiterals;

namespace engine::binlog {

namespace {

// Optional metadata field types (MySQL 8 / MariaDB 10.5+ binlog_row_metadata).
constexpr quint8 MetaSignedness = 1;
constexpr quint8 MetaColumnName = 4;

quint16 readColumnMeta(ByteReader &meta, quint8 type)
{
    switch (type) {
    case ColumnType::Float:
    case ColumnType::Double:
    case ColumnType::TinyBlob:
    case ColumnType::MediumBlob:
    case ColumnType::LongBlob:
    case ColumnType::Blob:
    case ColumnType::Geometry:
    case ColumnType::Json:
    case ColumnType::Timestamp2:
    case ColumnType::DateTime2:
    case ColumnType::Time2:
        return meta.u8("column metadata");
    case ColumnType::VarChar:
    case ColumnType::VarString:
    case ColumnType::Bit: // byte0 = bits % 8, byte1 = bits / 8, so little-endian gives (bytes << 8) | bits
        return meta.u16("column metadata");
    case ColumnType::NewDecimal:
    case ColumnType::String:
    case ColumnType::Enum:
    case ColumnType::Set:
        return static_cast<quint16>(meta.uintBE(2, "column metadata"));
    default:
        return 0;
    }
}

// CHAR, ENUM and SET all travel as STRING; CHAR longer than 255 bytes borrows two bits of the real-type byte.
void resolveStringType(ColumnMeta &column)
{
    column.realType = column.type;
    if (column.type == ColumnType::Enum || column.type == ColumnType::Set) {
        column.fieldLength = column.meta & 0xffu;
        return;
    }
    if (column.type != ColumnType::String)
        return;
    const quint8 byte0 = column.meta >> 8;
    const quint8 byte1 = column.meta & 0xffu;
    if (column.meta < 256) {
        column.fieldLength = column.meta;
    } else if ((byte0 & 0x30) != 0x30) {
        column.fieldLength = byte1 | (static_cast<quint32>((byte0 & 0x30) ^ 0x30) << 4);
        column.realType = byte0 | 0x30;
    } else {
        column.realType = byte0;
        column.fieldLength = byte1;
    }
}

void readOptionalMetadata(ByteReader &in, TableMap &map)
{
    while (!in.atEnd()) {
        const quint8 fieldType = in.u8("optional metadata type");
        const quint64 length = in.packedInt("optional metadata length");
        ByteReader field(in.bytes(static_cast<qsizetype>(length), "optional metadata field"));
        if (fieldType == MetaSignedness) {
            // One bit per numeric column, most significant bit first.
            const QByteArrayView bits = field.rest();
            std::vector<bool> flags(map.columns.size(), false);
            qsizetype numeric = 0;
            for (std::size_t i = 0; i < map.columns.size(); ++i) {
                if (!isNumericColumnType(map.columns[i].type))
                    continue;
                if (numeric / 8 < bits.size())
                    flags[i] = (static_cast<quint8>(bits[numeric / 8]) >> (7 - numeric % 8)) & 1;
                ++numeric;
            }
            map.unsignedFlags = std::move(flags);
        } else if (fieldType == MetaColumnName) {
            std::vector<QString> names;
            while (!field.atEnd()) {
                const quint64 nameLength = field.packedInt("column name length");
                names.push_back(QString::fromUtf8(field.bytes(static_cast<qsizetype>(nameLength), "column name")));
            }
            map.columnNames = std::move(names);
        }
    }
}

QString readName(ByteReader &in, const char *what)
{
    const quint8 length = in.u8(what);
    const QString name = QString::fromUtf8(in.bytes(length, what));
    if (in.u8(what) != 0)
        throw BinlogFormatError(u"table map: %1 is not NUL-terminated"_s.arg(QLatin1StringView(what)));
    return name;
}

} // namespace

TableMap decodeTableMap(QByteArrayView body, int tableIdBytes)
{
    ByteReader in(body);
    TableMap map;
    map.tableId = in.uintLE(tableIdBytes, "table id");
    in.skip(2, "table map flags");
    map.schema = readName(in, "schema name");
    map.table = readName(in, "table name");
    const quint64 count = in.packedInt("column count");
    if (count > 4096)
        throw BinlogFormatError(u"table map for %1.%2 declares %3 columns"_s.arg(map.schema, map.table, QString::number(count)));
    const QByteArrayView types = in.bytes(static_cast<qsizetype>(count), "column types");
    const quint64 metaLength = in.packedInt("metadata length");
    ByteReader meta(in.bytes(static_cast<qsizetype>(metaLength), "column metadata block"));
    map.columns.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
        ColumnMeta &column = map.columns[i];
        column.type = static_cast<quint8>(types[static_cast<qsizetype>(i)]);
        column.meta = readColumnMeta(meta, column.type);
        resolveStringType(column);
    }
    if (!meta.atEnd())
        throw BinlogFormatError(u"table map for %1.%2: %3 unexplained metadata bytes"_s.arg(map.schema, map.table)
                                    .arg(meta.remaining()));
    const QByteArrayView nullable = in.bytes(static_cast<qsizetype>((count + 7) / 8), "nullable bitmap");
    for (std::size_t i = 0; i < count; ++i)
        map.columns[i].nullable = (static_cast<quint8>(nullable[static_cast<qsizetype>(i / 8)]) >> (i % 8)) & 1;
    readOptionalMetadata(in, map);
    return map;
}

} // namespace engine::binlog
