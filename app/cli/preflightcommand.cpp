#include "preflightcommand.h"

#include "reportoutput.h"

#include <preflight/preflightreport.h>
#include <preflight/preflightrunner.h>
#include <report/preflighthtml.h>

#include <QDateTime>
#include <QRegularExpression>
#include <QTextStream>

using namespace Qt::StringLiterals;
using engine::mysql::ConnectionSettings;
using namespace engine::preflight;

namespace cli {

namespace {
// Process exit codes, as CliRunner's ExitCode.
constexpr int exitClean = 0, exitFailed = 1, exitBlocked = 2, exitUsage = 64;

bool parseEndpoint(const QString &text, const ConnectionSettings &base, ConnectionSettings &out, QString *error)
{
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.lastIndexOf(u':');
    const QString host = colon < 0 ? trimmed : trimmed.left(colon);
    bool ok = true;
    const unsigned port = colon < 0 ? 3306u : trimmed.mid(colon + 1).toUInt(&ok);
    if (host.isEmpty() || !ok || port == 0 || port > 65535) {
        *error = u"\"%1\" is not host:port"_s.arg(trimmed);
        return false;
    }
    out = base.withEndpoint(host, port);
    return true;
}
} // namespace

std::optional<quint64> parseByteSize(const QString &text)
{
    static const QRegularExpression pattern(u"^\\s*(\\d+(?:\\.\\d+)?)\\s*([KMGT]?)i?B?\\s*$"_s,
                                            QRegularExpression::CaseInsensitiveOption);
    const auto match = pattern.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const QString unit = match.captured(2).toUpper();
    const int shift = unit == u"K"_s ? 10 : unit == u"M"_s ? 20 : unit == u"G"_s ? 30 : unit == u"T"_s ? 40 : 0;
    bool ok = false; // fails for the non-ASCII digits \d matches
    const double bytes = match.captured(1).toDouble(&ok) * static_cast<double>(1ull << shift);
    constexpr double TwoToThe64 = 18446744073709551616.0; // converting it or more to quint64 is undefined
    if (!ok || bytes >= TwoToThe64)
        return std::nullopt;
    return static_cast<quint64>(bytes);
}

bool buildPreflightRequest(const FlagParser &f, const ConnectionSettings &inspected, PreflightRequest &request,
                           QString *error)
{
    request = PreflightRequest{};
    request.inspected = inspected;
    request.database = f.stringValue(u"database"_s);
    request.table = f.stringValue(u"table"_s);
    request.alter = f.stringValue(u"alter"_s);
    if (request.database.isEmpty() || request.table.isEmpty()) {
        *error = u"--preflight-only needs --database and --table (and usually --alter)"_s;
        return false;
    }
    ConnectionSettings primaryLogin = inspected;
    if (f.isSet(u"master-user"_s))
        primaryLogin.user = request.primaryUser = f.stringValue(u"master-user"_s);
    if (f.isSet(u"master-password"_s))
        primaryLogin.password = request.primaryPassword = f.stringValue(u"master-password"_s);
    if (const QString master = f.stringValue(u"assume-master-host"_s); !master.isEmpty()) {
        ConnectionSettings primary;
        if (!parseEndpoint(master, primaryLogin, primary, error)) {
            *error = u"--assume-master-host: "_s + *error;
            return false;
        }
        request.primary = primary;
    }
    for (const QString &entry : f.stringValue(u"throttle-control-replicas"_s).split(u',', Qt::SkipEmptyParts)) {
        ConnectionSettings replica;
        if (!parseEndpoint(entry, inspected, replica, error)) {
            *error = u"--throttle-control-replicas: "_s + *error;
            return false;
        }
        request.controlReplicas.push_back(replica);
    }

    PreflightOptions &o = request.options;
    o.checkTimeoutSeconds = static_cast<int>(f.intValue(u"preflight-timeout-seconds"_s));
    o.longTransactionSeconds = static_cast<int>(f.intValue(u"preflight-long-transaction-seconds"_s));
    if (o.checkTimeoutSeconds < 1 || o.longTransactionSeconds < 0) {
        *error = u"--preflight-timeout-seconds must be at least 1 and --preflight-long-transaction-seconds at least 0"_s;
        return false;
    }
    o.exactRowCount = f.boolValue(u"exact-rowcount"_s);
    o.allowOnPrimary = f.boolValue(u"allow-on-master"_s);
    o.approveRenamedColumns = f.boolValue(u"approve-renamed-columns"_s);
    o.skipRenamedColumns = f.boolValue(u"skip-renamed-columns"_s);
    o.allowNullableUniqueKey = f.boolValue(u"allow-nullable-unique-key"_s);
    o.discardForeignKeys = f.boolValue(u"discard-foreign-keys"_s);
    o.includeTriggers = f.boolValue(u"include-triggers"_s);
    o.triggerSuffix = f.stringValue(u"trigger-suffix"_s);
    o.removeTriggerSuffixIfExists = f.boolValue(u"remove-trigger-suffix-if-exists"_s);
    o.cutOverLockTimeoutSeconds = static_cast<int>(f.intValue(u"cut-over-lock-timeout-seconds"_s));
    o.twoStepCutOver = f.stringValue(u"cut-over"_s) == u"two-step"_s;
    o.maxLagMillis = static_cast<int>(f.intValue(u"max-lag-millis"_s));
    if (const QString free = f.stringValue(u"preflight-free-disk"_s); !free.isEmpty()) {
        o.freeDiskBytes = parseByteSize(free);
        if (!o.freeDiskBytes) {
            *error = u"--preflight-free-disk: \"%1\" is not a size such as 500G"_s.arg(free);
            return false;
        }
    }
    return true;
}

int runPreflightCommand(const FlagParser &flags, const ConnectionSettings &inspected)
{
    QTextStream err(stderr);
    const QString format = flags.stringValue(u"format"_s).toLower();
    if (format != u"text"_s && format != u"json"_s && format != u"html"_s) {
        err << "shadowswap-cli: --format must be text, json or html (got \"" << format << "\")\n";
        return exitUsage;
    }
    PreflightRequest request;
    QString error;
    if (!buildPreflightRequest(flags, inspected, request, &error)) {
        err << "shadowswap-cli: " << error << '\n';
        return exitUsage;
    }
    const QStringList forced = flags.stringValue(u"force-preflight"_s).split(u',', Qt::SkipEmptyParts);
    for (const QString &id : forced)
        if (!checkIds().contains(id.trimmed().toLower()))
            err << "shadowswap-cli: --force-preflight: unknown finding id \"" << id.trimmed() << "\" (known: "
                << checkIds().join(u", "_s) << ")\n";

    const PreflightReport report = runPreflight(request);
    // HTML (for a change request) is written whether or not preflight ran: the page says why it could not.
    QString text;
    if (format == u"json"_s)
        text = QString::fromUtf8(report.toJson().toJson(QJsonDocument::Indented));
    else if (format == u"html"_s)
        text = engine::report::preflightReportHtml(
            report, forced,
            u"Generated by shadowswap-cli %1 on %2."_s.arg(QStringLiteral(SHADOWSWAP_VERSION),
                                                           QDateTime::currentDateTimeUtc().toString(u"yyyy-MM-dd HH:mm 'UTC'"_s)));
    else if (report.ran())
        text = report.toText(forced);
    if (!writeReportOutput(flags, text))
        return exitFailed;
    if (!report.ran()) {
        err << "shadowswap-cli: preflight could not run: " << report.failure << '\n';
        return exitFailed;
    }
    return blockingFindingIds(report, forced).isEmpty() ? exitClean : exitBlocked;
}

} // namespace cli
