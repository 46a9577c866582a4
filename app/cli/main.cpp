// shadowswap-cli: the headless front end. gh-ost's flags, gh-ost's meanings.
#include "clirunner.h"
#include "flagparser.h"
#include "ghostflags.h"
#include "historycommand.h"
#include "watchcommand.h"

#include <logging/logging.h>

#include <QApplication>
#include <QTextStream>

#include <cstring>
#include <memory>

using namespace Qt::StringLiterals;

namespace {
// Secrets given as flags stay accepted (gh-ost compatibility) but are overwritten in the process's own argument
// list at once, so that ps and /proc/<pid>/cmdline no longer show them. Returns the flags it scrubbed.
QStringList scrubSecrets(int argc, char *argv[])
{
    static const char *const secretFlags[] = {"password", "master-password", "hooks-hint-token", "serve-tcp-token"};
    QStringList scrubbed;
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (arg[0] != '-')
            continue;
        const char *name = arg + (arg[1] == '-' ? 2 : 1);
        for (const char *secret : secretFlags) {
            const size_t length = std::strlen(secret);
            if (std::strncmp(name, secret, length) != 0)
                continue;
            char *value = nullptr;
            if (name[length] == '=')
                value = const_cast<char *>(name + length + 1);
            else if (name[length] == '\0' && i + 1 < argc)
                value = argv[i + 1];
            if (value && *value) {
                std::memset(value, 'x', std::strlen(value));
                scrubbed << QString::fromLatin1(secret);
            }
        }
    }
    return scrubbed;
}
} // namespace

int main(int argc, char *argv[])
{
    // Parsed before the application object exists: which one it is depends on the flags.
    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    cli::FlagParser flags(cli::ghostCompatibleFlags());
    QTextStream err(stderr);
    const bool parsed = flags.parse(arguments);
    // An HTML report's charts are drawn by the console's chart widgets: that needs a QApplication, which is given
    // the offscreen platform so that no display is needed, nor used when there is one. Every other mode stays a
    // QCoreApplication, as before.
    const bool drawsCharts = parsed && flags.isSet(u"report"_s) && flags.stringValue(u"format"_s).toLower() == u"html"_s;
    if (drawsCharts)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app =
        drawsCharts ? std::make_unique<QApplication>(argc, argv) : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(u"shadowswap"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(SHADOWSWAP_VERSION));
    if (!parsed) {
        err << "shadowswap-cli: " << flags.error() << '\n';
        return cli::Usage;
    }
    const QStringList scrubbed = scrubSecrets(argc, argv); // after parsing: arguments() reads argv again
    if (flags.boolValue(u"help"_s)) {
        QTextStream(stdout) << "Usage: shadowswap-cli --host H --port P --user U --database D --table T "
                               "--alter \"...\" [--execute]\n\nFlags:\n"
                            << flags.helpText();
        return cli::Success;
    }
    if (flags.boolValue(u"version"_s)) {
        QTextStream(stdout) << "shadowswap-cli " << SHADOWSWAP_VERSION << '\n';
        return cli::Success;
    }
    if (flags.boolValue(u"check-flag"_s))
        return cli::Success;

    using engine::logging::Verbosity;
    const Verbosity verbosity = flags.boolValue(u"debug"_s)     ? Verbosity::Debug
                                : flags.boolValue(u"verbose"_s) ? Verbosity::Verbose
                                : flags.boolValue(u"quiet"_s)   ? Verbosity::Quiet
                                                                : Verbosity::Normal;
    engine::logging::setup(verbosity, engine::logging::defaultLogDirectory());
    for (const QString &warning : flags.warnings())
        SS_WARN("{}", warning.toStdString());
    for (const QString &flag : scrubbed)
        SS_WARN("--{} on the command line can be read by other users of this machine while the process starts; it "
                "was removed from the argument list. Prefer SHADOWSWAP_PASSWORD or MYSQL_PWD, --conf or --ask-pass",
                flag.toStdString());

    if (flags.isSet(u"watch"_s))
        return cli::runWatchCommand(flags);
    if (flags.boolValue(u"history"_s))
        return cli::runHistoryCommand(flags);
    if (flags.isSet(u"report"_s))
        return cli::runReportCommand(flags);
    cli::CliRunner runner(flags);
    return runner.run();
}
