#include "serverfacts.h"

#include "connection.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace engine::mysql {

ServerVersion ServerVersion::parse(const QString &versionString, const QString &versionComment)
{
    ServerVersion version;
    static const QRegularExpression numbers(u"^(\\d+)\\.(\\d+)\\.(\\d+)"_s);
    const auto match = numbers.match(versionString);
    if (match.hasMatch()) {
        version.major = match.captured(1).toInt();
        version.minor = match.captured(2).toInt();
        version.patch = match.captured(3).toInt();
    }
    const bool maria = versionString.contains(u"mariadb"_s, Qt::CaseInsensitive)
        || versionComment.contains(u"mariadb"_s, Qt::CaseInsensitive);
    version.flavour = maria ? Flavour::MariaDB : Flavour::MySQL;
    return version;
}

bool ServerVersion::atLeast(int maj, int min, int pat) const
{
    if (major != maj)
        return major > maj;
    if (minor != min)
        return minor > min;
    return patch >= pat;
}

QString ServerVersion::flavourName() const
{
    return flavour == Flavour::MariaDB ? u"MariaDB"_s : u"MySQL"_s;
}

ServerFacts ServerFacts::read(Connection &connection)
{
    ServerFacts facts;
    facts.endpoint = connection.settings().describe();
    Result vars = connection.query(
        u"SELECT @@version, @@version_comment, @@server_id, @@read_only, @@log_bin, @@binlog_format, "
        "@@binlog_row_image, @@log_slave_updates, @@binlog_checksum"_s);
    if (vars.next()) {
        facts.versionString = vars.text(0);
        facts.version = ServerVersion::parse(vars.text(0), vars.text(1));
        facts.serverId = vars.toUInt(2);
        facts.readOnly = vars.toInt(3) != 0;
        facts.logBin = vars.toInt(4) != 0;
        facts.binlogFormat = vars.text(5);
        facts.binlogRowImage = vars.text(6);
        facts.logSlaveUpdates = vars.toInt(7) != 0;
        facts.binlogChecksum = vars.text(8);
    }
    if (facts.version.flavour == Flavour::MariaDB) {
        facts.gtidMode = u"MariaDB GTID"_s;
        facts.gtidBinlogPos = connection.scalar(u"SELECT @@gtid_binlog_pos"_s).value_or(QString());
    } else {
        facts.gtidMode = connection.scalar(u"SELECT @@gtid_mode"_s).value_or(u"OFF"_s);
        facts.gtidBinlogPos = connection.scalar(u"SELECT @@gtid_executed"_s).value_or(QString());
    }
    const bool newTerms = facts.version.flavour == Flavour::MySQL && facts.version.atLeast(8, 0, 22);
    Result status = connection.query(newTerms ? u"SHOW REPLICA STATUS"_s : u"SHOW SLAVE STATUS"_s);
    if (status.next()) {
        facts.isReplica = true;
        facts.sourceHost = status.text(newTerms ? u"Source_Host"_s : u"Master_Host"_s);
        facts.sourcePort = static_cast<unsigned>(
            status.toUInt(status.columnIndex(newTerms ? u"Source_Port"_s : u"Master_Port"_s)));
    }
    return facts;
}

QString ServerFacts::summary() const
{
    QString text;
    text += u"Server:            %1\n"_s.arg(endpoint);
    text += u"Version:           %1 (%2 %3.%4.%5)\n"_s.arg(versionString, version.flavourName())
                .arg(version.major)
                .arg(version.minor)
                .arg(version.patch);
    text += u"Server id:         %1%2\n"_s.arg(serverId).arg(readOnly ? u" (read_only)"_s : QString());
    text += u"Role:              %1\n"_s.arg(isReplica ? u"replica of %1:%2"_s.arg(sourceHost).arg(sourcePort)
                                                       : u"primary (no replication source)"_s);
    text += u"log_bin:           %1\n"_s.arg(logBin ? u"ON"_s : u"OFF"_s);
    text += u"binlog_format:     %1\n"_s.arg(binlogFormat);
    text += u"binlog_row_image:  %1\n"_s.arg(binlogRowImage);
    text += u"log_slave_updates: %1\n"_s.arg(logSlaveUpdates ? u"ON"_s : u"OFF"_s);
    text += u"binlog_checksum:   %1\n"_s.arg(binlogChecksum);
    text += u"GTID:              %1, position %2\n"_s.arg(gtidMode,
                                                          gtidBinlogPos.isEmpty() ? u"(empty)"_s : gtidBinlogPos);
    return text;
}

} // namespace engine::mysql
