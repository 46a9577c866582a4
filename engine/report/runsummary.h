#pragma once

#include "clicommandline.h"

#include <optional>
#include <preflight/preflightreport.h>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace engine::report {

class HtmlDocument;

// What a migration is about to do (the console's review before it starts) or did (the opening of its report):
// the servers and their roles, the table and its size, the ALTER, the options changed from the defaults, the
// preflight verdict, the copy time estimate and the equivalent shadowswap-cli command line. Plain values; the
// UI words them with tr(), the HTML and JSON reports in English.
struct RunSummary {
    struct Server {
        QString endpoint;         // host:port; empty for a primary not known yet (found from the replica)
        QString roles;            // preflight's words: "inspected", "primary", "replica", joined by ", "
        bool readsBinlog = false; // the binlog stream is read here
        bool receivesWrites =
            false;                  // the ghost table, the copy, the applied changes and the swap happen here
        bool watchedForLag = false; // its replication lag throttles the migration
        QString version;            // "MariaDB 10.11.6"; empty when not reached (or no preflight)
        bool reached = false;
        bool readOnly = false;
    };

    QList<Server> servers;
    QString database, table, alter;
    bool execute = false;

    // From the preflight's table_size check; sizeKnown false without one.
    bool sizeKnown = false;
    quint64 rowEstimate = 0;
    quint64 tableBytes = 0;
    double estimatedCopySeconds = -1;

    QList<CliOption> changedOptions;
    QStringList omittedSecrets;
    QString commandLine; // one line, shell-quoted
    QString commandLineMultiLine;

    // Preflight: none (not run, or not recorded), ran with findings, or could not run (failure).
    bool preflightAvailable = false;
    QString preflightFailure;
    QStringList blockers;   // blocking findings not overridden
    QStringList overridden; // blocking findings overridden with --force-preflight
    QStringList warnings;   // "id: title"
    int okCount = 0;

    static RunSummary build(const QJsonObject &parameters,
                            const std::optional<preflight::PreflightReport> &preflight);

    // "nothing blocks (2 warnings)", "blocked by unique_key", "not run", ...
    [[nodiscard]] QString preflightVerdict() const;
    [[nodiscard]] QJsonObject toJson() const;
    // Appends the summary's sections (English) to a report.
    void appendHtml(HtmlDocument &document) const;
};

// Report wording shared by the HTML and text outputs: "1h 02m 03s", "4.2 s", "380 ms"; "1.5 MiB".
QString formatMillis(qint64 millis);
QString formatBytes(quint64 bytes);

} // namespace engine::report
