#include "deferredindexes.h"

#include <mysql/sqltext.h>
#include <QRegularExpression>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace engine::inspect {

namespace {

const QRegularExpression &ordinaryIndexLine() {
    static const QRegularExpression line(u"^\\s*(KEY `((?:[^`]|``)+)` .*?),?$"_s);
    return line;
}

QList<DeferredIndex> ordinaryIndexes(const QString &createStatement) {
    QList<DeferredIndex> indexes;
    for (const QString &line : createStatement.split(u'\n')) {
        const auto m = ordinaryIndexLine().match(line);
        if (m.hasMatch())
            indexes.append({m.captured(2).replace(u"``"_s, u"`"_s), m.captured(1)});
    }
    return indexes;
}

} // namespace

QList<DeferredIndex> deferrableIndexes(const QString &createStatement, QString *whyNone) {
    static const QRegularExpression blocking(
        u"^\\s*(FULLTEXT|SPATIAL) KEY |^\\s*CONSTRAINT .* FOREIGN KEY "_s,
        QRegularExpression::MultilineOption);
    if (const auto m = blocking.match(createStatement); m.hasMatch()) {
        *whyNone =
            m.captured(1).isEmpty()
                ? u"the table has foreign keys, which need their indexes from the first row"_s
                : u"the table has a %1 index: InnoDB can't add indexes to it without blocking writes"_s.arg(
                      m.captured(1));
        return {};
    }
    QList<DeferredIndex> indexes = ordinaryIndexes(createStatement);
    if (indexes.isEmpty())
        *whyNone = u"the table has no secondary index that is not unique"_s;
    return indexes;
}

QList<DeferredIndex> missingIndexes(const QString &intendedCreate, const QString &actualCreate) {
    const QList<DeferredIndex> present = ordinaryIndexes(actualCreate);
    QList<DeferredIndex> missing;
    for (const DeferredIndex &index : ordinaryIndexes(intendedCreate))
        if (!present.contains(index))
            missing.append(index);
    return missing;
}

QString addIndexesStatement(const QString &qualifiedTable, const QList<DeferredIndex> &indexes) {
    QStringList parts;
    for (const DeferredIndex &index : indexes)
        parts << u"ADD "_s + index.clause;
    return u"ALTER TABLE %1 %2, ALGORITHM=INPLACE, LOCK=NONE"_s.arg(qualifiedTable, parts.join(u", "_s));
}

QString dropIndexesStatement(const QString &qualifiedTable, const QList<DeferredIndex> &indexes) {
    QStringList parts;
    for (const DeferredIndex &index : indexes)
        parts << u"DROP INDEX "_s + mysql::quoteIdentifier(index.name);
    return u"ALTER TABLE %1 %2"_s.arg(qualifiedTable, parts.join(u", "_s));
}

QString withoutOrdinaryIndexes(const QString &createStatement) {
    QStringList kept;
    for (const QString &line : createStatement.split(u'\n'))
        if (!ordinaryIndexLine().match(line).hasMatch())
            kept << line;
    // The line before a removed last index loses nothing but its comma: normalise commas at line ends.
    QString text = kept.join(u'\n');
    static const QRegularExpression trailingComma(u",\\n\\)"_s);
    return text.replace(trailingComma, u"\n)"_s);
}

} // namespace engine::inspect
