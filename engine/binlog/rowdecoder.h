#pragma once

#include "binlogevent.h"

#include <QByteArrayView>

#include <memory>

namespace engine::binlog {

class ByteReader;

// The fixed part of a rows event body, enough to find its table map.
struct RowsEventHeader {
    quint64 tableId = 0;
    quint16 flags = 0;
    RowsKind kind = RowsKind::Insert;
    bool hasRows = false; // false for the empty end-of-statement events some servers write
};

// Rows event types handled: WRITE/UPDATE/DELETE_ROWS v1 (23-25) and v2 (30-32, with the extra-data block).
bool isRowsEventType(quint8 eventType);

// Pure decoding of rows event bodies (after the common header, without the checksum). `tableIdBytes` is 6, or 4
// for very old format descriptions. All functions throw BinlogFormatError for malformed or truncated input and
// never read outside `body`.
RowsEventHeader decodeRowsHeader(QByteArrayView body, quint8 eventType, int tableIdBytes);
RowsEvent decodeRowsEvent(QByteArrayView body, quint8 eventType, int tableIdBytes,
                          std::shared_ptr<const TableMap> table);

// One column value of `column` at the reader's position. `isUnsigned` reads integers as UInt; `isBinary` pads a
// CHAR-encoded value with zero bytes to the column's length (BINARY(n)).
RowValue decodeColumnValue(ByteReader &in, const ColumnMeta &column, bool isUnsigned, bool isBinary = false);

} // namespace engine::binlog
