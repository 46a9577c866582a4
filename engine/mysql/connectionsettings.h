#pragma once

#include <QMap>
#include <QString>

namespace engine::mysql {

// Where and how to connect. Plain value; safe to copy across threads. The password is held in memory only
// and is never printed by describe() or logged.
struct ConnectionSettings {
    QString host = QStringLiteral("127.0.0.1");
    unsigned port = 3306;
    QString user;
    QString password;
    QString database;
    QString socketPath;
    unsigned connectTimeoutSeconds = 10;
    unsigned readTimeoutSeconds = 0; // 0 = no timeout (binlog streams and long copies block by design)
    // With useTls the session is encrypted or not opened at all (no plaintext fallback), and the server's
    // certificate is checked against tlsCa (or the system's CAs) and the host name unless tlsVerifyServer is
    // turned off explicitly (--ssl-allow-insecure).
    bool useTls = false;
    QString tlsCa;
    QString tlsCert;
    QString tlsKey;
    bool tlsVerifyServer = true;
    // Run on every new session before it is handed out (e.g. the replica modes' SET SESSION gtid_domain_id).
    QString sessionInit;

    // "user@host:port", for messages and logs.
    [[nodiscard]] QString describe() const;
    [[nodiscard]] ConnectionSettings withEndpoint(const QString &newHost, unsigned newPort) const;
};

// Reads the [client] section (and [shadowswap], which overrides it) of a my.cnf-style file into `base`.
// Keys understood: host, port, user, password, database, socket, ssl, ssl-ca, ssl-cert, ssl-key,
// ssl-verify-server-cert (on unless 0/off/false).
// Other keys of those sections (e.g. master-user, master-password) go to `otherKeys` when given, names in
// lower case with '-'. Returns false and sets `error` when the file can't be read.
bool applyMyCnf(const QString &path, ConnectionSettings &base, QString *error,
                QMap<QString, QString> *otherKeys = nullptr);

} // namespace engine::mysql
