#include "historycommand.h"

#include "clirunner.h"
#include "reportoutput.h"

#include <history/historyjournal.h>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>
#include <report/migrationreport.h>
#include <report/runsummary.h>
#include <reportwriter.h>

using namespace Qt::StringLiterals;
using engine::history::HistoryJournal;

namespace cli {

namespace {
QTextStream &err() {
    static QTextStream stream(stderr);
    return stream;
}

// Reading never creates a journal: a path with none is an error, not an empty history.
bool openJournal(const FlagParser &flags, HistoryJournal &journal) {
    const QString given = flags.stringValue(u"history-file"_s);
    if (given == u"off"_s) {
        err() << "shadowswap-cli: --history-file=off: there is no journal to read\n";
        return false;
    }
    const QString path = given.isEmpty() ? HistoryJournal::defaultPath() : given;
    if (!QFileInfo(path).isFile()) {
        err() << "shadowswap-cli: no history journal at " << path << " (give its path with --history-file)\n";
        return false;
    }
    if (!journal.open(path)) {
        err() << "shadowswap-cli: " << journal.lastError() << '\n';
        return false;
    }
    return true;
}

QString utc(const QDateTime &time) {
    return time.isValid() ? time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss"_s) : u"-"_s;
}
} // namespace

int runHistoryCommand(const FlagParser &flags) {
    const QString format = flags.stringValue(u"format"_s).toLower();
    if (format != u"text"_s && format != u"json"_s) {
        err() << "shadowswap-cli: --history prints text or json (got --format=" << format << ")\n";
        return Usage;
    }
    HistoryJournal journal;
    if (!openJournal(flags, journal))
        return Failure;
    const auto entries = journal.entries(100000);
    if (format == u"json"_s) {
        QJsonArray list;
        for (const auto &e : entries)
            list.append(QJsonObject{
                {u"id"_s, e.id},
                {u"started_at"_s, e.startedAt.toUTC().toString(Qt::ISODateWithMs)},
                {u"ended_at"_s, e.endedAt.isValid()
                                    ? QJsonValue(e.endedAt.toUTC().toString(Qt::ISODateWithMs))
                                    : QJsonValue()},
                {u"elapsed_millis"_s, e.elapsedMillis},
                {u"outcome"_s, engine::history::outcomeName(e.outcome)},
                {u"dry_run"_s, e.dryRun},
                {u"database"_s, e.database},
                {u"table"_s, e.table},
                {u"alter"_s, e.alter},
                {u"server"_s, e.inspectedEndpoint},
            });
        return writeReportOutput(flags,
                                 QString::fromUtf8(QJsonDocument(list).toJson(QJsonDocument::Indented)))
                   ? Success
                   : Failure;
    }
    QString text = u"%1  %2  %3  %4  %5  %6\n"_s.arg(u"ID"_s.rightJustified(5), u"STARTED (UTC)      "_s,
                                                     u"DURATION  "_s, u"OUTCOME    "_s,
                                                     u"TABLE"_s.leftJustified(30), u"SERVER"_s);
    for (const auto &e : entries) {
        const QString outcome = e.dryRun && e.outcome == engine::history::Outcome::Succeeded
                                    ? u"dry-run"_s
                                    : engine::history::outcomeName(e.outcome);
        const QString duration = e.outcome == engine::history::Outcome::Running && e.elapsedMillis <= 0
                                     ? u"-"_s
                                     : engine::report::formatMillis(e.elapsedMillis);
        text += u"%1  %2  %3  %4  %5  %6\n"_s.arg(
            QString::number(e.id).rightJustified(5), utc(e.startedAt), duration.leftJustified(10),
            outcome.leftJustified(11), QString(e.database + u'.' + e.table).leftJustified(30), e.inspectedEndpoint);
    }
    if (entries.isEmpty())
        text += u"(no migrations recorded in "_s + journal.path() + u")\n"_s;
    return writeReportOutput(flags, text) ? Success : Failure;
}

int runReportCommand(const FlagParser &flags) {
    const QString format = flags.isSet(u"format"_s) ? flags.stringValue(u"format"_s).toLower() : u"json"_s;
    if (format != u"json"_s && format != u"html"_s) {
        err() << "shadowswap-cli: --report writes json or html (got --format=" << format << ")\n";
        return Usage;
    }
    bool ok = false;
    const qint64 id = flags.stringValue(u"report"_s).toLongLong(&ok);
    if (!ok || id <= 0) {
        err() << "shadowswap-cli: --report needs a migration id from --history (got \""
              << flags.stringValue(u"report"_s) << "\")\n";
        return Usage;
    }
    HistoryJournal journal;
    if (!openJournal(flags, journal))
        return Failure;
    const auto entry = journal.entry(id);
    if (!entry) {
        err() << "shadowswap-cli: no migration " << id << " in " << journal.path() << '\n';
        return Failure;
    }
    const auto report = engine::report::MigrationReport::build(*entry, journal.samples(id));
    const QString text =
        format == u"html"_s
            ? ui::ReportWriter::migrationHtml(report)
            : QString::fromUtf8(QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented));
    return writeReportOutput(flags, text) ? Success : Failure;
}

} // namespace cli
