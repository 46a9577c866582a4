#include <mainwindow.h>

#include <QDir>
#include <QLocale>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"shadowswap-test"_s);
        QCoreApplication::setApplicationName(u"tst_mainwindow"_s);
    }

    void opensWithAllPages()
    {
        ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.pages()->count(), 5);
        QCOMPARE(window.pages()->tabText(0), u"Connections"_s);
        QVERIFY(window.menuBar()->actions().size() >= 4);
        window.showPage(ui::MainWindow::Page::Monitor);
        QCOMPARE(window.pages()->currentIndex(), 3);
        const QString dir = qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
        QDir().mkpath(dir);
        QVERIFY(window.grab().save(dir + u"/mainwindow.png"_s));
    }

    void speaksGerman()
    {
        QTranslator translator;
        QVERIFY(translator.load(QLocale(u"de"_s), u"shadowswap"_s, u"_"_s, u":/i18n"_s));
        QCoreApplication::installTranslator(&translator);
        {
            ui::MainWindow window;
            window.resize(1200, 800);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.pages()->tabText(0), u"Verbindungen"_s);
            QCOMPARE(window.pages()->tabText(3), u"Überwachung"_s);
            window.showPage(ui::MainWindow::Page::NewMigration);
            const QString dir = qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
            QVERIFY(window.grab().save(dir + u"/mainwindow-de.png"_s));
        }
        QCoreApplication::removeTranslator(&translator);
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
