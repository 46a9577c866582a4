#pragma once

#include <QByteArrayView>
#include <QString>

#include <vector>

namespace engine::binlog {

// One column of a table map. `type` is the binlog type code (ColumnType::*) and `meta` its metadata as the
// server composes it: FLOAT/DOUBLE pack length; BLOB/TEXT/JSON/GEOMETRY length-prefix bytes; TIME2/DATETIME2/
// TIMESTAMP2 fractional digits; VARCHAR maximum byte length; NEWDECIMAL precision << 8 | scale; BIT
// (whole bytes << 8) | remaining bits; CHAR/ENUM/SET (byte0 << 8) | byte1 of the CHAR encoding, which `realType`
// and `fieldLength` untangle.
struct ColumnMeta {
    quint8 type = 0;
    quint16 meta = 0;
    bool nullable = true;
    quint8 realType = 0;      // for STRING: ColumnType::String, Enum or Set; otherwise == type
    quint32 fieldLength = 0;  // for STRING: maximum byte length (CHAR) or pack length (ENUM 1-2, SET 1-8)
};

struct TableMap {
    quint64 tableId = 0;
    QString schema;
    QString table;
    std::vector<ColumnMeta> columns;
    // Optional, one flag per column: true decodes that integer column as unsigned (RowValue::UInt). Filled from
    // the server's SIGNEDNESS metadata (binlog_row_metadata=MINIMAL/FULL), or by the caller (e.g. from
    // information_schema via applyColumnDetails()) in the stream's table-map hook. Empty: every integer reads signed.
    std::vector<bool> unsignedFlags;
    // Optional, one flag per column: true marks a BINARY(n) column, whose values the decoder pads with zero bytes
    // back to n, as SELECT shows them and as they compare (the binlog drops trailing zero bytes). The table map
    // can't tell BINARY from CHAR; filled by the caller, e.g. with applyColumnDetails().
    std::vector<bool> binaryFlags;
    // Column names when the server sends them (binlog_row_metadata=FULL) or a caller filled them; otherwise empty.
    std::vector<QString> columnNames;

    [[nodiscard]] bool isUnsigned(std::size_t column) const
    {
        return column < unsignedFlags.size() && unsignedFlags[column];
    }
    [[nodiscard]] bool isBinary(std::size_t column) const { return column < binaryFlags.size() && binaryFlags[column]; }
};

// Decodes a TABLE_MAP event body (after the common header, without checksum). `tableIdBytes` is 6, or 4 for
// servers whose post-header length for TABLE_MAP is 6. Throws BinlogFormatError on malformed input.
TableMap decodeTableMap(QByteArrayView body, int tableIdBytes);

} // namespace engine::binlog
