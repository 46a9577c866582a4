#include "check.h"
#include "preflightcontext.h"

#include <QFile>
#include <QFileInfo>

#include <sys/stat.h>
#include <sys/statvfs.h>

using namespace Qt::StringLiterals;

namespace engine::preflight {

namespace {

struct Space {
    std::optional<quint64> freeBytes;
    QString source; // how it was learned
};

bool isLoopback(const mysql::ConnectionSettings &settings)
{
    return !settings.socketPath.isEmpty() || settings.host == u"127.0.0.1"_s || settings.host == u"localhost"_s
        || settings.host == u"::1"_s;
}

// The server runs on this machine when its pid file names a live process here (or, without a readable pid file,
// when it is reached over loopback and its data directory exists here).
bool serverIsLocal(const Server &server, const QString &datadir, const QString &pidFile)
{
    if (!isLoopback(server.settings) || !QFileInfo(datadir).isDir())
        return false;
    QFile pid(pidFile);
    if (!pid.open(QIODevice::ReadOnly))
        return true;
    const QByteArray number = pid.readAll().trimmed();
    return !number.isEmpty() && QFileInfo::exists(u"/proc/"_s + QString::fromLatin1(number));
}

std::optional<quint64> statvfsFree(const QString &path)
{
    struct statvfs fs {};
    if (statvfs(QFile::encodeName(path).constData(), &fs) != 0)
        return std::nullopt;
    return static_cast<quint64>(fs.f_bavail) * fs.f_frsize;
}

bool sameFilesystem(const QString &a, const QString &b)
{
    struct stat sa {}, sb {};
    return stat(QFile::encodeName(a).constData(), &sa) == 0 && stat(QFile::encodeName(b).constData(), &sb) == 0
        && sa.st_dev == sb.st_dev;
}

// information_schema.DISKS (MariaDB's DISKS plugin): the disk whose mount point holds `path`, in bytes.
Space disksPlugin(PreflightContext &context, Server &server, const QString &path)
{
    Space space;
    try {
        auto disks = context.query(server, u"SELECT Path, Available FROM information_schema.DISKS"_s);
        qsizetype best = -1;
        while (disks.next()) {
            const QString mount = disks.text(0);
            if (path.startsWith(mount) && mount.size() > best) {
                best = mount.size();
                space.freeBytes = disks.toUInt(1) * 1024;
                space.source = u"information_schema.DISKS, mount %1"_s.arg(mount);
            }
        }
    } catch (const mysql::DbException &) {
        // The plugin is not installed.
    }
    return space;
}

class DiskCheck : public Check {
public:
    QStringList ids() const override { return {u"disk_headroom"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        const quint64 tableBytes = context.table.dataBytes + context.table.indexBytes;
        // The ghost is about as big as the table; the copy's rows also pass through the binlog once.
        const quint64 margin = std::max<quint64>(tableBytes / 10, 64ull << 20);

        Finding finding{u"disk_headroom"_s, Severity::Ok, {}, {}, {}};
        QStringList lines;
        bool primaryUnknown = false;
        std::vector<Server *> servers;
        if (Server *primary = context.primary())
            servers.push_back(primary);
        for (Server *replica : context.replicas())
            if (replica->reachable() && std::find(servers.begin(), servers.end(), replica) == servers.end())
                servers.push_back(replica);

        for (Server *server : servers) {
            const bool isPrimary = server == context.primary();
            auto vars = context.query(*server, u"SELECT @@datadir, @@pid_file, @@log_bin, @@log_bin_basename, "
                                                "@@innodb_file_per_table"_s);
            if (!vars.next())
                continue;
            const QString datadir = vars.text(0);
            const bool logBin = vars.toInt(2) != 0;
            const QString binlogDir = vars.isNull(3) ? QString() : QFileInfo(vars.text(3)).absolutePath();
            if (vars.toInt(4) == 0)
                lines << u"%1: innodb_file_per_table is OFF: the ghost grows the system tablespace, which never "
                         "shrinks"_s.arg(server->label());

            const quint64 binlogBytes = logBin ? context.table.dataBytes : 0;
            quint64 need = tableBytes + margin;
            Space space = disksPlugin(context, *server, datadir);
            if (!space.freeBytes && serverIsLocal(*server, datadir, vars.text(1))) {
                space.freeBytes = statvfsFree(datadir);
                space.source = u"statvfs of %1 (the server runs on this machine)"_s.arg(datadir);
                if (logBin && !binlogDir.isEmpty() && !sameFilesystem(datadir, binlogDir)) {
                    const auto binlogFree = statvfsFree(binlogDir);
                    if (binlogFree && *binlogFree < binlogBytes + margin) {
                        finding.severity = Severity::Block;
                        lines << u"%1: the binlog directory %2 has %3 free, the copy writes about %4 there"_s.arg(
                            server->label(), binlogDir, formatBytes(*binlogFree), formatBytes(binlogBytes));
                    }
                } else {
                    need += binlogBytes;
                }
            } else {
                need += binlogBytes;
            }
            if (!space.freeBytes && isPrimary && context.options().freeDiskBytes) {
                space.freeBytes = context.options().freeDiskBytes;
                space.source = u"as entered with --preflight-free-disk"_s;
            }
            const QString needText = u"needs about %1 (ghost %2, binlog %3, margin %4)"_s.arg(
                formatBytes(need), formatBytes(tableBytes), formatBytes(binlogBytes), formatBytes(margin));
            if (!space.freeBytes) {
                lines << u"%1: free space unknown (%2)"_s.arg(server->label(), needText);
                primaryUnknown = primaryUnknown || isPrimary;
                continue;
            }
            const quint64 free = *space.freeBytes;
            lines << u"%1: %2 free in %3 (%4); the migration %5"_s.arg(server->label(), formatBytes(free), datadir,
                                                                       space.source, needText);
            if (free < need)
                finding.severity = Severity::Block;
            else if (free < need + need / 2)
                finding.severity = std::max(finding.severity, Severity::Warn);
        }
        if (primaryUnknown)
            finding.severity = std::max(finding.severity, Severity::Warn);

        finding.title = finding.severity == Severity::Block ? u"Not enough free disk space for the copy"_s
                        : primaryUnknown                    ? u"Free disk space on the primary is unknown"_s
                        : finding.severity == Severity::Warn ? u"Free disk space is tight"_s
                                                             : u"Enough free disk space for the copy"_s;
        finding.detail = lines.join(u'\n');
        if (primaryUnknown)
            finding.fix = u"Check with df -h on the server's data directory and enter the free bytes with "
                          "--preflight-free-disk=BYTES, or install MariaDB's DISKS plugin (INSTALL SONAME 'disks')"_s;
        else if (finding.severity != Severity::Ok)
            finding.fix = u"Free space (PURGE BINARY LOGS, old backups) or grow the volume before migrating"_s;
        sink.add(finding);
    }
};

} // namespace

std::unique_ptr<Check> makeDiskCheck()
{
    return std::make_unique<DiskCheck>();
}

} // namespace engine::preflight
