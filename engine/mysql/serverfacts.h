#pragma once

#include <QMetaType>
#include <QString>

namespace engine::mysql {

class Connection;

enum class Flavour { MySQL, MariaDB };

struct ServerVersion {
    Flavour flavour = Flavour::MySQL;
    int major = 0;
    int minor = 0;
    int patch = 0;

    // Parses @@version ("10.11.6-MariaDB-0+deb12u1-log", "8.0.36").
    static ServerVersion parse(const QString &versionString, const QString &versionComment = {});
    [[nodiscard]] bool atLeast(int maj, int min, int pat = 0) const;
    [[nodiscard]] QString flavourName() const;
};

// What a DBA wants to know about a server before trusting a migration to it. Plain value, crosses threads.
struct ServerFacts {
    QString endpoint; // user@host:port
    QString versionString;
    ServerVersion version;
    quint64 serverId = 0;
    bool readOnly = false;
    bool logBin = false;
    QString binlogFormat;
    QString binlogRowImage;
    bool logSlaveUpdates = false;
    QString gtidMode;        // MySQL: OFF/ON/...; MariaDB: "MariaDB GTID" (always available)
    QString gtidBinlogPos;   // MariaDB @@gtid_binlog_pos or MySQL @@gtid_executed
    QString binlogChecksum;
    bool isReplica = false;  // has a configured replication source
    QString sourceHost;      // where it replicates from, when isReplica
    unsigned sourcePort = 0;

    static ServerFacts read(Connection &connection);
    [[nodiscard]] QString summary() const; // multi-line, human-readable
};

} // namespace engine::mysql

Q_DECLARE_METATYPE(engine::mysql::ServerFacts)
