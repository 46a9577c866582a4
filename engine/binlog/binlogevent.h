#pragma once

#include "binlogposition.h"
#include "rowvalue.h"
#include "tablemap.h"

#include <QString>

#include <memory>
#include <optional>
#include <vector>

namespace engine::binlog {

enum class RowsKind { Insert, Update, Delete };

// The rows of one WRITE/UPDATE/DELETE_ROWS event. Insert: `after` only; Delete: `before` only;
// Update: before[i] -> after[i]. Each Row has one value per column of `table`.
struct RowsEvent {
    RowsKind kind = RowsKind::Insert;
    std::shared_ptr<const TableMap> table;
    std::vector<Row> before;
    std::vector<Row> after;
    // Which columns the images carry (one flag per column; all true with binlog_row_image=FULL). A column that
    // is not present reads as Null in the rows; only these flags tell it apart from a real NULL.
    std::vector<bool> beforePresent;
    std::vector<bool> afterPresent;
    bool statementEnd = false; // STMT_END_F: the last rows event of its statement
};

struct BinlogEvent {
    // Other: every event the applier needs nothing from (TABLE_MAP, GTID_LIST, ANNOTATE_ROWS, rows of tables the
    // filter rejected, ...). `rawType` tells them apart.
    enum class Type { Rows, Gtid, Xid, Rotate, Query, Heartbeat, FormatDescription, Other } type = Type::Other;
    quint8 rawType = 0;   // EventType::*
    quint32 serverId = 0; // the server that wrote the event originally
    quint32 timestamp = 0; // seconds since the epoch when the statement started on its origin server
    // After this event: file and offset of the next event; gtidSet includes the last completed transaction
    // (the one this event completes, for XID/COMMIT). Artificial events leave it unchanged; ROTATE moves it to the
    // next file.
    BinlogPosition position;
    std::optional<RowsEvent> rows;
    QString gtid;  // Gtid: "0-1-42" (MariaDB) or "uuid:42" (MySQL)
    QString query; // Query: the statement (BEGIN, COMMIT, DDL); Other: the ANNOTATE_ROWS / ROWS_QUERY text
    QString querySchema; // Query: the session's default database when it ran (unqualified names are in it)
};

} // namespace engine::binlog
