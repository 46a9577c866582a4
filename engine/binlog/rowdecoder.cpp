#include "rowdecoder.h"

#include "bytereader.h"
#include "columntype.h"
#include "decimal.h"
#include "eventtype.h"
#include "jsonbinary.h"
#include "temporal.h"

#include <algorithm>
#include <cstring>

using namespace Qt::StringLiterals;

namespace engine::binlog {

namespace {

constexpr quint16 StatementEndFlag = 0x0001;

bool isVersion2(quint8 eventType)
{
    return eventType >= EventType::WriteRowsV2 && eventType <= EventType::DeleteRowsV2;
}

RowsKind kindOf(quint8 eventType)
{
    switch (eventType) {
    case EventType::WriteRowsV1:
    case EventType::WriteRowsV2:
        return RowsKind::Insert;
    case EventType::UpdateRowsV1:
    case EventType::UpdateRowsV2:
        return RowsKind::Update;
    default:
        return RowsKind::Delete;
    }
}

struct Bitmap {
    QByteArrayView bits;
    [[nodiscard]] bool test(std::size_t i) const { return (static_cast<quint8>(bits[static_cast<qsizetype>(i / 8)]) >> (i % 8)) & 1; }
};

struct ParsedHeader {
    RowsEventHeader header;
    quint64 columnCount = 0;
    Bitmap present;
    Bitmap presentAfter;
};

ParsedHeader parseHeader(ByteReader &in, quint8 eventType, int tableIdBytes)
{
    if (!isRowsEventType(eventType))
        throw BinlogFormatError(u"%1 is not a rows event"_s.arg(eventTypeName(eventType)));
    ParsedHeader parsed;
    parsed.header.tableId = in.uintLE(tableIdBytes, "table id");
    parsed.header.flags = in.u16("rows event flags");
    parsed.header.kind = kindOf(eventType);
    if (isVersion2(eventType)) {
        const quint16 extraLength = in.u16("extra data length");
        if (extraLength < 2)
            throw BinlogFormatError(u"rows event extra data length %1 is below 2"_s.arg(extraLength));
        in.skip(extraLength - 2, "extra data");
    }
    parsed.columnCount = in.packedInt("column count");
    if (parsed.columnCount > 4096)
        throw BinlogFormatError(u"rows event declares %1 columns"_s.arg(parsed.columnCount));
    const auto bitmapBytes = static_cast<qsizetype>((parsed.columnCount + 7) / 8);
    parsed.present.bits = in.bytes(bitmapBytes, "columns-present bitmap");
    parsed.presentAfter.bits = parsed.header.kind == RowsKind::Update
        ? in.bytes(bitmapBytes, "columns-present-after bitmap")
        : parsed.present.bits;
    parsed.header.hasRows = !in.atEnd();
    return parsed;
}

std::vector<bool> presentFlags(const Bitmap &bitmap, std::size_t count)
{
    std::vector<bool> flags(count);
    for (std::size_t i = 0; i < count; ++i)
        flags[i] = bitmap.test(i);
    return flags;
}

Row decodeRowImage(ByteReader &in, const TableMap &table, const std::vector<bool> &present, std::size_t presentCount)
{
    const std::size_t count = table.columns.size();
    const QByteArrayView nulls = in.bytes(static_cast<qsizetype>((presentCount + 7) / 8), "NULL bitmap");
    Row row(count);
    std::size_t presentIndex = 0;
    for (std::size_t i = 0; i < count; ++i) {
        if (!present[i])
            continue;
        const bool isNull = (static_cast<quint8>(nulls[static_cast<qsizetype>(presentIndex / 8)]) >> (presentIndex % 8)) & 1;
        ++presentIndex;
        if (isNull)
            continue;
        try {
            row[i] = decodeColumnValue(in, table.columns[i], table.isUnsigned(i), table.isBinary(i));
        } catch (const BinlogFormatError &error) {
            const QString name = i < table.columnNames.size() ? u" `%1`"_s.arg(table.columnNames[i]) : QString();
            throw BinlogFormatError(u"column %1%2 (%3) of %4.%5: %6"_s.arg(i + 1)
                                        .arg(name, columnTypeName(table.columns[i].type), table.schema, table.table,
                                             error.error().message));
        }
    }
    return row;
}

RowValue integer(ByteReader &in, int bytes, bool isUnsigned, const char *what)
{
    const quint64 raw = in.uintLE(bytes, what);
    if (isUnsigned)
        return RowValue::fromUInt(raw);
    const int shift = 64 - 8 * bytes;
    return RowValue::fromInt(static_cast<qint64>(raw << shift) >> shift);
}

QByteArray lengthPrefixed(ByteReader &in, int prefixBytes, const char *what)
{
    if (prefixBytes < 1 || prefixBytes > 4)
        throw BinlogFormatError(u"%1 has a %2-byte length prefix (1-4 expected)"_s.arg(QLatin1StringView(what)).arg(prefixBytes));
    const quint64 length = in.uintLE(prefixBytes, what);
    return in.bytes(static_cast<qsizetype>(length), what).toByteArray();
}

} // namespace

bool isRowsEventType(quint8 eventType)
{
    return (eventType >= EventType::WriteRowsV1 && eventType <= EventType::DeleteRowsV1)
        || (eventType >= EventType::WriteRowsV2 && eventType <= EventType::DeleteRowsV2);
}

RowsEventHeader decodeRowsHeader(QByteArrayView body, quint8 eventType, int tableIdBytes)
{
    ByteReader in(body);
    return parseHeader(in, eventType, tableIdBytes).header;
}

RowsEvent decodeRowsEvent(QByteArrayView body, quint8 eventType, int tableIdBytes, std::shared_ptr<const TableMap> table)
{
    ByteReader in(body);
    const ParsedHeader parsed = parseHeader(in, eventType, tableIdBytes);
    if (!table || parsed.header.tableId != table->tableId)
        throw BinlogFormatError(u"rows event for table id %1 decoded with another table's map"_s.arg(parsed.header.tableId));
    const std::size_t count = table->columns.size();
    if (parsed.columnCount != count)
        throw BinlogFormatError(u"rows event for %1.%2 has %3 columns, its table map %4"_s.arg(
            table->schema, table->table, QString::number(parsed.columnCount), QString::number(count)));
    RowsEvent event;
    event.kind = parsed.header.kind;
    event.statementEnd = parsed.header.flags & StatementEndFlag;
    event.beforePresent = presentFlags(parsed.present, count);
    event.afterPresent = presentFlags(parsed.presentAfter, count);
    const auto countOf = [](const std::vector<bool> &flags) {
        return static_cast<std::size_t>(std::count(flags.begin(), flags.end(), true));
    };
    const std::size_t beforeCount = countOf(event.beforePresent), afterCount = countOf(event.afterPresent);
    while (!in.atEnd()) {
        const qsizetype start = in.offset();
        switch (event.kind) {
        case RowsKind::Insert:
            event.after.push_back(decodeRowImage(in, *table, event.afterPresent, afterCount));
            break;
        case RowsKind::Delete:
            event.before.push_back(decodeRowImage(in, *table, event.beforePresent, beforeCount));
            break;
        case RowsKind::Update:
            event.before.push_back(decodeRowImage(in, *table, event.beforePresent, beforeCount));
            event.after.push_back(decodeRowImage(in, *table, event.afterPresent, afterCount));
            break;
        }
        if (in.offset() == start) // images without a present column take no bytes: the loop would never end
            throw BinlogFormatError(u"rows event with row images of no columns and %1 bytes left"_s.arg(in.remaining()));
    }
    if (event.kind == RowsKind::Insert)
        event.beforePresent.clear();
    else if (event.kind == RowsKind::Delete)
        event.afterPresent.clear();
    event.table = std::move(table);
    return event;
}

RowValue decodeColumnValue(ByteReader &in, const ColumnMeta &column, bool isUnsigned, bool isBinary)
{
    switch (column.type) {
    case ColumnType::Tiny:
        return integer(in, 1, isUnsigned, "TINYINT value");
    case ColumnType::Short:
        return integer(in, 2, isUnsigned, "SMALLINT value");
    case ColumnType::Int24:
        return integer(in, 3, isUnsigned, "MEDIUMINT value");
    case ColumnType::Long:
        return integer(in, 4, isUnsigned, "INT value");
    case ColumnType::LongLong:
        return integer(in, 8, isUnsigned, "BIGINT value");
    case ColumnType::Float: {
        const quint32 bits = static_cast<quint32>(in.uintLE(4, "FLOAT value"));
        float value = 0;
        std::memcpy(&value, &bits, sizeof value);
        return RowValue::fromDouble(value);
    }
    case ColumnType::Double: {
        const quint64 bits = in.u64("DOUBLE value");
        double value = 0;
        std::memcpy(&value, &bits, sizeof value);
        return RowValue::fromDouble(value);
    }
    case ColumnType::NewDecimal:
        return RowValue::decimal(decodeDecimal(in, column.meta >> 8, column.meta & 0xff));
    case ColumnType::Year: {
        const quint8 year = in.u8("YEAR value");
        return RowValue::fromInt(year == 0 ? 0 : 1900 + year);
    }
    case ColumnType::Date:
    case ColumnType::NewDate:
        return RowValue::temporal(temporal::readDate(in));
    case ColumnType::Time:
        return RowValue::temporal(temporal::readOldTime(in));
    case ColumnType::Time2:
        return RowValue::temporal(temporal::readTime2(in, column.meta));
    case ColumnType::DateTime:
        return RowValue::temporal(temporal::readOldDateTime(in));
    case ColumnType::DateTime2:
        return RowValue::temporal(temporal::readDateTime2(in, column.meta));
    case ColumnType::Timestamp:
        return RowValue::temporal(temporal::readOldTimestamp(in));
    case ColumnType::Timestamp2:
        return RowValue::temporal(temporal::readTimestamp2(in, column.meta));
    case ColumnType::VarChar:
    case ColumnType::VarString:
        return RowValue::fromBytes(lengthPrefixed(in, column.meta > 255 ? 2 : 1, "VARCHAR value"));
    case ColumnType::Bit: {
        const int bytes = (column.meta >> 8) + ((column.meta & 0xff) != 0 ? 1 : 0);
        if (bytes < 1 || bytes > 8)
            throw BinlogFormatError(u"BIT column of %1 bytes"_s.arg(bytes));
        return RowValue::fromUInt(in.uintBE(bytes, "BIT value"));
    }
    case ColumnType::TinyBlob:
    case ColumnType::MediumBlob:
    case ColumnType::LongBlob:
    case ColumnType::Blob:
    case ColumnType::Geometry:
        return RowValue::fromBytes(lengthPrefixed(in, column.meta, "BLOB/TEXT value"));
    case ColumnType::Json: {
        const quint64 length = in.uintLE(column.meta >= 1 && column.meta <= 4 ? column.meta : 4, "JSON length");
        return RowValue::fromBytes(jsonBinaryToText(in.bytes(static_cast<qsizetype>(length), "JSON value")));
    }
    case ColumnType::String:
    case ColumnType::Enum:
    case ColumnType::Set:
        if (column.realType == ColumnType::Enum || column.realType == ColumnType::Set) {
            const auto bytes = static_cast<int>(column.fieldLength);
            const int maximum = column.realType == ColumnType::Enum ? 2 : 8;
            if (bytes < 1 || bytes > maximum)
                throw BinlogFormatError(u"%1 column with a %2-byte value"_s.arg(columnTypeName(column.realType)).arg(bytes));
            return RowValue::fromUInt(in.uintLE(bytes, "ENUM/SET value"));
        }
        if (column.realType != ColumnType::String)
            throw BinlogFormatError(u"CHAR column with real type %1"_s.arg(columnTypeName(column.realType)));
        if (isBinary) {
            QByteArray value = lengthPrefixed(in, column.fieldLength > 255 ? 2 : 1, "BINARY value");
            if (value.size() < static_cast<qsizetype>(column.fieldLength))
                value.append(static_cast<qsizetype>(column.fieldLength) - value.size(), '\0');
            return RowValue::fromBytes(std::move(value));
        }
        return RowValue::fromBytes(lengthPrefixed(in, column.fieldLength > 255 ? 2 : 1, "CHAR value"));
    default:
        throw BinlogFormatError(u"column type %1 can't be decoded"_s.arg(columnTypeName(column.type)));
    }
}

} // namespace engine::binlog
