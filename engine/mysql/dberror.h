#pragma once

#include <QMetaType>
#include <QString>

#include <stdexcept>

namespace engine::mysql {

// A server or client error as the DBA needs to see it: what failed, the server's code and SQLSTATE,
// and the statement that was running (never containing a password).
struct DbError {
    unsigned code = 0;
    QString sqlState;
    QString message;
    QString statement;

    [[nodiscard]] QString toString() const;
};

// Thrown by the MySQL layer; caught at the worker's boundary and turned into a failure signal.
class DbException : public std::runtime_error {
public:
    explicit DbException(DbError error);
    [[nodiscard]] const DbError &error() const { return m_error; }
    [[nodiscard]] unsigned code() const { return m_error.code; }

private:
    DbError m_error;
};

// Client-side error codes (CR_*) that mean "the server could not be reached at all".
bool isConnectionFailure(unsigned code);
// Errors after which a statement may be retried as it was: deadlock, lock wait timeout, lost connection.
bool isRetryable(unsigned code);

} // namespace engine::mysql

Q_DECLARE_METATYPE(engine::mysql::DbError)
