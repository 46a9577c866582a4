#pragma once

#include <QByteArray>
#include <QString>

#include <vector>

namespace engine::binlog {

// One decoded column value, exact:
// - TINY/SHORT/INT24/LONG/LONGLONG: Int (the signed reading) unless the table map says the column is
//   unsigned (TableMap::unsignedFlags), then UInt. asUnsigned() converts a signed reading afterwards.
// - NEWDECIMAL: Decimal, `bytes` holds the exact text with all scale digits ("-12.340", "0.500", "7").
// - FLOAT/DOUBLE: Double (FLOAT widened exactly from its 4-byte value).
// - CHAR/VARCHAR/TEXT/BLOB/BINARY/GEOMETRY: Bytes, raw bytes in the column's character set (no conversion);
//   MariaDB JSON is LONGTEXT and so Bytes; MySQL's binary JSON (type 245) is decoded to its JSON text (UTF-8).
// - DATE/TIME/DATETIME/TIMESTAMP: Temporal, `bytes` holds the text as SELECT prints it, with the column's
//   fractional digits ("2024-02-29 13:45:07.120", "-838:59:59.000000", "0000-00-00"). TIMESTAMP columns are
//   rendered in UTC, as a session with time_zone='+00:00' prints them (the binlog stores seconds since the epoch).
// - YEAR: Int (0 or 1901..2155). ENUM: UInt 1-based index (0 = the '' error value). SET: UInt bitmask.
//   BIT: UInt (the bits, most significant first).
// - SQL NULL: Null.
struct RowValue {
    enum class Kind { Null, Int, UInt, Double, Decimal, Bytes, Temporal };
    Kind kind = Kind::Null;
    qint64 i = 0;
    quint64 u = 0;
    double d = 0;
    QByteArray bytes; // Decimal, Bytes and Temporal

    [[nodiscard]] bool isNull() const { return kind == Kind::Null; }
    bool operator==(const RowValue &) const = default;
    // For logs and test failures: "NULL", "int:-5", "uint:7", "double:1.5", "decimal:-1.20",
    // "temporal:2024-01-01", "bytes:x'00ff'" (hex, with the text when it is printable UTF-8).
    [[nodiscard]] QString debugString() const;

    static RowValue null() { return {}; }
    static RowValue fromInt(qint64 value) { return {Kind::Int, value, 0, 0, {}}; }
    static RowValue fromUInt(quint64 value) { return {Kind::UInt, 0, value, 0, {}}; }
    static RowValue fromDouble(double value) { return {Kind::Double, 0, 0, value, {}}; }
    static RowValue decimal(QByteArray text) { return {Kind::Decimal, 0, 0, 0, std::move(text)}; }
    static RowValue fromBytes(QByteArray raw) { return {Kind::Bytes, 0, 0, 0, std::move(raw)}; }
    static RowValue temporal(QByteArray text) { return {Kind::Temporal, 0, 0, 0, std::move(text)}; }
};

// One value per column of the table map, in table order.
using Row = std::vector<RowValue>;

// The unsigned reading of a signed integer value of binlog column type `type` (MYSQL_TYPE_TINY etc.): -1 in a
// TINYINT becomes 255, in a BIGINT 18446744073709551615. Values of other kinds and types come back unchanged.
RowValue asUnsigned(const RowValue &value, quint8 type);

} // namespace engine::binlog
