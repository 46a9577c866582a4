#include "connectionsettings.h"

#include <QFile>
#include <QTextStream>

using namespace Qt::StringLiterals;

namespace engine::mysql {

QString ConnectionSettings::describe() const
{
    if (!socketPath.isEmpty())
        return u"%1@localhost:%2"_s.arg(user, socketPath);
    return u"%1@%2:%3"_s.arg(user, host).arg(port);
}

ConnectionSettings ConnectionSettings::withEndpoint(const QString &newHost, unsigned newPort) const
{
    ConnectionSettings copy = *this;
    copy.host = newHost;
    copy.port = newPort;
    copy.socketPath.clear();
    return copy;
}

namespace {
QString unquote(QString value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.front() == u'"' || value.front() == u'\'') && value.back() == value.front())
        value = value.mid(1, value.size() - 2);
    return value;
}
} // namespace

bool applyMyCnf(const QString &path, ConnectionSettings &base, QString *error, QMap<QString, QString> *otherKeys)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        if (error)
            *error = u"cannot read option file %1: %2"_s.arg(path, file.errorString());
        return false;
    }
    QTextStream in(&file);
    QString section;
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(u'#') || line.startsWith(u';'))
            continue;
        if (line.startsWith(u'[') && line.endsWith(u']')) {
            section = line.mid(1, line.size() - 2).trimmed().toLower();
            continue;
        }
        if (section != u"client"_s && section != u"shadowswap"_s)
            continue;
        const qsizetype eq = line.indexOf(u'=');
        const QString key = (eq < 0 ? line : line.left(eq)).trimmed().toLower().replace(u'_', u'-');
        const QString value = eq < 0 ? QString() : unquote(line.mid(eq + 1));
        if (key == u"host"_s)
            base.host = value;
        else if (key == u"port"_s)
            base.port = value.toUInt();
        else if (key == u"user"_s)
            base.user = value;
        else if (key == u"password"_s)
            base.password = value;
        else if (key == u"database"_s)
            base.database = value;
        else if (key == u"socket"_s)
            base.socketPath = value;
        else if (key == u"ssl-ca"_s)
            base.tlsCa = value, base.useTls = true;
        else if (key == u"ssl-cert"_s)
            base.tlsCert = value, base.useTls = true;
        else if (key == u"ssl-key"_s)
            base.tlsKey = value, base.useTls = true;
        else if (key == u"ssl"_s)
            base.useTls = value.isEmpty() || value == u"1"_s || value.compare(u"on"_s, Qt::CaseInsensitive) == 0
                || value.compare(u"true"_s, Qt::CaseInsensitive) == 0;
        else if (key == u"ssl-verify-server-cert"_s)
            base.tlsVerifyServer = !(value == u"0"_s || value.compare(u"off"_s, Qt::CaseInsensitive) == 0
                                     || value.compare(u"false"_s, Qt::CaseInsensitive) == 0);
        else if (otherKeys)
            otherKeys->insert(key, value);
    }
    return true;
}

} // namespace engine::mysql
