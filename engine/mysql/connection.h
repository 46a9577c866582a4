#pragma once

#include "connectionsettings.h"
#include "dberror.h"
#include "result.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

struct st_mysql;
using MYSQL = st_mysql;

namespace engine::mysql {

// One client connection (RAII over MYSQL*). Not thread-safe: a connection belongs to the thread that uses it;
// to cancel a blocking statement, another thread sends KILL QUERY <threadId()> on a connection of its own.
// All statements are UTF-8 (character set utf8mb4). Every failure throws DbException with the statement.
class Connection {
public:
    Connection() = default;
    Connection(Connection &&other) noexcept;
    Connection &operator=(Connection &&other) noexcept;
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;
    ~Connection();

    // Connects or throws. `purpose` names the connection in errors and in the server's processlist
    // (program_name connection attribute), e.g. "copy" or "binlog".
    static Connection open(const ConnectionSettings &settings, const QString &purpose = {});

    [[nodiscard]] bool isOpen() const { return m_mysql != nullptr; }
    [[nodiscard]] const ConnectionSettings &settings() const { return m_settings; }
    [[nodiscard]] const QString &purpose() const { return m_purpose; }
    [[nodiscard]] MYSQL *handle() const { return m_mysql; }
    [[nodiscard]] unsigned long threadId() const;
    [[nodiscard]] QString serverVersion() const;

    void execute(const QString &sql);
    // For text that holds user input (--alter, --throttle-query): the server's multi-statement support is off for
    // this one statement, so whatever the text holds, a second statement can't run (on top of the lexical check
    // in statementcheck.h).
    void executeSingle(const QString &sql);
    std::optional<QString> scalarSingle(const QString &sql);
    // Runs several ';'-separated statements in one round trip; returns the affected-rows count of each.
    std::vector<quint64> executeBatch(const QString &sql);
    Result query(const QString &sql);
    std::optional<QString> scalar(const QString &sql); // first column of the first row; nullopt for NULL/no row
    [[nodiscard]] quint64 affectedRows() const;
    [[nodiscard]] unsigned warningCount() const;

    // Quotes a value as a SQL string literal, escaped for this connection's character set.
    [[nodiscard]] QString quote(const QString &value) const;

    void close();

private:
    [[noreturn]] void fail(const QString &statement) const;
    void send(const QString &sql);

    MYSQL *m_mysql = nullptr;
    ConnectionSettings m_settings;
    QString m_purpose;
};

} // namespace engine::mysql
