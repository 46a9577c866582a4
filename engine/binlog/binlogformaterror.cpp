#include "binlogformaterror.h"

namespace engine::binlog {

BinlogFormatError::BinlogFormatError(const QString &message)
    : engine::mysql::DbException(engine::mysql::DbError{0, {}, message, {}})
{
}

} // namespace engine::binlog
