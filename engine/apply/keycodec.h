#pragma once

#include <inspect/tableschema.h>

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace engine::binlog {
struct RowValue;
}

namespace engine::apply {

// Turns values of the migration key's columns into exact SQL literals and builds the key predicates the copier,
// applier and verifier share. Text keys become `_charset X'..' COLLATE collation` (exact bytes, index-usable);
// ENUM/SET/BIT keys are handled by their numeric value. Sessions using it run with time_zone '+00:00', the zone
// the binlog's TIMESTAMP values are rendered in. Immutable after construction; safe to share across threads.
class KeyCodec {
public:
    explicit KeyCodec(std::vector<inspect::ColumnInfo> keyColumns);

    [[nodiscard]] int size() const { return static_cast<int>(m_columns.size()); }
    [[nodiscard]] const std::vector<inspect::ColumnInfo> &columns() const { return m_columns; }

    // Expressions that select the key columns in the form literalFromText() expects (enum -> `c`+0, text ->
    // CAST(`c` AS BINARY): the stored bytes, whatever the session's character set).
    [[nodiscard]] QStringList selectExpressions(const QString &alias = {}) const;
    // The column names, quoted, for ORDER BY / comparisons.
    [[nodiscard]] QStringList quotedColumns(const QString &alias = {}) const;

    // A literal from a text-protocol value of key column `index` (as selected by selectExpressions()).
    [[nodiscard]] QString literalFromText(int index, const std::optional<QByteArray> &value) const;
    // A literal from a decoded binlog value of key column `index`.
    [[nodiscard]] QString literalFromBinlog(int index, const binlog::RowValue &value) const;

    // "(l1,l2)": the identity of one row, used as a map key and inside predicates.
    [[nodiscard]] static QString tuple(const QStringList &literals);
    [[nodiscard]] static QStringList untuple(const QString &tuple);

    // Predicates over the key columns (optionally prefixed with an alias): key > lower, key <= upper,
    // key in a set of tuples. Composite keys expand to OR/AND forms the range optimizer handles.
    // `columns` are the quoted key columns of the table the predicate is for (quotedColumns() for the original;
    // the ghost's may carry renamed names).
    [[nodiscard]] static QString greaterThan(const QStringList &columns, const QStringList &lower);
    [[nodiscard]] static QString atMost(const QStringList &columns, const QStringList &upper);
    [[nodiscard]] static QString inSet(const QStringList &columns, const std::vector<QString> &tuples);

private:
    [[nodiscard]] QString bytesLiteral(int index, const QByteArray &bytes) const;
    [[nodiscard]] bool isNumericLike(int index) const;
    [[nodiscard]] bool isText(int index) const; // has a character set (CHAR, VARCHAR, TEXT)

    std::vector<inspect::ColumnInfo> m_columns;
};

} // namespace engine::apply
