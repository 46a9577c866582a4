#pragma once

#include "preflightreport.h"

#include <QStringList>

#include <memory>
#include <vector>

namespace engine::preflight {

class PreflightContext;

// Findings a check has produced so far; what a check leaves out when it fails is filled in by the runner
// as "could not determine".
class FindingSink {
public:
    void add(Finding finding) { m_findings.push_back(std::move(finding)); }
    [[nodiscard]] bool has(const QString &id) const;
    [[nodiscard]] std::vector<Finding> &findings() { return m_findings; }

private:
    std::vector<Finding> m_findings;
};

// One check, or a group of related checks that share their queries. Runs on the preflight thread with the
// context's time limit; may throw DbException or TimeLimitReached, which the runner reports per missing id.
class Check {
public:
    virtual ~Check() = default;
    [[nodiscard]] virtual QStringList ids() const = 0;
    virtual void run(PreflightContext &context, FindingSink &sink) = 0;
};

// Every check in the order they must run (later ones use what earlier ones learned; see checks.cpp).
std::vector<std::unique_ptr<Check>> allChecks();

// One factory per check file.
std::unique_ptr<Check> makeServerCheck();
std::unique_ptr<Check> makePrivilegeCheck();
std::unique_ptr<Check> makeBinlogCheck();
std::unique_ptr<Check> makeBinlogRetentionCheck();
std::unique_ptr<Check> makeAlterCheck();
std::unique_ptr<Check> makeDuplicateCheck();
std::unique_ptr<Check> makeTableSizeCheck();
std::unique_ptr<Check> makeDiskCheck();
std::unique_ptr<Check> makeSessionCheck();
std::unique_ptr<Check> makeForeignKeyCheck();
std::unique_ptr<Check> makeTriggerCheck();
std::unique_ptr<Check> makeEventCheck();
std::unique_ptr<Check> makeReplicaCheck();
std::unique_ptr<Check> makeLockTimeoutCheck();

// Helpers for building findings.
Finding okFinding(const QString &id, const QString &title, const QString &detail = {});
Finding undetermined(const QString &id, const QString &why, const QString &fix = {});
QString formatBytes(quint64 bytes);
// Server and client errors that mean a statement ran out of time (statement limit, lock wait, read timeout).
bool isTimeLimitError(unsigned code);
QString formatDuration(double seconds);

} // namespace engine::preflight
