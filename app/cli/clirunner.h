#pragma once

#include "flagparser.h"

#include <mysql/connectionsettings.h>

#include <QString>

namespace cli {

// Exit codes shared by every mode of shadowswap-cli.
enum ExitCode { Success = 0, Failure = 1, Blocked = 2, Usage = 64 };

// Turns parsed flags into engine calls. Lives in the main thread; the engine's worker has its own.
class CliRunner {
public:
    explicit CliRunner(const FlagParser &flags);
    int run();

private:
    bool buildConnectionSettings(QString *error);
    int printServerFacts();

    bool resolvePrimaryLogin(const QMap<QString, QString> &fromConf, QString *error);

    FlagParser m_flags; // a copy: the primary's login may be supplied from --conf, the environment or a prompt
    engine::mysql::ConnectionSettings m_settings;
};

// Reads a password from the terminal without echo (or a line from stdin when it is not a terminal).
QString readPasswordFromTerminal(const QString &prompt);

} // namespace cli
