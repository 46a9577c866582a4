#include "preflightrunner.h"

#include "check.h"
#include "preflightcontext.h"

#include <logging/logging.h>
#include <mysql/dberror.h>
#include <mysql/statementcheck.h>

#include <QHash>

using namespace Qt::StringLiterals;
using engine::mysql::DbException;

namespace engine::preflight {

namespace {
void describeServers(PreflightContext &context, PreflightTarget &target)
{
    for (Server *server : context.servers()) {
        TargetServer entry;
        entry.role = server->roles.join(u", "_s);
        entry.endpoint = server->endpoint();
        entry.reachable = server->reachable();
        if (entry.reachable) {
            entry.flavour = server->facts.version.flavourName();
            entry.version = server->facts.versionString;
            entry.readOnly = server->facts.readOnly;
        }
        target.servers.push_back(entry);
    }
}
} // namespace

PreflightReport runPreflight(const PreflightRequest &request, std::atomic<bool> *cancel)
{
    PreflightReport report;
    report.target.database = request.database;
    report.target.table = request.table;
    report.target.alter = request.alter;

    // Before any connection: a second statement pasted into the ALTER must never reach a server.
    if (const QString problem = mysql::multipleStatementsProblem(request.alter); !problem.isEmpty()) {
        report.failure = u"the ALTER is refused: "_s + problem;
        return report;
    }
    PreflightContext context(request, cancel);
    try {
        context.connect();
    } catch (const PreflightFailure &failure) {
        report.failure = failure.reason();
        describeServers(context, report.target);
        return report;
    }
    describeServers(context, report.target);
    context.copyRowsPerSecond = request.options.copyRowsPerSecond;
    if (context.copyRowsPerSecond > 0)
        context.copyRateSource = u"given"_s;

    QHash<QString, Finding> byId;
    for (const auto &check : allChecks()) {
        if (context.cancelled()) {
            report.failure = u"cancelled"_s;
            break;
        }
        context.beginCheck();
        FindingSink sink;
        QString why;
        try {
            check->run(context, sink);
        } catch (const PreflightFailure &failure) {
            report.failure = failure.reason();
            break;
        } catch (const TimeLimitReached &) {
            why = u"gave up: the check's time limit of %1 s ran out"_s.arg(context.checkTimeoutSeconds());
        } catch (const DbException &error) {
            why = isTimeLimitError(error.code())
                ? u"gave up after the check's time limit of %1 s: %2"_s.arg(context.checkTimeoutSeconds())
                      .arg(error.error().message)
                : error.error().toString();
        } catch (const std::exception &error) {
            why = QString::fromUtf8(error.what());
        }
        for (Finding &finding : sink.findings())
            if (!byId.contains(finding.id))
                byId.insert(finding.id, std::move(finding));
        for (const QString &id : check->ids()) {
            if (!byId.contains(id))
                byId.insert(id, undetermined(id, why.isEmpty() ? u"the check reported nothing"_s : why));
            SS_DEBUG("preflight {}: {}", id.toStdString(), severityName(byId.value(id).severity).toStdString());
        }
    }
    for (const QString &id : checkIds())
        if (byId.contains(id))
            report.findings.push_back(byId.value(id));
    // Only the table_size check reads the size (InnoDB reports at least one page even for an empty table).
    if (context.table.dataBytes > 0) {
        report.target.rowEstimate = context.rowsToCopy();
        report.target.tableBytes = context.table.dataBytes + context.table.indexBytes;
        report.target.estimatedCopySeconds = context.estimatedCopySeconds();
    }
    return report;
}

} // namespace engine::preflight
