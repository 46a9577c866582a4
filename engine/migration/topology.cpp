#include "topology.h"

#include <model/migrationcontext.h>

#include <logging/logging.h>
#include <mysql/connection.h>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::DbException;

namespace engine::migration {

namespace {
Connection connectOrExplain(const mysql::ConnectionSettings &settings, const QString &role)
{
    try {
        return Connection::open(settings, u"inspect"_s);
    } catch (const DbException &error) {
        throw MigrationError(u"connect-failed"_s, u"cannot connect to the %1: %2"_s.arg(role, error.error().message),
                             {}, error.code());
    }
}

void requireRowBinlog(const mysql::ServerFacts &facts, const QString &role)
{
    if (!facts.logBin)
        throw MigrationError(u"binlog-off"_s, u"the %1 (%2) has no binary log (log_bin=OFF): changes made during the "
                                              "migration could not be captured. Enable log_bin (and restart it)"_s
                                                  .arg(role, facts.endpoint));
    if (facts.binlogFormat.compare(u"ROW"_s, Qt::CaseInsensitive) != 0)
        throw MigrationError(u"binlog-format"_s, u"the %1 (%2) writes binlog_format=%3; row changes can only be "
                                                 "read from ROW. Run SET GLOBAL binlog_format='ROW' there (and "
                                                 "restart replication so it takes effect)"_s
                                                     .arg(role, facts.endpoint, facts.binlogFormat));
    if (facts.binlogRowImage.compare(u"FULL"_s, Qt::CaseInsensitive) != 0)
        throw MigrationError(u"binlog-row-image"_s, u"the %1 (%2) has binlog_row_image=%3; the migration needs FULL "
                                                    "row images to identify changed rows. Run SET GLOBAL "
                                                    "binlog_row_image='FULL'"_s
                                                        .arg(role, facts.endpoint, facts.binlogRowImage));
}
} // namespace

Topology Topology::resolve(const MigrationSpec &spec)
{
    Topology topology;
    topology.inspector = spec.inspector;
    Connection inspector = connectOrExplain(spec.inspector, u"server given by --host"_s);
    topology.inspectorFacts = mysql::ServerFacts::read(inspector);
    const auto &facts = topology.inspectorFacts;

    if (spec.testOnReplica || spec.migrateOnReplica) {
        if (!facts.isReplica)
            throw MigrationError(u"not-a-replica"_s,
                                 u"%1 replicates from nowhere, but --%2 works on a replica. Give a replica with "
                                 "--host"_s.arg(facts.endpoint, spec.testOnReplica ? u"test-on-replica"_s
                                                                                   : u"migrate-on-replica"_s));
        topology.primary = spec.inspector;
        topology.onPrimaryOnly = true;
        topology.primary.sessionInit = replicaModeSessionInit(spec);
        topology.inspector.sessionInit = topology.primary.sessionInit;
    } else if (spec.allowOnMaster && spec.assumeMasterHost.isEmpty()) {
        topology.primary = spec.inspector;
        topology.onPrimaryOnly = true;
    } else if (!spec.assumeMasterHost.isEmpty()) {
        const QString host = spec.assumeMasterHost.section(u':', 0, 0);
        const unsigned port = spec.assumeMasterHost.section(u':', 1, 1).toUInt();
        topology.primary = spec.inspector.withEndpoint(host, port ? port : 3306);
    } else if (facts.isReplica) {
        topology.primary = spec.inspector.withEndpoint(facts.sourceHost, facts.sourcePort);
    } else {
        throw MigrationError(u"inspected-is-primary"_s,
                             u"%1 is a primary (it replicates from nowhere). Give a replica with --host (the "
                             "default, gentlest topology), or pass --allow-on-master to read the primary's own "
                             "binlog"_s.arg(facts.endpoint));
    }
    if (!spec.masterUser.isEmpty())
        topology.primary.user = spec.masterUser;
    if (!spec.masterPassword.isEmpty())
        topology.primary.password = spec.masterPassword;

    if (topology.onPrimaryOnly) {
        topology.primaryFacts = facts;
    } else {
        Connection primary = connectOrExplain(topology.primary, u"primary"_s);
        topology.primaryFacts = mysql::ServerFacts::read(primary);
        if (facts.isReplica && !facts.logSlaveUpdates)
            throw MigrationError(u"log-slave-updates"_s,
                                 u"the replica %1 does not write replicated changes to its own binlog "
                                 "(log_slave_updates=OFF), so they can't be read there. Enable log_slave_updates, "
                                 "or run with --allow-on-master against the primary"_s.arg(facts.endpoint));
    }
    requireRowBinlog(facts, topology.onPrimaryOnly ? u"primary"_s : u"replica"_s);
    SS_INFO("topology: binlog from {}, writes on {}", facts.endpoint.toStdString(),
            topology.primaryFacts.endpoint.toStdString());
    return topology;
}

} // namespace engine::migration
