#pragma once

#include "alteranalysis.h"
#include "tableschema.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace engine::inspect {

// One column copied from the original to the ghost. Names differ only for approved renames.
struct ColumnPair {
    QString source;
    QString target;
    // How to read the source for the target when a plain copy would differ from a native ALTER, with %1 for the
    // quoted source column (e.g. a DATETIME becoming a TIMESTAMP converts in the server's time zone, while the
    // engine's sessions run in UTC). Empty: the column itself.
    QString sourceExpression;
};

// How rows move from the original table to the ghost, and the key that identifies a row in both.
// Built once both schemas are known; a plain value shared read-only by the copier, applier and verifier.
struct MigrationPlan {
    std::vector<ColumnPair> columns; // shared, non-generated columns, in original order
    QStringList droppedColumns;      // in the original, not in the ghost
    QStringList addedColumns;        // in the ghost only (filled by their defaults)
    IndexInfo key;                   // the original's unique key used for chunking and row identity
    // The ghost's unique index over `key`'s columns (or a subset of them); failing that, one that contains them
    // all (a key extended by the ALTER): `key` then stays unique because every ghost row comes from the original.
    QString ghostKeyIndex;
    // The ghost's unique indexes that contain every column of `key`: a duplicate on one of them is the same row.
    QStringList keyCoveringIndexes;
    std::vector<ColumnInfo> keyColumns; // original's definitions of key.columns, in key order
    // The ghost's other unique indexes whose columns all come from the original (source -> target names): where a
    // changed row can collide with a row whose own change is not applied yet (values moving between rows).
    std::vector<std::vector<ColumnPair>> otherUniqueIndexes;

    [[nodiscard]] QStringList sourceColumns() const;
    // The SELECT list that reads the source columns for the target columns (sourceExpression applied),
    // optionally with a table alias.
    [[nodiscard]] QString sourceSelectList(const QString &alias = {}) const;
    [[nodiscard]] QStringList targetColumns() const;
};

struct PlanOptions {
    bool approveRenamedColumns = false;
    bool skipRenamedColumns = false;
    bool allowNullableUniqueKey = false;
};

// DATETIME <-> TIMESTAMP columns convert in `serverTimeZone` (the server's @@global.time_zone, e.g. "+05:00" or
// "SYSTEM"), as a native ALTER run in a session of that zone would, though the engine's sessions run in UTC.
// False (with `error`) when such a column is part of the chosen key: its values would change under the key.
bool convertTimeZones(MigrationPlan &plan, const TableSchema &original, const TableSchema &ghost,
                      const QString &serverTimeZone, QString *error);

// ENUM and SET columns of the chosen key travel as member numbers (the binlog's form and the copy's key order). False
// (with `error`) when the ALTER gives a member of such a column another number: only members appended at the end
// keep every existing number.
bool keyMembersKeepTheirNumbers(const MigrationPlan &plan, const TableSchema &original, const TableSchema &ghost,
                                QString *error);

// Builds the plan or explains, in `error`, why the migration can't proceed and what to do about it.
bool buildMigrationPlan(const TableSchema &original, const TableSchema &ghost, const AlterAnalysis &alter,
                        const PlanOptions &options, MigrationPlan &plan, QString *error);

} // namespace engine::inspect
