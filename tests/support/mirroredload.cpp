#include "mirroredload.h"

#include "rowmix.h"

#include <mysql/sqltext.h>

using namespace Qt::StringLiterals;

namespace testsupport {

MirroredLoad startMirroredLoad(engine::mysql::Connection &primary, const ScratchDatabase &db, int rows,
                               const QString &extraColumns, const QString &oneOffStatement)
{
    for (const QString &name : {u"t"_s, u"t_ref"_s}) {
        primary.execute(u"CREATE TABLE %1 (id BIGINT PRIMARY KEY, n INT NOT NULL, note VARCHAR(40) NOT NULL%2)"_s.arg(
            name, extraColumns.isEmpty() ? QString() : u", "_s + extraColumns));
        primary.execute(u"INSERT INTO %1 (id, n, note) SELECT seq, MOD(seq, 1000), CONCAT('r', seq) FROM seq_1_to_%2"_s
                            .arg(name)
                            .arg(rows));
    }
    RowMix::Shape shape;
    shape.keyColumnsAndValues = [](qint64 id) { return u"id|%1"_s.arg(id); };
    shape.keyPredicate = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.keyAssignment = [](qint64 id) { return u"id = %1"_s.arg(id); };
    shape.otherColumns = u"n, note"_s;
    shape.otherValues = [](QRandomGenerator &r) { return u"%1, 'w%2'"_s.arg(r.bounded(1000)).arg(r.bounded(1000)); };
    shape.otherAssignments = [](QRandomGenerator &r) {
        return u"n = %1, note = 'u%2'"_s.arg(r.bounded(1000)).arg(r.bounded(99));
    };
    auto mix = std::make_shared<RowMix>(shape, rows);
    MirroredLoad work;
    WriteLoad::Options load;
    load.connection = db.primary();
    load.statementsPerSecond = 150;
    load.mirrorTables = {engine::mysql::qualifiedName(db.name(), u"t"_s),
                         engine::mysql::qualifiedName(db.name(), u"t_ref"_s)};
    load.nextStatement = [mix, oneOff = work.oneOffRequested, oneOffStatement](quint64 s, QRandomGenerator &r) {
        if (!oneOffStatement.isEmpty() && oneOff->exchange(false))
            return oneOffStatement;
        return mix->next(s, r);
    };
    work.writer = std::make_unique<WriteLoad>(load);
    work.writer->start();
    return work;
}

std::unique_ptr<WriteLoad> updatesAndDeletes(const ScratchDatabase &db, const QString &name, int maxId,
                                             const QString &keyColumn, const QString &keyOf)
{
    WriteLoad::Options options;
    options.connection = db.primary();
    options.statementsPerSecond = 150;
    options.mirrorTables = {engine::mysql::quoteIdentifier(name), engine::mysql::quoteIdentifier(name + u"_ref"_s)};
    options.nextStatement = [=](quint64 sequence, QRandomGenerator &random) {
        const QString key = QString(keyOf).replace(u"%1"_s, QString::number(random.bounded(1, maxId + 1)));
        return sequence % 10 == 9 ? u"DELETE FROM {T} WHERE %1 = %2"_s.arg(keyColumn, key)
                                  : u"UPDATE {T} SET v = v + 1 WHERE %1 = %2"_s.arg(keyColumn, key);
    };
    return std::make_unique<WriteLoad>(options);
}

} // namespace testsupport
