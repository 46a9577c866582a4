#include <creatediffview.h>
#include <mainwindow.h>
#include <monitorcharts.h>
#include <monitorpage.h>
#include <session.h>

#include <plot.h>

#include <QDir>
#include <QApplication>
#include <QFile>
#include <QLabel>
#include <QStyleFactory>
#include <QSettings>
#include <QLocale>
#include <QMenuBar>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

#include <algorithm>
#include <cmath>

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

    void remembersWindowGeometry()
    {
        QSettings().remove(u"window"_s);
        QSize closedSize;
        {
            ui::MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QCOMPARE(window.size(), QSize(1200, 800)); // the default when nothing was saved
            window.resize(1100, 780);
            QTRY_COMPARE(window.size(), QSize(1100, 780));
            closedSize = window.size();
            QVERIFY(window.close()); // no migration runs: closes at once and saves
        }
        QVERIFY(QSettings().contains(u"window/geometry"_s));
        ui::MainWindow reopened;
        reopened.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reopened));
        QCOMPARE(reopened.size(), closedSize);
        QSettings().remove(u"window"_s);
    }

    // Fits a 1366x768 laptop screen with room for a panel.
    void fitsASmallScreen()
    {
        ui::MainWindow window;
        QVERIFY2(window.minimumSizeHint().height() <= 680 && window.minimumSizeHint().width() <= 1000,
                 qPrintable(u"minimum size %1x%2"_s.arg(window.minimumSizeHint().width())
                                .arg(window.minimumSizeHint().height())));
    }

    // Dark palette: the pages take their colours from it (charts included). Drives the monitor with made-up
    // snapshots through the controller's own signal and saves screenshots to look at.
    void readsOnADarkPalette()
    {
        const QPalette light = QApplication::palette();
        const QString previousStyle = QApplication::style()->name(); // setStyle() deletes the old style
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x2f, 0x2f, 0x2f));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xd6));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        dark.setColor(QPalette::Mid, QColor(0x55, 0x55, 0x55));
        QApplication::setPalette(dark);
        {
            ui::MainWindow window;
            window.resize(1280, 860);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));

            auto *diff = window.findChild<ui::CreateDiffView *>();
            QVERIFY(diff);
            diff->setCurrent(u"CREATE TABLE `orders` (\n  `id` bigint(20) NOT NULL AUTO_INCREMENT,\n  PRIMARY KEY (`id`)\n) "
                             "ENGINE=InnoDB"_s);
            diff->setProposed(u"CREATE TABLE `_orders_gho` (\n  `id` bigint(20) NOT NULL AUTO_INCREMENT,\n  `priority` "
                              "tinyint(4) NOT NULL DEFAULT 0,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB"_s);
            window.showPage(ui::MainWindow::Page::NewMigration);
            const QString dir = qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
            QDir().mkpath(dir);
            QVERIFY(window.grab().save(dir + u"/dark-new-migration.png"_s));

            using namespace engine::migration;
            window.showPage(ui::MainWindow::Page::Monitor);
            MigrationController *controller = window.session()->controller();
            for (int i = 0; i <= 240; ++i) {
                ProgressSnapshot s;
                s.state = i < 8 ? MigrationState::Validating : i < 200 ? MigrationState::Copying : MigrationState::Postponed;
                s.elapsedMillis = i * 250;
                s.millisInState[int(MigrationState::Validating)] = std::min(i, 8) * 250;
                s.millisInState[int(MigrationState::Copying)] = std::clamp(i - 8, 0, 192) * 250;
                s.rowsEstimate = 500000;
                s.rowsCopied = std::min<quint64>(500000, quint64(std::max(0, i - 8)) * 2604);
                s.copyPercent = 100.0 * double(s.rowsCopied) / double(s.rowsEstimate);
                s.copyRowsPerSecond = i > 8 && i < 200 ? 10000 + 800 * std::sin(i / 7.0) : 0;
                s.applyEventsPerSecond = 1500 + 400 * std::sin(i / 11.0);
                s.streamLagMillis = 150 + 120 * (i % 17);
                s.replicaLagMillis = 300 + (i > 120 && i < 150 ? 1600 : 0);
                s.backlog = quint64(40 + 30 * (i % 9));
                s.throttled = i > 120 && i < 150;
                s.throttleReason = s.throttled ? u"lag 1.9 s on 127.0.0.1:23307 exceeds max-lag 1.5 s"_s : QString();
                s.etaSeconds = s.state == MigrationState::Copying ? (200 - i) / 4 : 0;
                Q_EMIT controller->stateChanged(s.state);
                Q_EMIT controller->progressed(s);
                if (i == 135) {
                    QTest::qWait(300);
                    QVERIFY(window.findChild<QLabel *>(u"figuresLabel"_s)->text().contains(u"max-lag"_s));
                }
            }
            QTest::qWait(600);
            QCOMPARE(window.monitorPage()->charts()->pointCount(), 241);
            QCOMPARE(window.monitorPage()->charts()->progressTitle(),
                     u"Copy progress: %1 of %1 rows"_s.arg(QLocale().toString(500000)));
            const auto plots = window.monitorPage()->charts()->findChildren<QCustomPlot *>();
            QCOMPARE(plots.size(), 4);
            for (QCustomPlot *plot : plots) {
                QCOMPARE(plot->grab().toImage().pixelColor(3, 3), dark.color(QPalette::Base));
                QVERIFY(plot->graph(0)->dataCount() > 0);
                QCOMPARE(plot->xAxis->range().lower, 0.0);
                QVERIFY(plot->xAxis->range().upper >= 60.0 && plot->xAxis->range().upper < 70.0);
            }
            QVERIFY(window.grab().save(dir + u"/dark-monitor.png"_s));
        }
        QApplication::setPalette(light);
        QApplication::setStyle(previousStyle);
    }

    void germanTranslationIsComplete()
    {
        const QString path = QFINDTESTDATA("../../translations/shadowswap_de.ts");
        QVERIFY2(!path.isEmpty(), "translations/shadowswap_de.ts not found");
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ts = file.readAll();
        const auto messages = ts.count("<message");
        QVERIFY(messages > 100);
        // lupdate marks new or changed source strings "unfinished"; every one must be translated.
        QCOMPARE(ts.count("type=\"unfinished\""), 0);
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
