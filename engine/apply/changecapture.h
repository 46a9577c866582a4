#pragma once

#include "changeset.h"
#include "keycodec.h"

#include <binlog/binlogposition.h>
#include <model/migrationcontext.h>
#include <mysql/connectionsettings.h>
#include <mysql/reconnect.h>

#include <QString>

#include <condition_variable>
#include <exception>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace engine::apply {

// The binlog reader thread: streams the inspected server's binlog from a start position, turns every row
// change of the original table into its key(s) in the ChangeSet, and watches the changelog table for
// heartbeats (stream lag) and markers (in-band synchronisation points written by the engine).
//
// A failed stream is re-opened at the last transaction boundary (Options::reconnect): the keys of the partial
// transaction read before the failure are simply added again, which the appliers' re-read makes harmless.
//
// Thread affinity: start()/stop()/waitForMarker() from the worker thread; the reading runs on its own thread.
class ChangeCapture {
public:
    struct Options {
        mysql::ConnectionSettings source;
        quint32 serverId = 99999;
        QString schema;
        QString table;            // the original
        QString changelogTable;   // _T_ghc
        int tableColumnCount = 0; // columns of the original, for a sanity check against the table map
        std::vector<int> keyOrdinals; // positions of the key columns in the original's rows
        // When set, rows of `table` are ignored until a statement containing this text passes (the revert
        // window's capture starts before the swap and must skip the old table's events up to the RENAME).
        QString ignoreRowsUntilQuery;
        // A stream that fails (lost connection, dump thread killed, server restarted, an error from the client
        // library) is opened again at the last transaction boundary, by this policy; only then is it a failure.
        mysql::RetryPolicy reconnect;
        // The engine's own tables (ghost, old table, sentry): DDL naming them is the engine's. Any other DDL on
        // `table` (ALTER, TRUNCATE, RENAME, DROP) stops the capture with "schema-changed".
        QStringList ownTables;
        // Called after a stream failure, before it is opened again, with the position it would read from: throws
        // to stop at once when no reconnect can help (the binlog was purged). Runs on the capture's thread.
        std::function<void(const binlog::BinlogPosition &from)> checkStillReadable;
    };

    ChangeCapture(Options options, std::shared_ptr<KeyCodec> codec, std::shared_ptr<ChangeSet> changes,
                  std::shared_ptr<migration::MigrationContext> context);
    ~ChangeCapture();

    void start(const binlog::BinlogPosition &from);
    void stop();

    // Waits until the changelog row carrying `token` (written by the engine) has been read from the stream and
    // returns the ChangeSet sequence at that point: every change before it is in the ChangeSet.
    // Returns nullopt on timeout. Rethrows a reader failure.
    std::optional<quint64> waitForMarker(const QString &token, std::chrono::milliseconds timeout);

    // A transaction boundary in the stream: every row change read before `position` has a ChangeSet sequence of
    // at most `sequence`. Resuming the stream at `position` starts at a whole transaction.
    struct Boundary {
        binlog::BinlogPosition position;
        quint64 sequence = 0;
    };
    [[nodiscard]] Boundary lastBoundary() const;

    // Rethrows the reader thread's failure, if it had one.
    void rethrowFailure() const;
    [[nodiscard]] binlog::BinlogPosition position() const;

private:
    void run(binlog::BinlogPosition from);
    // Streams from `from` until stopped; throws what the stream throws. `onProgress` is called when a transaction
    // boundary beyond `from` is reached (the stream works again after a reconnect).
    void stream(const binlog::BinlogPosition &from, const std::function<void()> &onProgress);
    void fail(std::exception_ptr failure);
    void onChangelogRow(const QByteArray &hint, const QByteArray &value);

    Options m_options;
    std::shared_ptr<KeyCodec> m_codec;
    std::shared_ptr<ChangeSet> m_changes;
    std::shared_ptr<migration::MigrationContext> m_context;
    std::thread m_thread;
    std::atomic<bool> m_stopping{false};
    bool m_ignoringRows = false; // Options::ignoreRowsUntilQuery not yet seen; kept across reconnects (reader thread)

    mutable std::mutex m_mutex;
    void *m_stream = nullptr; // the live binlog::BinlogStream, for cancel() from stop(); guarded by m_mutex
    std::condition_variable m_markerSeen;
    std::map<QString, quint64> m_markers;
    std::exception_ptr m_failure;
    binlog::BinlogPosition m_position;
    Boundary m_boundary;
    quint64 m_sequence = 0;
};

} // namespace engine::apply
