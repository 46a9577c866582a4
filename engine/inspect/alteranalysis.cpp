#include "alteranalysis.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace engine::inspect {

QString AlterAnalysis::blankLiterals(const QString &sql)
{
    QString out = sql;
    qsizetype i = 0;
    const qsizetype n = sql.size();
    while (i < n) {
        const QChar c = sql[i];
        if (c == u'\'' || c == u'"') {
            const qsizetype start = i++;
            while (i < n && sql[i] != c) {
                if (sql[i] == u'\\')
                    ++i;
                ++i;
            }
            for (qsizetype j = start; j <= std::min(i, n - 1); ++j)
                out[j] = u' ';
            ++i;
        } else if (c == u'-' && i + 1 < n && sql[i + 1] == u'-') {
            while (i < n && sql[i] != u'\n')
                out[i++] = u' ';
        } else if (c == u'#') {
            while (i < n && sql[i] != u'\n')
                out[i++] = u' ';
        } else if (c == u'/' && i + 1 < n && sql[i + 1] == u'*') {
            while (i < n && !(sql[i] == u'*' && i + 1 < n && sql[i + 1] == u'/'))
                out[i++] = u' ';
            if (i < n) {
                out[i++] = u' ';
                out[i++] = u' ';
            }
        } else if (c == u'`') {
            ++i; // keep quoted identifiers: they are names we need
            while (i < n && !(sql[i] == u'`' && !(i + 1 < n && sql[i + 1] == u'`')))
                i += (sql[i] == u'`') ? 2 : 1;
            ++i;
        } else {
            ++i;
        }
    }
    return out;
}

namespace {
const QString identifier = u"(`(?:[^`]|``)+`|[\\w$\\x{80}-\\x{ffff}]+)"_s;

QString unquote(const QString &name)
{
    if (name.size() >= 2 && name.front() == u'`' && name.back() == u'`')
        return name.mid(1, name.size() - 2).replace(u"``"_s, u"`"_s);
    return name;
}
} // namespace

AlterAnalysis AlterAnalysis::parse(const QString &alterBody)
{
    AlterAnalysis result;
    result.body = alterBody.trimmed();
    const QString text = blankLiterals(result.body);
    const auto opts = QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption;

    static const QRegularExpression alterTable(u"^\\s*alter\\s+(online\\s+|ignore\\s+)*table\\s"_s, opts);
    result.namesOtherTable = alterTable.match(text).hasMatch();

    const QRegularExpression change(u"(?:^|,)\\s*change\\s+(?:column\\s+)?"_s + identifier + u"\\s+"_s + identifier, opts);
    for (auto it = change.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        const QString from = unquote(m.captured(1)), to = unquote(m.captured(2));
        if (from.compare(to, Qt::CaseInsensitive) != 0)
            result.renamedColumns.insert(from, to);
    }
    const QRegularExpression renameColumn(
        u"(?:^|,)\\s*rename\\s+column\\s+"_s + identifier + u"\\s+to\\s+"_s + identifier, opts);
    for (auto it = renameColumn.globalMatch(text); it.hasNext();) {
        const auto m = it.next();
        result.renamedColumns.insert(unquote(m.captured(1)), unquote(m.captured(2)));
    }
    const QRegularExpression renameTable(u"(?:^|,)\\s*rename\\s+(?!column\\b|index\\b|key\\b)(?:to\\s+|as\\s+)?"_s + identifier, opts);
    result.renamesTable = renameTable.match(text).hasMatch();

    const QRegularExpression drop(u"(?:^|,)\\s*drop\\s+(?:column\\s+)?(?:if\\s+exists\\s+)?"_s + identifier, opts);
    static const QStringList notColumns = {u"index"_s, u"key"_s, u"primary"_s, u"foreign"_s, u"constraint"_s,
                                           u"check"_s, u"partition"_s, u"unique"_s, u"fulltext"_s, u"spatial"_s};
    for (auto it = drop.globalMatch(text); it.hasNext();) {
        const QString name = unquote(it.next().captured(1));
        if (!notColumns.contains(name.toLower()))
            result.droppedColumns << name;
    }
    static const QRegularExpression unique(u"\\bunique\\b"_s, QRegularExpression::CaseInsensitiveOption);
    result.addsUniqueKey = unique.match(text).hasMatch();
    static const QRegularExpression primary(u"(add|drop)\\s+primary\\s+key"_s, QRegularExpression::CaseInsensitiveOption);
    result.changesPrimaryKey = primary.match(text).hasMatch();
    return result;
}

} // namespace engine::inspect
