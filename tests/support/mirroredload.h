#pragma once

#include "sandbox.h"
#include "writeload.h"

#include <atomic>
#include <memory>

namespace testsupport {

// A migrated table and its reference: t and t_ref, (id BIGINT PRIMARY KEY, n INT NOT NULL, note VARCHAR(40) NOT NULL
// [, extraColumns]) with ids 1..rows, and one WriteLoad (a RowMix of inserts, updates, key changes and deletes on
// n and note, 150 statements/s) that runs every statement on both tables in the same order. After the migration, t
// must equal t_ref altered natively.
struct MirroredLoad {
    std::unique_ptr<WriteLoad> writer;
    // Set it to have the load run `oneOffStatement` (with {T}) once, on both tables, at its next turn.
    std::shared_ptr<std::atomic<bool>> oneOffRequested = std::make_shared<std::atomic<bool>>(false);
};

MirroredLoad startMirroredLoad(engine::mysql::Connection &primary, const ScratchDatabase &db, int rows,
                               const QString &extraColumns = {}, const QString &oneOffStatement = {});

// A mirrored load of updates (`v = v + 1`) and deletes (every tenth statement) on `name` and `name`_ref, 150
// statements/s, on rows whose key column(s) `keyColumn` equal `keyOf` with every %1 replaced by a number in
// 1..maxId (an SQL expression; identifiers are quoted, so names may hold anything). Not started.
std::unique_ptr<WriteLoad> updatesAndDeletes(const ScratchDatabase &db, const QString &name, int maxId,
                                             const QString &keyColumn = QStringLiteral("id"),
                                             const QString &keyOf = QStringLiteral("%1"));

} // namespace testsupport
