#pragma once

#include <binlog/binlogposition.h>
#include <mysql/connection.h>
#include <mysql/connectionsettings.h>

#include <QElapsedTimer>
#include <QString>
#include <QStringList>

#include <optional>

namespace engine::migration {

// Where an interrupted migration continues: a row in the checkpoint table _T_ghk on the migrated server, so that
// any workstation can resume. Plain value.
//
// Contract: every row change the binlog showed before `position` is applied to the ghost, and every chunk up to
// `lastCopiedKey` is committed there. Resuming streams from `position` again (the applier re-reads each changed
// key, so replaying changes is harmless) and copies the rows above `lastCopiedKey`.
struct Checkpoint {
    binlog::BinlogPosition position;     // in the inspected server's binlog
    QString sourceServer;                // the inspected server: "server_id 2 on port 23307"
    std::optional<QStringList> lastCopiedKey; // SQL literals of the last copied chunk's upper bound; none yet
    bool copyComplete = false;
    quint64 rowsCopied = 0;
    quint64 eventsApplied = 0;
    QString alter;                       // the migration's --alter, verbatim
    QString ghostDefinition;             // SHA-256 of the ghost's CREATE TABLE (AUTO_INCREMENT value removed)
    QString writtenAt;                   // server time of the write, for messages
};

namespace checkpoint {

void create(mysql::Connection &connection, const QString &schema, const QString &table);
// One REPLACE of the single row: a checkpoint is either the old one or the new one, never a mix.
void write(mysql::Connection &connection, const QString &schema, const QString &table, const Checkpoint &point);
// nullopt when the table has no row. Throws MigrationError("resume-bad-checkpoint") when the row can't be
// trusted (a key literal that isn't one the engine writes).
std::optional<Checkpoint> read(mysql::Connection &connection, const QString &schema, const QString &table);

// The fingerprint of a table definition that survives rows being inserted (AUTO_INCREMENT=N is ignored) and
// deferred secondary indexes being built (ordinary non-unique index lines are left out).
QString definitionFingerprint(const QString &createStatement);
// The fingerprint checkpoints written before deferred indexes existed carry (indexes included): still accepted.
QString legacyDefinitionFingerprint(const QString &createStatement);
// "server_id N on port P" of the server `connection` is on.
QString serverIdentity(mysql::Connection &connection);
// Why the binlog at `position` can no longer be read on `connection`'s server (purged, truncated, or reset and
// written again: the GTID position there is not the checkpoint's), or empty.
QString binlogUnavailable(mysql::Connection &connection, const binlog::BinlogPosition &position);

} // namespace checkpoint

// Writes checkpoints now and then; called from the worker thread between chunks and in every wait.
// A binlog point becomes a checkpoint only after everything read up to it is applied: the writer keeps the
// newest point it saw and writes it on a later tick once applied (at most one interval behind).
class CheckpointWriter {
public:
    struct Progress {
        binlog::BinlogPosition boundary; // the reader's latest transaction boundary
        quint64 boundarySequence = 0;    // ChangeSet sequence at that boundary
        quint64 appliedThrough = 0;      // ChangeSet::appliedThrough()
        std::optional<QStringList> lastCopiedKey;
        bool copyComplete = false;
        quint64 rowsCopied = 0;
        quint64 eventsApplied = 0;
    };

    CheckpointWriter(mysql::ConnectionSettings primary, QString schema, QString table, Checkpoint identity,
                     int intervalSeconds);

    // Whether tick() would write now: cheap, so callers gather Progress only when it is.
    [[nodiscard]] bool due() const { return !m_sinceLast.isValid() || m_sinceLast.elapsed() >= m_intervalMillis; }
    // Writes at most once per interval (the first call writes at once). Never throws: a failed write is logged and
    // tried again next time.
    void tick(const Progress &progress);
    [[nodiscard]] quint64 written() const { return m_written; }

private:
    void store(const binlog::BinlogPosition &position, const Progress &progress);

    mysql::ConnectionSettings m_primary;
    QString m_schema, m_table;
    Checkpoint m_identity; // sourceServer, alter, ghostDefinition
    int m_intervalMillis;
    mysql::Connection m_connection;
    QElapsedTimer m_sinceLast;
    std::optional<std::pair<binlog::BinlogPosition, quint64>> m_candidate;
    quint64 m_written = 0;
};

} // namespace engine::migration
