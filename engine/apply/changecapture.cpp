#include "changecapture.h"
#include "ddlwatch.h"

#include <binlog/binlogevent.h>
#include <binlog/binlogstream.h>
#include <logging/logging.h>

#include <QDateTime>
#include <QElapsedTimer>

#include <thread>

using namespace Qt::StringLiterals;

namespace engine::apply {

namespace {
constexpr int changelogHintColumn = 2;  // _T_ghc: id, last_update, hint, value
constexpr int changelogValueColumn = 3;
} // namespace

ChangeCapture::ChangeCapture(Options options, std::shared_ptr<KeyCodec> codec, std::shared_ptr<ChangeSet> changes,
                             std::shared_ptr<migration::MigrationContext> context)
    : m_options(std::move(options))
    , m_codec(std::move(codec))
    , m_changes(std::move(changes))
    , m_context(std::move(context))
{
}

ChangeCapture::~ChangeCapture()
{
    stop();
}

void ChangeCapture::start(const binlog::BinlogPosition &from)
{
    m_stopping = false;
    m_ignoringRows = !m_options.ignoreRowsUntilQuery.isEmpty();
    m_position = from;
    m_boundary = {from, m_sequence};
    m_thread = std::thread([this, from] { run(from); });
}

void ChangeCapture::stop()
{
    m_stopping = true;
    {
        std::lock_guard lock(m_mutex);
        if (auto *stream = static_cast<binlog::BinlogStream *>(m_stream))
            stream->cancel();
    }
    if (m_thread.joinable())
        m_thread.join();
}

void ChangeCapture::rethrowFailure() const
{
    std::lock_guard lock(m_mutex);
    if (m_failure)
        std::rethrow_exception(m_failure);
}

ChangeCapture::Boundary ChangeCapture::lastBoundary() const
{
    std::lock_guard lock(m_mutex);
    return m_boundary;
}

binlog::BinlogPosition ChangeCapture::position() const
{
    std::lock_guard lock(m_mutex);
    return m_position;
}

std::optional<quint64> ChangeCapture::waitForMarker(const QString &token, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    m_markerSeen.wait_for(lock, timeout, [&] { return m_markers.count(token) > 0 || m_failure; });
    if (m_failure)
        std::rethrow_exception(m_failure);
    const auto it = m_markers.find(token);
    if (it == m_markers.end())
        return std::nullopt;
    return it->second;
}

void ChangeCapture::onChangelogRow(const QByteArray &hint, const QByteArray &value)
{
    if (hint == "heartbeat") {
        const qint64 sentNanos = value.toLongLong();
        if (sentNanos > 0) {
            m_context->streamHeartbeatNanos = sentNanos;
            const qint64 nowNanos = QDateTime::currentMSecsSinceEpoch() * 1'000'000;
            m_context->streamLagMillis = std::max<qint64>(0, (nowNanos - sentNanos) / 1'000'000);
        }
        return;
    }
    if (hint.startsWith("marker")) {
        std::lock_guard lock(m_mutex);
        m_markers[QString::fromLatin1(value)] = m_sequence;
        m_changes->noteSequence(m_sequence);
        m_markerSeen.notify_all();
    }
}

void ChangeCapture::fail(std::exception_ptr failure)
{
    std::lock_guard lock(m_mutex);
    m_failure = std::move(failure);
    m_markerSeen.notify_all();
}

void ChangeCapture::run(binlog::BinlogPosition from)
{
    const mysql::RetryPolicy &policy = m_options.reconnect;
    QElapsedTimer lostSince; // since the first failure of the current outage
    int attempts = 0;
    std::chrono::milliseconds wait(250);
    binlog::BinlogPosition start = from;
    for (;;) {
        try {
            stream(start, [&] {
                if (attempts > 0)
                    SS_INFO("binlog: the stream of {} works again after {} reconnect(s), {} ms after it failed",
                            m_options.source.describe().toStdString(), attempts, lostSince.elapsed());
                attempts = 0;
                lostSince.invalidate();
                wait = std::chrono::milliseconds(250);
            });
            break; // stopped
        } catch (const mysql::DbException &error) {
            if (m_stopping)
                break;
            if (!lostSince.isValid())
                lostSince.start();
            ++attempts;
            start = lastBoundary().position;
            if (m_options.checkStillReadable) {
                try {
                    m_options.checkStillReadable(start);
                } catch (...) {
                    fail(std::current_exception());
                    break;
                }
            }
            if (attempts > std::max(1, policy.retries) || lostSince.elapsed() + wait.count() > policy.limit.count()) {
                mysql::DbError gaveUp = error.error();
                gaveUp.message = u"%1 (the binlog reader reconnected %2 time(s) over %3 s from %4 and gave up; "
                                 "raise --default-retries or --reconnect-limit-seconds to keep trying longer)"_s
                                     .arg(gaveUp.message, QString::number(attempts - 1),
                                          QString::number(lostSince.elapsed() / 1000), start.toString());
                fail(std::make_exception_ptr(mysql::DbException(std::move(gaveUp))));
                break;
            }
            SS_WARN("binlog: {}; reading again from {} in {} ms (attempt {} of {})", error.error().message.toStdString(),
                    start.toString().toStdString(), wait.count(), attempts, policy.retries);
            m_context->binlogReconnects += 1;
            for (qint64 slept = 0; slept < wait.count() && !m_stopping; slept += 50)
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            if (m_stopping)
                break;
            wait = std::min<std::chrono::milliseconds>(wait * 2, std::chrono::seconds(5));
        } catch (...) {
            if (!m_stopping)
                fail(std::current_exception());
            break;
        }
    }
    std::lock_guard lock(m_mutex);
    m_stream = nullptr;
    m_context->setBinlogPosition(m_position.toString());
}

void ChangeCapture::stream(const binlog::BinlogPosition &from, const std::function<void()> &onProgress)
{
    const QString schema = m_options.schema, table = m_options.table, changelog = m_options.changelogTable;
    binlog::BinlogStream stream(m_options.source, m_options.serverId,
                                [&](const QString &s, const QString &t) {
                                    return s == schema && (t == table || t == changelog);
                                });
    struct Unregister {
        ChangeCapture *self;
        ~Unregister()
        {
            std::lock_guard lock(self->m_mutex);
            self->m_stream = nullptr;
        }
    };
    {
        std::lock_guard lock(m_mutex);
        m_stream = &stream;
    }
    const Unregister unregister{this};
    // A silent connection (host crash, network partition) is noticed within the read timeout this implies (5 s).
    stream.setHeartbeatPeriod(std::chrono::seconds(1));
    {
        stream.open(from);
        if (m_stopping)
            stream.cancel();
        SS_INFO("binlog: streaming {} from {}", m_options.source.describe().toStdString(), from.toString().toStdString());
        const DdlWatch ddl(schema, table, m_options.ownTables);
        int eventsSincePositionUpdate = 0;
        bool progressed = false;
        while (auto event = stream.next()) {
            if (event->type == binlog::BinlogEvent::Type::Query && ddl.changesTable(event->query, event->querySchema))
                throw migration::MigrationError(
                    u"schema-changed"_s,
                    u"%1.%2 was changed while it was migrated: the binlog of %3 at %4 shows \"%5\". The swap "
                    "would undo that change, so the migration stopped and nothing was swapped. Run the migration "
                    "again on the table as it is now"_s.arg(schema, table, m_options.source.describe(),
                                                            event->position.toString(), event->query.left(200)));
            if (m_ignoringRows && event->type == binlog::BinlogEvent::Type::Query
                && event->query.contains(m_options.ignoreRowsUntilQuery))
                m_ignoringRows = false;
            if (event->type == binlog::BinlogEvent::Type::Rows && event->rows
                && !(m_ignoringRows && event->rows->table->table == table)) {
                const binlog::RowsEvent &rows = *event->rows;
                if (rows.table->table == changelog) {
                    for (const binlog::Row &row : rows.after)
                        if (row.size() > changelogValueColumn)
                            onChangelogRow(row[changelogHintColumn].bytes, row[changelogValueColumn].bytes);
                } else {
                    if (m_options.tableColumnCount > 0
                        && static_cast<int>(rows.table->columns.size()) != m_options.tableColumnCount)
                        throw migration::MigrationError(
                            u"schema-changed"_s,
                            u"the binlog shows %1 columns for %2.%3 but the table had %4 when the migration started: "
                            "its schema changed during the migration. Abort, and run the migration again"_s
                                .arg(QString::number(rows.table->columns.size()), schema, table,
                                     QString::number(m_options.tableColumnCount)));
                    const auto present = [](const std::vector<bool> &flags, int ordinal) {
                        return static_cast<size_t>(ordinal) < flags.size() && flags[static_cast<size_t>(ordinal)];
                    };
                    // binlog_row_image=MINIMAL (a session may set it): the before image holds only the primary
                    // key, the after image only what changed. A key column missing after an update is unchanged.
                    for (int i = 0; i < static_cast<int>(m_options.keyOrdinals.size()); ++i) {
                        const int ordinal = m_options.keyOrdinals[static_cast<size_t>(i)];
                        const bool needed = rows.kind == binlog::RowsKind::Insert ? !present(rows.afterPresent, ordinal)
                                                                                   : !present(rows.beforePresent, ordinal);
                        if (needed)
                            throw migration::MigrationError(
                                u"row-image-lacks-key"_s,
                                u"the binlog of %1 at %2 has a row image of %3.%4 without the column %5 of the key "
                                "that identifies rows, so the change can't be applied to the new table: a session "
                                "wrote with binlog_row_image=MINIMAL or NOBLOB. The migration stopped and nothing was "
                                "swapped. Make the application write with binlog_row_image=FULL (the session variable "
                                "overrides the server's), then run the migration again"_s.arg(
                                    m_options.source.describe(), event->position.toString(), schema, table,
                                    m_codec->quotedColumns().value(i)));
                    }
                    auto addKeyOf = [&](const binlog::Row &row, const binlog::Row *unchangedFrom) {
                        QStringList literals;
                        for (int i = 0; i < static_cast<int>(m_options.keyOrdinals.size()); ++i) {
                            const int ordinal = m_options.keyOrdinals[static_cast<size_t>(i)];
                            const bool fromBefore = unchangedFrom && !present(rows.afterPresent, ordinal);
                            literals << m_codec->literalFromBinlog(
                                i, (fromBefore ? *unchangedFrom : row)[static_cast<size_t>(ordinal)]);
                        }
                        const QString key = KeyCodec::tuple(literals);
                        quint64 sequence;
                        {
                            std::lock_guard lock(m_mutex);
                            sequence = ++m_sequence;
                        }
                        m_changes->add(key, sequence);
                    };
                    for (const binlog::Row &row : rows.before)
                        addKeyOf(row, nullptr);
                    for (size_t i = 0; i < rows.after.size(); ++i) {
                        const bool update = rows.kind == binlog::RowsKind::Update && i < rows.before.size();
                        // An update that keeps the key needs only one re-read.
                        if (update) {
                            bool sameKey = true;
                            for (int ordinal : m_options.keyOrdinals)
                                sameKey = sameKey
                                    && (!present(rows.afterPresent, ordinal)
                                        || rows.before[i][static_cast<size_t>(ordinal)]
                                            == rows.after[i][static_cast<size_t>(ordinal)]);
                            if (sameKey)
                                continue;
                        }
                        addKeyOf(rows.after[i], update ? &rows.before[i] : nullptr);
                    }
                    m_context->eventsRead += rows.kind == binlog::RowsKind::Update ? rows.after.size()
                                                                                    : rows.before.size() + rows.after.size();
                }
            }
            // XID ends a transaction; a Query event other than BEGIN is a DDL or a non-transactional COMMIT.
            const bool boundary = event->type == binlog::BinlogEvent::Type::Xid
                || (event->type == binlog::BinlogEvent::Type::Query
                    && event->query.compare(u"BEGIN"_s, Qt::CaseInsensitive) != 0);
            if (++eventsSincePositionUpdate >= 64 || boundary) {
                eventsSincePositionUpdate = 0;
                std::lock_guard lock(m_mutex);
                m_position = event->position;
                if (boundary) {
                    m_boundary = {event->position, m_sequence};
                    if (!progressed && !(event->position == from)) {
                        progressed = true;
                        onProgress();
                    }
                }
                m_context->setBinlogPosition(m_position.toString()); // for status and `coordinates` while running
            }
            if (m_stopping)
                break;
        }
    }
}

} // namespace engine::apply
