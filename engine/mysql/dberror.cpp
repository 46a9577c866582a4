#include "dberror.h"

#include <errmsg.h>
#include <mysqld_error.h>

using namespace Qt::StringLiterals;

namespace engine::mysql {

QString DbError::toString() const
{
    QString text = message;
    if (code != 0)
        text += u" (error %1%2)"_s.arg(code).arg(sqlState.isEmpty() ? QString() : u", SQLSTATE "_s + sqlState);
    if (!statement.isEmpty())
        text += u" in: "_s + statement.left(300);
    return text;
}

DbException::DbException(DbError error)
    : std::runtime_error(error.toString().toStdString())
    , m_error(std::move(error))
{
}

bool isConnectionFailure(unsigned code)
{
    return code == CR_CONNECTION_ERROR || code == CR_CONN_HOST_ERROR || code == CR_UNKNOWN_HOST
        || code == CR_SERVER_GONE_ERROR || code == CR_SERVER_LOST || code == CR_IPSOCK_ERROR;
}

bool isRetryable(unsigned code)
{
    return code == ER_LOCK_DEADLOCK || code == ER_LOCK_WAIT_TIMEOUT || code == CR_SERVER_LOST
        || code == CR_SERVER_GONE_ERROR;
}

} // namespace engine::mysql
