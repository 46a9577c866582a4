#include "connectionprofile.h"

#include <QSettings>

using namespace Qt::StringLiterals;

namespace ui {

engine::mysql::ConnectionSettings ConnectionProfile::settings(const QString &password) const
{
    engine::mysql::ConnectionSettings s;
    s.host = host;
    s.port = port;
    s.user = user;
    s.password = password;
    s.useTls = useTls;
    s.tlsCa = tlsCa;
    s.tlsCert = tlsCert;
    s.tlsKey = tlsKey;
    s.tlsVerifyServer = tlsVerifyServer;
    return s;
}

namespace {
QString groupFor(const QString &name)
{
    // '/' would nest groups in QSettings.
    return u"profiles/"_s + QString(name).replace(u'/', u'_');
}
} // namespace

QStringList ProfileStore::names()
{
    QSettings settings;
    settings.beginGroup(u"profiles"_s);
    QStringList result;
    for (const QString &group : settings.childGroups())
        result << settings.value(group + u"/name"_s, group).toString();
    result.sort(Qt::CaseInsensitive);
    return result;
}

std::optional<ConnectionProfile> ProfileStore::load(const QString &name)
{
    QSettings settings;
    settings.beginGroup(groupFor(name));
    if (!settings.contains(u"host"_s))
        return std::nullopt;
    ConnectionProfile p;
    p.name = settings.value(u"name"_s, name).toString();
    p.host = settings.value(u"host"_s).toString();
    p.port = settings.value(u"port"_s, 3306).toUInt();
    p.user = settings.value(u"user"_s).toString();
    p.useTls = settings.value(u"tls"_s, false).toBool();
    p.tlsCa = settings.value(u"tlsCa"_s).toString();
    p.tlsCert = settings.value(u"tlsCert"_s).toString();
    p.tlsKey = settings.value(u"tlsKey"_s).toString();
    p.tlsVerifyServer = settings.value(u"tlsVerifyServer"_s, true).toBool();
    p.readPrimaryBinlog = settings.value(u"readPrimaryBinlog"_s, false).toBool();
    return p;
}

void ProfileStore::save(const ConnectionProfile &p)
{
    QSettings settings;
    settings.remove(groupFor(p.name));
    settings.beginGroup(groupFor(p.name));
    settings.setValue(u"name"_s, p.name);
    settings.setValue(u"host"_s, p.host);
    settings.setValue(u"port"_s, p.port);
    settings.setValue(u"user"_s, p.user);
    settings.setValue(u"tls"_s, p.useTls);
    settings.setValue(u"tlsCa"_s, p.tlsCa);
    settings.setValue(u"tlsCert"_s, p.tlsCert);
    settings.setValue(u"tlsKey"_s, p.tlsKey);
    settings.setValue(u"tlsVerifyServer"_s, p.tlsVerifyServer);
    settings.setValue(u"readPrimaryBinlog"_s, p.readPrimaryBinlog);
}

void ProfileStore::remove(const QString &name)
{
    QSettings settings;
    settings.remove(groupFor(name));
}

QString ProfileStore::lastUsed()
{
    return QSettings().value(u"connections/lastUsed"_s).toString();
}

void ProfileStore::setLastUsed(const QString &name)
{
    QSettings().setValue(u"connections/lastUsed"_s, name);
}

std::optional<ConnectionProfile> sandboxProfile(QString *password)
{
    const QString port = qEnvironmentVariable("SHADOWSWAP_REPLICA_PORT");
    const QString user = qEnvironmentVariable("SHADOWSWAP_USER");
    if (port.isEmpty() || user.isEmpty())
        return std::nullopt;
    ConnectionProfile p;
    p.name = u"Sandbox replica"_s;
    p.host = qEnvironmentVariable("SHADOWSWAP_HOST", u"127.0.0.1"_s);
    p.port = port.toUInt();
    p.user = user;
    if (password)
        *password = qEnvironmentVariable("SHADOWSWAP_PASSWORD");
    return p;
}

} // namespace ui
