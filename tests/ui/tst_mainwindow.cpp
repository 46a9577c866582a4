#include <mainwindow.h>

#include <QDir>
#include <QTabWidget>
#include <QTest>

using namespace Qt::StringLiterals;

class TestMainWindow : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void opensWithAllPages()
    {
        ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.pages()->count(), 5);
        QCOMPARE(window.pages()->tabText(0), u"Connections"_s);
        window.showPage(ui::MainWindow::Page::Monitor);
        QCOMPARE(window.pages()->currentIndex(), 3);
        const QString dir = qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
        QDir().mkpath(dir);
        QVERIFY(window.grab().save(dir + u"/mainwindow.png"_s));
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
