#include <creatediffview.h>
#include <mainwindow.h>
#include <monitorcharts.h>
#include <monitorpage.h>
#include <session.h>
#include <timeseries.h>

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
        QCOMPARE(window.pages()->count(), 6);
        QCOMPARE(window.pages()->tabText(5), u"Migrations"_s);
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
                s.replicaLags = {{u"127.0.0.1:23308"_s, 300 + (i > 120 && i < 150 ? 1600 : 0), {}},
                                 {u"db3.example:3306"_s, 500 + 40 * (i % 7), {}}};
                if (i > 170 && i < 185)
                    s.replicaLags[1] = {u"db3.example:3306"_s, -1, u"Can't connect to 'db3.example'"_s};
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

    // One lag line per watched replica, named by its endpoint; an unreadable reading is a gap whose reason
    // the hover text and the figures' tooltip give; a day of snapshots (endpoints changing) stays bounded.
    void lagChartHasALinePerReplica()
    {
        using namespace engine::migration;
        ui::MainWindow window;
        window.resize(1280, 860);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.showPage(ui::MainWindow::Page::Monitor);
        MigrationController *controller = window.session()->controller();
        const QString first = u"127.0.0.1:23308"_s, second = u"db2.example:3307"_s;
        const QString refused = u"Can't connect to server on 'db2.example' (111)"_s;
        const auto snapshotAt = [&](int i) {
            ProgressSnapshot s;
            s.state = MigrationState::Copying;
            s.elapsedMillis = qint64(i) * 250;
            s.replicaLags = {{first, 100 + 10 * (i % 50), {}}, {second, 2000, {}}};
            if (i % 40 >= 30)
                s.replicaLags[1] = {second, -1, refused};
            s.replicaLagMillis = s.replicaLags[1].lagMillis < 0 ? -1 : 2000;
            return s;
        };
        // The second replica only appears from the third snapshot on.
        for (int i = 0; i < 32; ++i) {
            ProgressSnapshot s = snapshotAt(i);
            if (i < 2)
                s.replicaLags.removeLast();
            Q_EMIT controller->progressed(s);
        }
        ui::MonitorCharts *charts = window.monitorPage()->charts();
        QCOMPARE(charts->replicaEndpoints(), QStringList({first, second}));
        const ui::TimeSeries *a = charts->replicaLagSeries(first), *b = charts->replicaLagSeries(second);
        QVERIFY(a && b);
        QCOMPARE(a->size(), 32);
        QCOMPARE(b->size(), 30);
        QCOMPARE(a->values().at(5), 0.15);
        QCOMPARE(b->keys().first(), 0.5);
        QCOMPARE(b->values().at(0), 2.0);
        QVERIFY(std::isnan(b->values().last())); // snapshot 31: unreadable, a gap
        QCOMPARE(charts->replicaLegendName(first), first);
        QCOMPARE(charts->replicaLegendName(second), u"%1 (unreadable)"_s.arg(second));
        const QString hover = charts->lagToolTip(7.75);
        QVERIFY2(hover.contains(second + u": lag unreadable: "_s + refused), qPrintable(hover));
        QVERIFY2(!hover.contains(first), qPrintable(hover));
        QVERIFY(charts->lagToolTip(2.0).isEmpty());
        auto *figures = window.findChild<QLabel *>(u"figuresLabel"_s);
        QVERIFY2(figures->text().contains(u"0.4 s (%1), unreadable (%2)"_s.arg(first, second)),
                 qPrintable(figures->text()));
        QVERIFY2(figures->toolTip().contains(refused), qPrintable(figures->toolTip()));

        // The plot: the stream's line and one per replica, by endpoint, with the max-lag line kept.
        QTest::qWait(600);
        auto *lag = charts->findChild<QCustomPlot *>(u"chart2"_s);
        QVERIFY(lag);
        QStringList names;
        for (int i = 0; i < lag->graphCount(); ++i)
            if (lag->graph(i)->valueAxis() == lag->yAxis)
                names << lag->graph(i)->name();
        QCOMPARE(names, QStringList({u"binlog stream"_s, first, u"%1 (unreadable)"_s.arg(second)}));
        QCOMPARE(lag->itemCount(), 1); // the max-lag line
        const QString dir =
            qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
        QDir().mkpath(dir);
        QVERIFY(lag->grab().save(dir + u"/lag-per-replica.png"_s));

        // A day-long postponed cut-over, 4 snapshots a second, and 39 more replicas watched one by one.
        for (int i = 32; i < 86400 * 4; ++i) {
            ProgressSnapshot s = snapshotAt(i);
            if (i % 8640 == 0)
                s.replicaLags.append({u"10.0.0.%1:3306"_s.arg(i / 8640), 50, {}});
            charts->addSnapshot(s);
        }
        QCOMPARE(charts->replicaEndpoints().size(), ui::MonitorCharts::maxReplicaSeries);
        for (const QString &endpoint : charts->replicaEndpoints()) {
            const ui::TimeSeries *series = charts->replicaLagSeries(endpoint);
            QVERIFY2(series->size() <= series->capacity(), qPrintable(endpoint));
        }
        QVERIFY(a->size() >= a->capacity() / 2);
        QCOMPARE(a->keys().last(), (86400 * 4 - 1) * 0.25);
        // The Max merge keeps the peaks.
        QCOMPARE(*std::max_element(a->values().begin(), a->values().end()), 0.59);
        QVERIFY(charts->pointCount() <= charts->capacity());
        QTest::qWait(600);
        for (int i = 0; i < lag->graphCount(); ++i)
            QVERIFY(lag->graph(i)->dataCount() <= charts->capacity());
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
