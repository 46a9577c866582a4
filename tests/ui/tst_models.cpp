// Models and small pieces of the console that need no server.
#include <connectionprofile.h>
#include <creatediffview.h>
#include <linediff.h>
#include <logmodel.h>
#include <logsink.h>
#include <preflightmodel.h>
#include <timeseries.h>

#include <spdlog/logger.h>

#include <QAbstractItemModelTester>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>

#include <cmath>
#include <limits>
#include <thread>

using namespace Qt::StringLiterals;
using engine::preflight::Severity;

class TestModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"shadowswap-test"_s);
        QCoreApplication::setApplicationName(u"tst_models"_s);
        QSettings().clear();
    }

    void preflightModelSortsWorstFirst()
    {
        ui::PreflightModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        engine::preflight::PreflightReport report;
        report.findings = {{u"server"_s, Severity::Ok, u"Server fine"_s, {}, {}},
                           {u"binlog"_s, Severity::Warn, u"Short retention"_s, u"expire 1 day"_s, u"SET ..."_s},
                           {u"unique_key"_s, Severity::Block, u"No unique key"_s, u"none"_s, u"ALTER TABLE t ADD PK"_s}};
        model.resetData(report);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.columnCount(), int(ui::PreflightModel::ColumnCount));
        QCOMPARE(model.index(0, ui::PreflightModel::CheckColumn).data().toString(), u"unique_key"_s);
        QCOMPARE(model.index(1, ui::PreflightModel::CheckColumn).data().toString(), u"binlog"_s);
        QCOMPARE(model.index(0, 0).data(ui::PreflightModel::FixRole).toString(), u"ALTER TABLE t ADD PK"_s);
        QVERIFY(!model.index(0, 0).data(Qt::DecorationRole).value<QIcon>().isNull());
        model.setOverridden({u"unique_key"_s});
        QCOMPARE(model.index(0, 0).data().toString(), u"Overridden"_s);
        model.clearData();
        QCOMPARE(model.rowCount(), 0);
    }

    void logModelIsBoundedAndFiltered()
    {
        ui::LogModel model(5);
        ui::LogFilterModel filter;
        filter.setSourceModel(&model);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
        std::vector<ui::LogRecord> batch;
        for (int i = 0; i < 8; ++i)
            batch.push_back({QDateTime::currentDateTime(), i % 2 ? 3 : 1, u"record %1"_s.arg(i)});
        model.append(batch);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(4).data(ui::LogModel::MessageRole).toString(), u"record 7"_s);
        filter.setMinimumLevel(3);
        QCOMPARE(filter.rowCount(), 3); // records 3, 5 and 7 of the kept 3..7
        filter.setMinimumLevel(0);
        QCOMPARE(filter.rowCount(), 5);
        model.append({{QDateTime::currentDateTime(), 4, u"error"_s}});
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0).data(ui::LogModel::MessageRole).toString(), u"record 4"_s);
    }

    void logSinkDeliversFromOtherThreadsInTheGuiThread()
    {
        ui::LogModel model(1000);
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto logger = std::make_shared<spdlog::logger>("test", model.sink());
        std::thread writer([logger] {
            for (int i = 0; i < 200; ++i)
                logger->info("line {}", i);
        });
        writer.join();
        QCOMPARE(model.rowCount(), 0); // nothing arrives until the GUI thread's event loop runs
        QTRY_COMPARE(model.rowCount(), 200);
        QCOMPARE(model.index(199).data(ui::LogModel::MessageRole).toString(), u"line 199"_s);
    }

    void timeSeriesStaysBounded()
    {
        ui::TimeSeries series(100, ui::TimeSeries::Merge::Max);
        for (int i = 0; i < 86400 * 4; ++i) // a day of snapshots every 250 ms
            series.append(i * 0.25, i == 1000 ? 99.0 : 1.0);
        QVERIFY(series.size() <= 100);
        QVERIFY(series.size() >= 50);
        QVERIFY(series.stride() > 1);
        QCOMPARE(series.keys().last(), (86400 * 4 - 1) * 0.25);
        QVERIFY(std::is_sorted(series.keys().begin(), series.keys().end()));
        QCOMPARE(*std::max_element(series.values().begin(), series.values().end()), 99.0); // the spike survives
    }

    void timeSeriesMeanMerges()
    {
        ui::TimeSeries series(4, ui::TimeSeries::Merge::Mean);
        for (int i = 0; i < 4; ++i)
            series.append(i, i * 10);
        series.append(4, 40); // full: halves to (1,5) (3,25), then appends
        QCOMPARE(series.size(), 3);
        QCOMPARE(series.values().at(0), 5.0);
        QCOMPARE(series.values().at(1), 25.0);
    }

    // NaN is a gap (a replica's lag that could not be read); merged with a number, the number wins.
    void timeSeriesKeepsGaps()
    {
        const double gap = std::numeric_limits<double>::quiet_NaN();
        ui::TimeSeries series(4, ui::TimeSeries::Merge::Max);
        for (double v : {1.0, gap, gap, gap})
            series.append(series.size(), v);
        QVERIFY(std::isnan(series.values().at(3)));
        series.append(4, 2.0); // full: halves to (1: 1) (3: gap), then appends
        QCOMPARE(series.size(), 3);
        QCOMPARE(series.values().at(0), 1.0);
        QVERIFY(std::isnan(series.values().at(1)));
        series.append(5, gap); // completes the stride of 2 that 2.0 began: the value stays
        QCOMPARE(series.values().at(2), 2.0);
        QCOMPARE(series.keys().at(2), 5.0);
    }

    void lineDiffMarksChangedLines()
    {
        const QStringList before = {u"CREATE TABLE `t` ("_s, u"  `id` int NOT NULL,"_s, u"  `a` int"_s,
                                    u") ENGINE=InnoDB"_s};
        const QStringList after = {u"CREATE TABLE `t` ("_s, u"  `id` int NOT NULL,"_s, u"  `a` int,"_s,
                                   u"  `b` int"_s, u") ENGINE=InnoDB"_s};
        const ui::LineDiff diff = ui::diffLines(before, after);
        QCOMPARE(diff.changedLeft, QList<bool>({false, false, false, false}));
        QCOMPARE(diff.changedRight, QList<bool>({false, false, false, true, false}));
        QCOMPARE(diff.changes(), 1);
    }

    // The ghost's name and the missing AUTO_INCREMENT counter are no differences the ALTER makes.
    void createDiffIgnoresGhostNameAndCounter()
    {
        ui::CreateDiffView view;
        view.setCurrent(u"CREATE TABLE `orders` (\n  `id` bigint(20) NOT NULL AUTO_INCREMENT,\n  PRIMARY KEY (`id`)\n) "
                        "ENGINE=InnoDB AUTO_INCREMENT=5001 DEFAULT CHARSET=utf8mb4"_s);
        view.setProposed(u"CREATE TABLE `_orders_gho` (\n  `id` bigint(20) NOT NULL AUTO_INCREMENT,\n  `p` tinyint(4) NOT "
                         "NULL DEFAULT 0,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4"_s);
        QCOMPARE(view.changedLines(), 1);
        view.setProposed(u"CREATE TABLE `_orders_gho` (\n  `id` bigint(20) NOT NULL AUTO_INCREMENT,\n  PRIMARY KEY "
                         "(`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=latin1"_s);
        QCOMPARE(view.changedLines(), 2); // a real table option change still shows, on both sides
    }

    void profilesRoundTripWithoutPasswords()
    {
        ui::ConnectionProfile p;
        p.name = u"shop/replica"_s;
        p.host = u"db1.example"_s;
        p.port = 3307;
        p.user = u"ghost"_s;
        p.useTls = true;
        p.tlsCa = u"/etc/ca.pem"_s;
        p.readPrimaryBinlog = true;
        ui::ProfileStore::save(p);
        QVERIFY(ui::ProfileStore::names().contains(p.name));
        QCOMPARE(ui::ProfileStore::load(p.name), p);
        QCOMPARE(p.settings(u"secret"_s).password, u"secret"_s);
        QSettings settings;
        for (const QString &key : settings.allKeys())
            QVERIFY2(!settings.value(key).toString().contains(u"secret"_s), qPrintable(key));
        ui::ProfileStore::remove(p.name);
        QVERIFY(!ui::ProfileStore::load(p.name));
    }
};

QTEST_MAIN(TestModels)
#include "tst_models.moc"
