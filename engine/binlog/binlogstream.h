#pragma once

#include "binlogevent.h"
#include "binlogposition.h"
#include "eventdecoder.h"

#include <mysql/connectionsettings.h>

#include <QByteArrayView>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

namespace engine::binlog {

// Reads a server's binlog as a replica would (COM_BINLOG_DUMP through Connector/C's mariadb_rpl) and decodes
// it with EventDecoder. Owned and used by ONE thread (the reader thread): open(), next(), position() and the
// setters. cancel() may be called from any thread at any time.
//
// The replica server id must be unique among the server's replicas and binlog readers: the server ends an
// older dump connection that uses the same id.
class BinlogStream {
public:
    // Decode rows only for these tables; rows of other tables come back as Type::Other, undecoded.
    using TableFilter = std::function<bool(const QString &schema, const QString &table)>;
    using TableMapHook = EventDecoder::TableMapHook;

    BinlogStream(engine::mysql::ConnectionSettings settings, quint32 replicaServerId, TableFilter filter);
    ~BinlogStream();
    BinlogStream(const BinlogStream &) = delete;
    BinlogStream &operator=(const BinlogStream &) = delete;

    // Options; they take effect at the next open().
    // Ask the server for a HEARTBEAT event after this much idle time (0, the default: none). With a period, a
    // connection that stays silent for three periods (at least 5 s) counts as lost and next() throws.
    void setHeartbeatPeriod(std::chrono::milliseconds period);
    // true: next() returns nullopt once it has read everything the server has written, instead of waiting for
    // more (BINLOG_DUMP_NON_BLOCK). Default false.
    void setStopAtEnd(bool stop);
    void setVerifyChecksums(bool verify); // default true
    // true (the default): for each table the filter accepts, read information_schema.COLUMNS once per table shape
    // (on a second connection) and fill TableMap::unsignedFlags and binaryFlags, so UNSIGNED integers come as UInt
    // and BINARY(n) values padded. A table whose column count differs from its table map is left as decoded.
    void setColumnDetailsFromServer(bool enabled);
    // Called after the column details for each new table map of an accepted table; may adjust it.
    void setTableMapHook(TableMapHook hook);

    // Connects and starts the dump at start.file:start.offset (which must be the start of an event, normally a
    // transaction boundary); start.gtidSet seeds the GTID set reported in positions. Throws DbException with a
    // message naming the server and position when the server can't be reached, binary logging is off, or the
    // file or offset doesn't exist.
    void open(const BinlogPosition &start);
    // The next event; blocks until one arrives. nullopt after cancel(), or at the end of the binlog with
    // setStopAtEnd(true). Throws DbException for connection loss and server errors, BinlogFormatError for events
    // that can't be decoded; the stream is closed after a throw.
    std::optional<BinlogEvent> next();
    // Thread-safe: makes a blocked or later next() return nullopt promptly (shuts the socket down).
    void cancel();
    // After the last event next() returned (the start position before the first one).
    [[nodiscard]] BinlogPosition position() const;
    // The raw bytes (header to checksum) of the last event next() returned or failed on; valid until the next call
    // to next() or close(). For diagnostics and recording test data.
    [[nodiscard]] QByteArrayView lastEventBytes() const;
    void close();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace engine::binlog
