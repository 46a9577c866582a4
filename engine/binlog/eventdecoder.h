#pragma once

#include "binlogevent.h"
#include "binlogposition.h"
#include "gtidset.h"
#include "tablemap.h"

#include <QByteArray>
#include <QByteArrayView>

#include <array>
#include <functional>
#include <memory>
#include <unordered_map>

namespace engine::binlog {

// Turns the raw bytes of consecutive binlog events (common header, body, CRC32 when checksums are on) into
// BinlogEvents, keeping what decoding needs between events: the format description (header and post-header
// lengths, checksum algorithm), table maps by id, the file and offset, and the GTID set of completed
// transactions. Pure logic with no I/O, so tests can feed recorded bytes. Not thread-safe: one owner.
class EventDecoder {
public:
    // Decide per table whose rows to decode; rows of rejected tables come back as Type::Other, undecoded.
    // An empty filter accepts every table.
    using TableFilter = std::function<bool(const QString &schema, const QString &table)>;
    // Sees each new table map of an accepted table before rows are decoded with it, e.g. to fill unsignedFlags.
    // Not called again for a repeated, identical table map (the first one's result is kept).
    using TableMapHook = std::function<void(TableMap &)>;

    explicit EventDecoder(TableFilter filter = {});

    // Whether events carry a CRC32 until a FORMAT_DESCRIPTION says otherwise: the server's @@binlog_checksum,
    // which also covers the artificial ROTATE a server sends before its first FORMAT_DESCRIPTION.
    void setChecksumExpected(bool crc32) { m_checksum = crc32; }
    void setVerifyChecksums(bool verify) { m_verifyChecksums = verify; }
    void setTableMapHook(TableMapHook hook) { m_tableMapHook = std::move(hook); }
    // Where the stream starts; its gtidSet seeds the GTID tracking.
    void setPosition(const BinlogPosition &position);

    // Decodes one whole event. Throws BinlogFormatError (naming the event type and where it starts) for malformed,
    // truncated or unsupported events, checksum mismatches, compressed events (log_bin_compress,
    // binlog_transaction_compression), INCIDENT events and rows without their table map. An event that fails
    // leaves the position and the GTID set where they were.
    BinlogEvent decode(QByteArrayView event);

    [[nodiscard]] const BinlogPosition &position() const { return m_position; }
    [[nodiscard]] bool checksumExpected() const { return m_checksum; }
    [[nodiscard]] const QString &serverVersion() const { return m_serverVersion; } // from FORMAT_DESCRIPTION
    // The accepted table map with this id, or null (unknown or rejected by the filter).
    [[nodiscard]] std::shared_ptr<const TableMap> tableMap(quint64 tableId) const;

private:
    struct Header {
        quint32 length = 0;
        quint32 nextPosition = 0;
        quint16 flags = 0;
    };
    struct CachedTable {
        QByteArray body; // the TABLE_MAP body, to recognise a repeated map without decoding it
        std::shared_ptr<const TableMap> map; // null: rejected by the filter
    };
    enum class Standalone { Unknown, Yes, No };
    struct PendingTransaction {
        bool active = false;
        bool mariaDb = true;
        quint32 domain = 0;
        quint32 server = 0;
        quint64 sequence = 0;
        QString uuid;
        Standalone standalone = Standalone::Unknown;
    };

    void decodeBody(BinlogEvent &event, const Header &header, QByteArrayView body);
    void decodeFormatDescription(QByteArrayView body);
    void decodeQuery(BinlogEvent &event, QByteArrayView body);
    void decodeTableMapEvent(QByteArrayView body);
    void decodeRows(BinlogEvent &event, QByteArrayView body);
    void decodeMariaGtid(BinlogEvent &event, QByteArrayView body);
    void decodeMySqlGtid(BinlogEvent &event, QByteArrayView body);
    void decodeGtidList(QByteArrayView body);
    void decodePreviousGtids(QByteArrayView body);
    void commitPending();
    [[nodiscard]] int tableIdBytes(quint8 eventType) const;
    [[nodiscard]] int postHeaderLength(quint8 eventType, int fallback) const;

    TableFilter m_filter;
    TableMapHook m_tableMapHook;
    bool m_checksum = false;
    bool m_verifyChecksums = true;
    int m_headerLength = 19;
    std::array<quint8, 256> m_postHeaderLengths{}; // by event type; 0 = unknown
    QString m_serverVersion;
    BinlogPosition m_position;
    GtidSet m_gtids;
    PendingTransaction m_pending;
    std::unordered_map<quint64, CachedTable> m_tables;
};

} // namespace engine::binlog
