#include "check.h"

#include <QLocale>

using namespace Qt::StringLiterals;

namespace engine::preflight {

bool FindingSink::has(const QString &id) const
{
    return std::any_of(m_findings.begin(), m_findings.end(), [&](const Finding &f) { return f.id == id; });
}

std::vector<std::unique_ptr<Check>> allChecks()
{
    std::vector<std::unique_ptr<Check>> checks;
    checks.push_back(makeServerCheck());
    checks.push_back(makePrivilegeCheck());
    checks.push_back(makeBinlogCheck());
    checks.push_back(makeAlterCheck());        // learns the ghost schema, the plan and the copy rate
    checks.push_back(makeDuplicateCheck());    // needs the ghost's new unique keys
    checks.push_back(makeTableSizeCheck());    // needs the copy rate; may count rows exactly
    checks.push_back(makeBinlogRetentionCheck()); // needs the duration estimate
    checks.push_back(makeDiskCheck());
    checks.push_back(makeSessionCheck());
    checks.push_back(makeForeignKeyCheck());
    checks.push_back(makeTriggerCheck());
    checks.push_back(makeEventCheck());
    checks.push_back(makeReplicaCheck());
    checks.push_back(makeLockTimeoutCheck());
    return checks;
}

Finding okFinding(const QString &id, const QString &title, const QString &detail)
{
    return Finding{id, Severity::Ok, title, detail, {}};
}

Finding undetermined(const QString &id, const QString &why, const QString &fix)
{
    return Finding{id, Severity::Warn, u"Could not determine"_s, why,
                   fix.isEmpty() ? u"Check this by hand, or run preflight again (a longer "
                                   "--preflight-timeout-seconds gives each check more time)"_s
                                 : fix};
}

bool isTimeLimitError(unsigned code)
{
    // max_statement_time (MariaDB), MAX_EXECUTION_TIME (MySQL), interrupted, lock wait, client read timeout.
    return code == 1969 || code == 3024 || code == 1317 || code == 1205 || code == 2013;
}

QString formatBytes(quint64 bytes)
{
    return QLocale::c().formattedDataSize(static_cast<qint64>(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

QString formatDuration(double seconds)
{
    if (seconds < 1)
        return u"under a second"_s;
    const auto total = static_cast<qint64>(seconds + 0.5);
    const qint64 days = total / 86400, hours = total % 86400 / 3600, minutes = total % 3600 / 60, secs = total % 60;
    if (days > 0)
        return u"%1 d %2 h"_s.arg(days).arg(hours);
    if (hours > 0)
        return u"%1 h %2 min"_s.arg(hours).arg(minutes);
    if (minutes > 0)
        return u"%1 min %2 s"_s.arg(minutes).arg(secs);
    return u"%1 s"_s.arg(secs);
}

} // namespace engine::preflight
