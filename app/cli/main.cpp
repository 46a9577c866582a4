// shadowswap-cli: the headless front end. gh-ost's flags, gh-ost's meanings.
#include "clirunner.h"
#include "flagparser.h"
#include "ghostflags.h"

#include <logging/logging.h>

#include <QCoreApplication>
#include <QTextStream>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"shadowswap"_s);
    QCoreApplication::setApplicationVersion(QString::fromLatin1(SHADOWSWAP_VERSION));

    cli::FlagParser flags(cli::ghostCompatibleFlags());
    QTextStream err(stderr);
    if (!flags.parse(QCoreApplication::arguments().mid(1))) {
        err << "shadowswap-cli: " << flags.error() << '\n';
        return cli::Usage;
    }
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

    cli::CliRunner runner(flags);
    return runner.run();
}
