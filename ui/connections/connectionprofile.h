#pragma once

#include <mysql/connectionsettings.h>

#include <QString>
#include <QStringList>

#include <optional>

namespace ui {

// A saved way to reach a server. Stored in QSettings without the password, which lives only in the OS keyring
// (PasswordStore) or in memory for the session.
struct ConnectionProfile {
    QString name;
    QString host = QStringLiteral("127.0.0.1");
    unsigned port = 3306;
    QString user;
    bool useTls = false;
    QString tlsCa, tlsCert, tlsKey;
    bool tlsVerifyServer = true; // verification off only by an explicit choice
    // false: this server is a replica whose binlog is read (gh-ost's default); true: it is the primary and
    // its own binlog is read (--allow-on-master).
    bool readPrimaryBinlog = false;

    [[nodiscard]] engine::mysql::ConnectionSettings settings(const QString &password) const;
    bool operator==(const ConnectionProfile &other) const = default;
};

// Profiles in QSettings under "profiles/<name>/...".
class ProfileStore {
public:
    [[nodiscard]] static QStringList names();
    [[nodiscard]] static std::optional<ConnectionProfile> load(const QString &name);
    static void save(const ConnectionProfile &profile);
    static void remove(const QString &name);
    [[nodiscard]] static QString lastUsed();
    static void setLastUsed(const QString &name);
};

// The sandbox demo profile (scripts/demo): the replica from SHADOWSWAP_REPLICA_PORT etc.; nullopt when the
// environment does not describe a sandbox. The password comes back separately: it is never stored.
std::optional<ConnectionProfile> sandboxProfile(QString *password);

} // namespace ui
