#include "eventdecoder.h"

#include "binlogformaterror.h"
#include "bytereader.h"
#include "crc32.h"
#include "eventtype.h"
#include "rowdecoder.h"

using namespace Qt::StringLiterals;

namespace engine::binlog {

namespace {

constexpr int CommonHeaderLength = 19;
constexpr int ChecksumLength = 4;
constexpr quint16 ArtificialFlag = 0x0020;
constexpr quint16 IgnorableFlag = 0x0080;
constexpr quint8 MariaStandaloneFlag = 0x01;
constexpr quint8 ChecksumAlgorithmCrc32 = 1;

QByteArrayView skipSpace(QByteArrayView text)
{
    qsizetype i = 0;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r'))
        ++i;
    return text.sliced(i);
}

// Whether `text` starts with the keyword `word` (upper case), ignoring leading space and case; `rest` gets what
// follows it.
bool startsWithWord(QByteArrayView text, QByteArrayView word, QByteArrayView *rest = nullptr)
{
    text = skipSpace(text);
    if (text.size() < word.size())
        return false;
    for (qsizetype k = 0; k < word.size(); ++k) {
        const char c = text[k];
        if ((c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c) != word[k])
            return false;
    }
    if (text.size() > word.size()) {
        const char next = text[word.size()];
        if ((next >= 'A' && next <= 'Z') || (next >= 'a' && next <= 'z') || (next >= '0' && next <= '9')
            || next == '_')
            return false;
    }
    if (rest)
        *rest = text.sliced(word.size());
    return true;
}

// A statement that ends the transaction its GTID event opened: COMMIT, ROLLBACK (not ROLLBACK TO SAVEPOINT),
// XA COMMIT, XA ROLLBACK.
bool endsTransaction(QByteArrayView query)
{
    QByteArrayView rest;
    if (startsWithWord(query, "COMMIT"))
        return true;
    if (startsWithWord(query, "XA", &rest))
        return startsWithWord(rest, "COMMIT") || startsWithWord(rest, "ROLLBACK");
    if (!startsWithWord(query, "ROLLBACK", &rest))
        return false;
    startsWithWord(rest, "WORK", &rest);
    return !startsWithWord(rest, "TO");
}

QString uuidText(QByteArrayView bytes)
{
    const QByteArray hex = bytes.toByteArray().toHex();
    return QString::fromLatin1(hex.left(8) + '-' + hex.mid(8, 4) + '-' + hex.mid(12, 4) + '-' + hex.mid(16, 4) + '-'
                               + hex.mid(20));
}

} // namespace

EventDecoder::EventDecoder(TableFilter filter)
    : m_filter(std::move(filter))
{
}

void EventDecoder::setPosition(const BinlogPosition &position)
{
    m_position = position;
    m_gtids = GtidSet::fromString(position.gtidSet);
    m_pending = {};
}

std::shared_ptr<const TableMap> EventDecoder::tableMap(quint64 tableId) const
{
    const auto it = m_tables.find(tableId);
    return it == m_tables.end() ? nullptr : it->second.map;
}

int EventDecoder::postHeaderLength(quint8 eventType, int fallback) const
{
    const quint8 length = eventType > 0 ? m_postHeaderLengths[eventType - 1] : 0;
    return length != 0 ? length : fallback;
}

int EventDecoder::tableIdBytes(quint8 eventType) const
{
    return postHeaderLength(eventType, 8) == 6 ? 4 : 6;
}

BinlogEvent EventDecoder::decode(QByteArrayView bytes)
{
    BinlogEvent event;
    Header header;
    ByteReader in(bytes);
    try {
        event.timestamp = in.u32("event timestamp");
        event.rawType = in.u8("event type");
        event.serverId = in.u32("server id");
        header.length = in.u32("event length");
        header.nextPosition = in.u32("next position");
        header.flags = in.u16("event flags");
    } catch (const BinlogFormatError &error) {
        throw BinlogFormatError(u"binlog event after %1: %2"_s.arg(m_position.toString(), error.error().message));
    }

    try {
        if (header.length != static_cast<quint64>(bytes.size()))
            throw BinlogFormatError(u"its header says %1 bytes, %2 arrived"_s.arg(header.length).arg(bytes.size()));
        const bool isFormatDescription = event.rawType == EventType::FormatDescription;
        // A FORMAT_DESCRIPTION always ends in its algorithm byte and a checksum field, whatever the algorithm.
        const bool checksummed = isFormatDescription
            ? bytes.size() >= CommonHeaderLength + ChecksumLength + 1
                && static_cast<quint8>(bytes[bytes.size() - 5]) == ChecksumAlgorithmCrc32
            : m_checksum;
        const int headerLength = isFormatDescription ? CommonHeaderLength : m_headerLength;
        const int trailer = (checksummed || isFormatDescription) ? ChecksumLength : 0;
        if (bytes.size() < headerLength + trailer)
            throw BinlogFormatError(u"%1 bytes are too few for its header and checksum"_s.arg(bytes.size()));
        if (checksummed && m_verifyChecksums) {
            ByteReader tail(bytes.sliced(bytes.size() - ChecksumLength));
            const quint32 stored = tail.u32("checksum");
            const quint32 computed = crc32(bytes.first(bytes.size() - ChecksumLength));
            if (stored != computed)
                throw BinlogFormatError(u"CRC32 mismatch (stored %1, computed %2): the event is corrupt"_s
                                            .arg(stored, 8, 16, QLatin1Char('0'))
                                            .arg(computed, 8, 16, QLatin1Char('0')));
        }
        decodeBody(event, header, bytes.sliced(headerLength, bytes.size() - headerLength - trailer));
    } catch (const BinlogFormatError &error) {
        // Every decode step throws before it changes any state, so m_position is still where this event starts.
        throw BinlogFormatError(u"%1 event at %2:%3 (next %4): %5"_s.arg(eventTypeName(event.rawType), m_position.file)
                                    .arg(m_position.offset)
                                    .arg(header.nextPosition)
                                    .arg(error.error().message));
    }

    if (event.type == BinlogEvent::Type::Rotate) {
        m_tables.clear(); // table ids are only valid within the transaction (and file) that mapped them
    } else if (event.type != BinlogEvent::Type::Heartbeat && header.nextPosition != 0
               && !(header.flags & ArtificialFlag)) {
        m_position.offset = header.nextPosition;
    }
    event.position = m_position;
    return event;
}

void EventDecoder::decodeBody(BinlogEvent &event, const Header &header, QByteArrayView body)
{
    using Type = BinlogEvent::Type;
    const quint8 type = event.rawType;
    switch (type) {
    case EventType::FormatDescription:
        event.type = Type::FormatDescription;
        decodeFormatDescription(body);
        return;
    case EventType::Rotate: {
        ByteReader in(body);
        const quint64 position = in.u64("rotate position");
        in.skip(postHeaderLength(type, 8) - 8, "rotate post-header");
        const QString file = QString::fromUtf8(in.rest());
        if (file.isEmpty())
            throw BinlogFormatError(u"ROTATE without a file name"_s);
        event.type = Type::Rotate;
        m_position.file = file;
        m_position.offset = position;
        return;
    }
    case EventType::Query:
        event.type = Type::Query;
        decodeQuery(event, body);
        return;
    case EventType::Xid:
        if (body.size() < 8)
            throw BinlogFormatError(u"XID body of %1 bytes"_s.arg(body.size()));
        event.type = Type::Xid;
        commitPending();
        return;
    case EventType::XaPrepare:
        commitPending();
        return;
    case EventType::TableMap:
        decodeTableMapEvent(body);
        return;
    case EventType::WriteRowsV1:
    case EventType::UpdateRowsV1:
    case EventType::DeleteRowsV1:
    case EventType::WriteRowsV2:
    case EventType::UpdateRowsV2:
    case EventType::DeleteRowsV2:
        decodeRows(event, body);
        return;
    case EventType::MariaGtid:
        decodeMariaGtid(event, body);
        return;
    case EventType::MySqlGtid:
        decodeMySqlGtid(event, body);
        return;
    case EventType::MariaGtidList:
        decodeGtidList(body);
        return;
    case EventType::MySqlPreviousGtids:
        decodePreviousGtids(body);
        return;
    case EventType::AnnotateRows:
        event.query = QString::fromUtf8(body);
        return;
    case EventType::RowsQuery:
        event.query = QString::fromUtf8(body.size() > 1 ? body.sliced(1) : QByteArrayView()); // skips a length byte
        return;
    case EventType::Heartbeat:
    case EventType::HeartbeatV2:
        event.type = Type::Heartbeat;
        return;
    case EventType::QueryCompressed:
    case EventType::WriteRowsCompressedV1:
    case EventType::UpdateRowsCompressedV1:
    case EventType::DeleteRowsCompressedV1:
    case EventType::WriteRowsCompressedV2:
    case EventType::UpdateRowsCompressedV2:
    case EventType::DeleteRowsCompressedV2:
        throw BinlogFormatError(u"compressed binlog events are not supported: turn log_bin_compress off on the "
                                "server (SET GLOBAL log_bin_compress=OFF) and start from a position written after that"_s);
    case EventType::TransactionPayload:
        throw BinlogFormatError(u"compressed transaction payloads are not supported: turn "
                                "binlog_transaction_compression off on the server"_s);
    case EventType::PartialUpdateRows:
        throw BinlogFormatError(u"partial JSON row images are not supported: set binlog_row_value_options='' "
                                "(full row images are required)"_s);
    case EventType::Incident: {
        ByteReader in(body);
        const quint16 incident = in.remaining() >= 2 ? in.u16("incident type") : 0;
        QString message;
        if (!in.atEnd()) {
            const qsizetype length = in.u8("incident message length");
            message = QString::fromUtf8(in.bytes(qMin(length, in.remaining()), "incident message"));
        }
        throw BinlogFormatError(u"the server logged INCIDENT %1 (%2): changes are missing from its binlog, so "
                                "reading on would lose them"_s.arg(incident).arg(message));
    }
    case 1: // START_V3
    case EventType::Stop:
    case EventType::Intvar:
    case EventType::Rand:
    case EventType::UserVar:
    case 17: // BEGIN_LOAD_QUERY
    case 18: // EXECUTE_LOAD_QUERY
    case EventType::Ignorable:
    case EventType::MySqlAnonymousGtid:
    case 36: // TRANSACTION_CONTEXT
    case 37: // VIEW_CHANGE
    case EventType::BinlogCheckpoint:
    case EventType::StartEncryption:
        return;
    default:
        if (header.flags & IgnorableFlag)
            return;
        throw BinlogFormatError(u"this event type is not supported and the server did not mark it ignorable"_s);
    }
}

void EventDecoder::decodeFormatDescription(QByteArrayView body)
{
    ByteReader in(body);
    const quint16 binlogVersion = in.u16("binlog version");
    if (binlogVersion != 4)
        throw BinlogFormatError(u"binlog format version %1 is not supported (4 expected)"_s.arg(binlogVersion));
    const QByteArrayView version = in.bytes(50, "server version");
    in.skip(4, "create timestamp");
    const quint8 headerLength = in.u8("header length");
    if (headerLength < CommonHeaderLength)
        throw BinlogFormatError(u"event header length %1 is below 19"_s.arg(headerLength));
    const qsizetype count = in.remaining() - 1; // the checksum algorithm byte follows the post-header lengths
    if (count < 0)
        throw BinlogFormatError(u"FORMAT_DESCRIPTION without a checksum algorithm"_s);
    const QByteArrayView lengths = in.bytes(count, "post-header lengths");
    const quint8 algorithm = in.u8("checksum algorithm");

    m_headerLength = headerLength;
    m_postHeaderLengths.fill(0);
    for (qsizetype i = 0; i < count && i < static_cast<qsizetype>(m_postHeaderLengths.size()); ++i)
        m_postHeaderLengths[static_cast<std::size_t>(i)] = static_cast<quint8>(lengths[i]);
    m_checksum = algorithm == ChecksumAlgorithmCrc32;
    const qsizetype end = version.indexOf('\0');
    m_serverVersion = QString::fromLatin1(end < 0 ? version : version.first(end));
}

void EventDecoder::decodeQuery(BinlogEvent &event, QByteArrayView body)
{
    ByteReader in(body);
    in.skip(8, "thread id and execution time");
    const quint8 databaseLength = in.u8("database name length");
    in.skip(2, "error code");
    const quint16 statusLength = in.u16("status variables length");
    in.skip(postHeaderLength(EventType::Query, 13) - 13, "query post-header");
    in.skip(statusLength, "status variables");
    const QByteArrayView database = in.bytes(databaseLength, "database name");
    in.skip(1, "database name terminator");
    const QByteArrayView query = in.rest();
    event.query = QString::fromUtf8(query);
    event.querySchema = QString::fromUtf8(database);

    if (!m_pending.active)
        return;
    if (m_pending.standalone == Standalone::Unknown) { // MySQL: a transaction starts with BEGIN, DDL stands alone
        m_pending.standalone = startsWithWord(query, "BEGIN") ? Standalone::No : Standalone::Yes;
        if (m_pending.standalone == Standalone::No)
            return;
    }
    if (m_pending.standalone == Standalone::Yes || endsTransaction(query))
        commitPending();
}

void EventDecoder::decodeTableMapEvent(QByteArrayView body)
{
    const int idBytes = tableIdBytes(EventType::TableMap);
    ByteReader peek(body);
    const quint64 tableId = peek.uintLE(idBytes, "table id");
    if (const auto it = m_tables.find(tableId); it != m_tables.end() && it->second.body == body)
        return;
    TableMap map = decodeTableMap(body, idBytes);
    CachedTable cached{body.toByteArray(), nullptr};
    if (!m_filter || m_filter(map.schema, map.table)) {
        if (m_tableMapHook)
            m_tableMapHook(map);
        cached.map = std::make_shared<const TableMap>(std::move(map));
    }
    m_tables[tableId] = std::move(cached);
}

void EventDecoder::decodeRows(BinlogEvent &event, QByteArrayView body)
{
    const int idBytes = tableIdBytes(event.rawType);
    const RowsEventHeader header = decodeRowsHeader(body, event.rawType, idBytes);
    const auto it = m_tables.find(header.tableId);
    if (it == m_tables.end()) {
        if (!header.hasRows)
            return;
        throw BinlogFormatError(u"rows for table id %1, whose TABLE_MAP was not seen: a stream must start at a "
                                "transaction boundary"_s.arg(header.tableId));
    }
    if (!it->second.map)
        return; // a table the filter rejected
    event.rows = decodeRowsEvent(body, event.rawType, idBytes, it->second.map);
    event.type = BinlogEvent::Type::Rows;
}

void EventDecoder::decodeMariaGtid(BinlogEvent &event, QByteArrayView body)
{
    ByteReader in(body);
    const quint64 sequence = in.u64("GTID sequence number");
    const quint32 domain = in.u32("GTID domain id");
    const quint8 flags = in.u8("GTID flags");
    m_pending = PendingTransaction{true, true, domain, event.serverId, sequence, {},
                                   (flags & MariaStandaloneFlag) ? Standalone::Yes : Standalone::No};
    event.type = BinlogEvent::Type::Gtid;
    event.gtid = u"%1-%2-%3"_s.arg(domain).arg(event.serverId).arg(sequence);
}

void EventDecoder::decodeMySqlGtid(BinlogEvent &event, QByteArrayView body)
{
    ByteReader in(body);
    in.skip(1, "GTID flags");
    const QString uuid = uuidText(in.bytes(16, "GTID source id"));
    const quint64 number = in.u64("GTID transaction number");
    m_pending = PendingTransaction{true, false, 0, 0, number, uuid, Standalone::Unknown};
    event.type = BinlogEvent::Type::Gtid;
    event.gtid = uuid + u':' + QString::number(number);
}

void EventDecoder::decodeGtidList(QByteArrayView body)
{
    ByteReader in(body);
    const quint32 count = in.u32("GTID list count") & 0x0fffffffu; // the top four bits are flags
    in.need(static_cast<qsizetype>(count) * 16, "GTID list");
    for (quint32 i = 0; i < count; ++i) {
        const quint32 domain = in.u32("GTID domain id");
        const quint32 server = in.u32("GTID server id");
        m_gtids.mergeMariaDb(domain, server, in.u64("GTID sequence number")); // can't throw: length checked above
    }
    m_position.gtidSet = m_gtids.toString();
}

void EventDecoder::decodePreviousGtids(QByteArrayView body)
{
    ByteReader in(body);
    struct Interval {
        QString uuid;
        quint64 first, last;
    };
    std::vector<Interval> parsed;
    const quint64 sources = in.u64("source count");
    for (quint64 s = 0; s < sources; ++s) {
        const QString uuid = uuidText(in.bytes(16, "source id"));
        const quint64 intervals = in.u64("interval count");
        in.need(static_cast<qsizetype>(qMin<quint64>(intervals, 1u << 24) * 16), "intervals");
        for (quint64 i = 0; i < intervals; ++i) {
            const quint64 first = in.u64("interval start");
            const quint64 end = in.u64("interval end"); // exclusive
            if (first >= 1 && end > first)
                parsed.push_back({uuid, first, end - 1});
        }
    }
    for (const Interval &interval : parsed)
        m_gtids.addMySql(interval.uuid, interval.first, interval.last);
    m_position.gtidSet = m_gtids.toString();
}

void EventDecoder::commitPending()
{
    if (!m_pending.active)
        return;
    if (m_pending.mariaDb)
        m_gtids.setMariaDb(m_pending.domain, m_pending.server, m_pending.sequence);
    else
        m_gtids.addMySql(m_pending.uuid, m_pending.sequence);
    m_pending = {};
    m_position.gtidSet = m_gtids.toString();
}

} // namespace engine::binlog
