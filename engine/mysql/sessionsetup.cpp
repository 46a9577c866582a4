#include "sessionsetup.h"

#include "connection.h"

using namespace Qt::StringLiterals;

namespace engine::mysql {

void prepareDataSession(Connection &connection, const SessionOptions &options)
{
    QString modes = u"NO_AUTO_VALUE_ON_ZERO"_s;
    if (options.strict)
        modes += u",STRICT_ALL_TABLES"_s;
    QString sql = u"SET SESSION time_zone = '+00:00', "
                  "SESSION sql_mode = CONCAT_WS(',', NULLIF(@@session.sql_mode, ''), '%1')"_s.arg(modes);
    if (options.lockWaitTimeoutSeconds > 0)
        sql += u", SESSION innodb_lock_wait_timeout = %1"_s.arg(options.lockWaitTimeoutSeconds);
    connection.execute(sql);
    if (options.readCommitted)
        connection.execute(u"SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED"_s);
}

} // namespace engine::mysql
