#pragma once

#include <mysql/connection.h>
#include <mysql/connectionsettings.h>

#include <QString>

#include <chrono>
#include <optional>

namespace testsupport {

// The sandbox's primary and replica, from the environment `scripts/sandbox env` prints
// (SHADOWSWAP_PRIMARY_PORT, SHADOWSWAP_REPLICA_PORT, SHADOWSWAP_USER, SHADOWSWAP_PASSWORD, SHADOWSWAP_HOST).
struct Sandbox {
    engine::mysql::ConnectionSettings primary;
    engine::mysql::ConnectionSettings replica;
    QString directory;
};

// The sandbox, or nullopt with `why` filled. Tests use REQUIRE_SANDBOX(), which fails when the sandbox is
// missing, and skips (saying so) only when SHADOWSWAP_SKIP_INTEGRATION=1 was set explicitly.
std::optional<Sandbox> sandboxFromEnvironment(QString *why);
bool integrationSkipRequested();

// Waits until the replica has applied everything the primary has written so far (MASTER_GTID_WAIT).
// Throws on timeout or replication error.
void waitForReplica(engine::mysql::Connection &primary, engine::mysql::Connection &replica,
                    std::chrono::milliseconds timeout = std::chrono::seconds(60));

// A database of its own for one test, created on the primary and present on the replica when the constructor
// returns; dropped on destruction.
class ScratchDatabase {
public:
    ScratchDatabase(const Sandbox &sandbox, const QString &testName);
    ~ScratchDatabase();
    ScratchDatabase(const ScratchDatabase &) = delete;
    ScratchDatabase &operator=(const ScratchDatabase &) = delete;

    [[nodiscard]] const QString &name() const { return m_name; }
    // Settings for the primary/replica with this database selected.
    [[nodiscard]] engine::mysql::ConnectionSettings primary() const;
    [[nodiscard]] engine::mysql::ConnectionSettings replica() const;

private:
    Sandbox m_sandbox;
    QString m_name;
};

// Content fingerprint of a table for checksum comparisons: row count plus an order-independent hash of
// every row over `columns` (all columns when empty).
struct TableChecksum {
    quint64 rows = 0;
    QString hash;
    bool operator==(const TableChecksum &other) const = default;
};
TableChecksum checksumTable(engine::mysql::Connection &connection, const QString &schema, const QString &table,
                            const QStringList &columns = {});

// SHOW CREATE TABLE without the table's name and AUTO_INCREMENT=N: equal for two tables with the same columns and
// indexes (a migrated table and its reference altered natively).
QString comparableCreateStatement(engine::mysql::Connection &connection, const QString &table);

// shadowswap-cli's login and target for `table` in `db`, reading the replica (gh-ost's default topology).
QStringList cliTargetArguments(const ScratchDatabase &db, const QString &table);

// Sets the metadata-lock instrument (performance_schema's wait/lock/metadata/sql/mdl) on the server `admin` is
// connected to, for this object's lifetime. The sandbox runs with it off, as a stock server does; tests of the
// paths that read performance_schema.metadata_locks turn it on. Locks taken before it is on are not counted.
class MetadataLockInstrument {
public:
    MetadataLockInstrument(engine::mysql::Connection &admin, bool enabled);
    ~MetadataLockInstrument();
    MetadataLockInstrument(const MetadataLockInstrument &) = delete;
    MetadataLockInstrument &operator=(const MetadataLockInstrument &) = delete;

private:
    engine::mysql::Connection &m_admin;
    QString m_before;
};

} // namespace testsupport

#define REQUIRE_SANDBOX(var)                                                                                 \
    QString var##Why;                                                                                        \
    const auto var##Opt = testsupport::sandboxFromEnvironment(&var##Why);                                    \
    if (!var##Opt) {                                                                                         \
        if (testsupport::integrationSkipRequested())                                                         \
            QSKIP(qPrintable(QStringLiteral("SHADOWSWAP_SKIP_INTEGRATION=1: skipping (") + var##Why + u')')); \
        QFAIL(qPrintable(var##Why));                                                                         \
    }                                                                                                        \
    const testsupport::Sandbox &var = *var##Opt
