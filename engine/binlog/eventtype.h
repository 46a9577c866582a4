#pragma once

#include <QString>
#include <QtGlobal>

namespace engine::binlog {

// Binlog event type codes (byte 4 of the event header), MySQL and MariaDB.
namespace EventType {
inline constexpr quint8 Unknown = 0;
inline constexpr quint8 Query = 2;
inline constexpr quint8 Stop = 3;
inline constexpr quint8 Rotate = 4;
inline constexpr quint8 Intvar = 5;
inline constexpr quint8 Rand = 13;
inline constexpr quint8 UserVar = 14;
inline constexpr quint8 FormatDescription = 15;
inline constexpr quint8 Xid = 16;
inline constexpr quint8 TableMap = 19;
inline constexpr quint8 WriteRowsV1 = 23;
inline constexpr quint8 UpdateRowsV1 = 24;
inline constexpr quint8 DeleteRowsV1 = 25;
inline constexpr quint8 Incident = 26;
inline constexpr quint8 Heartbeat = 27;
inline constexpr quint8 Ignorable = 28;
inline constexpr quint8 RowsQuery = 29;
inline constexpr quint8 WriteRowsV2 = 30;
inline constexpr quint8 UpdateRowsV2 = 31;
inline constexpr quint8 DeleteRowsV2 = 32;
inline constexpr quint8 MySqlGtid = 33;
inline constexpr quint8 MySqlAnonymousGtid = 34;
inline constexpr quint8 MySqlPreviousGtids = 35;
inline constexpr quint8 XaPrepare = 38;
inline constexpr quint8 PartialUpdateRows = 39;
inline constexpr quint8 TransactionPayload = 40;
inline constexpr quint8 HeartbeatV2 = 41;
inline constexpr quint8 AnnotateRows = 160;
inline constexpr quint8 BinlogCheckpoint = 161;
inline constexpr quint8 MariaGtid = 162;
inline constexpr quint8 MariaGtidList = 163;
inline constexpr quint8 StartEncryption = 164;
inline constexpr quint8 QueryCompressed = 165;
inline constexpr quint8 WriteRowsCompressedV1 = 166;
inline constexpr quint8 UpdateRowsCompressedV1 = 167;
inline constexpr quint8 DeleteRowsCompressedV1 = 168;
inline constexpr quint8 WriteRowsCompressedV2 = 169;
inline constexpr quint8 UpdateRowsCompressedV2 = 170;
inline constexpr quint8 DeleteRowsCompressedV2 = 171;
} // namespace EventType

// "WRITE_ROWS_V1", "GTID (MariaDB)", ... or "event type 42", for messages.
QString eventTypeName(quint8 type);

} // namespace engine::binlog
