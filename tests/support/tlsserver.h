#pragma once

#include <mysql/connectionsettings.h>

#include <QProcess>
#include <QString>

namespace testsupport {

// A throwaway MariaDB server with TLS, for the TLS tests: certificates made at test time with openssl (a CA, a
// server certificate for IP 127.0.0.1 signed by it, and an unrelated second CA), a data directory under `dir`,
// a free port, listening on 127.0.0.1 and 127.0.0.2 (an address the certificate does not name). Stopped and
// left for `dir`'s owner to delete on destruction.
class TlsServer {
public:
    explicit TlsServer(const QString &dir);
    ~TlsServer();
    TlsServer(const TlsServer &) = delete;
    TlsServer &operator=(const TlsServer &) = delete;

    [[nodiscard]] bool isRunning() const { return m_error.isEmpty(); }
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] quint16 port() const { return m_port; }
    [[nodiscard]] QString caFile() const { return m_dir + QStringLiteral("/ca.pem"); }
    [[nodiscard]] QString otherCaFile() const { return m_dir + QStringLiteral("/other-ca.pem"); }
    // user/password with TLS required for that account, host 127.0.0.1, verification of the CA on.
    [[nodiscard]] engine::mysql::ConnectionSettings settings() const;

private:
    bool run(const QString &program, const QStringList &arguments, QString *output = nullptr);
    bool makeCertificates();
    bool startServer();

    QString m_dir;
    quint16 m_port = 0;
    QString m_error;
    QProcess m_server;
};

} // namespace testsupport
