#include "preflightreport.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace engine::preflight {

QString severityName(Severity severity)
{
    switch (severity) {
    case Severity::Ok: return u"ok"_s;
    case Severity::Warn: return u"warn"_s;
    case Severity::Block: return u"block"_s;
    }
    return u"ok"_s;
}

std::optional<Severity> severityFromName(const QString &name)
{
    const QString n = name.trimmed().toLower();
    if (n == u"ok"_s)
        return Severity::Ok;
    if (n == u"warn"_s)
        return Severity::Warn;
    if (n == u"block"_s)
        return Severity::Block;
    return std::nullopt;
}

const QStringList &checkIds()
{
    static const QStringList ids = {
        u"server"_s,           u"privileges"_s,      u"binlog"_s,           u"binlog_retention"_s,
        u"unique_key"_s,       u"alter"_s,           u"instant"_s,          u"new_unique_duplicates"_s,
        u"table_size"_s,       u"disk_headroom"_s,   u"long_transactions"_s, u"metadata_locks"_s,
        u"foreign_keys"_s,     u"triggers"_s,        u"scheduled_events"_s, u"replicas"_s,
        u"lock_timeouts"_s,    u"cut_over_type"_s,
    };
    return ids;
}

Severity PreflightReport::worstSeverity() const
{
    Severity worst = Severity::Ok;
    for (const Finding &finding : findings)
        worst = std::max(worst, finding.severity);
    return worst;
}

const Finding *PreflightReport::finding(const QString &id) const
{
    for (const Finding &f : findings)
        if (f.id == id)
            return &f;
    return nullptr;
}

QJsonDocument PreflightReport::toJson() const
{
    QJsonArray servers;
    for (const TargetServer &server : target.servers) {
        servers.append(QJsonObject{
            {u"role"_s, server.role},
            {u"endpoint"_s, server.endpoint},
            {u"flavour"_s, server.flavour},
            {u"version"_s, server.version},
            {u"read_only"_s, server.readOnly},
            {u"reachable"_s, server.reachable},
        });
    }
    QJsonArray list;
    for (const Finding &finding : findings) {
        list.append(QJsonObject{
            {u"id"_s, finding.id},
            {u"severity"_s, severityName(finding.severity)},
            {u"title"_s, finding.title},
            {u"detail"_s, finding.detail},
            {u"fix"_s, finding.fix},
        });
    }
    QJsonObject targetObject{{u"database"_s, target.database},
                             {u"table"_s, target.table},
                             {u"alter"_s, target.alter},
                             {u"servers"_s, servers}};
    if (target.estimatedCopySeconds >= 0) {
        targetObject.insert(u"row_estimate"_s, static_cast<qint64>(target.rowEstimate));
        targetObject.insert(u"table_bytes"_s, static_cast<qint64>(target.tableBytes));
        targetObject.insert(u"estimated_copy_seconds"_s, target.estimatedCopySeconds);
    }
    QJsonObject root{
        {u"target"_s, targetObject},
        {u"findings"_s, list},
    };
    if (!ran())
        root.insert(u"error"_s, failure);
    return QJsonDocument(root);
}

std::optional<PreflightReport> PreflightReport::fromJson(const QJsonObject &object)
{
    if (!object.value(u"target"_s).isObject())
        return std::nullopt;
    PreflightReport report;
    const QJsonObject t = object.value(u"target"_s).toObject();
    report.target.database = t.value(u"database"_s).toString();
    report.target.table = t.value(u"table"_s).toString();
    report.target.alter = t.value(u"alter"_s).toString();
    report.target.rowEstimate = static_cast<quint64>(t.value(u"row_estimate"_s).toInteger());
    report.target.tableBytes = static_cast<quint64>(t.value(u"table_bytes"_s).toInteger());
    report.target.estimatedCopySeconds = t.value(u"estimated_copy_seconds"_s).toDouble(-1);
    for (const QJsonValue &value : t.value(u"servers"_s).toArray()) {
        const QJsonObject s = value.toObject();
        report.target.servers.push_back(TargetServer{s.value(u"role"_s).toString(), s.value(u"endpoint"_s).toString(),
                                                     s.value(u"flavour"_s).toString(),
                                                     s.value(u"version"_s).toString(),
                                                     s.value(u"read_only"_s).toBool(),
                                                     s.value(u"reachable"_s).toBool()});
    }
    for (const QJsonValue &value : object.value(u"findings"_s).toArray()) {
        const QJsonObject f = value.toObject();
        report.findings.push_back(Finding{f.value(u"id"_s).toString(),
                                          severityFromName(f.value(u"severity"_s).toString()).value_or(Severity::Warn),
                                          f.value(u"title"_s).toString(), f.value(u"detail"_s).toString(),
                                          f.value(u"fix"_s).toString()});
    }
    report.failure = object.value(u"error"_s).toString();
    return report;
}

namespace {
QStringList normalized(const QStringList &ids)
{
    QStringList out;
    for (const QString &id : ids)
        if (const QString n = id.trimmed().toLower(); !n.isEmpty())
            out << n;
    return out;
}

QString indented(const QString &text, const QString &prefix)
{
    QStringList lines = text.split(u'\n');
    for (QString &line : lines)
        line = line.isEmpty() ? QString() : prefix + line;
    return lines.join(u'\n');
}
} // namespace

QString PreflightReport::toText(const QStringList &forcedIds) const
{
    const QStringList forced = normalized(forcedIds);
    QString text;
    text += u"Preflight for %1.%2\n"_s.arg(target.database, target.table);
    text += u"ALTER: %1\n"_s.arg(target.alter.isEmpty() ? u"(none given)"_s : target.alter.simplified());
    for (const TargetServer &server : target.servers) {
        const QString what = server.reachable
            ? u"%1 %2%3"_s.arg(server.flavour, server.version, server.readOnly ? u", read_only"_s : QString())
            : u"not reached"_s;
        text += u"%1 %2 (%3)\n"_s.arg(server.role + u':', -20).arg(server.endpoint, what);
    }
    if (!ran())
        text += u"\nPreflight could not run: %1\n"_s.arg(failure);

    std::vector<const Finding *> ordered;
    for (const Finding &finding : findings)
        ordered.push_back(&finding);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const Finding *a, const Finding *b) { return a->severity > b->severity; });
    const QString pad = QString(8, u' ');
    for (const Finding *finding : ordered) {
        QString label = severityName(finding->severity).toUpper();
        if (finding->severity == Severity::Block && forced.contains(finding->id))
            label = u"FORCED"_s;
        text += u"\n%1%2: %3\n"_s.arg(label, -8).arg(finding->id, finding->title);
        if (!finding->detail.isEmpty())
            text += indented(finding->detail, pad) + u'\n';
        if (!finding->fix.isEmpty())
            text += indented(u"Fix: "_s + finding->fix, pad) + u'\n';
    }

    const QStringList blocking = blockingFindingIds(*this, forcedIds);
    const auto warnings = std::count_if(findings.begin(), findings.end(),
                                        [](const Finding &f) { return f.severity == Severity::Warn; });
    text += u"\n"_s;
    if (!ran())
        text += u"Result: preflight did not complete.\n"_s;
    else if (blocking.isEmpty())
        text += u"Result: nothing blocks the migration (%1 warning(s)).\n"_s.arg(warnings);
    else
        text += u"Result: blocked by %1 (%2 warning(s)). Fix them, or override with --force-preflight=%3\n"_s
                    .arg(blocking.join(u", "_s))
                    .arg(warnings)
                    .arg(blocking.join(u','));
    return text;
}

QStringList blockingFindingIds(const PreflightReport &report, const QStringList &forcedIds)
{
    const QStringList forced = normalized(forcedIds);
    QStringList ids;
    for (const Finding &finding : report.findings)
        if (finding.severity == Severity::Block && !forced.contains(finding.id.toLower()) && !ids.contains(finding.id))
            ids << finding.id;
    return ids;
}

} // namespace engine::preflight
