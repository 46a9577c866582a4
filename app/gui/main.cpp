// shadowswap: the desktop console.
#include <logging/logging.h>
#include <mainwindow.h>

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Online schema changes for live MySQL and MariaDB tables."_s);
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption langOption(u"lang"_s, u"User interface language (en, de)."_s, u"code"_s);
    const QCommandLineOption debugOption(u"debug"_s, u"Debug log output."_s);
    const QCommandLineOption demoOption(u"demo"_s, u"Open on the sandbox demo table (scripts/demo)."_s);
    parser.addOptions({langOption, debugOption, demoOption});
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // --help and --version are answered before QApplication exists, so they work without a display.
    if (!parser.parse(arguments)) {
        QTextStream(stderr) << parser.errorText() << '\n';
        return 64;
    }
    if (parser.isSet(u"help"_s)) {
        QTextStream(stdout) << parser.helpText();
        return 0;
    }
    if (parser.isSet(u"version"_s)) {
        QTextStream(stdout) << "shadowswap " << SHADOWSWAP_VERSION << '\n';
        return 0;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(u"shadowswap"_s);
    QApplication::setOrganizationName(u"shadowswap"_s);
    QApplication::setApplicationDisplayName(u"Shadowswap"_s);
    QApplication::setApplicationVersion(QString::fromLatin1(SHADOWSWAP_VERSION));
    QApplication::setDesktopFileName(u"io.github.shadowswap.Shadowswap"_s);

    engine::logging::setup(parser.isSet(debugOption) ? engine::logging::Verbosity::Debug
                                                     : engine::logging::Verbosity::Normal,
                           engine::logging::defaultLogDirectory());

    const QLocale locale = parser.isSet(langOption) ? QLocale(parser.value(langOption)) : QLocale::system();
    QTranslator qtTranslator, appTranslator;
    if (qtTranslator.load(locale, u"qtbase"_s, u"_"_s, QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (appTranslator.load(locale, u"shadowswap"_s, u"_"_s, u":/i18n"_s))
        QApplication::installTranslator(&appTranslator);

    ui::MainWindow window;
    window.show();
    if (parser.isSet(demoOption))
        window.openDemo();
    return QApplication::exec();
}
