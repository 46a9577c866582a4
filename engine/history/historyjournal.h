#pragma once

#include "historyrecord.h"

#include <model/migrationspec.h>
#include <model/progress.h>

#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace engine::history {

// The local journal of migrations: an SQLite file (Qt Sql) with one row per migration and its chart samples.
// Thread affinity: the thread that called open() — Qt's rule for QSqlDatabase; each journal has a connection
// of its own (unique name), so several journals, in several threads, may use the same file. Several processes
// may too (WAL, busy timeout). Failures are reported (false / empty results plus lastError()) and never throw.
class HistoryJournal {
public:
    // 2: migrations.reverted; 3: migrations.resumable (a failure that kept the helper tables for --resume);
    // 4: the cut-over's blockers and failed attempts, the time throttled, throttle episodes, the preflight report.
    // A file of an older schema is brought up to date on open; the new columns stay NULL for its old rows.
    static constexpr int schemaVersion = 4;

    HistoryJournal();
    ~HistoryJournal();
    HistoryJournal(const HistoryJournal &) = delete;
    HistoryJournal &operator=(const HistoryJournal &) = delete;

    // $SHADOWSWAP_HISTORY_DB when set, else $XDG_DATA_HOME/shadowswap/history.sqlite (~/.local/share/...).
    static QString defaultPath();

    // Opens the file, creating it, its directory and the schema on first use, and upgrading an older schema.
    // A file written by a newer Shadowswap (higher user_version) is refused rather than misread.
    bool open(const QString &path);
    [[nodiscard]] bool isOpen() const { return m_open; }
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QString lastError() const { return m_lastError; }

    // Writing, in a migration's order: start (returns its id, 0 on failure), samples (replace the stored series),
    // end. `failure` is used for the failed/aborted outcomes, `summary` for the others.
    qint64 recordStart(const migration::MigrationSpec &spec, const QDateTime &startedAt);
    bool recordSamples(qint64 id, const std::vector<HistorySample> &samples);
    // `episodes`: every throttled period of the run (the recorder bounds them).
    bool recordEnd(qint64 id, Outcome outcome, const QDateTime &endedAt, const migration::ProgressSnapshot &last,
                   const migration::MigrationSummary &summary, const migration::MigrationFailure &failure,
                   const QList<ThrottleEpisode> &episodes = {});
    // The report of the preflight gate the migration passed.
    bool recordPreflight(qint64 id, const preflight::PreflightReport &report);

    // Reading, for the console's history page. Newest first.
    [[nodiscard]] QList<HistoryEntry> entries(int limit = 500);
    [[nodiscard]] std::optional<HistoryEntry> entry(qint64 id);
    [[nodiscard]] std::vector<HistorySample> samples(qint64 id);

private:
    bool createSchema();
    bool fail(const QString &what, const QString &error);

    QString m_connectionName;
    QString m_path;
    QString m_lastError;
    bool m_open = false;
};

} // namespace engine::history
