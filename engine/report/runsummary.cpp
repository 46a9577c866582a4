#include "runsummary.h"

#include "htmldocument.h"

#include <QJsonArray>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace engine::report {

QString formatMillis(qint64 millis) {
    if (millis < 0)
        return u"unknown"_s;
    if (millis < 1000)
        return QString::number(millis) + u" ms"_s;
    if (millis < 60000)
        return QString::number(double(millis) / 1000.0, 'f', 1) + u" s"_s;
    const qint64 seconds = millis / 1000;
    const QString mm = u"%1m %2s"_s.arg(QString::number((seconds % 3600) / 60).rightJustified(2, u'0'),
                                        QString::number(seconds % 60).rightJustified(2, u'0'));
    return seconds < 3600 ? mm.mid(mm.startsWith(u'0') ? 1 : 0)
                          : QString::number(seconds / 3600) + u"h "_s + mm;
}

QString formatBytes(quint64 bytes) {
    const char16_t *units[] = {u"B", u"KiB", u"MiB", u"GiB", u"TiB"};
    double value = double(bytes);
    int unit = 0;
    while (value >= 1024.0 && unit < 4) {
        value /= 1024.0;
        ++unit;
    }
    return (unit == 0 ? QString::number(bytes) : QString::number(value, 'f', 1)) + u' ' +
           QString::fromUtf16(units[unit]);
}

RunSummary RunSummary::build(const QJsonObject &p,
                             const std::optional<preflight::PreflightReport> &preflight) {
    RunSummary s;
    s.database = p.value(u"database"_s).toString();
    s.table = p.value(u"table"_s).toString();
    s.alter = p.value(u"alter"_s).toString();
    s.execute = p.value(u"execute"_s).toBool();
    const CliCommandLine line = CliCommandLine::fromParameters(p);
    s.changedOptions = line.changedOptions();
    s.omittedSecrets = line.omittedSecrets();
    s.commandLine = line.toString();
    s.commandLineMultiLine = line.toMultiLineString();

    const bool onReplica =
        p.value(u"migrate-on-replica"_s).toBool() || p.value(u"test-on-replica"_s).toBool();
    const bool onPrimary = p.value(u"allow-on-master"_s).toBool();
    const QStringList controlReplicas =
        p.value(u"throttle-control-replicas"_s).toString().split(u',', Qt::SkipEmptyParts);
    if (preflight && !preflight->target.servers.empty()) {
        for (const auto &t : preflight->target.servers) {
            Server server;
            server.endpoint = t.endpoint;
            server.roles = t.role;
            const QStringList roles = t.role.split(u", "_s);
            server.readsBinlog = roles.contains(u"inspected"_s);
            server.receivesWrites = roles.contains(u"primary"_s) || (onReplica && server.readsBinlog);
            server.watchedForLag = roles.contains(u"replica"_s);
            server.reached = t.reachable;
            server.readOnly = t.readOnly;
            if (t.reachable)
                server.version = QString(t.flavour + u' ' + t.version).trimmed();
            s.servers << server;
        }
    } else {
        Server inspected;
        inspected.endpoint = u"%1:%2"_s.arg(p.value(u"host"_s).toString(),
                                            QString::number(p.value(u"port"_s).toInteger(3306)));
        inspected.roles = onPrimary ? u"inspected, primary"_s : u"inspected"_s;
        inspected.readsBinlog = true;
        inspected.receivesWrites = onPrimary || onReplica;
        s.servers << inspected;
        if (!onPrimary && !onReplica) {
            Server primary;
            primary.endpoint = p.value(u"assume-master-host"_s).toString();
            primary.roles = u"primary"_s;
            primary.receivesWrites = true;
            s.servers << primary;
        }
        for (const QString &replica : controlReplicas) {
            Server watched;
            watched.endpoint = replica.trimmed();
            watched.roles = u"replica"_s;
            watched.watchedForLag = true;
            s.servers << watched;
        }
    }

    if (preflight) {
        s.preflightAvailable = true;
        s.preflightFailure = preflight->failure;
        const QStringList forced = p.value(u"force-preflight"_s).toString().split(u',', Qt::SkipEmptyParts);
        s.blockers = preflight::blockingFindingIds(*preflight, forced);
        for (const auto &finding : preflight->findings) {
            if (finding.severity == preflight::Severity::Block && !s.blockers.contains(finding.id))
                s.overridden << finding.id;
            else if (finding.severity == preflight::Severity::Warn)
                s.warnings << finding.id + u": "_s + finding.title;
            else if (finding.severity == preflight::Severity::Ok)
                ++s.okCount;
        }
        if (preflight->target.estimatedCopySeconds >= 0) {
            s.sizeKnown = true;
            s.rowEstimate = preflight->target.rowEstimate;
            s.tableBytes = preflight->target.tableBytes;
            s.estimatedCopySeconds = preflight->target.estimatedCopySeconds;
        }
    }
    return s;
}

QString RunSummary::preflightVerdict() const {
    if (!preflightAvailable)
        return u"not run"_s;
    if (!preflightFailure.isEmpty())
        return u"could not run: "_s + preflightFailure;
    QString verdict = blockers.isEmpty() ? u"nothing blocks"_s : u"blocked by "_s + blockers.join(u", "_s);
    QStringList notes;
    if (!overridden.isEmpty())
        notes << u"overridden: "_s + overridden.join(u", "_s);
    notes << QString::number(warnings.size()) + (warnings.size() == 1 ? u" warning"_s : u" warnings"_s);
    return verdict + u" ("_s + notes.join(u"; "_s) + u')';
}

QJsonObject RunSummary::toJson() const {
    QJsonArray serverList;
    for (const Server &server : servers)
        serverList.append(QJsonObject{{u"endpoint"_s, server.endpoint},
                                      {u"roles"_s, server.roles},
                                      {u"reads_binlog"_s, server.readsBinlog},
                                      {u"receives_writes"_s, server.receivesWrites},
                                      {u"watched_for_lag"_s, server.watchedForLag},
                                      {u"version"_s, server.version},
                                      {u"reached"_s, server.reached}});
    QJsonArray options;
    for (const CliOption &option : changedOptions)
        options.append(QJsonObject{
            {u"flag"_s, option.flag}, {u"value"_s, option.value}, {u"default"_s, option.defaultValue}});
    QJsonObject json{
        {u"servers"_s, serverList},
        {u"database"_s, database},
        {u"table"_s, table},
        {u"alter"_s, alter},
        {u"execute"_s, execute},
        {u"changed_options"_s, options},
        {u"omitted_secrets"_s, QJsonArray::fromStringList(omittedSecrets)},
        {u"command_line"_s, commandLine},
        {u"preflight"_s, QJsonObject{{u"verdict"_s, preflightVerdict()},
                                     {u"ran"_s, preflightAvailable && preflightFailure.isEmpty()},
                                     {u"blockers"_s, QJsonArray::fromStringList(blockers)},
                                     {u"overridden"_s, QJsonArray::fromStringList(overridden)},
                                     {u"warnings"_s, QJsonArray::fromStringList(warnings)},
                                     {u"ok"_s, okCount}}},
    };
    if (sizeKnown)
        json.insert(u"table_size"_s, QJsonObject{{u"rows"_s, static_cast<qint64>(rowEstimate)},
                                                 {u"bytes"_s, static_cast<qint64>(tableBytes)},
                                                 {u"estimated_copy_seconds"_s, estimatedCopySeconds}});
    return json;
}

void RunSummary::appendHtml(HtmlDocument &doc) const {
    doc.heading(2, u"What, where and how"_s, u"summary"_s);
    QList<HtmlDocument::Field> target{
        {u"Table"_s, database + u'.' + table, u"table"_s},
        {u"ALTER"_s, u"ALTER TABLE "_s + table + u' ' + alter, u"alter"_s},
        {u"Mode"_s, execute ? u"executed (--execute)"_s : u"dry run"_s, u"mode"_s},
    };
    if (sizeKnown) {
        target << HtmlDocument::Field{u"Size (at preflight)"_s,
                                      u"about %1 rows, %2"_s.arg(
                                          QLocale::c().toString(static_cast<qulonglong>(rowEstimate)),
                                          formatBytes(tableBytes)),
                                      u"table-size"_s}
               << HtmlDocument::Field{u"Copy time estimate"_s,
                                      formatMillis(qint64(estimatedCopySeconds * 1000.0)), u"estimate"_s};
    }
    target << HtmlDocument::Field{u"Preflight"_s, preflightVerdict(), u"preflight-verdict"_s};
    doc.fields(target, u"target"_s);

    QList<QStringList> rows;
    for (const Server &server : servers) {
        QStringList duties;
        if (server.readsBinlog)
            duties << u"binlog read here"_s;
        if (server.receivesWrites)
            duties << u"writes go here (ghost table, copy, changes, cut-over)"_s;
        if (server.watchedForLag)
            duties << u"lag watched (throttles)"_s;
        rows << QStringList{
            server.endpoint.isEmpty() ? u"(the primary, found from the replica at start)"_s : server.endpoint,
            server.roles, duties.join(u"; "_s),
            server.version.isEmpty() ? u"-"_s
                                     : server.version + (server.readOnly ? u", read_only"_s : QString())};
    }
    doc.heading(3, u"Servers"_s);
    doc.table({u"Server"_s, u"Role"_s, u"What happens there"_s, u"Version"_s}, rows, u"servers"_s);

    if (!warnings.isEmpty()) {
        doc.heading(3, u"Preflight warnings"_s);
        doc.list(warnings, u"preflight-warnings"_s);
    }
    doc.heading(3, u"Options changed from the defaults"_s);
    if (changedOptions.isEmpty()) {
        doc.paragraph(u"None: every option has shadowswap-cli's default."_s, u"note"_s);
    } else {
        QList<QStringList> options;
        for (const CliOption &option : changedOptions)
            options << QStringList{u"--"_s + option.flag, option.value,
                                   option.defaultValue.isEmpty() ? u"(empty)"_s : option.defaultValue};
        doc.table({u"Flag"_s, u"Value"_s, u"Default"_s}, options, u"changed-options"_s);
    }
    doc.heading(3, u"The same migration with shadowswap-cli"_s);
    doc.preformatted(commandLineMultiLine, u"command-line"_s);
    QString note =
        u"Passwords are never recorded: --ask-pass asks for it (or drop it and set SHADOWSWAP_PASSWORD)."_s;
    if (!omittedSecrets.isEmpty())
        note += u" Left out as well: --"_s + omittedSecrets.join(u", --"_s) + u'.';
    doc.paragraph(note, u"note"_s);
}

} // namespace engine::report
