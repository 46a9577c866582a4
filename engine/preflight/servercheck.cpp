#include "check.h"
#include "preflightcontext.h"

using namespace Qt::StringLiterals;
using engine::mysql::Flavour;

namespace engine::preflight {

namespace {

class ServerCheck : public Check {
public:
    QStringList ids() const override { return {u"server"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        Finding finding{u"server"_s, Severity::Ok, {}, {}, {}};
        QStringList lines, fixes;
        auto raise = [&](Severity severity, const QString &fix) {
            finding.severity = std::max(finding.severity, severity);
            if (!fix.isEmpty() && !fixes.contains(fix))
                fixes << fix;
        };
        for (Server *server : context.servers()) {
            if (!server->reachable()) {
                lines << u"%1: not reached (%2)"_s.arg(server->label(), server->unreachable);
                if (server == context.primaryEvenIfUnreachable())
                    raise(Severity::Block, u"Make the primary reachable from here with the same login, or name it "
                                           "with --assume-master-host=host:port (and --master-user, "
                                           "--master-password)"_s);
                continue;
            }
            const auto &facts = server->facts;
            QString role = facts.isReplica ? u"replica of %1:%2"_s.arg(facts.sourceHost).arg(facts.sourcePort)
                                           : u"no replication source"_s;
            if (!server->factsNote.isEmpty())
                role = u"role unknown: "_s + server->factsNote;
            lines << u"%1: %2 %3, server_id %4, read_only %5, %6"_s.arg(server->label(), facts.version.flavourName(),
                                                                          facts.versionString)
                         .arg(facts.serverId)
                         .arg(facts.readOnly ? u"ON"_s : u"OFF"_s, role);

            const auto &v = facts.version;
            const bool maria = v.flavour == Flavour::MariaDB;
            if ((maria && !v.atLeast(10, 3)) || (!maria && !v.atLeast(5, 7))) {
                lines << u"  %1 %2.%3 is older than Shadowswap supports (MySQL 5.7+, MariaDB 10.3+)"_s.arg(
                             v.flavourName()).arg(v.major).arg(v.minor);
                raise(Severity::Block, u"Upgrade the server, or use the native ALTER"_s);
            } else if ((maria && !v.atLeast(10, 6)) || (!maria && !v.atLeast(8, 0))) {
                lines << u"  %1 %2.%3 works but is not tested (tested: MySQL 8.0/8.4, MariaDB 10.6+)"_s.arg(
                             v.flavourName()).arg(v.major).arg(v.minor);
                raise(Severity::Warn, {});
            }
            if (!server->factsNote.isEmpty())
                raise(Severity::Warn, maria ? u"GRANT SLAVE MONITOR ON *.* to the login, so that its role can be read"_s
                                            : u"GRANT REPLICATION CLIENT ON *.* to the login, so that its role can be read"_s);
        }

        Server *primary = context.primary();
        if (context.options().onReplica) {
            lines << u"Replica mode: the migration writes on %1 itself, which must be a replica."_s.arg(
                context.inspected().endpoint());
            if (!context.inspected().facts.isReplica)
                raise(Severity::Block, u"Give a replica with --host, or drop --test-on-replica/--migrate-on-replica"_s);
        } else if (primary && primary->facts.readOnly) {
            lines << u"The primary %1 is read_only: the ghost table can't be written there."_s.arg(primary->endpoint());
            raise(Severity::Block, u"Point --host (or --assume-master-host) at the writable primary, or SET GLOBAL "
                                   "read_only = OFF if this server is meant to take writes"_s);
        }
        if (!context.options().onReplica && primary && primary->facts.isReplica && primary->factsNote.isEmpty()) {
            lines << u"The primary %1 itself replicates from %2:%3 (a chain or master-master): the migration writes "
                     "to the server named here."_s.arg(primary->endpoint(), primary->facts.sourceHost)
                         .arg(primary->facts.sourcePort);
            raise(Severity::Warn, u"Name the server that takes the application's writes with "
                                  "--assume-master-host=host:port"_s);
        }
        if (context.inspectedIsPrimary() && context.inspected().factsNote.isEmpty()) {
            lines << u"--host is the primary: the migration reads its binlog there too."_s;
            if (!context.options().allowOnPrimary)
                raise(Severity::Warn, u"Point --host at a replica (preferred: it spares the primary), or pass "
                                      "--allow-on-master to read the primary's binlog"_s);
        }

        finding.title = finding.severity == Severity::Ok
            ? u"%1 server(s) involved, all usable"_s.arg(context.servers().size())
            : finding.severity == Severity::Block ? u"A server involved can't be used for the migration"_s
                                                  : u"Servers usable, with remarks"_s;
        finding.detail = lines.join(u'\n');
        finding.fix = fixes.join(u'\n');
        sink.add(finding);
    }
};

} // namespace

std::unique_ptr<Check> makeServerCheck()
{
    return std::make_unique<ServerCheck>();
}

} // namespace engine::preflight
