#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace engine::binlog {

// MySQL's binary JSON (column type 245 in MySQL 5.7+/8) as the JSON text MySQL prints for it:
// {"a": 1, "b": [true, null]} with ", " and ": " separators. Scalars inside the document that JSON has no type for
// print like MySQL does: DECIMAL as a number, DATE/TIME/DATETIME/TIMESTAMP as quoted strings with six fractional
// digits, any other opaque value as "base64:type<N>:<data>". Doubles print as the shortest text that reads back
// as the same double (MySQL may choose another notation for very large or small ones). An empty value is the JSON
// null. Throws BinlogFormatError for malformed documents (bad offsets, unknown types, nesting deeper than 150).
QByteArray jsonBinaryToText(QByteArrayView binary);

} // namespace engine::binlog
