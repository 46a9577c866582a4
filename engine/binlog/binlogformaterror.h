#pragma once

#include <mysql/dberror.h>

#include <QString>

namespace engine::binlog {

// Thrown when binlog bytes can't be decoded: truncated or malformed events, unsupported event or column
// types, rows for a table whose table map was never seen. A DbException (code 0) so that the worker's
// boundary handles it like any other database failure; the message says what and where.
class BinlogFormatError : public engine::mysql::DbException {
public:
    explicit BinlogFormatError(const QString &message);
};

} // namespace engine::binlog
