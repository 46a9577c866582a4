#pragma once

#include <QString>
#include <QStringList>

namespace engine::apply {

// Whether a statement from the binlog changes the definition or the whole content of the migrated table behind
// the engine's back: ALTER, TRUNCATE, RENAME, DROP (or CREATE OR REPLACE) naming it. The swap would undo such a
// change (or bring back rows a TRUNCATE removed), so the migration must stop. `defaultSchema` is the session's
// database for unqualified names. Statements that name one of `ownTables` (the ghost, the old table: the
// engine's own swap) are not the application's.
class DdlWatch {
public:
    DdlWatch(QString schema, QString table, QStringList ownTables);

    [[nodiscard]] bool changesTable(const QString &statement, const QString &defaultSchema) const;

private:
    QString m_schema, m_table;
    QStringList m_ownTables;
};

} // namespace engine::apply
