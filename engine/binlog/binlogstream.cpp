#include "binlogstream.h"

#include "binlogformaterror.h"
#include "columndetails.h"

#include <logging/logging.h>
#include <mysql/connection.h>
#include <mysql/serverfacts.h>

#include <mysql.h>
#include <mysqld_error.h>
// after mysql.h, which it needs
#include <mariadb_rpl.h>
#include <sys/socket.h>

#include <QHash>

#include <atomic>
#include <mutex>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::DbError;
using engine::mysql::DbException;

namespace engine::binlog {

struct BinlogStream::Impl {
    engine::mysql::ConnectionSettings settings;
    quint32 serverId = 0;
    TableFilter filter;
    TableMapHook tableMapHook;
    std::chrono::milliseconds heartbeatPeriod{0};
    bool stopAtEnd = false;
    bool verifyChecksums = true;
    bool columnDetailsFromServer = true;

    Connection connection;
    Connection detailsConnection; // information_schema lookups, opened on first use
    struct CachedDetails {
        QByteArray shape; // column types and metadata of the table map they were read for
        std::vector<ColumnDetails> details;
    };
    QHash<QString, CachedDetails> detailsCache;
    MARIADB_RPL *rpl = nullptr;
    MARIADB_RPL_EVENT *event = nullptr; // reused between fetches; freed by the library when a fetch fails
    std::unique_ptr<EventDecoder> decoder;
    BinlogPosition start;
    QByteArrayView lastBytes;
    QByteArray failedBytes; // a copy of the event that failed to decode, which lastBytes then shows

    std::atomic<bool> cancelled{false};
    std::mutex socketMutex; // guards `socket` between cancel() and close()
    int socket = -1;

    [[noreturn]] void fail(DbError error)
    {
        closeTransport();
        throw DbException(std::move(error));
    }

    void closeTransport()
    {
        {
            std::lock_guard lock(socketMutex);
            socket = -1;
        }
        lastBytes = {};
        if (event) {
            mariadb_free_rpl_event(event);
            event = nullptr;
        }
        if (rpl) {
            mariadb_rpl_close(rpl);
            rpl = nullptr;
        }
        connection.close();
        detailsConnection.close();
    }

    void completeTableMap(TableMap &map)
    {
        if (columnDetailsFromServer) {
            QByteArray shape;
            for (const ColumnMeta &column : map.columns)
                shape += char(column.type) + QByteArray::number(column.meta) + ',';
            const QString key = map.schema + u'.' + map.table;
            auto it = detailsCache.find(key);
            if (it == detailsCache.end() || it->shape != shape) {
                if (!detailsConnection.isOpen())
                    detailsConnection = Connection::open(settings, u"binlog-columns"_s);
                it = detailsCache.insert(key, {shape, readColumnDetails(detailsConnection, map.schema, map.table)});
            }
            if (!applyColumnDetails(map, it->details))
                SS_WARN("binlog: {}.{} has {} columns in its table map but {} in information_schema; its integers "
                        "read as signed and BINARY values unpadded", map.schema.toStdString(), map.table.toStdString(),
                        map.columns.size(), it->details.size());
        }
        if (tableMapHook)
            tableMapHook(map);
    }
};

BinlogStream::BinlogStream(engine::mysql::ConnectionSettings settings, quint32 replicaServerId, TableFilter filter)
    : d(std::make_unique<Impl>())
{
    d->settings = std::move(settings);
    d->serverId = replicaServerId;
    d->filter = std::move(filter);
}

BinlogStream::~BinlogStream()
{
    close();
}

void BinlogStream::setHeartbeatPeriod(std::chrono::milliseconds period)
{
    d->heartbeatPeriod = period;
}

void BinlogStream::setStopAtEnd(bool stop)
{
    d->stopAtEnd = stop;
}

void BinlogStream::setVerifyChecksums(bool verify)
{
    d->verifyChecksums = verify;
}

void BinlogStream::setColumnDetailsFromServer(bool enabled)
{
    d->columnDetailsFromServer = enabled;
}

void BinlogStream::setTableMapHook(TableMapHook hook)
{
    d->tableMapHook = std::move(hook);
}

void BinlogStream::open(const BinlogPosition &start)
{
    close();
    d->detailsCache.clear();
    d->cancelled = false;
    const QString where = u"%1 from %2"_s.arg(d->settings.describe(), start.toString());
    if (!start.isValid())
        throw DbException(DbError{0, {}, u"cannot read the binlog of %1: a start position needs a file name and an "
                                          "offset of at least 4"_s.arg(where), {}});
    if (d->serverId == 0)
        throw DbException(DbError{0, {}, u"cannot read the binlog of %1: the replica server id must not be 0"_s.arg(where), {}});

    engine::mysql::ConnectionSettings settings = d->settings;
    if (d->heartbeatPeriod.count() > 0 && settings.readTimeoutSeconds == 0)
        settings.readTimeoutSeconds = static_cast<unsigned>(qMax<qint64>(5, 3 * d->heartbeatPeriod.count() / 1000 + 1));
    d->connection = Connection::open(settings, u"binlog"_s);
    Connection &connection = d->connection;
    bool checksum = false;
    try {
        auto vars = connection.query(u"SELECT @@GLOBAL.log_bin, @@GLOBAL.binlog_checksum"_s);
        if (!vars.next() || vars.toInt(0) != 1)
            d->fail(DbError{0, {}, u"cannot read the binlog of %1: binary logging is off (log_bin)"_s.arg(where), {}});
        checksum = vars.text(1).compare(u"CRC32"_s, Qt::CaseInsensitive) == 0;
        // Checks file and offset up front: the dump itself would only fail on the first read, less clearly. A user
        // with REPLICATION SLAVE but without BINLOG MONITOR may not run it; the dump then reports bad positions.
        try {
            connection.query(u"SHOW BINLOG EVENTS IN %1 FROM %2 LIMIT 1"_s.arg(connection.quote(start.file)).arg(start.offset));
        } catch (const DbException &error) {
            if (error.code() != ER_SPECIFIC_ACCESS_DENIED_ERROR && error.code() != ER_DBACCESS_DENIED_ERROR
                && error.code() != ER_ACCESS_DENIED_ERROR)
                throw;
        }
        connection.execute(u"SET @master_binlog_checksum = @@GLOBAL.binlog_checksum, "
                           "@source_binlog_checksum = @@GLOBAL.binlog_checksum, @mariadb_slave_capability = 4"_s);
        if (d->heartbeatPeriod.count() > 0) {
            const qint64 nanoseconds = qint64(d->heartbeatPeriod.count()) * 1000000;
            connection.execute(u"SET @master_heartbeat_period = %1, @source_heartbeat_period = %1"_s.arg(nanoseconds));
        }
    } catch (const DbException &error) {
        DbError detailed = error.error();
        if (!detailed.message.startsWith(u"cannot read the binlog"_s))
            detailed.message = u"cannot read the binlog of %1: %2"_s.arg(where, detailed.message);
        d->fail(std::move(detailed));
    }

    MYSQL *mysql = connection.handle();
    d->rpl = mariadb_rpl_init(mysql);
    if (!d->rpl)
        d->fail(DbError{mysql_errno(mysql), QString::fromLatin1(mysql_sqlstate(mysql)),
                        u"cannot read the binlog of %1: %2"_s.arg(where, QString::fromUtf8(mysql_error(mysql))), {}});
    const QByteArray file = start.file.toUtf8();
    mariadb_rpl_optionsv(d->rpl, MARIADB_RPL_FILENAME, file.constData(), static_cast<size_t>(file.size()));
    mariadb_rpl_optionsv(d->rpl, MARIADB_RPL_START, static_cast<unsigned long>(start.offset));
    mariadb_rpl_optionsv(d->rpl, MARIADB_RPL_SERVER_ID, static_cast<unsigned int>(d->serverId));
    mariadb_rpl_optionsv(d->rpl, MARIADB_RPL_FLAGS,
                         static_cast<unsigned int>(d->stopAtEnd ? MARIADB_RPL_BINLOG_DUMP_NON_BLOCK : 0));
    if (mariadb_rpl_open(d->rpl) != 0)
        d->fail(DbError{mysql_errno(mysql), QString::fromLatin1(mysql_sqlstate(mysql)),
                        u"cannot start the binlog dump of %1: %2"_s.arg(where, QString::fromUtf8(mysql_error(mysql))),
                        {}});

    d->decoder = std::make_unique<EventDecoder>(d->filter);
    d->decoder->setChecksumExpected(checksum);
    d->decoder->setVerifyChecksums(d->verifyChecksums);
    d->decoder->setTableMapHook([impl = d.get()](TableMap &map) { impl->completeTableMap(map); });
    d->decoder->setPosition(start);
    d->start = start;
    {
        std::lock_guard lock(d->socketMutex);
        d->socket = static_cast<int>(mysql_get_socket(mysql));
    }
    if (d->cancelled) // cancel() ran while we were connecting and found no socket yet
        cancel();
    SS_INFO("binlog: reading {} as replica {}", where.toStdString(), d->serverId);
}

std::optional<BinlogEvent> BinlogStream::next()
{
    if (d->cancelled)
        return std::nullopt;
    if (!d->rpl)
        throw DbException(DbError{0, {}, u"the binlog stream of %1 is not open"_s.arg(d->settings.describe()), {}});
    MYSQL *mysql = d->connection.handle();
    d->lastBytes = {};
    MARIADB_RPL_EVENT *event = mariadb_rpl_fetch(d->rpl, d->event);
    if (!event) {
        d->event = nullptr; // the library frees the event it was given when a fetch fails
        const QString where = u"%1 at %2"_s.arg(d->settings.describe(), position().toString());
        if (d->cancelled) {
            d->closeTransport();
            return std::nullopt;
        }
        if (mysql_errno(mysql) != 0)
            d->fail(DbError{mysql_errno(mysql), QString::fromLatin1(mysql_sqlstate(mysql)),
                            u"reading the binlog of %1 failed: %2"_s.arg(where, QString::fromUtf8(mysql_error(mysql))),
                            {}});
        if (mariadb_rpl_errno(d->rpl) != 0)
            d->fail(DbError{mariadb_rpl_errno(d->rpl), {},
                            u"reading the binlog of %1 failed: %2"_s.arg(where, QString::fromUtf8(mariadb_rpl_error(d->rpl))),
                            {}});
        if (d->stopAtEnd) {
            d->closeTransport();
            return std::nullopt;
        }
        d->fail(DbError{0, {}, u"the binlog stream of %1 stopped without an error from the client library: the "
                                "server ended it, or the library could not parse the next event (a compressed "
                                "transaction payload?)"_s.arg(where), {}});
    }
    d->event = event;
    if (event->raw_data_ofs > event->raw_data_size)
        d->fail(DbError{0, {}, u"the client library returned a malformed binlog packet"_s, {}});
    d->lastBytes = QByteArrayView(reinterpret_cast<const char *>(event->raw_data + event->raw_data_ofs),
                                  static_cast<qsizetype>(event->raw_data_size - event->raw_data_ofs));
    try {
        return d->decoder->decode(d->lastBytes);
    } catch (const DbException &) {
        d->failedBytes = d->lastBytes.toByteArray();
        d->closeTransport();
        d->lastBytes = d->failedBytes;
        SS_WARN("binlog: undecodable event from {}: {}", d->settings.describe().toStdString(),
                d->failedBytes.left(512).toHex().toStdString());
        throw;
    }
}

void BinlogStream::cancel()
{
    d->cancelled = true;
    std::lock_guard lock(d->socketMutex);
    if (d->socket >= 0)
        ::shutdown(d->socket, SHUT_RDWR);
}

BinlogPosition BinlogStream::position() const
{
    return d->decoder ? d->decoder->position() : d->start;
}

QByteArrayView BinlogStream::lastEventBytes() const
{
    return d->lastBytes;
}

void BinlogStream::close()
{
    d->closeTransport();
}

} // namespace engine::binlog
