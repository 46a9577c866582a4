#pragma once

#include <QString>
#include <QtGlobal>

namespace engine::binlog {

// Column type codes as they appear in table map events (MYSQL_TYPE_* of the server's field types), so that
// callers and tests need no client-library header.
namespace ColumnType {
inline constexpr quint8 Decimal = 0; // pre-5.0 DECIMAL, never written by row-based replication
inline constexpr quint8 Tiny = 1;
inline constexpr quint8 Short = 2;
inline constexpr quint8 Long = 3;
inline constexpr quint8 Float = 4;
inline constexpr quint8 Double = 5;
inline constexpr quint8 Null = 6;
inline constexpr quint8 Timestamp = 7;
inline constexpr quint8 LongLong = 8;
inline constexpr quint8 Int24 = 9;
inline constexpr quint8 Date = 10;
inline constexpr quint8 Time = 11;
inline constexpr quint8 DateTime = 12;
inline constexpr quint8 Year = 13;
inline constexpr quint8 NewDate = 14;
inline constexpr quint8 VarChar = 15;
inline constexpr quint8 Bit = 16;
inline constexpr quint8 Timestamp2 = 17;
inline constexpr quint8 DateTime2 = 18;
inline constexpr quint8 Time2 = 19;
inline constexpr quint8 Json = 245; // MySQL binary JSON; MariaDB's JSON is a LONGTEXT (Blob)
inline constexpr quint8 NewDecimal = 246;
inline constexpr quint8 Enum = 247;
inline constexpr quint8 Set = 248;
inline constexpr quint8 TinyBlob = 249;
inline constexpr quint8 MediumBlob = 250;
inline constexpr quint8 LongBlob = 251;
inline constexpr quint8 Blob = 252;
inline constexpr quint8 VarString = 253;
inline constexpr quint8 String = 254;
inline constexpr quint8 Geometry = 255;
} // namespace ColumnType

// "VARCHAR", "TIMESTAMP2", ... or "type 42", for messages.
QString columnTypeName(quint8 type);
// Whether the server's optional SIGNEDNESS metadata has a bit for this column type.
bool isNumericColumnType(quint8 type);

} // namespace engine::binlog
