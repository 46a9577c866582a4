#pragma once

#include "changeset.h"
#include "keycodec.h"

#include <inspect/migrationplan.h>
#include <model/migrationcontext.h>
#include <mysql/connectionsettings.h>
#include <mysql/reconnect.h>

#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace engine::apply {

// Brings changed keys from the original table to the ghost: for each batch of keys, one round trip of
//   DELETE FROM ghost WHERE key IN (...); INSERT INTO ghost (...) SELECT ... FROM original WHERE key IN (...)
//   LOCK IN SHARE MODE NOWAIT
// in one transaction. The locking read sees each row's committed state even when the binlog event was read
// before the commit became visible (the semi-sync trap), and rows that no longer exist simply vanish from the
// ghost. NOWAIT: while holding some rows' shared locks the applier never waits for another row's lock, so an
// application transaction can't deadlock with it. When a row is locked, the batch is split in halves until the
// locked key is alone, and a single key waits for its lock holding no other (MySQL 5.7 has no NOWAIT: there the
// whole batch waits). Plain INSERT, never IGNORE or REPLACE: a duplicate on a new unique key is an error,
// retried while it may be transient and reported with its value when it persists.
//
// Appliers are never throttled: throttling holds the copy, and the changed-key queue keeps draining meanwhile (a
// full queue would stop the binlog reader, and with it the heartbeat the throttle itself depends on). A lost
// connection is re-dialled and the batch applied again: DELETE + INSERT ... SELECT of the current rows is
// idempotent, whether or not the lost attempt committed.
//
// One thread and one connection per ChangeSet partition. start()/stop() from the worker thread.
class Applier {
public:
    struct Options {
        mysql::ConnectionSettings target; // the primary
        QString schema;
        QString original;
        QString ghost;
        bool strict = true;
        int duplicateRetrySeconds = 10;   // how long a unique-key collision may persist before it's real
        // A lost connection is re-dialled by this policy and the batch applied again (it is idempotent).
        mysql::RetryPolicy reconnect;
    };

    Applier(Options options, inspect::MigrationPlan plan, std::shared_ptr<KeyCodec> codec,
            std::shared_ptr<ChangeSet> changes, std::shared_ptr<migration::MigrationContext> context);
    ~Applier();

    void start();
    void stop();
    void rethrowFailure() const;

    // The statements that bring `keys` over; also used by the cut-over's lock session.
    [[nodiscard]] QString flushStatements(const std::vector<QString> &keys) const;

private:
    void run(int partition);
    // `noWaitLock`: the server's NOWAIT shared-lock clause, empty when it has none.
    void apply(mysql::Connection &connection, const std::vector<QString> &keys, const QString &noWaitLock);
    void flushWithRetries(mysql::Connection &connection, const std::vector<QString> &batchKeys);
    [[nodiscard]] std::vector<QString> uniqueBlockers(mysql::Connection &connection, const std::vector<QString> &keys) const;
    [[nodiscard]] QString flushStatements(const std::vector<QString> &keys, const QString &lockClause) const;

    Options m_options;
    inspect::MigrationPlan m_plan;
    std::shared_ptr<KeyCodec> m_codec;
    std::shared_ptr<ChangeSet> m_changes;
    std::shared_ptr<migration::MigrationContext> m_context;
    QStringList m_sourceKeyColumns, m_ghostKeyColumns;
    QString m_insertPrefix;
    std::vector<std::thread> m_threads;
    std::atomic<bool> m_stopping{false};
    mutable std::mutex m_mutex;
    std::exception_ptr m_failure;
};

// Parses "Duplicate entry 'x' for key 'k'" into {value, key}; empty when the message doesn't match.
std::pair<QString, QString> parseDuplicateEntry(const QString &message);

} // namespace engine::apply
