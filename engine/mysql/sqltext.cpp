#include "sqltext.h"

using namespace Qt::StringLiterals;

namespace engine::mysql {

QString quoteIdentifier(const QString &name)
{
    QString quoted = name;
    quoted.replace(u'`', u"``"_s);
    return u'`' + quoted + u'`';
}

QString qualifiedName(const QString &schema, const QString &table)
{
    return quoteIdentifier(schema) + u'.' + quoteIdentifier(table);
}

QString identifierList(const QStringList &names, const QString &alias)
{
    QStringList quoted;
    quoted.reserve(names.size());
    const QString prefix = alias.isEmpty() ? QString() : alias + u'.';
    for (const QString &name : names)
        quoted << prefix + quoteIdentifier(name);
    return quoted.join(u", "_s);
}

QString hexLiteral(const QByteArray &bytes)
{
    return u"X'"_s + QString::fromLatin1(bytes.toHex()) + u'\'';
}

QString stringLiteral(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'\'';
    for (const QChar c : value) {
        switch (c.unicode()) {
        case u'\\': out += u"\\\\"_s; break;
        case u'\'': out += u"\\'"_s; break;
        case 0: out += u"\\0"_s; break;
        case u'\n': out += u"\\n"_s; break;
        case u'\r': out += u"\\r"_s; break;
        case 26: out += u"\\Z"_s; break;
        default: out += c;
        }
    }
    out += u'\'';
    return out;
}

} // namespace engine::mysql
