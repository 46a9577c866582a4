#pragma once

#include "preflightrequest.h"

#include <inspect/alteranalysis.h>
#include <inspect/migrationplan.h>
#include <inspect/tableschema.h>
#include <mysql/connection.h>
#include <mysql/serverfacts.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QHash>
#include <QString>

#include <atomic>
#include <memory>
#include <optional>
#include <stdexcept>
#include <vector>

namespace engine::preflight {

// Preflight can't run at all (the inspected server is unreachable, the table is missing, cancelled).
class PreflightFailure : public std::runtime_error {
public:
    explicit PreflightFailure(const QString &reason);
    [[nodiscard]] const QString &reason() const { return m_reason; }

private:
    QString m_reason;
};

// The running check used up its time limit before it could send (or finish) a statement.
class TimeLimitReached : public std::runtime_error {
public:
    TimeLimitReached();
};

// One server preflight talks to, with its own connection. Owned by the preflight thread.
struct Server {
    QStringList roles; // "inspected", "primary", "replica"
    mysql::ConnectionSettings settings;
    mysql::Connection connection;
    mysql::ServerFacts facts;
    QString unreachable; // why it could not be connected; empty when connected
    QString factsNote;   // what could not be read about it, e.g. the replication status without privilege

    [[nodiscard]] bool reachable() const { return unreachable.isEmpty(); }
    [[nodiscard]] bool isMariaDB() const { return facts.version.flavour == mysql::Flavour::MariaDB; }
    [[nodiscard]] QString endpoint() const;
    [[nodiscard]] QString label() const; // "primary 127.0.0.1:3306"
};

// What the checks share: the request, the servers, statements under the running check's time limit, and
// what earlier checks learned (the table, the ghost schema, the copy rate). Single-threaded.
class PreflightContext {
public:
    PreflightContext(const PreflightRequest &request, std::atomic<bool> *cancel);
    ~PreflightContext();
    PreflightContext(const PreflightContext &) = delete;
    PreflightContext &operator=(const PreflightContext &) = delete;

    // Connects to every server involved and loads the table. Throws PreflightFailure when the inspected server
    // or the table can't be read; other servers that can't be reached are recorded (Server::unreachable).
    void connect();

    [[nodiscard]] const PreflightRequest &request() const { return m_request; }
    [[nodiscard]] const PreflightOptions &options() const { return m_request.options; }
    [[nodiscard]] Server &inspected() { return *m_servers.front(); }
    // Where the ghost is written; may be the inspected server itself. Null when it could not be reached.
    [[nodiscard]] Server *primary();
    [[nodiscard]] Server *primaryEvenIfUnreachable() { return m_primary; }
    // The primary when reachable, else the inspected server: for reads that only need the table's data.
    [[nodiscard]] Server &tableServer();
    [[nodiscard]] std::vector<Server *> replicas() const { return m_replicas; }
    [[nodiscard]] std::vector<Server *> servers() const;
    [[nodiscard]] bool inspectedIsPrimary() const { return m_primary == m_servers.front().get(); }

    // Starts the time limit of the next check.
    void beginCheck();
    [[nodiscard]] double secondsLeft() const;
    [[nodiscard]] int checkTimeoutSeconds() const { return m_request.options.checkTimeoutSeconds; }
    [[nodiscard]] bool cancelled() const { return m_cancel && m_cancel->load(); }

    // Statements under the running check's time limit. They throw TimeLimitReached when no time is left,
    // PreflightFailure when cancelled, and DbException as Connection does. A lost connection is reopened on
    // the next statement.
    mysql::Result query(Server &server, const QString &sql);
    std::optional<QString> scalar(Server &server, const QString &sql);
    void execute(Server &server, const QString &sql);
    // For statements that hold the DBA's text (the ALTER): one statement only, enforced by the server too.
    void executeSingle(Server &server, const QString &sql);
    // For clean-up after the time limit ran out: only the session's own limit applies. Never throws;
    // returns the error message, empty on success.
    QString executeCleanup(Server &server, const QString &sql) noexcept;

    [[nodiscard]] QString quote(const QString &value) const { return mysql::stringLiteral(value); }
    [[nodiscard]] QString qualifiedTable() const;

    // Learned by the checks, in run order (see checks.cpp).
    inspect::TableSchema table;
    inspect::AlterAnalysis alter;
    std::optional<inspect::TableSchema> ghost;     // the scratch table after the ALTER, when it applied
    std::optional<inspect::MigrationPlan> plan;     // when a plan could be built (renames approved or not)
    QString planError;
    QHash<QString, int> ghostPrefixLengths;         // "index\ncolumn" (lower case) -> indexed prefix length
    double copyRowsPerSecond = 0;                   // measured or assumed
    QString copyRateSource;                         // how copyRowsPerSecond was obtained, for the evidence
    std::optional<quint64> exactRows;
    [[nodiscard]] quint64 rowsToCopy() const { return exactRows.value_or(table.rowEstimate); }
    [[nodiscard]] double effectiveCopyRate() const; // rows per second: measured, given or assumed
    [[nodiscard]] double estimatedCopySeconds() const;

private:
    void open(Server &server);
    static void readFacts(Server &server);
    Server &addServer(const QStringList &roles, const mysql::ConnectionSettings &settings);
    [[nodiscard]] QString limited(const Server &server, const QString &sql) const;
    void prepare(Server &server);
    // Runs `run(connection)` on `server`'s session (opened when needed); a lost session is closed.
    template <typename Run>
    auto onServer(Server &server, Run run);

    PreflightRequest m_request;
    std::atomic<bool> *m_cancel = nullptr;
    std::vector<std::unique_ptr<Server>> m_servers; // front(): the inspected server
    Server *m_primary = nullptr;
    std::vector<Server *> m_replicas;
    QElapsedTimer m_checkClock;
};

} // namespace engine::preflight
