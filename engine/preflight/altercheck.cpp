#include "check.h"
#include "preflightcontext.h"
#include "scratchtable.h"

#include <inspect/deferredindexes.h>

#include <mysql/sqltext.h>

#include <QElapsedTimer>

using namespace Qt::StringLiterals;
using engine::inspect::AlterAnalysis;
using engine::inspect::DeferredIndex;
using engine::inspect::deferrableIndexes;
using engine::inspect::MigrationPlan;
using engine::inspect::PlanOptions;
using engine::inspect::TableSchema;
using engine::mysql::identifierList;
using engine::mysql::quoteIdentifier;

namespace engine::preflight {

namespace {

constexpr int sampleRows = 2000;
const QString unreachableFix = u"Make the primary reachable (see the server finding), then run preflight again"_s;

QString listed(const QStringList &names, qsizetype max = 20)
{
    QString text = names.mid(0, max).join(u", "_s);
    if (names.size() > max)
        text += u" and %1 more"_s.arg(names.size() - max);
    return text;
}

// Outcome of the sample copy of the first rows into the altered scratch table.
struct SampleCopy {
    quint64 rows = 0;
    double seconds = 0;
    QStringList dataWarnings; // warnings other than duplicates: the copy would change or lose data
};

class AlterCheck : public Check {
public:
    QStringList ids() const override { return {u"unique_key"_s, u"alter"_s, u"instant"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        const QString body = context.request().alter.trimmed();
        const AlterAnalysis &alter = context.alter;
        if (body.isEmpty()) {
            sink.add(okFinding(u"alter"_s, u"No ALTER given: only the table's readiness was inspected"_s));
            sink.add(okFinding(u"instant"_s, u"No ALTER given"_s));
            addUniqueKey(context, sink, context.table, {});
            return;
        }
        QString lexicalProblem;
        if (alter.namesOtherTable)
            lexicalProblem = u"--alter must hold only the ALTER's body (e.g. ADD COLUMN c INT), without ALTER TABLE <name>"_s;
        else if (alter.renamesTable)
            lexicalProblem = u"the ALTER renames the table; the migration's swap renames tables itself, so run "
                             "RENAME TABLE separately, before or after"_s;
        if (!lexicalProblem.isEmpty()) {
            sink.add(Finding{u"alter"_s, Severity::Block, u"The ALTER can't be migrated"_s, lexicalProblem,
                             u"Correct --alter"_s});
            sink.add(okFinding(u"instant"_s, u"Not tried: the ALTER can't be migrated as given"_s));
            addUniqueKey(context, sink, std::nullopt, u"the ALTER could not be tried"_s);
            return;
        }
        Server *primary = context.primary();
        if (!primary) {
            const QString why = u"the primary, where the ALTER is tried on an empty copy, was not reached"_s;
            sink.add(undetermined(u"alter"_s, why, unreachableFix));
            sink.add(undetermined(u"instant"_s, why, unreachableFix));
            addUniqueKey(context, sink, std::nullopt, why);
            return;
        }

        ScratchTable scratch(context, *primary);
        scratch.create();
        QString refusal;
        if (!scratch.applyAlter(body, &refusal)) {
            scratch.drop();
            sink.add(Finding{u"alter"_s, Severity::Block, u"The server refuses the ALTER"_s,
                             u"On an empty copy of the table (%1), the server answered: %2"_s.arg(scratch.name(), refusal),
                             u"Correct --alter; try it with: CREATE TABLE t LIKE %1; ALTER TABLE t %2;"_s.arg(
                                 context.qualifiedTable(), body)});
            sink.add(okFinding(u"instant"_s, u"Not tried: the server refuses the ALTER"_s));
            addUniqueKey(context, sink, std::nullopt, u"the server refuses the ALTER"_s);
            return;
        }
        auto ghost = TableSchema::load(primary->connection, context.request().database, scratch.name());
        if (!ghost)
            throw mysql::DbException(mysql::DbError{0, {}, u"the scratch table vanished while being read"_s, {}});
        loadPrefixLengths(context, *primary, scratch.name());
        context.ghost = ghost;

        const bool renamesBlocked = !alter.renamedColumns.isEmpty() && !context.options().approveRenamedColumns
            && !context.options().skipRenamedColumns;
        MigrationPlan plan;
        QString planError;
        const bool planned = buildMigrationPlan(context.table, *ghost, alter, planOptions(context), plan, &planError);
        if (planned)
            context.plan = plan;
        context.planError = planError;

        SampleCopy sample;
        QString sampleNote;
        if (planned && !scratch.binlogged())
            sample = sampleCopy(context, *primary, scratch, plan);
        else if (planned)
            sampleNote = u"No rows were copied into the scratch table: its writes would have reached the binlog "
                         "(the login may not turn sql_log_bin off)."_s;
        scratch.drop();

        // alter
        Finding finding{u"alter"_s, Severity::Ok, u"The server accepts the ALTER"_s, {}, {}};
        QStringList lines, fixes;
        lines << u"Tried on an empty copy of the table (%1.%2, dropped again%3)."_s.arg(
            quoteIdentifier(context.request().database), quoteIdentifier(scratch.name()),
            scratch.binlogged() ? u"; its DDL was binlogged because sql_log_bin could not be turned off"_s : QString());
        if (!scratch.dropError().isEmpty()) {
            lines << u"The scratch table could not be dropped: "_s + scratch.dropError();
            fixes << u"DROP TABLE %1.%2;"_s.arg(quoteIdentifier(context.request().database), quoteIdentifier(scratch.name()));
            finding.severity = Severity::Warn;
        }
        if (plan.columns.empty()) {
            finding.severity = Severity::Block;
            finding.title = u"The new schema keeps no column of the table"_s;
            lines << planError;
        } else {
            QStringList renames;
            for (auto it = alter.renamedColumns.cbegin(); it != alter.renamedColumns.cend(); ++it)
                renames << it.key() + u" → "_s + it.value();
            lines << u"Copies %1 column(s): %2"_s.arg(plan.columns.size()).arg(listed(plan.sourceColumns()));
            if (!renames.isEmpty())
                lines << u"Renames: %1 (%2)"_s.arg(renames.join(u", "_s),
                                                   context.options().approveRenamedColumns ? u"approved: data is copied"_s
                                                   : context.options().skipRenamedColumns  ? u"skipped: left empty"_s
                                                                                           : u"not approved"_s);
            if (!plan.droppedColumns.isEmpty())
                lines << u"Drops (their data is not copied): "_s + listed(plan.droppedColumns);
            if (!plan.addedColumns.isEmpty())
                lines << u"Adds (filled with their defaults): "_s + listed(plan.addedColumns);
            if (alter.changesPrimaryKey)
                lines << u"Changes the PRIMARY KEY."_s;
            QString keptWhy;
            QStringList deferred;
            for (const DeferredIndex &index : deferrableIndexes(ghost->createStatement, &keptWhy))
                deferred << index.name;
            lines << (deferred.isEmpty()
                          ? u"Every index is kept during the copy (%1)."_s.arg(keptWhy)
                          : u"With --defer-secondary-indexes these would be built after the copy, online: %1 (the "
                            "copy runs faster; replicas replay the build afterwards and lag by about as long)."_s.arg(
                                listed(deferred)));
        }
        if (renamesBlocked) {
            finding.severity = Severity::Block;
            finding.title = u"The ALTER renames columns"_s;
            fixes << u"Pass --approve-renamed-columns to copy the data into the new names, or --skip-renamed-columns "
                     "to leave them empty"_s;
        }
        if (!sample.dataWarnings.isEmpty()) {
            finding.severity = Severity::Block;
            finding.title = u"Copying existing rows into the new schema changes their data"_s;
            lines << u"Copying the first %1 row(s) into the scratch table gave: %2"_s.arg(sample.rows).arg(
                sample.dataWarnings.join(u"; "_s));
            fixes << u"Change the ALTER so that existing values fit (or clean the data first): the migration stops at "
                     "the first row it can't copy unchanged"_s;
        }
        if (!sampleNote.isEmpty())
            lines << sampleNote;
        finding.detail = lines.join(u'\n');
        finding.fix = fixes.join(u'\n');
        sink.add(finding);

        sink.add(instantFinding(context, scratch, body));
        addUniqueKey(context, sink, ghost, {});
    }

private:
    static PlanOptions planOptions(const PreflightContext &context)
    {
        PlanOptions options;
        // Renames are judged by the alter finding; the plan is built as if approved to learn the key and columns.
        options.approveRenamedColumns = !context.options().skipRenamedColumns;
        options.skipRenamedColumns = context.options().skipRenamedColumns;
        options.allowNullableUniqueKey = context.options().allowNullableUniqueKey;
        return options;
    }

    static void loadPrefixLengths(PreflightContext &context, Server &server, const QString &scratchName)
    {
        auto stats = context.query(server, u"SELECT INDEX_NAME, COLUMN_NAME, SUB_PART FROM information_schema.STATISTICS "
                                           "WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2 AND SUB_PART IS NOT NULL"_s.arg(
                                               context.quote(context.request().database), context.quote(scratchName)));
        while (stats.next())
            context.ghostPrefixLengths.insert((stats.text(0) + u'\n' + stats.text(1)).toLower(),
                                              static_cast<int>(stats.toInt(2)));
    }

    static SampleCopy sampleCopy(PreflightContext &context, Server &server, const ScratchTable &scratch,
                                 const MigrationPlan &plan)
    {
        SampleCopy sample;
        const QString sql = u"INSERT IGNORE INTO %1 (%2) SELECT %3 FROM %4 FORCE INDEX (%5) ORDER BY %6 LIMIT %7"_s
                                .arg(mysql::qualifiedName(context.request().database, scratch.name()),
                                     identifierList(plan.targetColumns()), plan.sourceSelectList(),
                                     context.qualifiedTable(), quoteIdentifier(plan.key.name),
                                     identifierList(plan.key.columns), QString::number(sampleRows));
        // Enough room for duplicate-key warnings (counted by new_unique_duplicates) not to hide data warnings.
        context.executeCleanup(server, u"SET SESSION max_error_count = 1000"_s);
        QElapsedTimer clock;
        clock.start();
        try {
            context.execute(server, sql);
        } catch (const mysql::DbException &error) {
            sample.dataWarnings << error.error().message;
            return sample;
        }
        sample.seconds = static_cast<double>(clock.nsecsElapsed()) / 1e9;
        sample.rows = server.connection.affectedRows();
        if (server.connection.warningCount() > 0) {
            auto warnings = server.connection.query(u"SHOW WARNINGS"_s);
            while (warnings.next() && sample.dataWarnings.size() < 5)
                if (warnings.toInt(1) != 1062) // duplicates: the new_unique_duplicates check counts them properly
                    sample.dataWarnings << u"%1 %2: %3"_s.arg(warnings.text(0), warnings.text(1), warnings.text(2));
        }
        if (sample.rows > 0 && sample.seconds > 0.001 && context.copyRowsPerSecond <= 0) {
            context.copyRowsPerSecond = static_cast<double>(sample.rows) / sample.seconds;
            context.copyRateSource = u"measured: %1 rows copied into the scratch table in %2 ms, without load"_s
                                         .arg(sample.rows)
                                         .arg(sample.seconds * 1000, 0, 'f', 1);
        }
        return sample;
    }

    static Finding instantFinding(const PreflightContext &context, const ScratchTable &scratch, const QString &body)
    {
        const QString statement = u"ALTER TABLE %1 %2"_s.arg(context.qualifiedTable(), body);
        const QString caveat = u"Tried on the empty copy; on the populated table the server may still refuse it "
                               "when existing values must be checked."_s;
        switch (scratch.algorithm()) {
        case NativeAlgorithm::Instant:
            return Finding{u"instant"_s, Severity::Ok, u"The change could run natively as ALGORITHM=INSTANT"_s,
                           u"The server changes only metadata: no copy, no replication lag. It still needs a brief "
                           "exclusive metadata lock, so sessions holding the table (see metadata_locks) make it wait. "_s
                               + caveat,
                           u"Consider running it natively instead of migrating: %1, ALGORITHM=INSTANT;"_s.arg(statement)};
        case NativeAlgorithm::InplaceNoLock:
            return Finding{u"instant"_s, Severity::Ok,
                           u"The change could run natively as ALGORITHM=INPLACE, LOCK=NONE"_s,
                           u"Not INSTANT (%1). INPLACE keeps the table writable, but replicas replay the ALTER in one "
                           "piece and lag by its whole duration (about as long as the copy: %2). "_s.arg(
                               scratch.instantRefusal(), formatDuration(context.estimatedCopySeconds()))
                               + caveat,
                           u"If that replica lag is acceptable, it could run natively: %1, ALGORITHM=INPLACE, LOCK=NONE;"_s.arg(
                               statement)};
        case NativeAlgorithm::CopyOnly:
            return okFinding(u"instant"_s, u"The change needs a table copy: an online migration is the right tool"_s,
                             u"INSTANT: %1\nINPLACE, LOCK=NONE: %2"_s.arg(
                                 scratch.instantRefusal().isEmpty() ? u"not available on this version"_s
                                                                    : scratch.instantRefusal(),
                                 scratch.inplaceRefusal()));
        case NativeAlgorithm::NotTried:
            break;
        }
        return okFinding(u"instant"_s, u"Native algorithms not tried"_s,
                         u"The ALTER names its own ALGORITHM or LOCK, or the server refused the clause for another "
                         "reason: %1"_s.arg(scratch.instantRefusal().isEmpty() ? u"-"_s : scratch.instantRefusal()));
    }

    // `ghost`: the new schema, or nullopt when unknown (then the original's best key is reported with a warning).
    static void addUniqueKey(PreflightContext &context, FindingSink &sink, const std::optional<TableSchema> &ghost,
                             const QString &unknownWhy)
    {
        MigrationPlan plan;
        QString error;
        const TableSchema &target = ghost ? *ghost : context.table;
        if (!buildMigrationPlan(context.table, target, ghost ? context.alter : AlterAnalysis{}, planOptions(context),
                                plan, &error)) {
            if (plan.columns.empty() && ghost) {
                sink.add(undetermined(u"unique_key"_s, u"the new schema keeps no column (see alter)"_s));
                return;
            }
            sink.add(Finding{u"unique_key"_s, Severity::Block, u"No unique key can drive the copy"_s, error,
                             u"Add a PRIMARY KEY or UNIQUE NOT NULL key that the ALTER keeps, or pass "
                             "--allow-nullable-unique-key when a nullable key never holds NULL"_s});
            return;
        }
        QString detail = u"The copy walks %1 (%2) in order and identifies rows by it"_s.arg(plan.key.name,
                                                                                          plan.key.columns.join(u", "_s));
        detail += ghost ? u"; in the new schema %1 keeps it unique."_s.arg(plan.ghostKeyIndex) : u"."_s;
        Finding finding = okFinding(u"unique_key"_s, u"Copy by %1 (%2)"_s.arg(plan.key.name, plan.key.columns.join(u", "_s)),
                                    detail);
        if (plan.key.hasNullableColumn) {
            finding.severity = Severity::Warn;
            finding.detail += u"\nThe key has nullable columns (allowed by --allow-nullable-unique-key): rows with NULL "
                              "there can't be told apart."_s;
        }
        if (!ghost) {
            finding.severity = Severity::Warn;
            finding.title = u"Best key of the table: %1; whether the new schema keeps it is unknown"_s.arg(plan.key.name);
            finding.detail += u"\n"_s + unknownWhy.left(1).toUpper() + unknownWhy.mid(1) + u'.';
        }
        sink.add(finding);
    }
};

} // namespace

std::unique_ptr<Check> makeAlterCheck()
{
    return std::make_unique<AlterCheck>();
}

} // namespace engine::preflight
