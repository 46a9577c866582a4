#include "eventtype.h"

using namespace Qt::StringLiterals;

namespace engine::binlog {

QString eventTypeName(quint8 type)
{
    switch (type) {
    case EventType::Query: return u"QUERY"_s;
    case EventType::Stop: return u"STOP"_s;
    case EventType::Rotate: return u"ROTATE"_s;
    case EventType::Intvar: return u"INTVAR"_s;
    case EventType::Rand: return u"RAND"_s;
    case EventType::UserVar: return u"USER_VAR"_s;
    case EventType::FormatDescription: return u"FORMAT_DESCRIPTION"_s;
    case EventType::Xid: return u"XID"_s;
    case EventType::TableMap: return u"TABLE_MAP"_s;
    case EventType::WriteRowsV1: return u"WRITE_ROWS_V1"_s;
    case EventType::UpdateRowsV1: return u"UPDATE_ROWS_V1"_s;
    case EventType::DeleteRowsV1: return u"DELETE_ROWS_V1"_s;
    case EventType::Incident: return u"INCIDENT"_s;
    case EventType::Heartbeat: return u"HEARTBEAT"_s;
    case EventType::Ignorable: return u"IGNORABLE"_s;
    case EventType::RowsQuery: return u"ROWS_QUERY"_s;
    case EventType::WriteRowsV2: return u"WRITE_ROWS_V2"_s;
    case EventType::UpdateRowsV2: return u"UPDATE_ROWS_V2"_s;
    case EventType::DeleteRowsV2: return u"DELETE_ROWS_V2"_s;
    case EventType::MySqlGtid: return u"GTID (MySQL)"_s;
    case EventType::MySqlAnonymousGtid: return u"ANONYMOUS_GTID"_s;
    case EventType::MySqlPreviousGtids: return u"PREVIOUS_GTIDS"_s;
    case EventType::XaPrepare: return u"XA_PREPARE"_s;
    case EventType::PartialUpdateRows: return u"PARTIAL_UPDATE_ROWS"_s;
    case EventType::TransactionPayload: return u"TRANSACTION_PAYLOAD"_s;
    case EventType::HeartbeatV2: return u"HEARTBEAT_V2"_s;
    case EventType::AnnotateRows: return u"ANNOTATE_ROWS"_s;
    case EventType::BinlogCheckpoint: return u"BINLOG_CHECKPOINT"_s;
    case EventType::MariaGtid: return u"GTID (MariaDB)"_s;
    case EventType::MariaGtidList: return u"GTID_LIST"_s;
    case EventType::StartEncryption: return u"START_ENCRYPTION"_s;
    case EventType::QueryCompressed: return u"QUERY_COMPRESSED"_s;
    case EventType::WriteRowsCompressedV1: return u"WRITE_ROWS_COMPRESSED_V1"_s;
    case EventType::UpdateRowsCompressedV1: return u"UPDATE_ROWS_COMPRESSED_V1"_s;
    case EventType::DeleteRowsCompressedV1: return u"DELETE_ROWS_COMPRESSED_V1"_s;
    case EventType::WriteRowsCompressedV2: return u"WRITE_ROWS_COMPRESSED"_s;
    case EventType::UpdateRowsCompressedV2: return u"UPDATE_ROWS_COMPRESSED"_s;
    case EventType::DeleteRowsCompressedV2: return u"DELETE_ROWS_COMPRESSED"_s;
    default: return u"event type %1"_s.arg(type);
    }
}

} // namespace engine::binlog
