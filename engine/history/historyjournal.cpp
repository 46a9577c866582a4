#include "historyjournal.h"

#include "specparameters.h"

#include <logging/logging.h>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QUuid>
#include <QVariant>

using namespace Qt::StringLiterals;
using namespace engine::migration;

namespace engine::history {

namespace {
const QString entryColumns = u"id, started_at, ended_at, outcome, database_name, table_name, alter_text, dry_run, "
                             "inspected_endpoint, parameters, failure_code, failure_message, failure_statement, "
                             "original_untouched, elapsed_millis, phase_millis, rows_copied, events_applied, "
                             "copy_millis, total_millis, verified, verify_result, verify_millis, cut_over_lock_millis, "
                             "cut_over_attempts, old_table, new_create_statement, reverted, resumable, "
                             "(SELECT COUNT(*) FROM samples s WHERE s.migration_id = m.id), cut_over_blockers, "
                             "cut_over_failures, throttled_millis, throttle_episodes, preflight"_s;

QString isoUtc(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime fromIso(const QVariant &value)
{
    return value.isNull() ? QDateTime() : QDateTime::fromString(value.toString(), Qt::ISODateWithMs);
}

HistoryEntry readEntry(const QSqlQuery &q)
{
    HistoryEntry e;
    int c = 0;
    e.id = q.value(c++).toLongLong();
    e.startedAt = fromIso(q.value(c++));
    e.endedAt = fromIso(q.value(c++));
    e.outcome = outcomeFromName(q.value(c++).toString());
    e.database = e.summary.database = q.value(c++).toString();
    e.table = e.summary.table = q.value(c++).toString();
    e.alter = e.summary.alter = q.value(c++).toString();
    e.dryRun = e.summary.dryRun = q.value(c++).toBool();
    e.inspectedEndpoint = q.value(c++).toString();
    e.parameters = QJsonDocument::fromJson(q.value(c++).toString().toUtf8()).object();
    e.failure.code = q.value(c++).toString();
    e.failure.message = q.value(c++).toString();
    e.failure.statement = q.value(c++).toString();
    e.failure.originalUntouched = q.value(c++).toBool();
    e.elapsedMillis = q.value(c++).toLongLong();
    const QJsonObject phases = QJsonDocument::fromJson(q.value(c++).toString().toUtf8()).object();
    for (auto it = phases.begin(); it != phases.end(); ++it)
        e.millisInState.insert(it.key(), it.value().toInteger());
    e.summary.rowsCopied = q.value(c++).toULongLong();
    e.summary.eventsApplied = q.value(c++).toULongLong();
    e.summary.copyMillis = q.value(c++).toLongLong();
    e.summary.totalMillis = q.value(c++).toLongLong();
    e.summary.verified = q.value(c++).toBool();
    e.summary.verifyResult = q.value(c++).toString();
    e.summary.verifyMillis = q.value(c++).toLongLong();
    e.summary.cutOverLockMillis = q.value(c++).toLongLong();
    e.summary.cutOverAttempts = q.value(c++).toInt();
    e.summary.oldTable = q.value(c++).toString();
    e.summary.newCreateStatement = q.value(c++).toString();
    e.summary.reverted = q.value(c++).toBool();
    e.failure.resumable = q.value(c++).toBool();
    e.sampleCount = q.value(c++).toInt();
    const auto strings = [](const QVariant &value) {
        QStringList list;
        for (const QJsonValue &item : QJsonDocument::fromJson(value.toString().toUtf8()).array())
            list << item.toString();
        return list;
    };
    e.summary.cutOverBlockers = strings(q.value(c++));
    e.summary.cutOverFailures = strings(q.value(c++));
    e.throttledMillis = q.value(c++).toLongLong();
    const QVariant episodes = q.value(c++);
    e.throttleEpisodesRecorded = !episodes.isNull();
    for (const QJsonValue &item : QJsonDocument::fromJson(episodes.toString().toUtf8()).array()) {
        const QJsonObject o = item.toObject();
        e.throttleEpisodes << ThrottleEpisode{o.value(u"from_millis"_s).toInteger(), o.value(u"to_millis"_s).toInteger(),
                                              o.value(u"reason"_s).toString()};
    }
    if (const QVariant preflight = q.value(c++); !preflight.isNull())
        e.preflight = preflight::PreflightReport::fromJson(
            QJsonDocument::fromJson(preflight.toString().toUtf8()).object());
    return e;
}

QString jsonText(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}
} // namespace

HistoryJournal::HistoryJournal()
    : m_connectionName(u"shadowswap-history-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces))
{
}

HistoryJournal::~HistoryJournal()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

QString HistoryJournal::defaultPath()
{
    if (const QString overridden = qEnvironmentVariable("SHADOWSWAP_HISTORY_DB"); !overridden.isEmpty())
        return overridden;
    // GenericDataLocation honours $XDG_DATA_HOME; the "shadowswap" folder is spelled out so the CLI and the
    // console (different application and organisation names) share one journal.
    return QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation) + u"/shadowswap/history.sqlite"_s;
}

bool HistoryJournal::fail(const QString &what, const QString &error)
{
    m_lastError = what + u": "_s + error;
    SS_WARN("history journal {}: {}", m_path.toStdString(), m_lastError.toStdString());
    return false;
}

bool HistoryJournal::open(const QString &path)
{
    m_path = path;
    m_open = false;
    if (!QDir().mkpath(QFileInfo(path).absolutePath()))
        return fail(u"open"_s, u"cannot create the directory %1"_s.arg(QFileInfo(path).absolutePath()));
    QSqlDatabase db = QSqlDatabase::contains(m_connectionName) ? QSqlDatabase::database(m_connectionName, false)
                                                               : QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
    db.close();
    db.setDatabaseName(path);
    db.setConnectOptions(u"QSQLITE_BUSY_TIMEOUT=5000"_s);
    if (!db.open())
        return fail(u"open"_s, db.lastError().text());
    QSqlQuery q(db);
    q.exec(u"PRAGMA journal_mode=WAL"_s);
    q.exec(u"PRAGMA foreign_keys=ON"_s);
    if (!q.exec(u"PRAGMA user_version"_s) || !q.next())
        return fail(u"open"_s, q.lastError().text());
    const int version = q.value(0).toInt();
    if (version > schemaVersion)
        return fail(u"open"_s, u"written by a newer Shadowswap (schema %1, this one reads %2)"_s.arg(version).arg(
                                   schemaVersion));
    if (version < schemaVersion && !createSchema())
        return false;
    m_open = true;
    return true;
}

bool HistoryJournal::createSchema()
{
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    QSqlQuery q(db);
    // IMMEDIATE takes the write lock first (waiting for another process's, up to the busy timeout), so that
    // two processes opening an old file at once upgrade it once; the version is read again under the lock.
    if (!q.exec(u"BEGIN IMMEDIATE"_s))
        return fail(u"create schema"_s, q.lastError().text());
    int version = 0;
    if (q.exec(u"PRAGMA user_version"_s) && q.next())
        version = q.value(0).toInt();
    q.finish();
    QStringList statements;
    if (version < 1) {
        statements << u"CREATE TABLE IF NOT EXISTS migrations ("
                      " id INTEGER PRIMARY KEY AUTOINCREMENT,"
                      " started_at TEXT NOT NULL, ended_at TEXT, outcome TEXT NOT NULL,"
                      " database_name TEXT NOT NULL, table_name TEXT NOT NULL, alter_text TEXT NOT NULL,"
                      " dry_run INTEGER NOT NULL, inspected_endpoint TEXT NOT NULL, parameters TEXT NOT NULL,"
                      " failure_code TEXT, failure_message TEXT, failure_statement TEXT,"
                      " original_untouched INTEGER, elapsed_millis INTEGER, phase_millis TEXT,"
                      " rows_copied INTEGER, events_applied INTEGER, copy_millis INTEGER,"
                      " total_millis INTEGER, verified INTEGER, verify_result TEXT, verify_millis INTEGER,"
                      " cut_over_lock_millis INTEGER, cut_over_attempts INTEGER, old_table TEXT,"
                      " new_create_statement TEXT, reverted INTEGER NOT NULL DEFAULT 0,"
                      " resumable INTEGER NOT NULL DEFAULT 0, cut_over_blockers TEXT, cut_over_failures TEXT,"
                      " throttled_millis INTEGER, throttle_episodes TEXT, preflight TEXT)"_s
                   << u"CREATE INDEX IF NOT EXISTS migrations_by_start ON migrations (started_at)"_s
                   << u"CREATE TABLE IF NOT EXISTS samples ("
                      " migration_id INTEGER NOT NULL REFERENCES migrations (id) ON DELETE CASCADE,"
                      " elapsed_millis INTEGER NOT NULL, state TEXT NOT NULL,"
                      " rows_copied INTEGER, rows_estimate INTEGER, copy_rows_per_second REAL,"
                      " events_applied INTEGER, apply_events_per_second REAL, backlog INTEGER,"
                      " stream_lag_millis INTEGER, replica_lag_millis INTEGER, throttled INTEGER,"
                      " PRIMARY KEY (migration_id, elapsed_millis)) WITHOUT ROWID"_s;
    } else {
        if (version < 2)
            statements << u"ALTER TABLE migrations ADD COLUMN reverted INTEGER NOT NULL DEFAULT 0"_s;
        if (version < 3)
            statements << u"ALTER TABLE migrations ADD COLUMN resumable INTEGER NOT NULL DEFAULT 0"_s;
        if (version < 4)
            for (const char16_t *column : {u"cut_over_blockers TEXT", u"cut_over_failures TEXT",
                                           u"throttled_millis INTEGER", u"throttle_episodes TEXT", u"preflight TEXT"})
                statements << u"ALTER TABLE migrations ADD COLUMN "_s + QString::fromUtf16(column);
    }
    if (version < schemaVersion)
        statements << u"PRAGMA user_version = %1"_s.arg(schemaVersion);
    for (const QString &statement : std::as_const(statements)) {
        if (!q.exec(statement)) {
            const QString error = q.lastError().text();
            q.exec(u"ROLLBACK"_s);
            return fail(u"create schema"_s, error);
        }
    }
    if (!q.exec(u"COMMIT"_s)) {
        const QString error = q.lastError().text();
        q.exec(u"ROLLBACK"_s);
        return fail(u"create schema"_s, error);
    }
    return true;
}

qint64 HistoryJournal::recordStart(const MigrationSpec &spec, const QDateTime &startedAt)
{
    if (!m_open)
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"INSERT INTO migrations (started_at, outcome, database_name, table_name, alter_text, dry_run, "
              "inspected_endpoint, parameters) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(isoUtc(startedAt));
    q.addBindValue(outcomeName(Outcome::Running));
    q.addBindValue(spec.database);
    q.addBindValue(spec.table);
    q.addBindValue(spec.alter);
    q.addBindValue(!spec.execute);
    q.addBindValue(u"%1:%2"_s.arg(spec.inspector.host).arg(spec.inspector.port));
    q.addBindValue(QString::fromUtf8(QJsonDocument(specParameters(spec)).toJson(QJsonDocument::Compact)));
    if (!q.exec()) {
        fail(u"record start"_s, q.lastError().text());
        return 0;
    }
    return q.lastInsertId().toLongLong();
}

bool HistoryJournal::recordSamples(qint64 id, const std::vector<HistorySample> &samples)
{
    if (!m_open || id <= 0)
        return false;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return fail(u"record samples"_s, db.lastError().text());
    QSqlQuery q(db);
    q.prepare(u"DELETE FROM samples WHERE migration_id = ?"_s);
    q.addBindValue(id);
    bool ok = q.exec();
    q.prepare(u"INSERT OR REPLACE INTO samples (migration_id, elapsed_millis, state, rows_copied, rows_estimate, "
              "copy_rows_per_second, events_applied, apply_events_per_second, backlog, stream_lag_millis, "
              "replica_lag_millis, throttled) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    for (const HistorySample &s : samples) {
        if (!ok)
            break;
        q.addBindValue(id);
        q.addBindValue(s.elapsedMillis);
        q.addBindValue(stateName(s.state));
        q.addBindValue(static_cast<qint64>(s.rowsCopied));
        q.addBindValue(static_cast<qint64>(s.rowsEstimate));
        q.addBindValue(s.copyRowsPerSecond);
        q.addBindValue(static_cast<qint64>(s.eventsApplied));
        q.addBindValue(s.applyEventsPerSecond);
        q.addBindValue(static_cast<qint64>(s.backlog));
        q.addBindValue(s.streamLagMillis);
        q.addBindValue(s.replicaLagMillis);
        q.addBindValue(s.throttled);
        ok = q.exec();
    }
    if (!ok) {
        const QString error = q.lastError().text();
        db.rollback();
        return fail(u"record samples"_s, error);
    }
    return db.commit() || fail(u"record samples"_s, db.lastError().text());
}

bool HistoryJournal::recordEnd(qint64 id, Outcome outcome, const QDateTime &endedAt, const ProgressSnapshot &last,
                               const MigrationSummary &summary, const MigrationFailure &failure,
                               const QList<ThrottleEpisode> &episodes)
{
    if (!m_open || id <= 0)
        return false;
    QJsonObject phases;
    for (int i = 0; i < migrationStateCount; ++i)
        if (const qint64 millis = last.millisInState[static_cast<size_t>(i)]; millis > 0)
            phases.insert(stateName(static_cast<MigrationState>(i)), millis);
    const bool failed = outcome != Outcome::Succeeded && outcome != Outcome::Running;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"UPDATE migrations SET ended_at = ?, outcome = ?, failure_code = ?, failure_message = ?, "
              "failure_statement = ?, original_untouched = ?, elapsed_millis = ?, phase_millis = ?, rows_copied = ?, "
              "events_applied = ?, copy_millis = ?, total_millis = ?, verified = ?, verify_result = ?, "
              "verify_millis = ?, cut_over_lock_millis = ?, cut_over_attempts = ?, old_table = ?, "
              "new_create_statement = ?, reverted = ?, resumable = ?, cut_over_blockers = ?, cut_over_failures = ?, "
              "throttled_millis = ?, throttle_episodes = ? WHERE id = ?"_s);
    q.addBindValue(isoUtc(endedAt));
    q.addBindValue(outcomeName(outcome));
    q.addBindValue(failed ? failure.code : QString());
    q.addBindValue(failed ? failure.message : QString());
    q.addBindValue(failed ? failure.statement : QString());
    q.addBindValue(failed ? failure.originalUntouched : true);
    q.addBindValue(last.elapsedMillis);
    q.addBindValue(QString::fromUtf8(QJsonDocument(phases).toJson(QJsonDocument::Compact)));
    // A failed migration has no summary: its figures come from the last snapshot.
    q.addBindValue(static_cast<qint64>(failed ? last.rowsCopied : summary.rowsCopied));
    q.addBindValue(static_cast<qint64>(failed ? last.eventsApplied : summary.eventsApplied));
    q.addBindValue(summary.copyMillis);
    q.addBindValue(failed ? last.elapsedMillis : summary.totalMillis);
    q.addBindValue(summary.verified);
    q.addBindValue(summary.verifyResult);
    q.addBindValue(summary.verifyMillis);
    q.addBindValue(summary.cutOverLockMillis);
    q.addBindValue(summary.cutOverAttempts);
    q.addBindValue(summary.oldTable);
    q.addBindValue(summary.newCreateStatement);
    q.addBindValue(!failed && summary.reverted);
    q.addBindValue(failed && failure.resumable);
    q.addBindValue(jsonText(QJsonArray::fromStringList(summary.cutOverBlockers)));
    q.addBindValue(jsonText(QJsonArray::fromStringList(summary.cutOverFailures)));
    q.addBindValue(last.throttledMillis);
    QJsonArray throttled;
    for (const ThrottleEpisode &episode : episodes)
        throttled.append(QJsonObject{{u"from_millis"_s, episode.fromMillis},
                                     {u"to_millis"_s, episode.toMillis},
                                     {u"reason"_s, episode.reason}});
    q.addBindValue(jsonText(throttled));
    q.addBindValue(id);
    return q.exec() || fail(u"record end"_s, q.lastError().text());
}

bool HistoryJournal::recordPreflight(qint64 id, const preflight::PreflightReport &report)
{
    if (!m_open || id <= 0)
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"UPDATE migrations SET preflight = ? WHERE id = ?"_s);
    q.addBindValue(QString::fromUtf8(report.toJson().toJson(QJsonDocument::Compact)));
    q.addBindValue(id);
    return q.exec() || fail(u"record preflight"_s, q.lastError().text());
}

QList<HistoryEntry> HistoryJournal::entries(int limit)
{
    QList<HistoryEntry> result;
    if (!m_open)
        return result;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"SELECT %1 FROM migrations m ORDER BY started_at DESC, id DESC LIMIT ?"_s.arg(entryColumns));
    q.addBindValue(limit);
    if (!q.exec()) {
        fail(u"read"_s, q.lastError().text());
        return result;
    }
    while (q.next())
        result << readEntry(q);
    return result;
}

std::optional<HistoryEntry> HistoryJournal::entry(qint64 id)
{
    if (!m_open)
        return std::nullopt;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"SELECT %1 FROM migrations m WHERE id = ?"_s.arg(entryColumns));
    q.addBindValue(id);
    if (!q.exec()) {
        fail(u"read"_s, q.lastError().text());
        return std::nullopt;
    }
    if (!q.next())
        return std::nullopt;
    return readEntry(q);
}

std::vector<HistorySample> HistoryJournal::samples(qint64 id)
{
    std::vector<HistorySample> result;
    if (!m_open)
        return result;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(u"SELECT elapsed_millis, state, rows_copied, rows_estimate, copy_rows_per_second, events_applied, "
              "apply_events_per_second, backlog, stream_lag_millis, replica_lag_millis, throttled FROM samples "
              "WHERE migration_id = ? ORDER BY elapsed_millis"_s);
    q.addBindValue(id);
    if (!q.exec()) {
        fail(u"read samples"_s, q.lastError().text());
        return result;
    }
    QHash<QString, MigrationState> states;
    for (int i = 0; i < migrationStateCount; ++i)
        states.insert(stateName(static_cast<MigrationState>(i)), static_cast<MigrationState>(i));
    while (q.next()) {
        HistorySample s;
        s.elapsedMillis = q.value(0).toLongLong();
        s.state = states.value(q.value(1).toString(), MigrationState::Idle);
        s.rowsCopied = q.value(2).toULongLong();
        s.rowsEstimate = q.value(3).toULongLong();
        s.copyRowsPerSecond = q.value(4).toDouble();
        s.eventsApplied = q.value(5).toULongLong();
        s.applyEventsPerSecond = q.value(6).toDouble();
        s.backlog = q.value(7).toULongLong();
        s.streamLagMillis = q.value(8).toLongLong();
        s.replicaLagMillis = q.value(9).toLongLong();
        s.throttled = q.value(10).toBool();
        result.push_back(s);
    }
    return result;
}

} // namespace engine::history
