#pragma once

#include <QMetaType>
#include <QString>

namespace engine::mysql {
class Connection;
}

namespace engine::binlog {

// A point in a server's binlog: the file and the byte offset of the next event, plus the GTID set of every
// transaction completed before that point (MariaDB "0-1-42,1-2-7" or a MySQL UUID set; empty when unknown).
// Plain value; crosses threads.
struct BinlogPosition {
    QString file;
    quint64 offset = 0;
    QString gtidSet;

    [[nodiscard]] bool isValid() const { return !file.isEmpty() && offset >= 4; }
    // "primary-bin.000002:1234" or "primary-bin.000002:1234 gtid=0-1-42".
    [[nodiscard]] QString toString() const;
    // Reads toString()'s form back; an invalid position when `text` isn't one.
    static BinlogPosition fromString(const QString &text);
    bool operator==(const BinlogPosition &) const = default;
};

// The server's current binlog end: file and offset from SHOW MASTER STATUS (SHOW BINARY LOG STATUS on MySQL 8.2+)
// and the GTID set at exactly that offset (MariaDB: BINLOG_GTID_POS(file, offset), falling back to
// @@gtid_binlog_pos; MySQL: the same statement's Executed_Gtid_Set). Throws DbException when the statements fail or
// binary logging is off.
BinlogPosition currentBinlogPosition(engine::mysql::Connection &connection);

} // namespace engine::binlog

Q_DECLARE_METATYPE(engine::binlog::BinlogPosition)
