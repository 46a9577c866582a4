#include "binlogposition.h"

#include <mysql/connection.h>
#include <mysql/serverfacts.h>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace engine::binlog {

QString BinlogPosition::toString() const
{
    QString text = u"%1:%2"_s.arg(file).arg(offset);
    if (!gtidSet.isEmpty())
        text += u" gtid="_s + gtidSet;
    return text;
}

BinlogPosition BinlogPosition::fromString(const QString &text)
{
    static const QRegularExpression form(u"^\\s*(.+):(\\d+)(?:\\s+gtid=(\\S*))?\\s*$"_s);
    const auto match = form.match(text);
    if (!match.hasMatch())
        return {};
    BinlogPosition position;
    position.file = match.captured(1);
    position.offset = match.captured(2).toULongLong();
    position.gtidSet = match.captured(3);
    return position;
}

namespace {
BinlogPosition readStatus(engine::mysql::Connection &connection, const QString &statement)
{
    auto status = connection.query(statement);
    if (!status.next())
        throw engine::mysql::DbException(engine::mysql::DbError{
            0, {}, u"binary logging is off on %1: there is no binlog to read"_s.arg(connection.settings().describe()),
            statement});
    BinlogPosition position;
    position.file = status.text(0);
    position.offset = status.toUInt(1);
    const int executed = status.columnIndex(u"Executed_Gtid_Set"_s);
    if (executed >= 0)
        position.gtidSet = status.text(executed).remove(u'\n');
    return position;
}
} // namespace

BinlogPosition currentBinlogPosition(engine::mysql::Connection &connection)
{
    using engine::mysql::Flavour;
    const auto version = engine::mysql::ServerVersion::parse(connection.serverVersion());
    if (version.flavour == Flavour::MySQL) // the GTID set comes from the same statement, so it matches exactly
        return readStatus(connection, version.atLeast(8, 2) ? u"SHOW BINARY LOG STATUS"_s : u"SHOW MASTER STATUS"_s);

    // MariaDB: SHOW MASTER STATUS waits for a binlog group being written, so when @@gtid_binlog_pos is the same
    // before and after it, that set describes exactly the returned offset. Under a steady write load fall back to
    // BINLOG_GTID_POS(), which is exact but reads the binlog file up to the offset.
    const QString gtidQuery = u"SELECT @@GLOBAL.gtid_binlog_pos"_s;
    for (int attempt = 0; attempt < 5; ++attempt) {
        const QString before = connection.scalar(gtidQuery).value_or(QString());
        BinlogPosition position = readStatus(connection, u"SHOW MASTER STATUS"_s);
        if (connection.scalar(gtidQuery).value_or(QString()) == before) {
            position.gtidSet = before;
            return position;
        }
    }
    BinlogPosition position = readStatus(connection, u"SHOW MASTER STATUS"_s);
    const auto exact = connection.scalar(
        u"SELECT BINLOG_GTID_POS(%1, %2)"_s.arg(connection.quote(position.file)).arg(position.offset));
    if (!exact)
        throw engine::mysql::DbException(engine::mysql::DbError{
            0, {}, u"cannot tell the GTID position at %1 on %2"_s.arg(position.toString(), connection.settings().describe()),
            {}});
    position.gtidSet = *exact;
    return position;
}

} // namespace engine::binlog
