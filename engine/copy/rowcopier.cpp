#include "rowcopier.h"

#include <apply/applier.h>
#include <apply/changeset.h>
#include <logging/logging.h>
#include <mysql/connection.h>
#include <mysql/reconnect.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>

#include <mysqld_error.h>

#include <cmath>
#include <thread>

using namespace Qt::StringLiterals;
using engine::apply::KeyCodec;
using engine::mysql::DbException;
using engine::mysql::identifierList;
using engine::mysql::qualifiedName;
using engine::mysql::quoteIdentifier;

namespace engine::copy {

RowCopier::RowCopier(mysql::Connection &connection, Options options, inspect::MigrationPlan plan,
                     std::shared_ptr<apply::KeyCodec> codec, std::shared_ptr<apply::ChangeSet> changes,
                     std::shared_ptr<migration::MigrationContext> context, CatchUp catchUp, ThrottleWait throttle,
                     Reconnect reconnect)
    : m_connection(connection)
    , m_options(std::move(options))
    , m_plan(std::move(plan))
    , m_codec(std::move(codec))
    , m_changes(std::move(changes))
    , m_context(std::move(context))
    , m_catchUp(std::move(catchUp))
    , m_throttle(std::move(throttle))
    , m_reconnect(std::move(reconnect))
    , m_last(m_options.resumeAfter)
    , m_chunkSize(m_options.initialChunkSize)
{
    m_sourceKeyColumns = m_codec->quotedColumns();
    for (const QString &keyColumn : m_plan.key.columns)
        for (const auto &pair : m_plan.columns)
            if (pair.source.compare(keyColumn, Qt::CaseInsensitive) == 0)
                m_ghostKeyColumns << quoteIdentifier(pair.target);
}

std::optional<QStringList> RowCopier::readKey(const QString &sql)
{
    auto result = [&] {
        for (int attempt = 1;; ++attempt) {
            try {
                return m_connection.query(sql);
            } catch (const DbException &error) {
                if (!mysql::isConnectionLost(error.code()) || attempt >= m_options.retries)
                    throw;
                SS_WARN("copy: lost the connection ({}); reconnecting", error.error().message.toStdString());
                m_reconnect();
            }
        }
    }();
    if (!result.next())
        return std::nullopt;
    QStringList literals;
    for (int i = 0; i < m_codec->size(); ++i)
        literals << m_codec->literalFromText(i, result.bytes(i));
    return literals;
}

bool RowCopier::prepare()
{
    const QString table = qualifiedName(m_options.schema, m_options.original);
    const QString index = quoteIdentifier(m_plan.key.name);
    const QString order = m_sourceKeyColumns.join(u" DESC, "_s) + u" DESC"_s;
    auto max = readKey(u"SELECT %1 FROM %2 FORCE INDEX (%3) ORDER BY %4 LIMIT 1"_s.arg(
        m_codec->selectExpressions().join(u", "_s), table, index, order));
    if (!max) {
        m_done = true;
        return false;
    }
    m_max = *max;
    if (m_last)
        SS_INFO("copy: resuming after key {}", KeyCodec::tuple(*m_last).toStdString());
    m_context->chunkSize = static_cast<quint64>(m_chunkSize);
    SS_INFO("copy: key range ends at {}", KeyCodec::tuple(m_max).toStdString());
    return true;
}

quint64 RowCopier::copyRange(const QString &range, const QString &ghostRange)
{
    const QString table = qualifiedName(m_options.schema, m_options.original);
    const QString ghost = qualifiedName(m_options.schema, m_options.ghost);
    // A consistent read (the session is READ COMMITTED): see the class comment for why holding the appliers
    // makes it safe. Without the hold, verification caught a deleted row resurrected by such a read.
    const QString insert = u"INSERT INTO %1 (%2) SELECT %3 FROM %4 FORCE INDEX (%5) WHERE %6"_s.arg(
        ghost, identifierList(m_plan.targetColumns()), m_plan.sourceSelectList(), table,
        quoteIdentifier(m_plan.key.name), range);
    bool rewrite = false;
    for (int attempt = 1;; ++attempt) {
        try {
            // For this chunk attempt. A batch may wait for a row lock (bounded by its lock wait timeout); a closed
            // set has no appliers left (one failed): the runner reports that failure after this chunk.
            const apply::AppliersPaused hold(*m_changes, std::chrono::hours(24), [this] { m_context->checkAbort(); });
            if (!rewrite)
                return m_connection.executeBatch(u"START TRANSACTION; "_s + insert + u"; COMMIT"_s)[1];
            const auto affected = m_connection.executeBatch(
                u"START TRANSACTION; DELETE FROM %1 WHERE %2; "_s.arg(ghost, ghostRange) + insert + u"; COMMIT"_s);
            return affected[2];
        } catch (const DbException &error) {
            try {
                m_connection.execute(u"ROLLBACK"_s);
            } catch (const DbException &) {
            }
            if (error.code() == ER_DUP_ENTRY) {
                const auto [value, key] = apply::parseDuplicateEntry(error.error().message);
                const bool sameRow = key.compare(m_plan.ghostKeyIndex, Qt::CaseInsensitive) == 0
                    || m_plan.keyCoveringIndexes.contains(key, Qt::CaseInsensitive);
                if (sameRow && attempt <= 20) {
                    // Appliers already wrote some of these rows before the chunk: rewrite the range.
                    rewrite = true;
                    continue;
                }
                if (attempt <= 3) {
                    m_catchUp(); // the colliding value may belong to a row whose change isn't applied yet
                    continue;
                }
                throw migration::MigrationError(
                    u"unique-duplicates"_s,
                    u"the new schema's unique key %1 rejects the value '%2', which more than one row of %3 holds. "
                    "The original table is untouched and no row was dropped. Remove the duplicates (e.g. "
                    "SELECT ... GROUP BY ... HAVING COUNT(*) > 1) or change the ALTER"_s.arg(key, value,
                                                                                              m_options.original),
                    insert.left(500), error.code());
            }
            if (mysql::isConnectionLost(error.code()) && attempt < m_options.retries) {
                SS_WARN("copy: lost the connection during a chunk ({}); reconnecting and copying the chunk again",
                        error.error().message.toStdString());
                m_reconnect();
                rewrite = true; // the lost attempt may have committed
                continue;
            }
            if (mysql::isRetryable(error.code()) && attempt < m_options.retries) {
                SS_DEBUG("copy: retrying chunk after {}", error.error().message.toStdString());
                std::this_thread::sleep_for(std::chrono::milliseconds(std::min(100 * attempt, 1000)));
                continue;
            }
            throw;
        }
    }
}

void RowCopier::adaptChunkSize(qint64 elapsedMillis)
{
    if (m_context->pinnedChunkSize.load() > 0)
        return; // the DBA chose the size (chunk-size command); copyNextChunk adopts it
    // While paced, shorter chunks with shorter pauses: the replicas get an even load instead of bursts.
    const qint64 target = std::max<qint64>(10, qint64(double(m_context->chunkTargetMillis.load()) * m_pacing.chunkScale()));
    const double factor = std::clamp(static_cast<double>(target) / std::max<qint64>(1, elapsedMillis), 0.5, 2.0);
    m_chunkSize = std::clamp<qint64>(static_cast<qint64>(m_chunkSize * factor), 10, 100000);
    m_context->chunkSize = static_cast<quint64>(m_chunkSize);
}

bool RowCopier::copyNextChunk()
{
    if (m_done)
        return false;
    m_context->checkAbort();
    m_throttle();
    if (const qint64 pinned = m_context->pinnedChunkSize.load(); pinned > 0) {
        m_chunkSize = pinned;
        m_context->chunkSize = static_cast<quint64>(pinned);
    }
    const QString table = qualifiedName(m_options.schema, m_options.original);
    const QString lower = m_last ? KeyCodec::greaterThan(m_sourceKeyColumns, *m_last) + u" AND "_s : QString();
    const QString withinMax = KeyCodec::atMost(m_sourceKeyColumns, m_max);
    auto end = readKey(u"SELECT %1 FROM %2 FORCE INDEX (%3) WHERE %4%5 ORDER BY %6 LIMIT 1 OFFSET %7"_s.arg(
        m_codec->selectExpressions().join(u", "_s), table, quoteIdentifier(m_plan.key.name), lower, withinMax,
        m_sourceKeyColumns.join(u", "_s), QString::number(m_chunkSize - 1)));
    const QStringList upper = end.value_or(m_max);
    const QString range = lower + KeyCodec::atMost(m_sourceKeyColumns, upper);
    const QString ghostRange = (m_last ? KeyCodec::greaterThan(m_ghostKeyColumns, *m_last) + u" AND "_s : QString())
        + KeyCodec::atMost(m_ghostKeyColumns, upper);

    QElapsedTimer timer;
    timer.start();
    m_context->rowsCopied += copyRange(range, ghostRange);
    const qint64 elapsed = timer.elapsed();
    ++m_chunks;
    m_last = upper;
    if (!end || upper == m_max)
        m_done = true;
    const qint64 lag = std::max(m_context->replicaLagMillis.load(), m_context->streamLagMillis.load());
    const qint64 pace = m_pacing.pauseAfterChunk(
        elapsed, lag, std::llround(m_context->lagTargetRatio.load() * double(m_context->maxLagMillis.load())));
    m_context->setPacing(m_pacing.explanation());
    adaptChunkSize(elapsed);
    qint64 pause = pace;
    if (const double nice = m_context->niceRatio.load(); nice > 0)
        pause += static_cast<qint64>(nice * elapsed);
    // --debug: where each chunk's time went.
    SS_DEBUG("copy: chunk {} took {} ms (next chunk {} rows); pause {} ms (pacing {} ms, lag {} ms)", m_chunks,
             elapsed, m_chunkSize, pause, pace, lag);
    if (pause > 0) {
        m_context->pacedMillis += pace;
        std::this_thread::sleep_for(std::chrono::milliseconds(pause));
    }
    return !m_done;
}

} // namespace engine::copy
