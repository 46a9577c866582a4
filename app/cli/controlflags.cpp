#include "controlflags.h"

#include <logging/logging.h>

#include <QFile>
#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace cli {

bool buildControlSetup(const FlagParser &flags, const engine::migration::MigrationSpec &spec, ControlSetup &setup,
                       QString *error)
{
    const auto tcp = engine::control::parseTcpEndpoint(flags.stringValue(u"serve-tcp-port"_s), error);
    if (!tcp)
        return false;
    setup.server.tcp = *tcp;
    if (flags.isSet(u"serve-socket-file"_s))
        setup.server.socketFile = flags.stringValue(u"serve-socket-file"_s).trimmed();
    else if (spec.execute)
        setup.server.socketFile = engine::control::defaultSocketFile(spec.database, spec.table);
    if (setup.server.socketFile.contains(u'\n')) {
        *error = u"--serve-socket-file must be a file path"_s;
        return false;
    }
    // sockaddr_un holds 108 bytes with the terminating NUL; a longer path would be cut short by the kernel.
    if (const qsizetype length = QFile::encodeName(QFileInfo(setup.server.socketFile).absoluteFilePath()).size();
        !setup.server.socketFile.isEmpty() && length > 107) {
        *error = u"the control socket path %1 is %2 bytes long; a unix socket path may have at most 107. Pass "
                 "--serve-socket-file with a shorter path"_s.arg(setup.server.socketFile, QString::number(length));
        return false;
    }
    setup.server.tcpToken = flags.stringValue(u"serve-tcp-token"_s);
    if (const QString file = flags.stringValue(u"serve-tcp-token-file"_s); !file.isEmpty()) {
        QFile tokenFile(file);
        if (!tokenFile.open(QIODevice::ReadOnly)) {
            *error = u"--serve-tcp-token-file %1 can't be read (%2)"_s.arg(file, tokenFile.errorString());
            return false;
        }
        setup.server.tcpToken = QString::fromUtf8(tokenFile.readLine()).trimmed();
        if ((tokenFile.permissions() & (QFile::ReadOther | QFile::ReadGroup)) != 0)
            SS_WARN("--serve-tcp-token-file {} is readable by other users: chmod 600 it", file.toStdString());
    }
    if (flags.isSet(u"serve-tcp-token-file"_s) && setup.server.tcpToken.size() < 16) {
        *error = u"the secret in --serve-tcp-token-file must be at least 16 characters (e.g. openssl rand -hex 16)"_s;
        return false;
    }
    setup.server.tcpAllowAllCommands = flags.boolValue(u"serve-tcp-allow-all-commands"_s);
    setup.server.dropExistingSocketFile = flags.boolValue(u"initially-drop-socket-file"_s);
    setup.identity.database = spec.database;
    setup.identity.table = spec.table;
    setup.identity.ghostTable = engine::migration::TableNames::forSpec(spec).ghost;
    setup.identity.forceNamedCutOver = flags.boolValue(u"force-named-cut-over"_s);
    setup.identity.forceNamedPanic = flags.boolValue(u"force-named-panic"_s);
    return true;
}

} // namespace cli
