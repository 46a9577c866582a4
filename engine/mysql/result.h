#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

struct st_mysql_res;
using MYSQL_RES = st_mysql_res;

namespace engine::mysql {

// Owns one fully buffered MYSQL_RES. Iterate with next(); values are raw bytes as the server sent them
// (text protocol), std::nullopt for SQL NULL. Movable, not copyable. Thread affinity: whoever owns it.
class Result {
public:
    Result() = default;
    explicit Result(MYSQL_RES *result);
    Result(Result &&other) noexcept;
    Result &operator=(Result &&other) noexcept;
    Result(const Result &) = delete;
    Result &operator=(const Result &) = delete;
    ~Result();

    [[nodiscard]] bool isValid() const { return m_result != nullptr; }
    [[nodiscard]] quint64 rowCount() const;
    [[nodiscard]] int columnCount() const { return m_columns.size(); }
    [[nodiscard]] const QStringList &columnNames() const { return m_columns; }
    [[nodiscard]] int columnIndex(const QString &name) const; // -1 if absent, case-insensitive

    bool next();
    [[nodiscard]] bool isNull(int column) const;
    [[nodiscard]] std::optional<QByteArray> bytes(int column) const;
    [[nodiscard]] QString text(int column) const; // NULL reads as an empty string
    [[nodiscard]] QString text(const QString &column) const;
    [[nodiscard]] qint64 toInt(int column, qint64 fallback = 0) const;
    [[nodiscard]] quint64 toUInt(int column, quint64 fallback = 0) const;
    [[nodiscard]] double toDouble(int column, double fallback = 0) const;

private:
    MYSQL_RES *m_result = nullptr;
    char **m_row = nullptr;
    unsigned long *m_lengths = nullptr;
    QStringList m_columns;
};

} // namespace engine::mysql
