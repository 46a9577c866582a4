#include "preflighthtml.h"

#include "htmldocument.h"
#include "runsummary.h"

#include <algorithm>
#include <vector>

using namespace Qt::StringLiterals;
using namespace engine::preflight;

namespace engine::report {

QString preflightReportHtml(const PreflightReport &report, const QStringList &forcedIds,
                            const QString &generatedNote) {
    HtmlDocument doc(u"Preflight report: %1.%2"_s.arg(report.target.database, report.target.table));
    const QStringList blocking = blockingFindingIds(report, forcedIds);
    const auto warnings = std::count_if(report.findings.begin(), report.findings.end(),
                                        [](const Finding &f) { return f.severity == Severity::Warn; });
    if (!report.ran())
        doc.paragraph(u"Preflight could not run: "_s + report.failure, u"bad"_s);
    else if (blocking.isEmpty())
        doc.paragraph(u"Nothing blocks the migration (%1 warnings)."_s.arg(QString::number(warnings)),
                      u"good"_s);
    else
        doc.paragraph(
            u"Blocked by %1 (%2 warnings)."_s.arg(blocking.join(u", "_s), QString::number(warnings)),
            u"bad"_s);

    QList<HtmlDocument::Field> target{
        {u"Table"_s, report.target.database + u'.' + report.target.table, u"table"_s},
        {u"ALTER"_s, report.target.alter.isEmpty() ? u"(none given)"_s : report.target.alter, u"alter"_s},
    };
    if (report.target.estimatedCopySeconds >= 0)
        target << HtmlDocument::Field{u"Size"_s,
                                      u"about %1 rows, %2"_s.arg(QString::number(report.target.rowEstimate),
                                                                 formatBytes(report.target.tableBytes)),
                                      u"table-size"_s}
               << HtmlDocument::Field{u"Copy time estimate"_s,
                                      formatMillis(qint64(report.target.estimatedCopySeconds * 1000.0)),
                                      u"estimate"_s};
    doc.fields(target, u"target"_s);

    QList<QStringList> servers;
    for (const TargetServer &server : report.target.servers)
        servers << QStringList{server.endpoint, server.role,
                               server.reachable ? (server.flavour + u' ' + server.version +
                                                   (server.readOnly ? u", read_only"_s : QString()))
                                                : u"not reached"_s};
    doc.heading(2, u"Servers"_s);
    doc.table({u"Server"_s, u"Role"_s, u"Version"_s}, servers, u"servers"_s);

    std::vector<const Finding *> ordered;
    for (const Finding &finding : report.findings)
        ordered.push_back(&finding);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Finding *a, const Finding *b) { return a->severity > b->severity; });
    const auto label = [&forcedIds](const Finding &f) {
        if (f.severity == Severity::Block && forcedIds.contains(f.id, Qt::CaseInsensitive))
            return u"OVERRIDDEN"_s;
        return severityName(f.severity).toUpper();
    };
    QList<QStringList> rows;
    for (const Finding *f : ordered)
        rows << QStringList{label(*f), f->id, f->title};
    doc.heading(2, u"Findings"_s);
    doc.table({u"Verdict"_s, u"Check"_s, u"Finding"_s}, rows, u"findings"_s);
    for (const Finding *f : ordered) {
        if (f->severity == Severity::Ok && f->detail.isEmpty())
            continue;
        doc.heading(3, u"%1 (%2): %3"_s.arg(f->id, label(*f), f->title), u"finding-"_s + f->id);
        if (!f->detail.isEmpty())
            doc.preformatted(f->detail);
        if (!f->fix.isEmpty())
            doc.preformatted(u"Fix: "_s + f->fix);
    }
    if (!generatedNote.isEmpty())
        doc.paragraph(generatedNote, u"note"_s);
    return doc.toString();
}

} // namespace engine::report
