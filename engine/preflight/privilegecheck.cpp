#include "check.h"
#include "grantset.h"
#include "preflightcontext.h"

using namespace Qt::StringLiterals;

namespace engine::preflight {

namespace {

// What the migration does on the primary's schema (gh-ost's list): create, alter, fill and drop the ghost and
// changelog tables, lock and rename at the cut-over, recreate triggers.
const QStringList schemaPrivileges = {u"ALTER"_s, u"CREATE"_s, u"DELETE"_s, u"DROP"_s,    u"INDEX"_s,
                                      u"INSERT"_s, u"LOCK TABLES"_s, u"SELECT"_s, u"TRIGGER"_s, u"UPDATE"_s};

QString binlogMonitor(const Server &server)
{
    const auto &v = server.facts.version;
    return server.isMariaDB() && v.atLeast(10, 5, 2) ? u"BINLOG MONITOR"_s : u"REPLICATION CLIENT"_s;
}

QString replicaMonitor(const Server &server)
{
    const auto &v = server.facts.version;
    return server.isMariaDB() && v.atLeast(10, 5, 9) ? u"SLAVE MONITOR"_s : u"REPLICATION CLIENT"_s;
}

class PrivilegeCheck : public Check {
public:
    QStringList ids() const override { return {u"privileges"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        const QString database = context.request().database;
        const QString table = context.request().table;
        Finding finding{u"privileges"_s, Severity::Ok, {}, {}, {}};
        QStringList lines, fixes, unreadable;
        for (Server *server : context.servers()) {
            if (!server->reachable())
                continue;
            const bool isInspected = server->roles.contains(u"inspected"_s);
            const bool isPrimary = server->roles.contains(u"primary"_s);
            const bool isReplica = server->roles.contains(u"replica"_s);

            GrantSet grants;
            QStringList grantLines;
            QString account;
            try {
                account = grantAccount(context.scalar(*server, u"SELECT CURRENT_USER()"_s).value_or(QString()));
                auto result = context.query(*server, u"SHOW GRANTS"_s);
                while (result.next()) {
                    grantLines << result.text(0);
                    grants.addGrantLine(result.text(0));
                }
            } catch (const mysql::DbException &error) {
                unreadable << u"%1: %2"_s.arg(server->label(), error.error().message);
                continue;
            }

            QStringList global, onSchema, onTable, advisory;
            if (isInspected) {
                global << grants.missing({u"REPLICATION SLAVE"_s, binlogMonitor(*server)});
                onTable << grants.missing({u"SELECT"_s}, database, table);
            }
            if (isReplica || (isInspected && server->facts.isReplica))
                global << grants.missing({replicaMonitor(*server)});
            if (isPrimary) {
                onSchema << grants.missing(schemaPrivileges, database);
                advisory << grants.missing({u"PROCESS"_s});
            }
            if (isReplica && !isInspected)
                onSchema << grants.missing({u"SELECT"_s}, database);
            global.removeDuplicates();
            onSchema.removeDuplicates();
            if (onSchema.contains(u"SELECT"_s))
                onTable.removeAll(u"SELECT"_s);

            const bool essential = isInspected || isPrimary;
            const bool viaRoles = !grants.roles().isEmpty();
            QStringList missing = global + onSchema + onTable;
            if (missing.isEmpty() && advisory.isEmpty()) {
                lines << u"%1 as %2: has what the migration needs"_s.arg(server->label(), account);
                continue;
            }
            if (!missing.isEmpty()) {
                lines << u"%1 as %2: missing %3"_s.arg(server->label(), account, missing.join(u", "_s));
                finding.severity = std::max(finding.severity, essential && !viaRoles ? Severity::Block : Severity::Warn);
            }
            if (!advisory.isEmpty()) {
                lines << u"%1 as %2: missing %3 (needed to see other sessions' transactions and locks, and to name "
                         "what blocks the cut-over)"_s.arg(server->label(), account, advisory.join(u", "_s));
                finding.severity = std::max(finding.severity, Severity::Warn);
            }
            if (viaRoles)
                lines << u"  roles granted (their privileges were not inspected): %1"_s.arg(grants.roles().join(u", "_s));
            lines << u"  SHOW GRANTS: "_s + grantLines.join(u"\n               "_s);

            QStringList statements;
            if (!(global + advisory).isEmpty())
                statements << u"GRANT %1 ON *.* TO %2;"_s.arg((global + advisory).join(u", "_s), account);
            if (!onSchema.isEmpty())
                statements << u"GRANT %1 ON %2.* TO %3;"_s.arg(onSchema.join(u", "_s), mysql::quoteIdentifier(database),
                                                              account);
            if (!onTable.isEmpty())
                statements << u"GRANT %1 ON %2 TO %3;"_s.arg(onTable.join(u", "_s), context.qualifiedTable(), account);
            const QString where = server->facts.isReplica
                ? u"On %1 (or on its primary, from where grants replicate):"_s.arg(server->endpoint())
                : u"On %1:"_s.arg(server->endpoint());
            fixes << where + u'\n' + statements.join(u'\n');
        }
        if (!unreadable.isEmpty()) {
            lines << u"Grants could not be read on: "_s + unreadable.join(u"; "_s);
            finding.severity = std::max(finding.severity, Severity::Warn);
        }
        finding.title = finding.severity == Severity::Ok ? u"The login has every privilege the migration needs"_s
                        : finding.severity == Severity::Block ? u"The login lacks privileges the migration needs"_s
                                                              : u"Some privileges are missing or could not be checked"_s;
        finding.detail = lines.join(u'\n');
        finding.fix = fixes.join(u'\n');
        sink.add(finding);
    }
};

} // namespace

std::unique_ptr<Check> makePrivilegeCheck()
{
    return std::make_unique<PrivilegeCheck>();
}

} // namespace engine::preflight
