#pragma once

#include "sandbox.h"

#include <mysql/connection.h>

#include <QString>

#include <optional>
#include <thread>

namespace testsupport {

// A lock the metadata-lock instrument can't show: a transaction that read `table` while the instrument was off,
// now busy in SELECT SLEEP(120) (so it is no idle-transaction suspect either), holds the table's SHARED_READ
// lock, and performance_schema.metadata_locks never lists it. A second session waits behind it in
// LOCK TABLES … WRITE. The instrument is on while this object lives; the destructor KILLs the holder if it is
// still there and joins both threads.
class HiddenLockHolder {
public:
    HiddenLockHolder(engine::mysql::Connection &admin, const engine::mysql::ConnectionSettings &database,
                     const QString &table);
    ~HiddenLockHolder();
    HiddenLockHolder(const HiddenLockHolder &) = delete;
    HiddenLockHolder &operator=(const HiddenLockHolder &) = delete;

    [[nodiscard]] unsigned long holderId() const { return m_holderId; }
    [[nodiscard]] unsigned long waiterId() const { return m_waiterId; }
    // Ends the holder's statement and rolls its transaction back: the waiter gets the table.
    void release();
    // Waits for the waiter to finish; its error, empty when it got the table.
    QString waiterResult();

private:
    engine::mysql::Connection &m_admin;
    std::optional<MetadataLockInstrument> m_off, m_on;
    engine::mysql::Connection m_holder, m_waiter;
    unsigned long m_holderId = 0, m_waiterId = 0;
    QString m_waiterError = QStringLiteral("not run");
    std::thread m_busy, m_waiting;
};

} // namespace testsupport
