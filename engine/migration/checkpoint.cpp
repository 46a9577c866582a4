#include "checkpoint.h"

#include <model/migrationcontext.h>

#include <binlog/gtidset.h>
#include <inspect/deferredindexes.h>
#include <logging/logging.h>
#include <mysql/sqltext.h>

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::DbException;
using engine::mysql::qualifiedName;

namespace engine::migration {

namespace checkpoint {

namespace {

// The literal forms KeyCodec writes: numbers, NULL, quoted temporal values, hex strings with an optional charset
// and collation. Anything else in the table was not written by the engine and is never pasted into SQL.
bool isKeyLiteral(const QString &literal)
{
    static const QRegularExpression form(
        uR"(^(NULL|-?[0-9][0-9.eE+-]*|'[0-9: .-]*'|(_[A-Za-z0-9]+ )?X'[0-9A-Fa-f]*'( COLLATE [A-Za-z0-9_]+)?)$)"_s);
    return form.match(literal).hasMatch();
}

} // namespace

void create(Connection &connection, const QString &schema, const QString &table)
{
    connection.execute(u"CREATE TABLE %1 (id TINYINT UNSIGNED NOT NULL, "
                       "written_at TIMESTAMP(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), "
                       "binlog_file VARCHAR(512) NOT NULL, binlog_offset BIGINT UNSIGNED NOT NULL, gtid_set TEXT NOT NULL, "
                       "source_server VARCHAR(255) NOT NULL, last_copied_key MEDIUMTEXT NULL, "
                       "copy_complete TINYINT NOT NULL, rows_copied BIGINT UNSIGNED NOT NULL, "
                       "events_applied BIGINT UNSIGNED NOT NULL, alter_text MEDIUMTEXT NOT NULL, "
                       "ghost_definition CHAR(64) CHARACTER SET ascii NOT NULL, PRIMARY KEY (id)) ENGINE=InnoDB "
                       "COMMENT='shadowswap checkpoint: where an interrupted migration resumes (--resume)'"_s.arg(
                           qualifiedName(schema, table)));
}

void write(Connection &connection, const QString &schema, const QString &table, const Checkpoint &point)
{
    QString key = u"NULL"_s;
    if (point.lastCopiedKey)
        key = connection.quote(QString::fromUtf8(
            QJsonDocument(QJsonArray::fromStringList(*point.lastCopiedKey)).toJson(QJsonDocument::Compact)));
    connection.execute(u"REPLACE INTO %1 (id, binlog_file, binlog_offset, gtid_set, source_server, last_copied_key, "
                       "copy_complete, rows_copied, events_applied, alter_text, ghost_definition) "
                       "VALUES (1, %2, %3, %4, %5, %6, %7, %8, %9, %10, %11)"_s.arg(
                           qualifiedName(schema, table), connection.quote(point.position.file),
                           QString::number(point.position.offset), connection.quote(point.position.gtidSet),
                           connection.quote(point.sourceServer), key, point.copyComplete ? u"1"_s : u"0"_s,
                           QString::number(point.rowsCopied), QString::number(point.eventsApplied),
                           connection.quote(point.alter), connection.quote(point.ghostDefinition)));
}

std::optional<Checkpoint> read(Connection &connection, const QString &schema, const QString &table)
{
    auto row = connection.query(u"SELECT binlog_file, binlog_offset, gtid_set, source_server, last_copied_key, "
                                "copy_complete, rows_copied, events_applied, alter_text, ghost_definition, "
                                "CAST(written_at AS CHAR) FROM %1 WHERE id = 1"_s.arg(qualifiedName(schema, table)));
    if (!row.next())
        return std::nullopt;
    Checkpoint point;
    point.position.file = row.text(0);
    point.position.offset = row.toUInt(1);
    point.position.gtidSet = row.text(2);
    point.sourceServer = row.text(3);
    if (!row.isNull(4)) {
        QStringList literals;
        for (const auto &value : QJsonDocument::fromJson(row.text(4).toUtf8()).array())
            literals << value.toString();
        for (const QString &literal : literals)
            if (!isKeyLiteral(literal))
                throw MigrationError(u"resume-bad-checkpoint"_s,
                                     u"the checkpoint in %1.%2 holds a key value the engine never writes (%3); it was "
                                     "changed by hand. Start the migration over with --initially-drop-ghost-table"_s
                                         .arg(schema, table, literal.left(80)));
        if (literals.isEmpty())
            throw MigrationError(u"resume-bad-checkpoint"_s, u"the checkpoint in %1.%2 has an unreadable last key; "
                                                             "start over with --initially-drop-ghost-table"_s.arg(schema, table));
        point.lastCopiedKey = literals;
    }
    point.copyComplete = row.toInt(5) != 0;
    point.rowsCopied = row.toUInt(6);
    point.eventsApplied = row.toUInt(7);
    point.alter = row.text(8);
    point.ghostDefinition = row.text(9);
    point.writtenAt = row.text(10);
    return point;
}

QString definitionFingerprint(const QString &createStatement)
{
    return legacyDefinitionFingerprint(inspect::withoutOrdinaryIndexes(createStatement));
}

QString legacyDefinitionFingerprint(const QString &createStatement)
{
    static const QRegularExpression autoIncrement(u" AUTO_INCREMENT=\\d+"_s);
    static const QRegularExpression tableName(u"^CREATE TABLE `(?:[^`]|``)*`"_s);
    QString normalized = createStatement;
    normalized.remove(autoIncrement);
    normalized.replace(tableName, u"CREATE TABLE"_s);
    return QString::fromLatin1(QCryptographicHash::hash(normalized.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString serverIdentity(Connection &connection)
{
    auto row = connection.query(u"SELECT @@server_id, @@port"_s);
    row.next();
    return u"server_id %1 on port %2"_s.arg(row.text(0), row.text(1));
}

namespace {
// A file of the same name is not the same binlog: RESET MASTER, or a server rebuilt under the same name, starts
// the numbering again. The GTID position at the offset tells the two apart.
QString binlogRewritten(Connection &connection, const binlog::BinlogPosition &position)
{
    if (position.gtidSet.isEmpty())
        return {};
    if (connection.serverVersion().contains(u"MariaDB"_s, Qt::CaseInsensitive)) {
        const QString now = connection
                                .scalar(u"SELECT BINLOG_GTID_POS(%1, %2)"_s.arg(connection.quote(position.file),
                                                                                 QString::number(position.offset)))
                                .value_or(QString());
        if (binlog::GtidSet::fromString(now) == binlog::GtidSet::fromString(position.gtidSet))
            return {};
        return u"the binlog was reset or rebuilt since the checkpoint: %1 at offset %2 now follows GTID position "
               "\"%3\", the checkpoint was written after \"%4\" (RESET MASTER, or a server rebuilt under the same "
               "name)"_s.arg(position.file, QString::number(position.offset), now.isEmpty() ? u"none"_s : now,
                             position.gtidSet);
    }
    const bool executed = connection
                              .scalar(u"SELECT GTID_SUBSET(%1, @@GLOBAL.gtid_executed)"_s.arg(
                                  connection.quote(position.gtidSet)))
                              .value_or(u"0"_s)
        == u"1"_s;
    if (executed)
        return {};
    return u"the binlog was reset or rebuilt since the checkpoint: the server no longer has the transactions the "
           "checkpoint was written after (\"%1\")"_s.arg(position.gtidSet);
}
} // namespace

QString binlogUnavailable(Connection &connection, const binlog::BinlogPosition &position)
{
    auto logs = connection.query(u"SHOW BINARY LOGS"_s);
    QString oldest;
    while (logs.next()) {
        if (oldest.isEmpty())
            oldest = logs.text(0);
        if (logs.text(0) != position.file)
            continue;
        if (logs.toUInt(1) < position.offset)
            return u"binlog file %1 is only %2 bytes long, but the checkpoint points at offset %3"_s.arg(
                position.file, QString::number(logs.toUInt(1)), QString::number(position.offset));
        return binlogRewritten(connection, position);
    }
    return u"binlog file %1 is gone (purged; the oldest left is %2)"_s.arg(position.file,
                                                                          oldest.isEmpty() ? u"none"_s : oldest);
}

} // namespace checkpoint

CheckpointWriter::CheckpointWriter(mysql::ConnectionSettings primary, QString schema, QString table,
                                   Checkpoint identity, int intervalSeconds)
    : m_primary(std::move(primary))
    , m_schema(std::move(schema))
    , m_table(std::move(table))
    , m_identity(std::move(identity))
    , m_intervalMillis(std::max(1, intervalSeconds) * 1000)
{
}

void CheckpointWriter::tick(const Progress &progress)
{
    if (!due())
        return;
    m_sinceLast.start();
    if (progress.boundary.isValid() && progress.boundarySequence <= progress.appliedThrough) {
        store(progress.boundary, progress);
        m_candidate.reset();
        return;
    }
    if (m_candidate && m_candidate->second <= progress.appliedThrough)
        store(m_candidate->first, progress);
    if (progress.boundary.isValid())
        m_candidate = std::pair{progress.boundary, progress.boundarySequence};
}

void CheckpointWriter::store(const binlog::BinlogPosition &position, const Progress &progress)
{
    Checkpoint point = m_identity;
    point.position = position;
    point.lastCopiedKey = progress.lastCopiedKey;
    point.copyComplete = progress.copyComplete;
    point.rowsCopied = progress.rowsCopied;
    point.eventsApplied = progress.eventsApplied;
    try {
        if (!m_connection.isOpen())
            m_connection = Connection::open(m_primary, u"checkpoint"_s);
        checkpoint::write(m_connection, m_schema, m_table, point);
        ++m_written;
        SS_DEBUG("checkpoint: {} key {}", position.toString().toStdString(),
                 point.lastCopiedKey ? point.lastCopiedKey->join(u","_s).toStdString() : std::string("(none)"));
    } catch (const DbException &error) {
        // A missed checkpoint only means a resume would redo a little more; the migration itself is unharmed.
        SS_WARN("checkpoint not written ({}); trying again later", error.error().message.toStdString());
        m_connection = Connection();
    }
}

} // namespace engine::migration
