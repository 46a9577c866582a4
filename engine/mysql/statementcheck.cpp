#include "statementcheck.h"

#include <QList>

using namespace Qt::StringLiterals;

namespace engine::mysql {

namespace {
// Positions of ';' that separate statements: outside quotes and plain comments.
QList<qsizetype> separators(const QString &sql)
{
    QList<qsizetype> found;
    const qsizetype n = sql.size();
    for (qsizetype i = 0; i < n; ++i) {
        const QChar c = sql[i];
        const QChar next = i + 1 < n ? sql[i + 1] : QChar();
        if (c == u'\'' || c == u'"' || c == u'`') {
            // To the closing quote; a doubled quote and (not in identifiers) a backslash escape stay inside.
            for (++i; i < n; ++i) {
                if (c != u'`' && sql[i] == u'\\') {
                    ++i;
                    continue;
                }
                if (sql[i] == c) {
                    if (i + 1 < n && sql[i + 1] == c) {
                        ++i;
                        continue;
                    }
                    break;
                }
            }
        } else if (c == u'#' || (c == u'-' && next == u'-' && (i + 2 >= n || sql[i + 2].isSpace()))) {
            while (i < n && sql[i] != u'\n')
                ++i;
        } else if (c == u'/' && next == u'*') {
            const bool executable = i + 2 < n && (sql[i + 2] == u'!' || sql[i + 2] == u'M');
            if (executable) {
                ++i; // the server runs what is inside: scan it as code (its closing */ is harmless text)
                continue;
            }
            const qsizetype end = sql.indexOf(u"*/"_s, i + 2);
            i = end < 0 ? n : end + 1;
        } else if (c == u';') {
            found << i;
        }
    }
    return found;
}
} // namespace

QString withoutTrailingSemicolon(const QString &sql)
{
    QString trimmed = sql.trimmed();
    if (trimmed.endsWith(u';'))
        trimmed.chop(1);
    return trimmed.trimmed();
}

QString multipleStatementsProblem(const QString &sql)
{
    const QString trimmed = withoutTrailingSemicolon(sql);
    const QList<qsizetype> found = separators(trimmed);
    if (found.isEmpty())
        return {};
    const QString rest = trimmed.mid(found.first() + 1).trimmed();
    return u"it holds more than one statement (a ';' at character %1, before \"%2\"); give one statement only, "
           "and run anything else yourself"_s.arg(found.first() + 1).arg(rest.left(60));
}

} // namespace engine::mysql
