#include "controlflags.h"

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
    setup.server.dropExistingSocketFile = flags.boolValue(u"initially-drop-socket-file"_s);
    setup.identity.database = spec.database;
    setup.identity.table = spec.table;
    setup.identity.ghostTable = engine::migration::TableNames::forSpec(spec).ghost;
    setup.identity.forceNamedCutOver = flags.boolValue(u"force-named-cut-over"_s);
    setup.identity.forceNamedPanic = flags.boolValue(u"force-named-panic"_s);
    return true;
}

} // namespace cli
