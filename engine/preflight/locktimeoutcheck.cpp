#include "check.h"
#include "preflightcontext.h"

using namespace Qt::StringLiterals;

namespace engine::preflight {

namespace {

// MariaDB refuses RENAME TABLE under LOCK TABLES, so a two-step cut-over renames one table at a time: application
// statements queued on the lock wake up between the two renames and fail with error 1146 (seen under load in
// tst_cutoverfaults). The DBA must choose that knowingly.
Finding cutOverTypeFinding(const PreflightOptions &options)
{
    if (!options.twoStepCutOver)
        return okFinding(u"cut_over_type"_s, u"Atomic cut-over: the table is never missing"_s);
    return Finding{u"cut_over_type"_s, Severity::Block,
                   u"--cut-over=two-step leaves no table under the original name between its two renames"_s,
                   u"Application statements waiting on the cut-over's lock wake up between the renames and fail with "
                   "error 1146 (table doesn't exist); under a write load some do."_s,
                   u"Use the default atomic cut-over, or, if the application tolerates those errors (or its writes "
                   "are stopped), override with --force-preflight=cut_over_type"_s};
}

class LockTimeoutCheck : public Check {
public:
    QStringList ids() const override { return {u"lock_timeouts"_s, u"cut_over_type"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        sink.add(cutOverTypeFinding(context.options()));
        Server *primary = context.primary();
        if (!primary) {
            sink.add(undetermined(u"lock_timeouts"_s, u"the primary, where the cut-over runs, was not reached"_s,
                                  u"Make the primary reachable (see the server finding), then run preflight again"_s));
            return;
        }
        const bool maria = primary->isMariaDB();
        auto vars = context.query(*primary, u"SELECT @@GLOBAL.lock_wait_timeout, @@GLOBAL.innodb_lock_wait_timeout, %1"_s.arg(
                                                maria ? u"@@GLOBAL.max_statement_time"_s
                                                      : u"@@GLOBAL.max_execution_time / 1000"_s));
        if (!vars.next())
            throw mysql::DbException(mysql::DbError{0, {}, u"the lock timeouts could not be read"_s, {}});
        const double lockWait = vars.toDouble(0);
        const double rowLockWait = vars.toDouble(1);
        const double statementLimit = vars.toDouble(2);
        const int cutOver = context.options().cutOverLockTimeoutSeconds;

        QStringList lines, fixes;
        Severity severity = Severity::Ok;
        lines << u"On %1 (global defaults that application sessions start with): lock_wait_timeout %2 s, "
                 "innodb_lock_wait_timeout %3 s, %4 %5"_s.arg(primary->label())
                     .arg(lockWait)
                     .arg(rowLockWait)
                     .arg(maria ? u"max_statement_time"_s : u"max_execution_time"_s,
                          statementLimit > 0 ? u"%1 s"_s.arg(statementLimit) : u"off"_s);
        lines << u"The cut-over holds its locks for at most %1 s (--cut-over-lock-timeout-seconds) and retries; "
                 "application statements on the table wait meanwhile."_s.arg(cutOver);
        if (lockWait <= cutOver) {
            severity = Severity::Warn;
            lines << u"lock_wait_timeout (%1 s) is not longer than the cut-over's lock: application statements may fail "
                     "with error 1205 during a swap instead of waiting."_s.arg(lockWait);
            fixes << u"Lower --cut-over-lock-timeout-seconds below %1, or raise lock_wait_timeout for the application"_s
                         .arg(lockWait);
        }
        if (rowLockWait < 2) {
            severity = Severity::Warn;
            lines << u"innodb_lock_wait_timeout (%1 s) is shorter than a copy chunk may hold its row locks: application "
                     "writes may fail with error 1205 while the copy runs."_s.arg(rowLockWait);
            fixes << u"Raise innodb_lock_wait_timeout to a few seconds, or lower --chunk-target-millis"_s;
        }
        if (statementLimit > 0 && statementLimit < 10) {
            severity = Severity::Warn;
            lines << u"A global statement time limit of %1 s could abort long copy or checksum statements."_s.arg(
                statementLimit);
        }
        if (lockWait > 3600)
            lines << u"Application sessions queued behind the cut-over wait at most the cut-over's own lock time, not "
                     "lock_wait_timeout, because the cut-over gives up first."_s;
        sink.add(Finding{u"lock_timeouts"_s, severity,
                         severity == Severity::Ok ? u"Lock timeouts suit the cut-over"_s
                                                  : u"Lock timeouts may turn the cut-over's waits into errors"_s,
                         lines.join(u'\n'), fixes.join(u'\n')});
    }
};

} // namespace

std::unique_ptr<Check> makeLockTimeoutCheck()
{
    return std::make_unique<LockTimeoutCheck>();
}

} // namespace engine::preflight
