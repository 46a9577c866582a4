#include "ddlwatch.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace engine::apply {

namespace {
// Comments out, identifiers unquoted, lower case, white space folded: enough to read the statement's verb and
// the names it lists (a name with spaces or dots inside backticks is matched as written).
QString normalized(const QString &statement)
{
    QString text = statement;
    static const QRegularExpression comments(u"/\\*(?!!|M!).*?\\*/|--[^\\n]*|#[^\\n]*"_s,
                                             QRegularExpression::DotMatchesEverythingOption);
    text.remove(comments);
    text.remove(u'`');
    return text.simplified().toLower();
}
} // namespace

DdlWatch::DdlWatch(QString schema, QString table, QStringList ownTables)
    : m_schema(std::move(schema))
    , m_table(std::move(table))
    , m_ownTables(std::move(ownTables))
{
}

bool DdlWatch::changesTable(const QString &statement, const QString &defaultSchema) const
{
    static const QRegularExpression verb(
        u"^(?:/\\*.*?\\*/\\s*)*(alter\\s+(?:online\\s+)?(?:ignore\\s+)?table|truncate(?:\\s+table)?|rename\\s+tables?|"
        "drop\\s+(?:temporary\\s+)?tables?|create\\s+or\\s+replace\\s+table)\\s+(?:if\\s+exists\\s+)?(.*)$"_s);
    const QString text = normalized(statement);
    const auto match = verb.match(text);
    if (!match.hasMatch())
        return false;
    const QString rest = match.captured(2);
    for (const QString &own : m_ownTables)
        if (rest.contains(own.toLower()))
            return false;
    const QString table = m_table.toLower(), schema = m_schema.toLower();
    // Every name the statement lists (RENAME a TO b, c TO d; DROP a, b; ALTER a ...; TRUNCATE a).
    static const QRegularExpression name(u"(?:^|,|\\bto\\b)\\s*([^\\s,()]+)"_s);
    for (auto it = name.globalMatch(rest); it.hasNext();) {
        const QString found = it.next().captured(1);
        const qsizetype dot = found.indexOf(u'.');
        const QString foundSchema = dot < 0 ? defaultSchema.toLower() : found.left(dot);
        const QString foundTable = dot < 0 ? found : found.mid(dot + 1);
        if (foundTable == table && foundSchema == schema)
            return true;
    }
    return false;
}

} // namespace engine::apply
