// The binlog layer against the real sandbox: every column type written on the primary, read back from the
// replica's binlog (log_slave_updates) with BinlogStream, and compared value by value with SELECT.
#include <sandbox.h>

#include <binlog/binlogstream.h>
#include <binlog/columntype.h>
#include <binlog/eventtype.h>
#include <binlog/gtidset.h>
#include <binlog/columndetails.h>
#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

using namespace Qt::StringLiterals;
using namespace engine::binlog;
using engine::mysql::Connection;
using engine::mysql::ConnectionSettings;
using engine::mysql::DbException;

namespace {

quint32 uniqueServerId()
{
    return QRandomGenerator::global()->bounded(100000u, 2000000000u);
}

// Cancels a stream that is still reading after `limit`, so a test fails instead of hanging.
class Watchdog {
public:
    Watchdog(BinlogStream &stream, std::chrono::seconds limit)
        : m_thread([this, &stream, limit] {
            std::unique_lock lock(m_mutex);
            if (!m_done.wait_for(lock, limit, [this] { return m_finished; })) {
                m_fired = true;
                stream.cancel();
            }
        })
    {
    }
    ~Watchdog()
    {
        {
            std::lock_guard lock(m_mutex);
            m_finished = true;
        }
        m_done.notify_all();
        m_thread.join();
    }
    [[nodiscard]] bool fired() const { return m_fired; }

private:
    std::mutex m_mutex;
    std::condition_variable m_done;
    bool m_finished = false;
    std::atomic<bool> m_fired{false};
    std::thread m_thread;
};

struct Column {
    QString name;
    QString dataType; // information_schema DATA_TYPE
    bool isUnsigned = false;
};

// How SELECT renders a column for comparison with a decoded value.
QString selectExpression(const Column &c)
{
    const QString q = engine::mysql::quoteIdentifier(c.name);
    static const QStringList hexTypes = {u"char"_s, u"varchar"_s, u"binary"_s, u"varbinary"_s, u"tinytext"_s,
                                         u"text"_s, u"mediumtext"_s, u"longtext"_s, u"tinyblob"_s, u"blob"_s,
                                         u"mediumblob"_s, u"longblob"_s, u"json"_s, u"point"_s, u"geometry"_s};
    if (hexTypes.contains(c.dataType))
        return u"HEX(%1)"_s.arg(q);
    if (c.dataType == u"enum"_s || c.dataType == u"set"_s || c.dataType == u"bit"_s)
        return u"%1 + 0"_s.arg(q);
    return q;
}

// Empty when `value` is what SELECT showed as `expected` (nullopt = NULL); else what differs.
QString mismatch(const Column &c, const RowValue &value, const std::optional<QByteArray> &expected)
{
    const QString shown = expected ? QString::fromUtf8(expected->left(80)) : u"NULL"_s;
    const QString got = value.debugString().left(120);
    const QString prefix = u"%1 (%2): decoded %3, SELECT shows %4"_s.arg(c.name, c.dataType, got, shown);
    if (!expected)
        return value.isNull() ? QString() : prefix;
    using Kind = RowValue::Kind;
    const QString &t = c.dataType;
    bool ok = false;
    if (t == u"tinyint"_s || t == u"smallint"_s || t == u"mediumint"_s || t == u"int"_s || t == u"bigint"_s) {
        ok = c.isUnsigned ? value.kind == Kind::UInt && QByteArray::number(value.u) == *expected
                          : value.kind == Kind::Int && QByteArray::number(value.i) == *expected;
    } else if (t == u"decimal"_s) {
        ok = value.kind == Kind::Decimal && value.bytes == *expected;
    } else if (t == u"float"_s || t == u"double"_s) {
        const double want = expected->toDouble();
        const double tolerance = (t == u"float"_s ? 1e-6 : 1e-14) * qMax(1.0, qAbs(want));
        ok = value.kind == Kind::Double && qAbs(value.d - want) <= tolerance;
    } else if (t == u"enum"_s || t == u"set"_s || t == u"bit"_s) {
        ok = value.kind == Kind::UInt && QByteArray::number(value.u) == *expected;
    } else if (t == u"year"_s) {
        ok = value.kind == Kind::Int && value.i == expected->toLongLong();
    } else if (t == u"date"_s || t == u"time"_s || t == u"datetime"_s || t == u"timestamp"_s) {
        ok = value.kind == Kind::Temporal && value.bytes == *expected;
    } else { // compared as HEX()
        ok = value.kind == Kind::Bytes && value.bytes.toHex().toUpper() == *expected;
    }
    return ok ? QString() : prefix;
}

using SnapshotRow = std::vector<std::optional<QByteArray>>;

// Runs a test body, turning a DbException into a test failure that shows the server's message.
template<typename Body>
void guarded(Body body)
{
    try {
        body();
    } catch (const DbException &error) {
        QTest::qFail(qPrintable(error.error().toString()), __FILE__, __LINE__);
    }
}

struct TableShape {
    std::vector<Column> columns;
    QString selectList;
};

TableShape shapeOf(Connection &connection, const QString &schema, const QString &table)
{
    TableShape shape;
    QStringList expressions;
    for (const ColumnDetails &details : readColumnDetails(connection, schema, table)) {
        const Column column{details.name, details.dataType, details.isUnsigned};
        expressions << selectExpression(column);
        shape.columns.push_back(column);
    }
    shape.selectList = expressions.join(u", "_s);
    return shape;
}

// Rows by id (column 0) as SELECT renders them, in a UTC session so TIMESTAMPs match the decoder's rendering.
std::map<qint64, SnapshotRow> snapshot(Connection &connection, const TableShape &shape, const QString &table)
{
    connection.execute(u"SET time_zone = '+00:00'"_s);
    auto result = connection.query(u"SELECT %1 FROM %2 ORDER BY 1"_s.arg(shape.selectList,
                                                                           engine::mysql::quoteIdentifier(table)));
    std::map<qint64, SnapshotRow> rows;
    while (result.next()) {
        SnapshotRow row;
        for (int i = 0; i < result.columnCount(); ++i)
            row.push_back(result.bytes(i));
        rows[result.toInt(0)] = std::move(row);
    }
    return rows;
}

QStringList compareRow(const TableShape &shape, const Row &decoded, const SnapshotRow &expected, const QString &what)
{
    QStringList problems;
    if (decoded.size() != shape.columns.size())
        return {u"%1: %2 values decoded for %3 columns"_s.arg(what).arg(decoded.size()).arg(shape.columns.size())};
    for (std::size_t i = 0; i < decoded.size(); ++i)
        if (const QString m = mismatch(shape.columns[i], decoded[i], expected[i]); !m.isEmpty())
            problems << what + u": "_s + m;
    return problems;
}

// Reads the binlog from `from` up to exactly `to`, decoding rows of `schema`.`table` only (with the stream's
// default column details from information_schema: UNSIGNED integers as UInt, BINARY(n) padded).
std::vector<BinlogEvent> readRange(const ConnectionSettings &server, const BinlogPosition &from,
                                   const BinlogPosition &to, const QString &schema, const QString &table)
{
    BinlogStream stream(server, uniqueServerId(),
                        [&](const QString &s, const QString &t) { return s == schema && t == table; });
    int hookCalls = 0;
    stream.setTableMapHook([&](TableMap &map) {
        ++hookCalls;
        if (map.unsignedFlags.size() != map.columns.size() || map.columnNames.at(0) != u"id"_s)
            qWarning("column details were not filled for %s", qPrintable(map.table));
    });
    stream.open(from);
    QFile record(qEnvironmentVariable("SHADOWSWAP_RECORD_BINLOG"));
    if (!record.fileName().isEmpty() && !record.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", qPrintable(record.fileName()));
    std::vector<BinlogEvent> events;
    Watchdog watchdog(stream, std::chrono::seconds(60));
    while (auto event = stream.next()) {
        if (record.isOpen())
            record.write(stream.lastEventBytes().toByteArray().toHex() + '\n');
        events.push_back(std::move(*event));
        const BinlogPosition &at = events.back().position;
        if (at.file == to.file && at.offset >= to.offset)
            break;
    }
    if (watchdog.fired())
        throw DbException(engine::mysql::DbError{0, {}, u"timed out reading the binlog up to "_s + to.toString(), {}});
    if (hookCalls == 0)
        throw DbException(engine::mysql::DbError{0, {}, u"the table map hook was never called"_s, {}});
    return events;
}

const char *const AllTypesTable = R"(CREATE TABLE t_all (
  id INT NOT NULL PRIMARY KEY,
  ti TINYINT, tiu TINYINT UNSIGNED, si SMALLINT, siu SMALLINT UNSIGNED, mi MEDIUMINT, miu MEDIUMINT UNSIGNED,
  ii INT, iiu INT UNSIGNED, bi BIGINT, biu BIGINT UNSIGNED,
  de DECIMAL(20,6), de0 DECIMAL(5,0), de10 DECIMAL(10,10), fl FLOAT, db DOUBLE,
  c_utf CHAR(10) CHARACTER SET utf8mb4, vc_utf VARCHAR(300) CHARACTER SET utf8mb4,
  c_lat CHAR(10) CHARACTER SET latin1, vc_lat VARCHAR(100) CHARACTER SET latin1,
  c_long CHAR(100) CHARACTER SET utf8mb4, bin BINARY(8), vbin VARBINARY(20),
  tt TINYTEXT, tx TEXT, mt MEDIUMTEXT, lt LONGTEXT CHARACTER SET latin1,
  tb TINYBLOB, bl BLOB, mb MEDIUMBLOB, lb LONGBLOB,
  en ENUM('a','b','c'), en_big ENUM(%1), st SET('x','y','z'), st_big SET(%2),
  b1 BIT(1), b13 BIT(13), b64 BIT(64), yr YEAR, dt DATE,
  tm0 TIME(0), tm3 TIME(3), tm6 TIME(6), dt0 DATETIME(0), dt3 DATETIME(3), dt6 DATETIME(6),
  ts0 TIMESTAMP(0) NULL DEFAULT NULL, ts6 TIMESTAMP(6) NULL DEFAULT NULL,
  js JSON, geo GEOMETRY, gs BIGINT AS (ii DIV 2) STORED, gv VARCHAR(20) AS (CONCAT('v', id)) VIRTUAL
) DEFAULT CHARSET=utf8mb4)";

const char *const Columns = "id, ti, tiu, si, siu, mi, miu, ii, iiu, bi, biu, de, de0, de10, fl, db, c_utf, vc_utf, "
                            "c_lat, vc_lat, c_long, bin, vbin, tt, tx, mt, lt, tb, bl, mb, lb, en, en_big, st, "
                            "st_big, b1, b13, b64, yr, dt, tm0, tm3, tm6, dt0, dt3, dt6, ts0, ts6, js, geo";

const char *const MinRow =
    "(1, -128, 0, -32768, 0, -8388608, 0, -2147483648, 0, -9223372036854775808, 0, "
    "'-12345678901234.123456', -99999, -0.9999999999, -1.5, -2.25e-300, "
    "'😀✓é 😀', REPEAT('ü😀', 52), 'Größe é', 'àéîõü ÀÉÎÕÜ ß', REPEAT('€', 90), X'00FF0000AB', X'0000', "
    "'tiny ✓', REPEAT('a', 1000), REPEAT('m😀', 500), 'latin1 long ÿ', "
    "X'00', X'00FF00', REPEAT(X'00FF10', 100), REPEAT(X'00FF10', 500), "
    "'a', 'v1', 'x', 'm1', b'0', b'0', b'0', 1901, '1000-01-01', "
    "'-838:59:59', '-00:00:00.5', '-838:59:59.000000', '1000-01-01 00:00:00', '1000-01-01 00:00:00.000', "
    "'1000-01-01 00:00:00.000000', '1970-01-01 00:00:01', '1970-01-01 00:00:01.000001', "
    "'{\"a\": [1, 2.5, \"x😀\"], \"b\": null}', ST_GeomFromText('POINT(1 2)'))";

const char *const MaxRow =
    "(2, 127, 255, 32767, 65535, 8388607, 16777215, 2147483647, 4294967295, 9223372036854775807, "
    "18446744073709551615, '99999999999999.999999', 99999, 0.9999999999, 3.4e38, 1.7976931348623157e308, "
    "'abcdefghij', '', 'ab  ', '', '', X'FFFFFFFFFFFFFFFF', '', '', '', '', '', '', '', '', '', "
    "'c', 'v300', 'x,y,z', 'm1,m10,m20', b'1', b'1111111111111', b'1111111111111111111111111111111111111111111111111111111111111111', "
    "2155, '9999-12-31', '838:59:59', '838:59:59.999', '838:59:59.000000', '9999-12-31 23:59:59', "
    "'9999-12-31 23:59:59.999', '9999-12-31 23:59:59.999999', '2038-01-19 03:14:07', "
    "'2038-01-19 03:14:07.999999', '[]', ST_GeomFromText('LINESTRING(0 0, 1 1, 2 1)'))";

const char *const MixedRows =
    "(4, 0, 128, -1, 32768, -1, 8388608, -1, 2147483648, -1, 9223372036854775808, '-0.000001', 0, 0.5, "
    "0, 0.1, 'x', 'a\\0b', 'é', 'ÿ', 'x', X'01', X'000000', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "
    "'b', 'v257', '', 'm20', b'1', b'0000000000001', b'1000000000000000000000000000000000000000000000000000000000000000', "
    "0, '2024-02-29', '00:00:00', '12:34:56.789', '-00:00:00.000001', '2024-02-29 13:45:07', "
    "'2024-02-29 13:45:07.120', '2024-02-29 13:45:07.123456', '2024-02-29 13:45:07', "
    "'2024-02-29 13:45:07.000001', '\"just a string\"', NULL), "
    "(5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, '1.5', 1, 0.0000000001, 1, 1, '1', '1', '1', '1', '1', X'', X'', '1', '1', "
    "'1', '1', X'01', X'01', X'01', X'01', 'a', 'v2', 'y', 'm2', b'1', b'1', b'1', 2024, '0000-00-00', "
    "'-12:00:00', '-01:02:03.004', '23:59:59.999999', '0000-00-00 00:00:00', '2000-01-01 00:00:00.001', "
    "'2000-01-01 00:00:00.000001', '0000-00-00 00:00:00', '0000-00-00 00:00:00.000000', '{}', NULL)";

QString memberList(const QString &prefix, int count)
{
    QStringList members;
    for (int i = 1; i <= count; ++i)
        members << u"'%1%2'"_s.arg(prefix).arg(i);
    return members.join(u',');
}

} // namespace

class TestBinlogStream : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void decodesEveryColumnTypeLikeSelect()
    {
        guarded([&] {
            REQUIRE_SANDBOX(sandbox);
            testsupport::ScratchDatabase db(sandbox, QString::fromLatin1(QTest::currentTestFunction()));
            Connection primary = Connection::open(db.primary());
            Connection replica = Connection::open(sandbox.replica);
            testsupport::waitForReplica(primary, replica); // the scratch database exists there too
            primary.execute(QString::fromUtf8(AllTypesTable).arg(memberList(u"v"_s, 300), memberList(u"m"_s, 20)));
            primary.execute(u"CREATE TABLE t_other (id INT PRIMARY KEY, v VARCHAR(10))"_s);
            testsupport::waitForReplica(primary, replica);
            const BinlogPosition start = currentBinlogPosition(replica);
            QVERIFY2(start.isValid(), qPrintable(start.toString()));

            // Zero dates need a permissive sql_mode; TIMESTAMPs are written in UTC.
            primary.execute(u"SET sql_mode = '', time_zone = '+00:00'"_s);
            const QString columns = QString::fromLatin1(Columns);
            primary.execute(u"INSERT INTO t_all (%1) VALUES %2"_s.arg(columns, QString::fromUtf8(MinRow)));
            primary.execute(u"INSERT INTO t_all (%1) VALUES %2"_s.arg(columns, QString::fromUtf8(MaxRow)));
            primary.execute(u"INSERT INTO t_all (id) VALUES (3)"_s); // NULL in every nullable column
            primary.execute(u"INSERT INTO t_other VALUES (1, 'ignored')"_s);
            primary.execute(u"INSERT INTO t_all (%1) VALUES %2"_s.arg(columns, QString::fromUtf8(MixedRows)));
            const TableShape shape = shapeOf(primary, db.name(), u"t_all"_s);
            const auto afterInserts = snapshot(primary, shape, u"t_all"_s);
            QCOMPARE(afterInserts.size(), 5u);

            primary.execute(u"SET time_zone = '+00:00'"_s);
            primary.execute(u"UPDATE t_all SET id = 20 WHERE id = 2"_s); // primary key change
            primary.execute(u"UPDATE t_all SET ti = 5, de = '-0.5', tm6 = '01:02:03.4', js = '{\"k\": [1, 2]}', "
                            "c_utf = '𝄞', en = 'b' WHERE id = 3"_s);
            primary.execute(u"UPDATE t_all SET ii = ii + 1, vc_utf = CONCAT(vc_utf, '!') WHERE id IN (1, 5)"_s);
            primary.execute(u"UPDATE t_all SET de = NULL, ts6 = NULL, lb = NULL, vc_lat = 'Ñ' WHERE id = 4"_s);
            primary.execute(u"UPDATE t_other SET v = 'still' WHERE id = 1"_s);
            const auto afterUpdates = snapshot(primary, shape, u"t_all"_s);

            primary.execute(u"DELETE FROM t_all WHERE id IN (4, 20)"_s);
            const auto afterDeletes = snapshot(primary, shape, u"t_all"_s);
            QCOMPARE(afterDeletes.size(), 3u);

            testsupport::waitForReplica(primary, replica);
            const BinlogPosition end = currentBinlogPosition(replica);
            const std::vector<BinlogEvent> events = readRange(db.replica(), start, end, db.name(), u"t_all"_s);
            QVERIFY(!events.empty());
            QCOMPARE(events.back().position.file, end.file);
            QCOMPARE(events.back().position.offset, end.offset);
            QVERIFY2(GtidSet::fromString(events.back().position.gtidSet) == GtidSet::fromString(end.gtidSet),
                     qPrintable(events.back().position.gtidSet + u" vs "_s + end.gtidSet));

            const quint64 primaryServerId = primary.scalar(u"SELECT @@server_id"_s).value().toULongLong();
            QStringList problems;
            int inserted = 0, updated = 0, deleted = 0, otherRowsEvents = 0, gtids = 0, xids = 0;
            const auto idOf = [](const Row &row) { return row.at(0).i; };
            for (const BinlogEvent &event : events) {
                gtids += event.type == BinlogEvent::Type::Gtid;
                xids += event.type == BinlogEvent::Type::Xid;
                if (event.type != BinlogEvent::Type::Rows) {
                    if (event.rawType >= EventType::WriteRowsV1 && event.rawType <= EventType::DeleteRowsV1)
                        ++otherRowsEvents; // t_other's rows, rejected by the filter
                    continue;
                }
                QVERIFY(event.rows);
                const RowsEvent &rows = *event.rows;
                QCOMPARE(rows.table->table, u"t_all"_s);
                QCOMPARE(event.serverId, primaryServerId);
                for (bool present : rows.beforePresent)
                    QVERIFY(present);
                for (bool present : rows.afterPresent)
                    QVERIFY(present);
                switch (rows.kind) {
                case RowsKind::Insert:
                    QVERIFY(rows.before.empty());
                    for (const Row &row : rows.after) {
                        ++inserted;
                        problems << compareRow(shape, row, afterInserts.at(idOf(row)), u"insert %1"_s.arg(idOf(row)));
                    }
                    break;
                case RowsKind::Update:
                    QCOMPARE(rows.before.size(), rows.after.size());
                    for (std::size_t i = 0; i < rows.after.size(); ++i) {
                        ++updated;
                        const qint64 before = idOf(rows.before[i]), after = idOf(rows.after[i]);
                        problems << compareRow(shape, rows.before[i], afterInserts.at(before), u"update %1 before"_s.arg(before));
                        problems << compareRow(shape, rows.after[i], afterUpdates.at(after), u"update %1 after"_s.arg(after));
                    }
                    break;
                case RowsKind::Delete:
                    QVERIFY(rows.after.empty());
                    for (const Row &row : rows.before) {
                        ++deleted;
                        problems << compareRow(shape, row, afterUpdates.at(idOf(row)), u"delete %1"_s.arg(idOf(row)));
                    }
                    break;
                }
            }
            QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
            QCOMPARE(inserted, 5);
            QCOMPARE(updated, 5);
            QCOMPARE(deleted, 2);
            QCOMPARE(otherRowsEvents, 2);
            QVERIFY2(gtids >= 11 && xids >= 11, qPrintable(u"%1 GTIDs, %2 XIDs"_s.arg(gtids).arg(xids)));
            // The final state as the binlog shows it matches what is left in the table.
            QCOMPARE(afterDeletes.count(1) + afterDeletes.count(3) + afterDeletes.count(5), 3u);
        });
    }

    void largeValuesCrossProtocolPackets()
    {
        REQUIRE_SANDBOX(sandbox);
        guarded([&] {
            testsupport::ScratchDatabase db(sandbox, QString::fromLatin1(QTest::currentTestFunction()));
            Connection primary = Connection::open(db.primary());
            Connection replica = Connection::open(sandbox.replica);
            primary.execute(u"CREATE TABLE big (id INT PRIMARY KEY, lb LONGBLOB, mt MEDIUMTEXT CHARACTER SET utf8mb4)"_s);
            testsupport::waitForReplica(primary, replica);
            const BinlogPosition start = currentBinlogPosition(replica);
            // One row of 37 MB: its rows event spans several 16 MB protocol packets.
            primary.execute(u"INSERT INTO big VALUES (1, REPEAT(X'00FF10', 7000000), REPEAT('ü', 8000000))"_s);
            testsupport::waitForReplica(primary, replica);
            const BinlogPosition end = currentBinlogPosition(replica);
            const std::vector<BinlogEvent> events = readRange(db.replica(), start, end, db.name(), u"big"_s);
            auto hashes = primary.query(u"SELECT SHA2(lb, 256), SHA2(mt, 256), LENGTH(lb), LENGTH(mt) FROM big"_s);
            QVERIFY(hashes.next());
            int rows = 0;
            for (const BinlogEvent &event : events) {
                if (!event.rows)
                    continue;
                for (const Row &row : event.rows->after) {
                    ++rows;
                    QCOMPARE(row.at(1).bytes.size(), hashes.toInt(2));
                    QCOMPARE(row.at(2).bytes.size(), hashes.toInt(3));
                    QCOMPARE(QCryptographicHash::hash(row.at(1).bytes, QCryptographicHash::Sha256).toHex(),
                             hashes.bytes(0).value());
                    QCOMPARE(QCryptographicHash::hash(row.at(2).bytes, QCryptographicHash::Sha256).toHex(),
                             hashes.bytes(1).value());
                }
            }
            QCOMPARE(rows, 1);
        });
    }

    void cancelUnblocksNextWithinOneSecond()
    {
        guarded([&] {
            REQUIRE_SANDBOX(sandbox);
            Connection replica = Connection::open(sandbox.replica);
            BinlogStream stream(sandbox.replica, uniqueServerId(), [](const QString &, const QString &) { return false; });
            stream.open(currentBinlogPosition(replica));
            std::atomic<bool> returned{false};
            std::atomic<bool> threw{false};
            std::thread reader([&] {
                try {
                    while (stream.next()) {
                        // other tests may write meanwhile; keep reading until cancelled
                    }
                } catch (...) {
                    threw = true;
                }
                returned = true;
            });
            QTest::qWait(300);
            QVERIFY(!returned);
            QElapsedTimer timer;
            timer.start();
            stream.cancel();
            while (!returned && timer.elapsed() < 5000)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            const qint64 elapsed = timer.elapsed();
            reader.join();
            QVERIFY(!threw);
            QVERIFY2(elapsed < 1000, qPrintable(u"next() returned %1 ms after cancel()"_s.arg(elapsed)));
            QVERIFY(!stream.next()); // stays cancelled
            qInfo("next() returned %lld ms after cancel()", static_cast<long long>(elapsed));
        });
    }

    void cancelBeforeNextReturnsAtOnce()
    {
        guarded([&] {
            REQUIRE_SANDBOX(sandbox);
            Connection replica = Connection::open(sandbox.replica);
            BinlogStream stream(sandbox.replica, uniqueServerId(), {});
            stream.cancel();
            stream.open(currentBinlogPosition(replica)); // open() starts afresh
            stream.cancel();
            QElapsedTimer timer;
            timer.start();
            QVERIFY(!stream.next());
            QVERIFY(timer.elapsed() < 1000);
        });
    }

    void openReportsBadServerAndPositionsClearly_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("offset");
        QTest::addColumn<bool>("wrongPort");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong port") << QString() << qint64(4) << true << u"cannot connect to"_s;
        QTest::newRow("no such file") << u"no-such-bin.000042"_s << qint64(4) << false << u"Could not find"_s;
        QTest::newRow("offset past the end") << QString() << qint64(4000000000) << false << u"greater than"_s;
        QTest::newRow("offset inside an event") << QString() << qint64(5) << false << u"offset"_s;
        QTest::newRow("offset below 4") << QString() << qint64(1) << false << u"at least 4"_s;
    }
    void openReportsBadServerAndPositionsClearly()
    {
        QFETCH(QString, file);
        QFETCH(qint64, offset);
        QFETCH(bool, wrongPort);
        QFETCH(QString, expected);
        REQUIRE_SANDBOX(sandbox);
        Connection replica = Connection::open(sandbox.replica);
        BinlogPosition start = currentBinlogPosition(replica);
        if (!file.isEmpty())
            start.file = file;
        start.offset = static_cast<quint64>(offset);
        ConnectionSettings settings = sandbox.replica;
        if (wrongPort)
            settings.port = 1;
        BinlogStream stream(settings, uniqueServerId(), {});
        try {
            stream.open(start);
            QFAIL("open() succeeded");
        } catch (const DbException &error) {
            const QString message = error.error().toString();
            QVERIFY2(message.contains(expected, Qt::CaseInsensitive), qPrintable(message));
            QVERIFY2(message.contains(settings.describe()), qPrintable(message));
            QVERIFY2(message.count(u'\n') == 0, qPrintable(message));
            qInfo("%s", qPrintable(message));
        }
        QVERIFY_THROWS_EXCEPTION(DbException, stream.next()); // not open
    }

    void heartbeatsArriveWhenIdleAndStopAtEndEnds()
    {
        guarded([&] {
            REQUIRE_SANDBOX(sandbox);
            Connection replica = Connection::open(sandbox.replica);
            {
                BinlogStream stream(sandbox.replica, uniqueServerId(), {});
                stream.setHeartbeatPeriod(std::chrono::milliseconds(200));
                stream.open(currentBinlogPosition(replica));
                Watchdog watchdog(stream, std::chrono::seconds(10));
                bool heartbeat = false;
                while (auto event = stream.next()) {
                    if (event->type == BinlogEvent::Type::Heartbeat) {
                        heartbeat = true;
                        break;
                    }
                }
                QVERIFY(!watchdog.fired());
                QVERIFY(heartbeat);
            }
            {
                const BinlogPosition endAtOpen = currentBinlogPosition(replica);
                BinlogPosition start = endAtOpen;
                start.offset = 4; // the whole current file
                start.gtidSet.clear();
                BinlogStream stream(sandbox.replica, uniqueServerId(), {});
                stream.setStopAtEnd(true);
                stream.open(start);
                Watchdog watchdog(stream, std::chrono::seconds(60));
                int events = 0;
                while (stream.next())
                    ++events;
                QVERIFY(!watchdog.fired());
                QVERIFY(events > 1);
                const BinlogPosition reached = stream.position();
                QVERIFY2(reached.file != endAtOpen.file || reached.offset >= endAtOpen.offset, qPrintable(reached.toString()));
                // Started at the file's beginning, the GTID_LIST event gives the GTID state there.
                QVERIFY2(!stream.position().gtidSet.isEmpty(), qPrintable(stream.position().toString()));
            }
        });
    }
};

QTEST_GUILESS_MAIN(TestBinlogStream)
#include "tst_binlogstream.moc"
