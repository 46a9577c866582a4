#pragma once

#include <apply/keycodec.h>
#include <inspect/migrationplan.h>
#include <model/migrationcontext.h>
#include <throttle/pacingcontroller.h>

#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace engine::mysql {
class Connection;
}

namespace engine::apply {
class ChangeSet;
}

namespace engine::copy {

// Copies the original's rows into the ghost in key order, one chunk per transaction:
//   INSERT INTO ghost (...) SELECT ... FROM original FORCE INDEX(key) WHERE key in (last, end]
// a consistent read (READ COMMITTED): no locks on the original, so the application's writers never wait for the
// copy or become deadlock victims of it. That is safe because the appliers are held while a chunk runs: a row
// changed after the chunk's snapshot has a binlog event that is applied only after the chunk commits, and the
// applier's re-read then brings the row's current state (a row deleted meanwhile is deleted from the ghost
// again). Had an applier run during the chunk, the chunk could overwrite its newer row with the snapshot's older
// one, or resurrect a row deleted after the snapshot.
// The chunk size adapts so that a chunk takes about the target time. When appliers already brought some of the
// chunk's keys over, the chunk is rewritten (DELETE + INSERT in one transaction) — idempotent under replay.
// A duplicate on any other unique key is retried after the appliers catch up, then reported with its value.
// A lost connection is re-dialled (Reconnect) and the chunk rewritten, since the lost attempt may have committed.
//
// Runs on the worker thread with the worker's own connection.
class RowCopier {
public:
    struct Options {
        QString schema;
        QString original;
        QString ghost;
        qint64 initialChunkSize = 1000;
        int retries = 60;
        // Resuming: the chunks up to this key (SQL literals) are already in the ghost; copy the rows above it.
        std::optional<QStringList> resumeAfter;
    };
    // Called when a duplicate may be transient: waits until every change read so far is applied.
    using CatchUp = std::function<void()>;
    using ThrottleWait = std::function<void()>;
    // Called when the connection was lost: replaces it by a live one with the session state restored, or throws.
    using Reconnect = std::function<void()>;

    // `changes` is the appliers' queue: held (paused, in-flight batches finished) while each chunk runs.
    RowCopier(mysql::Connection &connection, Options options, inspect::MigrationPlan plan,
              std::shared_ptr<apply::KeyCodec> codec, std::shared_ptr<apply::ChangeSet> changes,
              std::shared_ptr<migration::MigrationContext> context, CatchUp catchUp, ThrottleWait throttle,
              Reconnect reconnect);

    // Reads the key range to copy. Rows inserted above its end later reach the ghost through the binlog.
    // Returns false when the table is empty.
    bool prepare();
    // Copies one chunk; false when everything up to the range's end is copied.
    bool copyNextChunk();

    [[nodiscard]] qint64 chunkSize() const { return m_chunkSize; }
    [[nodiscard]] quint64 chunksCopied() const { return m_chunks; }
    // The upper bound of the last committed chunk (the resume point), or the resume point it started from.
    [[nodiscard]] const std::optional<QStringList> &lastCopiedKey() const { return m_last; }
    [[nodiscard]] bool isDone() const { return m_done; }

private:
    std::optional<QStringList> readKey(const QString &sql);
    quint64 copyRange(const QString &range, const QString &ghostRange);
    void adaptChunkSize(qint64 elapsedMillis);

    mysql::Connection &m_connection;
    Options m_options;
    inspect::MigrationPlan m_plan;
    std::shared_ptr<apply::KeyCodec> m_codec;
    std::shared_ptr<apply::ChangeSet> m_changes;
    std::shared_ptr<migration::MigrationContext> m_context;
    CatchUp m_catchUp;
    ThrottleWait m_throttle;
    Reconnect m_reconnect;
    QStringList m_sourceKeyColumns, m_ghostKeyColumns;
    std::optional<QStringList> m_last; // upper bound of the last copied chunk
    QStringList m_max;
    bool m_done = false;
    qint64 m_chunkSize;
    quint64 m_chunks = 0;
    throttle::PacingController m_pacing;
};

} // namespace engine::copy
