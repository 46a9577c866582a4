#include "applier.h"

#include <logging/logging.h>
#include <mysql/connection.h>
#include <mysql/sessionsetup.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QRegularExpression>

#include <mysqld_error.h>

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

void Applier::flushWithRetries(Connection &connection, const std::vector<QString> &keys)
{
    const QString statements = u"START TRANSACTION; "_s + flushStatements(keys) + u"; COMMIT"_s;
    QElapsedTimer duplicateSince;
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
        while (!m_stopping) {
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
