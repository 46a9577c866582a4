#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace engine::inspect {

// What an ALTER body (the part after "ALTER TABLE t") does that the migration must know before it runs:
// column renames, dropped columns, a table rename (refused), new unique keys (duplicate risk).
// A lexical reading, not a SQL parser: string literals and comments are blanked first so their
// contents can't be mistaken for clauses. The server remains the judge of validity (the ALTER runs on the ghost).
struct AlterAnalysis {
    QString body;
    QMap<QString, QString> renamedColumns; // old name (as written) -> new name
    QStringList droppedColumns;
    bool renamesTable = false;
    bool addsUniqueKey = false;
    bool changesPrimaryKey = false;
    bool namesOtherTable = false; // "ALTER TABLE x ..." given instead of the body

    static AlterAnalysis parse(const QString &alterBody);
    // The body with literals/comments blanked to spaces (same length), for other lexical checks.
    static QString blankLiterals(const QString &sql);
};

} // namespace engine::inspect
