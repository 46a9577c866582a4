#pragma once

#include <apply/keycodec.h>
#include <inspect/migrationplan.h>
#include <model/migrationcontext.h>
#include <mysql/connection.h>
#include <mysql/connectionsettings.h>

#include <QStringList>

#include <functional>
#include <memory>

namespace engine::apply {
class ChangeSet;
}

namespace engine::verify {

struct VerifyResult {
    bool equal = false;
    quint64 rowsCompared = 0;
    quint64 chunks = 0;
    qint64 millis = 0;
    qint64 writePauseMillis = 0; // how long the application's writes waited for the consistent point
    QStringList mismatchedKeys;  // up to 10
    QString summary() const;
};

// Compares the ghost with the original at one consistent point, chunk by chunk, over the shared columns
// projected through the ALTER (a changed type is compared as the new type; text as utf8mb4).
//
// The consistent point: a brief LOCK TABLES original READ (writers wait), the last changed keys are brought
// over, consistent-snapshot transactions open, and the lock is released — the application's writes pause for
// about one binlog round trip. The comparison itself runs inside the snapshot with no locks held.
// Runs on the worker thread; the appliers must be paused while the consistent point is taken.
class ChecksumVerifier {
public:
    struct Options {
        mysql::ConnectionSettings primary;
        QString schema, original, ghost;
        int lockTimeoutSeconds = 3;
        qint64 rowsPerChunk = 20000;
    };
    struct Hooks {
        std::function<bool(const QString &token, int timeoutMillis)> writeMarkerAndWait;
        std::function<QString(const std::vector<QString> &keys)> flushStatements;
    };

    ChecksumVerifier(Options options, inspect::MigrationPlan plan, inspect::TableSchema original,
                     inspect::TableSchema ghost, std::shared_ptr<apply::KeyCodec> codec, apply::ChangeSet &changes,
                     std::shared_ptr<migration::MigrationContext> context, Hooks hooks);

    VerifyResult run();

    // The per-row expression hashed on each side (exposed for tests).
    [[nodiscard]] QString rowHashExpression(bool ghostSide) const;

private:
    // Two sessions with the same consistent snapshot (both started under the lock): one reads the original, the
    // other the ghost, in parallel.
    std::pair<mysql::Connection, mysql::Connection> openSnapshots(qint64 *pauseMillis);

    Options m_options;
    inspect::MigrationPlan m_plan;
    inspect::TableSchema m_originalSchema, m_ghostSchema;
    std::shared_ptr<apply::KeyCodec> m_codec;
    apply::ChangeSet &m_changes;
    std::shared_ptr<migration::MigrationContext> m_context;
    Hooks m_hooks;
};

// How a column pair is compared: the cast both sides go through, or empty when the values compare as they are.
QString comparisonCast(const inspect::ColumnInfo &source, const inspect::ColumnInfo &target);

} // namespace engine::verify
