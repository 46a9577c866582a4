#include "check.h"
#include "preflightcontext.h"

using namespace Qt::StringLiterals;

namespace engine::preflight {

namespace {

class BinlogCheck : public Check {
public:
    QStringList ids() const override { return {u"binlog"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        Server &server = context.inspected();
        const bool maria = server.isMariaDB();
        auto vars = context.query(server, u"SELECT @@GLOBAL.log_bin, @@GLOBAL.binlog_format, "
                                          "@@GLOBAL.binlog_row_image, @@GLOBAL.log_slave_updates, %1"_s.arg(
                                              maria ? u"@@GLOBAL.gtid_strict_mode, @@GLOBAL.gtid_binlog_pos"_s
                                                    : u"@@GLOBAL.gtid_mode, @@GLOBAL.gtid_executed"_s));
        if (!vars.next())
            throw mysql::DbException(mysql::DbError{0, {}, u"the binlog settings could not be read"_s, {}});
        const bool logBin = vars.toInt(0) != 0;
        const QString format = vars.text(1).toUpper();
        const QString rowImage = vars.text(2).toUpper();
        const bool logSlaveUpdates = vars.toInt(3) != 0;
        const QString gtid = maria ? u"MariaDB GTID, gtid_strict_mode %1, position %2"_s.arg(
                                         vars.toInt(4) ? u"ON"_s : u"OFF"_s, vars.text(5).isEmpty() ? u"(empty)"_s : vars.text(5))
                                   : u"gtid_mode %1%2"_s.arg(vars.text(4), vars.text(5).isEmpty()
                                                                                ? QString()
                                                                                : u", executed "_s + vars.text(5).left(120));
        const bool replica = server.facts.isReplica;

        Finding finding{u"binlog"_s, Severity::Ok, {}, {}, {}};
        QStringList problems, fixes;
        finding.detail = u"On %1 (where the migration reads the binlog): log_bin %2, binlog_format %3, "
                         "binlog_row_image %4, log_slave_updates %5; %6"_s.arg(server.label(), logBin ? u"ON"_s : u"OFF"_s,
                                                                               format, rowImage,
                                                                               logSlaveUpdates ? u"ON"_s : u"OFF"_s, gtid);
        if (!logBin) {
            problems << u"binary logging is off"_s;
            fixes << u"Enable log_bin in the server's configuration (needs a restart)"_s;
        }
        if (format != u"ROW"_s) {
            problems << u"binlog_format is %1, not ROW: changes would not carry row images"_s.arg(format);
            fixes << u"SET GLOBAL binlog_format = 'ROW'; and binlog_format=ROW in my.cnf"_s;
        }
        if (rowImage != u"FULL"_s) {
            problems << u"binlog_row_image is %1, not FULL: updates would not carry every column"_s.arg(rowImage);
            fixes << u"SET GLOBAL binlog_row_image = 'FULL'; and binlog_row_image=FULL in my.cnf"_s;
        }
        if (replica && !logSlaveUpdates) {
            problems << u"this replica does not write replicated changes to its own binlog (log_slave_updates OFF)"_s;
            fixes << u"Set log_slave_updates=ON in my.cnf and restart the replica, or point --host at the primary "
                     "with --allow-on-master"_s;
        }
        if (!problems.isEmpty()) {
            finding.severity = Severity::Block;
            finding.title = u"The binlog can't feed the migration: "_s + problems.join(u"; "_s);
            if (format != u"ROW"_s || rowImage != u"FULL"_s)
                fixes << (replica ? u"Sessions keep the value they started with: restart replication "
                                    "(STOP SLAVE SQL_THREAD; START SLAVE SQL_THREAD;) after the change"_s
                                  : u"Sessions keep the value they started with: applications must reconnect after "
                                    "the change"_s);
        } else {
            finding.title = u"ROW binlog with FULL row images on %1"_s.arg(server.endpoint());
        }
        if (!maria && vars.text(4).toUpper() != u"ON"_s)
            finding.detail += u"\nGTIDs are off: the migration records binlog file:position only, so it can resume "
                              "only from this server."_s;
        finding.fix = fixes.join(u'\n');
        sink.add(finding);
    }
};

class BinlogRetentionCheck : public Check {
public:
    QStringList ids() const override { return {u"binlog_retention"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        Server &server = context.inspected();
        if (!context.scalar(server, u"SELECT @@GLOBAL.log_bin"_s).value_or(u"0"_s).toInt()) {
            sink.add(undetermined(u"binlog_retention"_s, u"binary logging is off on %1 (see binlog)"_s.arg(server.label()),
                                  u"Enable the binlog first"_s));
            return;
        }
        double expireSeconds = 0, expireDays = 0;
        auto vars = context.query(server, u"SHOW GLOBAL VARIABLES WHERE Variable_name IN "
                                          "('binlog_expire_logs_seconds', 'expire_logs_days')"_s);
        while (vars.next()) {
            if (vars.text(0) == u"binlog_expire_logs_seconds"_s)
                expireSeconds = vars.toDouble(1);
            else
                expireDays = vars.toDouble(1);
        }
        const double retention = expireSeconds > 0 ? expireSeconds : expireDays * 86400;

        QString logs;
        try {
            auto binlogs = context.query(server, u"SHOW BINARY LOGS"_s);
            quint64 bytes = 0, count = 0;
            while (binlogs.next()) {
                bytes += binlogs.toUInt(1);
                ++count;
            }
            logs = u"; %1 binlog file(s) on disk, %2"_s.arg(count).arg(formatBytes(bytes));
        } catch (const mysql::DbException &) {
            logs = u"; the binlog files could not be listed (needs BINLOG MONITOR / REPLICATION CLIENT)"_s;
        }

        const double estimate = context.estimatedCopySeconds();
        // The binlog must outlive the migration including throttled and postponed time, and a resume.
        const double comfortable = std::max(86400.0, 3 * estimate);
        Finding finding{u"binlog_retention"_s, Severity::Ok, {}, {}, {}};
        finding.detail = u"On %1: binlog_expire_logs_seconds %2, expire_logs_days %3 (effective: %4)%5. "
                         "Estimated copy time: %6."_s.arg(server.label())
                             .arg(expireSeconds)
                             .arg(expireDays)
                             .arg(retention > 0 ? formatDuration(retention) : u"never purged automatically"_s, logs,
                                  formatDuration(estimate));
        if (retention <= 0) {
            finding.title = u"Binlogs are kept until purged by hand"_s;
        } else if (retention < estimate) {
            finding.severity = Severity::Block;
            finding.title = u"Binlogs expire after %1, sooner than the copy is expected to take"_s.arg(
                formatDuration(retention));
        } else if (retention < comfortable) {
            finding.severity = Severity::Warn;
            finding.title = u"Binlogs expire after %1: little room for throttling, a postponed cut-over or a resume"_s
                                .arg(formatDuration(retention));
        } else {
            finding.title = u"Binlogs are kept %1, enough for the estimated copy time (%2)"_s.arg(
                formatDuration(retention), formatDuration(estimate));
        }
        if (finding.severity != Severity::Ok)
            finding.fix = u"SET GLOBAL binlog_expire_logs_seconds = %1; (and in my.cnf) for the migration's duration"_s
                              .arg(static_cast<qint64>(comfortable));
        sink.add(finding);
    }
};

} // namespace

std::unique_ptr<Check> makeBinlogCheck()
{
    return std::make_unique<BinlogCheck>();
}

std::unique_ptr<Check> makeBinlogRetentionCheck()
{
    return std::make_unique<BinlogRetentionCheck>();
}

} // namespace engine::preflight
