#pragma once

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <vector>

namespace testsupport {

// Generates an application's write mix over a table whose rows are identified by an integer "id" that the
// scenario maps to its real key (one column, a composite key, a unique string...). Statements use "{T}" for
// the table so a mirror load can run them on a reference copy too. The mix includes what breaks naive tools:
// inserts beyond the copied range, updates of other columns, updates that change the key, deletes, and
// re-inserts of deleted keys. Deterministic for a seed; used from one thread.
class RowMix {
public:
    struct Shape {
        // "col1, col2" and the values for a new row with this id: "(..)"-less lists that follow "(key cols, " .
        std::function<QString(qint64 id)> keyColumnsAndValues; // e.g. "id" / "5"  -> returns "id|5" split by '|'
        std::function<QString(qint64 id)> keyPredicate;        // "id = 5"
        std::function<QString(qint64 id)> keyAssignment;       // "id = 5" (for key-changing updates)
        QString otherColumns;                                  // "a, s, n"
        std::function<QString(QRandomGenerator &)> otherValues;      // "1, 'x', NULL"
        std::function<QString(QRandomGenerator &)> otherAssignments; // "a = 2, s = 'y'"
        bool changeKeys = true;
    };

    RowMix(Shape shape, qint64 existingRows);
    QString next(quint64 sequence, QRandomGenerator &random);

private:
    QString insert(qint64 id, QRandomGenerator &random) const;
    qint64 takePresent(QRandomGenerator &random);

    Shape m_shape;
    std::vector<qint64> m_present;
    std::vector<qint64> m_deleted;
    qint64 m_nextId;
};

} // namespace testsupport
