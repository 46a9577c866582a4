#pragma once

#include <QString>
#include <QtGlobal>

namespace engine::migration {

// A test-only hold of the row copy, so that a test can catch a migration midway deterministically (kill it, inject
// a fault) instead of slowing the copy down and hoping. Off unless the environment names a hold file:
//   SHADOWSWAP_TEST_HOLD_COPY_FILE=<path>          the copy waits while this file exists ...
//   SHADOWSWAP_TEST_HOLD_COPY_AFTER_ROWS=<rows>    ... once at least this many rows are copied (default 1)
// While held the copy is throttled with a reason naming the file; the stream, the appliers and checkpoints go on.
// Removing the file releases it. Read once, when a copy starts.
class CopyTestHold {
public:
    static CopyTestHold fromEnvironment();

    [[nodiscard]] bool isSet() const { return !m_file.isEmpty(); }
    // True while the copy must wait, given the rows copied so far. Cheap: one stat() of the file.
    [[nodiscard]] bool holds(quint64 rowsCopied) const;
    [[nodiscard]] QString reason() const;

private:
    QString m_file;
    quint64 m_afterRows = 1;
};

} // namespace engine::migration
