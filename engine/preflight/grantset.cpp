#include "grantset.h"

#include <mysql/sqltext.h>

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace engine::preflight {

namespace {
QString unquoteName(const QString &name)
{
    if (name.size() >= 2 && name.front() == u'`' && name.back() == u'`')
        return name.mid(1, name.size() - 2).replace(u"``"_s, u"`"_s);
    return name;
}

// A grant's database name as the server matches it: \x is a literal x, % any run, _ any one character.
bool databaseMatches(const QString &pattern, const QString &database)
{
    if (pattern == u"*"_s)
        return true;
    QString regex;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QChar c = pattern[i];
        if (c == u'\\' && i + 1 < pattern.size())
            regex += QRegularExpression::escape(QString(pattern[++i]));
        else if (c == u'%')
            regex += u".*"_s;
        else if (c == u'_')
            regex += u'.';
        else
            regex += QRegularExpression::escape(QString(c));
    }
    const QRegularExpression re(QRegularExpression::anchoredPattern(regex), QRegularExpression::CaseInsensitiveOption);
    return re.match(database).hasMatch();
}

QStringList splitOutsideParentheses(const QString &list)
{
    QStringList parts;
    int depth = 0;
    QString current;
    for (const QChar c : list) {
        if (c == u'(')
            ++depth;
        else if (c == u')')
            --depth;
        if (c == u',' && depth == 0) {
            parts << current.trimmed();
            current.clear();
        } else {
            current += c;
        }
    }
    if (!current.trimmed().isEmpty())
        parts << current.trimmed();
    return parts;
}
} // namespace

QString GrantSet::canonicalPrivilege(const QString &name)
{
    const QString n = name.simplified().toUpper();
    if (n == u"BINLOG MONITOR"_s)
        return u"REPLICATION CLIENT"_s;
    if (n == u"REPLICA MONITOR"_s)
        return u"SLAVE MONITOR"_s;
    if (n == u"REPLICATION REPLICA"_s)
        return u"REPLICATION SLAVE"_s;
    return n;
}

void GrantSet::addGrantLine(const QString &line)
{
    static const QString name = u"(`(?:[^`]|``)*`|\\*|[^\\s.`]+)"_s;
    static const QRegularExpression onObject(
        u"^GRANT\\s+(.+?)\\s+ON\\s+(?:(TABLE|FUNCTION|PROCEDURE|PACKAGE(?:\\s+BODY)?)\\s+)?"_s + name + u"\\."_s
            + name + u"\\s+TO\\s"_s,
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression roleGrant(u"^GRANT\\s+(.+?)\\s+TO\\s"_s, QRegularExpression::CaseInsensitiveOption);

    const QString text = line.trimmed();
    if (const auto m = onObject.match(text); m.hasMatch()) {
        const QString kind = m.captured(2).toUpper();
        if (!kind.isEmpty() && kind != u"TABLE"_s)
            return; // routine privileges
        Grant grant;
        grant.database = unquoteName(m.captured(3));
        grant.table = unquoteName(m.captured(4));
        for (const QString &privilege : splitOutsideParentheses(m.captured(1))) {
            if (privilege.contains(u'('))
                continue; // column privileges do not cover the whole table
            const QString canonical = canonicalPrivilege(privilege);
            if (canonical == u"ALL PRIVILEGES"_s || canonical == u"ALL"_s)
                grant.all = true;
            else
                grant.privileges.insert(canonical);
        }
        m_grants.push_back(grant);
        return;
    }
    if (const auto m = roleGrant.match(text); m.hasMatch() && !text.contains(u" ON "_s, Qt::CaseInsensitive)) {
        for (const QString &role : splitOutsideParentheses(m.captured(1)))
            m_roles << role;
    }
}

bool GrantSet::has(const QString &privilege, const QString &database, const QString &table) const
{
    const QString wanted = canonicalPrivilege(privilege);
    for (const Grant &grant : m_grants) {
        const bool global = grant.database == u"*"_s && grant.table == u"*"_s;
        const bool applies = global
            || (!database.isEmpty() && databaseMatches(grant.database, database)
                && (grant.table == u"*"_s
                    || (!table.isEmpty() && grant.table.compare(table, Qt::CaseInsensitive) == 0)));
        if (!applies)
            continue;
        // SUPER still covers the monitoring privileges it was split into (MariaDB 10.5, MySQL 8).
        if (grant.all || grant.privileges.contains(wanted)
            || (global && grant.privileges.contains(u"SUPER"_s)
                && (wanted == u"REPLICATION CLIENT"_s || wanted == u"SLAVE MONITOR"_s)))
            return true;
    }
    return false;
}

QStringList GrantSet::missing(const QStringList &privileges, const QString &database, const QString &table) const
{
    QStringList out;
    for (const QString &privilege : privileges)
        if (!has(privilege, database, table))
            out << privilege;
    return out;
}

QString grantAccount(const QString &currentUser)
{
    const qsizetype at = currentUser.lastIndexOf(u'@');
    const QString user = at < 0 ? currentUser : currentUser.left(at);
    const QString host = at < 0 ? u"%"_s : currentUser.mid(at + 1);
    return mysql::stringLiteral(user) + u'@' + mysql::stringLiteral(host);
}

} // namespace engine::preflight
