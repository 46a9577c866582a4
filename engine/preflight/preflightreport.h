#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace engine::preflight {

// Ordered: a higher value is worse.
enum class Severity { Ok = 0, Warn = 1, Block = 2 };

QString severityName(Severity severity); // "ok", "warn", "block" (the JSON spelling)
std::optional<Severity> severityFromName(const QString &name);

// One check's verdict. `id` is stable (scripts and --force-preflight use it); `detail` carries the evidence
// (sessions, grants, values read) and `fix` a concrete next step, often a statement to run.
struct Finding {
    QString id;
    Severity severity = Severity::Ok;
    QString title;
    QString detail;
    QString fix;
};

// The ids of every check, in the order reports list them.
const QStringList &checkIds();

struct TargetServer {
    QString role;     // "inspected", "primary" or "replica"; one server may hold two roles ("inspected, primary")
    QString endpoint; // host:port
    QString flavour;  // "MySQL" / "MariaDB"; empty when the server was not reached
    QString version;  // @@version
    bool readOnly = false;
    bool reachable = false;
};

struct PreflightTarget {
    QString database;
    QString table;
    QString alter;
    std::vector<TargetServer> servers;
    // From the table_size check (0 / -1 when it did not run): rows to copy (exact when counted), data plus
    // indexes in bytes, and the copy time estimated from the measured (or assumed) copy rate, in seconds.
    quint64 rowEstimate = 0;
    quint64 tableBytes = 0;
    double estimatedCopySeconds = -1;
};

// What preflight found. A plain value: crosses threads, feeds the CLI, the GUI page and the migration's gate.
struct PreflightReport {
    PreflightTarget target;
    std::vector<Finding> findings; // one per check id, in checkIds() order
    // Non-empty when preflight itself could not run (no connection, no privilege to inspect, missing table,
    // cancelled); the findings are then incomplete and must not be taken as a clean bill of health.
    QString failure;

    [[nodiscard]] bool ran() const { return failure.isEmpty(); }
    [[nodiscard]] Severity worstSeverity() const;
    [[nodiscard]] const Finding *finding(const QString &id) const;

    // {"target": {...}, "findings": [{"id","severity","title","detail","fix"}, ...]}, plus "error" when it failed.
    [[nodiscard]] QJsonDocument toJson() const;
    // The inverse of toJson() (the history journal keeps the report a migration passed). Unknown severities read
    // as warnings; nullopt when the object has no target.
    static std::optional<PreflightReport> fromJson(const QJsonObject &object);
    // For a terminal: blockers first, then warnings, then the rest; ids in `forcedIds` are shown as overridden.
    [[nodiscard]] QString toText(const QStringList &forcedIds = {}) const;
};

// Ids of the blocking findings that the DBA has not overridden (ids compared trimmed and case-insensitively),
// in report order. An empty list means the migration may go ahead, provided the report ran().
QStringList blockingFindingIds(const PreflightReport &report, const QStringList &forcedIds);

} // namespace engine::preflight

Q_DECLARE_METATYPE(engine::preflight::PreflightReport)
