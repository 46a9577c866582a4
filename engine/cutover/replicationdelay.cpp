#include "replicationdelay.h"

#include <mysql/connection.h>
#include <mysql/serverfacts.h>

using namespace Qt::StringLiterals;

namespace engine::cutover {

migration::ReplicaLagReading readReplicationDelay(mysql::Connection &replica)
{
    migration::ReplicaLagReading reading;
    reading.endpoint = u"%1:%2"_s.arg(replica.settings().host, QString::number(replica.settings().port));
    try {
        const auto version = mysql::ServerVersion::parse(replica.serverVersion());
        const bool mariadb = version.flavour == mysql::Flavour::MariaDB;
        const bool newTerms = !mariadb && version.atLeast(8, 0, 22);
        auto status = replica.query(mariadb ? u"SHOW ALL SLAVES STATUS"_s
                                    : newTerms ? u"SHOW REPLICA STATUS"_s
                                               : u"SHOW SLAVE STATUS"_s);
        const int lag = status.columnIndex(newTerms ? u"Seconds_Behind_Source"_s : u"Seconds_Behind_Master"_s);
        const int sql = status.columnIndex(newTerms ? u"Replica_SQL_Running"_s : u"Slave_SQL_Running"_s);
        const int io = status.columnIndex(newTerms ? u"Replica_IO_Running"_s : u"Slave_IO_Running"_s);
        bool any = false;
        while (status.next()) {
            any = true;
            if (status.isNull(lag)) {
                // A stopped channel has no lag: it is behind by however long it has been stopped.
                reading.lagMillis = -1;
                reading.error =
                    u"replication is not running (IO %1, SQL %2)"_s.arg(status.text(io), status.text(sql));
                return reading;
            }
            reading.lagMillis = std::max(reading.lagMillis, status.toInt(lag) * 1000);
        }
        if (!any)
            reading.error = u"not a replica (no replication status)"_s;
    } catch (const mysql::DbException &error) {
        reading.lagMillis = -1;
        reading.error = error.error().message;
    }
    return reading;
}

} // namespace engine::cutover
