#include "check.h"
#include "preflightcontext.h"

using namespace Qt::StringLiterals;

namespace engine::preflight {

namespace {

class TableSizeCheck : public Check {
public:
    QStringList ids() const override { return {u"table_size"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        Server &server = context.tableServer();
        auto info = context.query(server, u"SELECT TABLE_ROWS, DATA_LENGTH, INDEX_LENGTH, DATA_FREE, AVG_ROW_LENGTH, "
                                          "ENGINE, ROW_FORMAT, CREATE_OPTIONS FROM information_schema.TABLES "
                                          "WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2"_s.arg(
                                              context.quote(context.request().database),
                                              context.quote(context.request().table)));
        if (!info.next())
            throw mysql::DbException(mysql::DbError{0, {}, u"the table vanished from information_schema"_s, {}});
        context.table.rowEstimate = info.toUInt(0);
        context.table.dataBytes = info.toUInt(1);
        context.table.indexBytes = info.toUInt(2);
        const quint64 dataFree = info.toUInt(3);
        const QString engineName = info.text(5);
        QStringList lines;
        lines << u"Rows: about %1 (information_schema estimate, often off by 10-50 %)"_s.arg(context.table.rowEstimate);

        if (context.options().exactRowCount) {
            Server &counter = context.inspected();
            try {
                context.exactRows = context.scalar(counter, u"SELECT COUNT(*) FROM "_s + context.qualifiedTable())
                                        .value_or(u"0"_s)
                                        .toULongLong();
                lines << u"Rows: exactly %1 (counted on %2)"_s.arg(*context.exactRows).arg(counter.label());
            } catch (const TimeLimitReached &) {
                lines << u"Exact count: gave up after the time limit of %1 s"_s.arg(context.checkTimeoutSeconds());
            } catch (const mysql::DbException &error) {
                if (!isTimeLimitError(error.code()))
                    throw;
                lines << u"Exact count: gave up after the time limit of %1 s"_s.arg(context.checkTimeoutSeconds());
            }
        }
        lines << u"Size: data %1 + indexes %2 (%3 free inside the tablespace), engine %4, row format %5%6"_s.arg(
            formatBytes(context.table.dataBytes), formatBytes(context.table.indexBytes), formatBytes(dataFree),
            engineName, info.text(6), info.text(7).isEmpty() ? QString() : u", "_s + info.text(7));

        const bool rateKnown = context.copyRowsPerSecond > 0;
        const double seconds = context.estimatedCopySeconds();
        lines << u"Estimated copy time: %1 at %2 rows/s (%3)"_s.arg(formatDuration(seconds))
                     .arg(static_cast<qint64>(context.effectiveCopyRate() + 0.5))
                     .arg(rateKnown ? context.copyRateSource
                                    : u"assumed: the rate could not be measured on the scratch table"_s);
        lines << u"Under write load the copy runs slower: binlog changes are applied alongside it."_s;

        Finding finding = okFinding(u"table_size"_s,
                                    u"About %1 rows, %2; copy estimated at %3"_s.arg(context.rowsToCopy())
                                        .arg(formatBytes(context.table.dataBytes + context.table.indexBytes),
                                             formatDuration(seconds)),
                                    lines.join(u'\n'));
        if (engineName.compare(u"InnoDB"_s, Qt::CaseInsensitive) != 0) {
            finding.severity = Severity::Block;
            finding.title = u"The table uses %1, not InnoDB"_s.arg(engineName);
            finding.fix = u"An online copy needs InnoDB's transactions and row locks: convert the table first "
                          "(ALTER TABLE %1 ENGINE=InnoDB) or use the native ALTER"_s.arg(context.qualifiedTable());
        }
        sink.add(finding);
    }
};

} // namespace

std::unique_ptr<Check> makeTableSizeCheck()
{
    return std::make_unique<TableSizeCheck>();
}

} // namespace engine::preflight
