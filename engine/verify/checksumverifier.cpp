#include "checksumverifier.h"

#include <apply/changeset.h>
#include <logging/logging.h>
#include <mysql/sessionsetup.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QHash>
#include <QUuid>

#include <future>

using namespace Qt::StringLiterals;
using engine::apply::KeyCodec;
using engine::mysql::Connection;
using engine::mysql::DbException;
using engine::mysql::qualifiedName;
using engine::mysql::quoteIdentifier;

namespace engine::verify {

QString VerifyResult::summary() const
{
    if (equal)
        return u"equal: %1 rows in %2 chunks compared in %3 ms (writes paused %4 ms)"_s.arg(rowsCompared)
            .arg(chunks)
            .arg(millis)
            .arg(writePauseMillis);
    return u"MISMATCH in rows with keys %1"_s.arg(mismatchedKeys.join(u", "_s));
}

QString comparisonCast(const inspect::ColumnInfo &source, const inspect::ColumnInfo &target)
{
    const bool sameType = source.columnType.compare(target.columnType, Qt::CaseInsensitive) == 0
        && source.charset == target.charset && source.collation == target.collation;
    if (sameType)
        return {};
    if (source.isText() && target.isText())
        return u"CONVERT(%1 USING utf8mb4)"_s;
    const QString &t = target.dataType;
    if (t == u"tinyint"_s || t == u"smallint"_s || t == u"mediumint"_s || t == u"int"_s || t == u"bigint"_s
        || t == u"year"_s)
        return target.isUnsigned ? u"CAST(%1 AS UNSIGNED)"_s : u"CAST(%1 AS SIGNED)"_s;
    if (t == u"decimal"_s) {
        const QString spec = target.columnType.section(u'(', 1).section(u')', 0, 0);
        return u"CAST(%1 AS DECIMAL(%2))"_s.arg(u"%1"_s, spec.isEmpty() ? u"10,0"_s : spec);
    }
    if (t == u"float"_s || t == u"double"_s)
        return u"CAST(%1 AS DOUBLE)"_s;
    auto fraction = [&] { const QString f = target.columnType.section(u'(', 1).section(u')', 0, 0);
                          return f.isEmpty() ? QString() : u"("_s + f + u")"_s; };
    if (t == u"date"_s)
        return u"CAST(%1 AS DATE)"_s;
    if (t == u"datetime"_s || t == u"timestamp"_s)
        return u"CAST(%1 AS DATETIME%2)"_s.arg(u"%1"_s, fraction());
    if (t == u"time"_s)
        return u"CAST(%1 AS TIME%2)"_s.arg(u"%1"_s, fraction());
    if (target.isText() || t == u"enum"_s || t == u"set"_s || t == u"json"_s)
        return u"CONVERT(%1 USING utf8mb4)"_s;
    return u"CAST(%1 AS BINARY)"_s;
}

ChecksumVerifier::ChecksumVerifier(Options options, inspect::MigrationPlan plan, inspect::TableSchema original,
                                   inspect::TableSchema ghost, std::shared_ptr<apply::KeyCodec> codec,
                                   apply::ChangeSet &changes, std::shared_ptr<migration::MigrationContext> context,
                                   Hooks hooks)
    : m_options(std::move(options))
    , m_plan(std::move(plan))
    , m_originalSchema(std::move(original))
    , m_ghostSchema(std::move(ghost))
    , m_codec(std::move(codec))
    , m_changes(changes)
    , m_context(std::move(context))
    , m_hooks(std::move(hooks))
{
}

QString ChecksumVerifier::rowHashExpression(bool ghostSide) const
{
    QStringList parts;
    for (const auto &pair : m_plan.columns) {
        const inspect::ColumnInfo *source = m_originalSchema.column(pair.source);
        const inspect::ColumnInfo *target = m_ghostSchema.column(pair.target);
        const QString column = quoteIdentifier(ghostSide ? pair.target : pair.source);
        // The original side reads its value as the copy does (e.g. converted between time zones).
        const QString read = ghostSide || pair.sourceExpression.isEmpty() ? column : pair.sourceExpression.arg(column);
        const QString cast = (source && target) ? comparisonCast(*source, *target) : QString();
        const QString value = cast.isEmpty() ? read : cast.arg(read);
        parts << value << u"ISNULL(%1)"_s.arg(column);
    }
    return u"CRC32(CONCAT_WS('#', %1))"_s.arg(parts.join(u", "_s));
}

std::pair<Connection, Connection> ChecksumVerifier::openSnapshots(qint64 *pauseMillis)
{
    const QString original = qualifiedName(m_options.schema, m_options.original);
    const QString ghost = qualifiedName(m_options.schema, m_options.ghost);
    auto openSession = [&] {
        Connection session = Connection::open(m_options.primary, u"verify"_s);
        session.execute(u"SET SESSION time_zone = '+00:00'"_s);
        session.execute(u"SET SESSION TRANSACTION ISOLATION LEVEL REPEATABLE READ"_s);
        return session;
    };
    Connection snapshot = openSession();
    Connection ghostSnapshot = openSession();
    Connection lock = Connection::open(m_options.primary, u"verify-lock"_s);
    // It flushes changed keys like an applier: the same time zone and sql_mode, or converted values differ.
    mysql::prepareDataSession(lock, {true, false, 0});
    lock.execute(u"SET SESSION lock_wait_timeout = %1"_s.arg(m_options.lockTimeoutSeconds));

    const apply::AppliersPaused appliersPaused(m_changes, std::chrono::seconds(30));
    if (!appliersPaused.idle())
        throw migration::MigrationError(u"verify-failed"_s, u"the appliers did not pause for verification"_s);

    lock.execute(u"LOCK TABLES %1 READ, %2 WRITE"_s.arg(original, ghost));
    QElapsedTimer paused;
    paused.start();
    try {
        const QString token = QUuid::createUuid().toString(QUuid::WithoutBraces);
        if (!m_hooks.writeMarkerAndWait(token, m_options.lockTimeoutSeconds * 1000))
            throw migration::MigrationError(u"verify-stream-behind"_s,
                                            u"the binlog reader did not see the verification marker within %1 s"_s
                                                .arg(m_options.lockTimeoutSeconds));
        if (m_changes.isClosed())
            throw migration::MigrationError(u"verify-failed"_s, u"an applier stopped during verification"_s);
        apply::ChangeSet::Batch rest = m_changes.takeAll();
        try {
            for (size_t i = 0; i < rest.keys.size(); i += 1000) {
                const std::vector<QString> keys(rest.keys.begin() + static_cast<qsizetype>(i),
                                                rest.keys.begin() + static_cast<qsizetype>(std::min(rest.keys.size(), i + 1000)));
                lock.executeBatch(m_hooks.flushStatements(keys));
            }
        } catch (...) {
            m_changes.giveBack(rest);
            throw;
        }
        m_changes.complete(rest);
        // Neither table can change while the lock is held: both snapshots see the same state.
        snapshot.execute(u"START TRANSACTION WITH CONSISTENT SNAPSHOT"_s);
        ghostSnapshot.execute(u"START TRANSACTION WITH CONSISTENT SNAPSHOT"_s);
        lock.execute(u"UNLOCK TABLES"_s);
    } catch (...) {
        lock.close(); // releases the lock whatever happened
        throw;
    }
    *pauseMillis = paused.elapsed();
    return {std::move(snapshot), std::move(ghostSnapshot)};
}

VerifyResult ChecksumVerifier::run()
{
    QElapsedTimer timer;
    timer.start();
    VerifyResult result;
    auto [snapshot, ghostSnapshot] = openSnapshots(&result.writePauseMillis);
    const QString original = qualifiedName(m_options.schema, m_options.original);
    const QString ghost = qualifiedName(m_options.schema, m_options.ghost);
    const QStringList sourceKey = m_codec->quotedColumns();
    QStringList ghostKey;
    for (const QString &keyColumn : m_plan.key.columns)
        for (const auto &pair : m_plan.columns)
            if (pair.source.compare(keyColumn, Qt::CaseInsensitive) == 0)
                ghostKey << quoteIdentifier(pair.target);
    const QString sourceHash = rowHashExpression(false), ghostHash = rowHashExpression(true);

    auto aggregate = [](Connection &session, const QString &table, const QString &hash, const QString &where) {
        auto r = session.query(u"SELECT COUNT(*), COALESCE(BIT_XOR(h), 0), COALESCE(SUM(h), 0) FROM "
                                "(SELECT %1 AS h FROM %2 WHERE %3) AS hashed"_s.arg(hash, table, where));
        r.next();
        return QStringList{r.text(0), r.text(1), r.text(2)};
    };
    auto rowHashes = [](Connection &session, const QString &table, const QStringList &keyColumns, const QString &hash,
                        const QString &where) {
        QHash<QString, QString> hashes;
        QStringList shown; // a NULL in a key (--allow-nullable-unique-key) shows as NULL, not as nothing
        for (const QString &column : keyColumns)
            shown << u"IFNULL(%1, 'NULL')"_s.arg(column);
        auto r = session.query(u"SELECT CONCAT_WS(',', %1), %2 FROM %3 WHERE %4"_s.arg(shown.join(u", "_s), hash,
                                                                                       table, where));
        while (r.next())
            hashes.insert(r.text(0), r.text(1));
        return hashes;
    };

    std::optional<QStringList> last;
    for (;;) {
        m_context->checkAbort();
        const QString lower = last ? KeyCodec::greaterThan(sourceKey, *last) : u"TRUE"_s;
        auto end = snapshot.query(u"SELECT %1 FROM %2 FORCE INDEX (%3) WHERE %4 ORDER BY %5 LIMIT 1 OFFSET %6"_s.arg(
            m_codec->selectExpressions().join(u", "_s), original, quoteIdentifier(m_plan.key.name), lower,
            sourceKey.join(u", "_s), QString::number(m_options.rowsPerChunk - 1)));
        std::optional<QStringList> upper;
        if (end.next()) {
            QStringList literals;
            for (int i = 0; i < m_codec->size(); ++i)
                literals << m_codec->literalFromText(i, end.bytes(i));
            upper = literals;
        }
        const QString sourceWhere = lower + (upper ? u" AND "_s + KeyCodec::atMost(sourceKey, *upper) : QString());
        const QString ghostWhere = (last ? KeyCodec::greaterThan(ghostKey, *last) : u"TRUE"_s)
            + (upper ? u" AND "_s + KeyCodec::atMost(ghostKey, *upper) : QString());
        // The ghost's side on its own thread and session: both tables are read at once.
        // An init-capture, not [&]: clang before 16 can't capture a structured binding.
        auto ghostSide = std::async(std::launch::async, [&, &ghostSession = ghostSnapshot, ghostWhere] {
            return aggregate(ghostSession, ghost, ghostHash, ghostWhere);
        });
        QStringList a;
        try {
            a = aggregate(snapshot, original, sourceHash, sourceWhere);
        } catch (...) {
            ghostSide.wait(); // never leave the other thread with the session
            throw;
        }
        const QStringList b = ghostSide.get();
        ++result.chunks;
        result.rowsCompared += a[0].toULongLong();
        if (a != b) {
            const auto left = rowHashes(snapshot, original, sourceKey, sourceHash, sourceWhere);
            const auto right = rowHashes(ghostSnapshot, ghost, ghostKey, ghostHash, ghostWhere);
            for (auto it = left.cbegin(); it != left.cend() && result.mismatchedKeys.size() < 10; ++it)
                if (right.value(it.key()) != it.value())
                    result.mismatchedKeys << it.key();
            for (auto it = right.cbegin(); it != right.cend() && result.mismatchedKeys.size() < 10; ++it)
                if (!left.contains(it.key()))
                    result.mismatchedKeys << it.key() + u" (only in the ghost)"_s;
            if (result.mismatchedKeys.isEmpty())
                result.mismatchedKeys << u"(chunk after %1)"_s.arg(last ? KeyCodec::tuple(*last) : u"start"_s);
            break;
        }
        if (!upper)
            break;
        last = upper;
    }
    // Rows whose key holds a NULL (--allow-nullable-unique-key) fall outside every key range above: compare them
    // as a whole, so that a row the copy or the appliers could not carry over is a mismatch, never "equal".
    QStringList sourceNulls, ghostNulls;
    for (int i = 0; i < m_codec->size(); ++i)
        if (m_codec->columns()[static_cast<size_t>(i)].nullable) {
            sourceNulls << sourceKey[i] + u" IS NULL"_s;
            ghostNulls << ghostKey[i] + u" IS NULL"_s;
        }
    if (result.mismatchedKeys.isEmpty() && !sourceNulls.isEmpty()) {
        const QStringList a = aggregate(snapshot, original, sourceHash, sourceNulls.join(u" OR "_s));
        const QStringList b = aggregate(ghostSnapshot, ghost, ghostHash, ghostNulls.join(u" OR "_s));
        result.rowsCompared += a[0].toULongLong();
        if (a != b)
            result.mismatchedKeys << u"(%1 row(s) whose key is NULL in the original, %2 in the ghost)"_s.arg(a[0], b[0]);
    }
    snapshot.execute(u"COMMIT"_s);
    ghostSnapshot.execute(u"COMMIT"_s);
    result.equal = result.mismatchedKeys.isEmpty();
    result.millis = timer.elapsed();
    SS_INFO("verify: {}", result.summary().toStdString());
    return result;
}

} // namespace engine::verify
