#include "applier.h"

#include <QFile>

#include <logging/logging.h>
#include <mysql/connection.h>
#include <mysql/sessionsetup.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QRegularExpression>

#include <mysqld_error.h>

#include <algorithm>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::DbException;
using engine::mysql::identifierList;
using engine::mysql::qualifiedName;
using engine::mysql::quoteIdentifier;

namespace engine::apply {

std::pair<QString, QString> parseDuplicateEntry(const QString &message)
{
    static const QRegularExpression pattern(u"Duplicate entry '(.*)' for key '([^']*)'"_s,
                                            QRegularExpression::DotMatchesEverythingOption);
    const auto match = pattern.match(message);
    if (!match.hasMatch())
        return {};
    QString key = match.captured(2);
    if (const qsizetype dot = key.lastIndexOf(u'.'); dot >= 0) // MySQL 8 prints "table.key"
        key = key.mid(dot + 1);
    return {match.captured(1), key};
}

Applier::Applier(Options options, inspect::MigrationPlan plan, std::shared_ptr<KeyCodec> codec,
                 std::shared_ptr<ChangeSet> changes, std::shared_ptr<migration::MigrationContext> context)
    : m_options(std::move(options))
    , m_plan(std::move(plan))
    , m_codec(std::move(codec))
    , m_changes(std::move(changes))
    , m_context(std::move(context))
{
    m_sourceKeyColumns = m_codec->quotedColumns();
    for (const QString &keyColumn : m_plan.key.columns)
        for (const auto &pair : m_plan.columns)
            if (pair.source.compare(keyColumn, Qt::CaseInsensitive) == 0)
                m_ghostKeyColumns << quoteIdentifier(pair.target);
    m_insertPrefix = u"INSERT INTO %1 (%2) SELECT %3 FROM %4 WHERE "_s.arg(
        qualifiedName(m_options.schema, m_options.ghost), identifierList(m_plan.targetColumns()),
        m_plan.sourceSelectList(), qualifiedName(m_options.schema, m_options.original));
}

Applier::~Applier()
{
    stop();
}

void Applier::start()
{
    m_stopping = false;
    for (int partition = 0; partition < m_changes->partitions(); ++partition)
        m_threads.emplace_back([this, partition] { run(partition); });
}

void Applier::stop()
{
    m_stopping = true;
    for (auto &thread : m_threads)
        if (thread.joinable())
            thread.join();
    m_threads.clear();
}

void Applier::rethrowFailure() const
{
    std::lock_guard lock(m_mutex);
    if (m_failure)
        std::rethrow_exception(m_failure);
}

QString Applier::flushStatements(const std::vector<QString> &keys) const
{
    return flushStatements(keys, u" LOCK IN SHARE MODE"_s);
}

QString Applier::flushStatements(const std::vector<QString> &keys, const QString &lockClause) const
{
    return u"DELETE FROM %1 WHERE %2; "_s.arg(qualifiedName(m_options.schema, m_options.ghost),
                                               KeyCodec::inSet(m_ghostKeyColumns, keys))
        + m_insertPrefix + KeyCodec::inSet(m_sourceKeyColumns, keys) + lockClause;
}

namespace {

constexpr unsigned mysqlLockNowait = 3572; // ER_LOCK_NOWAIT (MySQL 8); MariaDB reports ER_LOCK_WAIT_TIMEOUT

QString noWaitShareClause(const Connection &connection)
{
    const QString version = connection.serverVersion();
    if (version.contains(u"MariaDB"_s, Qt::CaseInsensitive))
        return u" LOCK IN SHARE MODE NOWAIT"_s; // MariaDB 10.3+
    return version.section(u'.', 0, 0).toInt() >= 8 ? u" FOR SHARE NOWAIT"_s : QString();
}

} // namespace

void Applier::apply(Connection &connection, const std::vector<QString> &keys, const QString &noWaitLock)
{
    if (!noWaitLock.isEmpty()) {
        try {
            connection.executeBatch(u"START TRANSACTION; "_s + flushStatements(keys, noWaitLock) + u"; COMMIT"_s);
            return;
        } catch (const DbException &error) {
            try {
                connection.execute(u"ROLLBACK"_s);
            } catch (const DbException &) {
            }
            if (mysql::isConnectionLost(error.code()))
                throw;
            const bool locked = error.code() == ER_LOCK_WAIT_TIMEOUT || error.code() == mysqlLockNowait;
            if (locked && keys.size() > 1) {
                const auto middle = keys.begin() + static_cast<std::ptrdiff_t>(keys.size() / 2);
                apply(connection, std::vector<QString>(keys.begin(), middle), noWaitLock);
                apply(connection, std::vector<QString>(middle, keys.end()), noWaitLock);
                return;
            }
            // One locked key (waiting now holds no other lock), or another error: the waiting path decides.
        }
    }
    flushWithRetries(connection, keys);
}

std::vector<QString> Applier::uniqueBlockers(Connection &connection, const std::vector<QString> &keys) const
{
    // Ghost rows (outside `keys`) that hold a unique value one of `keys`' current rows in the original needs.
    // Their own change (freeing the value) may sit in another partition that waits, in turn, for a value these
    // keys still hold in the ghost: neither side would ever go first. Applying both in one batch breaks the cycle.
    std::vector<QString> found;
    QStringList ghostKey, sourceKey, ghostKeyRead = m_codec->selectExpressions();
    for (int i = 0; i < m_codec->size(); ++i) {
        ghostKey << u"g."_s + m_ghostKeyColumns[i];
        sourceKey << u"o."_s + m_sourceKeyColumns[i];
        ghostKeyRead[i].replace(m_sourceKeyColumns[i], u"g."_s + m_ghostKeyColumns[i]);
    }
    for (const auto &index : m_plan.otherUniqueIndexes) {
        QStringList same;
        for (const inspect::ColumnPair &pair : index)
            same << u"g.%1 = %2"_s.arg(quoteIdentifier(pair.target),
                                       pair.sourceExpression.isEmpty() ? u"o."_s + quoteIdentifier(pair.source)
                                                                       : pair.sourceExpression.arg(u"o."_s + quoteIdentifier(pair.source)));
        auto r = connection.query(u"SELECT %1 FROM %2 g JOIN %3 o ON %4 WHERE %5 AND NOT %6 LIMIT 1000"_s.arg(
            ghostKeyRead.join(u", "_s), qualifiedName(m_options.schema, m_options.ghost),
            qualifiedName(m_options.schema, m_options.original), same.join(u" AND "_s),
            KeyCodec::inSet(sourceKey, keys), KeyCodec::inSet(ghostKey, keys)));
        while (r.next()) {
            QStringList literals;
            for (int i = 0; i < m_codec->size(); ++i)
                literals << m_codec->literalFromText(i, r.bytes(i));
            const QString key = KeyCodec::tuple(literals);
            if (std::find(found.begin(), found.end(), key) == found.end())
                found.push_back(key);
        }
    }
    return found;
}

void Applier::flushWithRetries(Connection &connection, const std::vector<QString> &batchKeys)
{
    std::vector<QString> keys = batchKeys;
    QString statements = u"START TRANSACTION; "_s + flushStatements(keys) + u"; COMMIT"_s;
    QElapsedTimer duplicateSince;
    int widened = 0;
    for (int attempt = 1;; ++attempt) {
        try {
            connection.executeBatch(statements);
            return;
        } catch (const DbException &error) {
            try {
                connection.execute(u"ROLLBACK"_s);
            } catch (const DbException &) {
            }
            const unsigned code = error.code();
            if (code == ER_DUP_ENTRY && widened < 8) {
                if (const auto blockers = uniqueBlockers(connection, keys); !blockers.empty()) {
                    SS_DEBUG("apply: {} row(s) hold values that this batch's rows now have; applying them together",
                             blockers.size());
                    keys.insert(keys.end(), blockers.begin(), blockers.end());
                    statements = u"START TRANSACTION; "_s + flushStatements(keys) + u"; COMMIT"_s;
                    ++widened;
                    continue;
                }
            }
            if (code == ER_DUP_ENTRY) {
                // Another changed row may still hold the value in the ghost until its own change is applied
                // (its key sits in another partition or arrives later in the stream): wait and retry for a
                // while before calling it a real duplicate.
                if (!duplicateSince.isValid())
                    duplicateSince.start();
                if (duplicateSince.elapsed() < m_options.duplicateRetrySeconds * 1000LL && !m_stopping) {
                    std::this_thread::sleep_for(std::chrono::milliseconds(std::min(50 * attempt, 500)));
                    continue;
                }
                const auto [value, key] = parseDuplicateEntry(error.error().message);
                throw migration::MigrationError(
                    u"unique-duplicates"_s,
                    u"the new schema's unique key %1 rejects the value '%2' that rows of %3 share (found while "
                    "applying concurrent changes). The original table is untouched. Remove the duplicates or "
                    "change the ALTER"_s.arg(key, value, m_options.original),
                    error.error().statement.left(500), code);
            }
            if (mysql::isConnectionLost(code))
                throw; // the connection is gone; run() reconnects and applies the batch again
            if (mysql::isRetryable(code) && attempt < 20 && !m_stopping) {
                SS_DEBUG("apply: retrying after {}", error.error().message.toStdString());
                std::this_thread::sleep_for(std::chrono::milliseconds(20 * attempt));
                continue;
            }
            throw;
        }
    }
}

void Applier::run(int partition)
{
    try {
        const auto restore = [this](Connection &session) { mysql::prepareDataSession(session, {m_options.strict, true, 10}); };
        Connection connection = Connection::open(m_options.target, u"apply"_s);
        restore(connection);
        const QString noWaitLock = noWaitShareClause(connection);
        // SHADOWSWAP_TEST_HOLD_APPLY_FILE: the appliers take nothing while the file exists, so that scripts/bench
        // can pile up a backlog and time its drain (the operator's throttle pauses only the copy).
        const QString holdFile = qEnvironmentVariable("SHADOWSWAP_TEST_HOLD_APPLY_FILE");
        while (!m_stopping) {
            if (!holdFile.isEmpty() && QFile::exists(holdFile)) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
                continue;
            }
            const auto batchSize = static_cast<size_t>(std::max<qint64>(1, m_context->dmlBatchSize.load()));
            ChangeSet::Batch batch = m_changes->take(partition, batchSize, std::chrono::milliseconds(50));
            if (batch.keys.empty())
                continue;
            for (;;) {
                try {
                    apply(connection, batch.keys, noWaitLock);
                    break;
                } catch (const DbException &error) {
                    if (!mysql::isConnectionLost(error.code()) || m_stopping)
                        throw;
                    SS_WARN("apply: lost the connection ({}); reconnecting and applying the batch of {} key(s) again",
                            error.error().message.toStdString(), batch.keys.size());
                    mysql::reconnect(connection, m_options.reconnect, restore, [this] { return m_stopping.load(); });
                }
            }
            m_changes->complete(batch);
            m_context->eventsApplied = m_changes->eventsApplied();
        }
    } catch (...) {
        std::lock_guard lock(m_mutex);
        if (!m_failure)
            m_failure = std::current_exception();
        m_changes->close();
    }
}

} // namespace engine::apply
