#pragma once

#include <QList>
#include <QString>

namespace engine::inspect {

// A secondary index the ghost is copied without and gets afterwards: `clause` as SHOW CREATE TABLE prints it
// ("KEY `k_1` (`k`)"), so that ADD <clause> rebuilds exactly it.
struct DeferredIndex {
    QString name;
    QString clause;
    bool operator==(const DeferredIndex &) const = default;
};

// The ordinary non-unique indexes of a table (from its CREATE TABLE): what can be built after the copy.
// Unique keys stay (they catch duplicates while rows arrive, and the copy's key is one), and so do FULLTEXT
// and SPATIAL indexes. Empty, with `whyNone`, when no index may be deferred: FULLTEXT/SPATIAL present (InnoDB
// can't add an index to such a table with LOCK=NONE, so the appliers would stall), or foreign keys (they need
// their index).
QList<DeferredIndex> deferrableIndexes(const QString &createStatement, QString *whyNone);

// The indexes of `intended` that `actual` lacks (same name and clause): what an interrupted run still has to
// build.
QList<DeferredIndex> missingIndexes(const QString &intendedCreate, const QString &actualCreate);

// "ALTER TABLE <table> ADD KEY ..., ADD KEY ..., ALGORITHM=INPLACE, LOCK=NONE" (qualified table name given).
QString addIndexesStatement(const QString &qualifiedTable, const QList<DeferredIndex> &indexes);
QString dropIndexesStatement(const QString &qualifiedTable, const QList<DeferredIndex> &indexes);

// The CREATE TABLE without its ordinary non-unique index lines: what identifies a ghost's rows for a
// checkpoint, whether or not its deferred indexes are built yet.
QString withoutOrdinaryIndexes(const QString &createStatement);

} // namespace engine::inspect
