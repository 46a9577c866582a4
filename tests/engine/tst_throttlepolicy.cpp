// The throttle decision and the --max-load syntax, without servers.
#include <throttle/throttlepolicy.h>
#include <throttle/throttlesettings.h>

#include <QTest>

using namespace Qt::StringLiterals;
using namespace engine::throttle;

class TestThrottlePolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadLimitsParse()
    {
        QString error;
        const auto limits = parseLoadLimits(u" Threads_running=25, Threads_connected = 300 "_s, &error);
        QVERIFY2(limits, qPrintable(error));
        QCOMPARE(limits->size(), 2u);
        QCOMPARE(limits->at(0), (LoadLimit{u"Threads_running"_s, 25}));
        QCOMPARE(limits->at(1), (LoadLimit{u"Threads_connected"_s, 300}));
        QCOMPARE(formatLoadLimits(*limits), u"Threads_running=25,Threads_connected=300"_s);
        QVERIFY(parseLoadLimits(QString(), &error)->empty());
    }

    void badLoadLimitsNameTheTerm_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("term");
        QTest::newRow("no value") << u"Threads_running"_s << u"Threads_running"_s;
        QTest::newRow("not a number") << u"Threads_running=lots"_s << u"Threads_running=lots"_s;
        QTest::newRow("negative") << u"Threads_running=-1"_s << u"Threads_running=-1"_s;
        QTest::newRow("no name") << u"=5"_s << u"=5"_s;
        QTest::newRow("injection") << u"x' OR 1=1"_s << u"x' OR 1=1"_s;
        QTest::newRow("second term") << u"Threads_running=5,oops"_s << u"oops"_s;
    }
    void badLoadLimitsNameTheTerm()
    {
        QFETCH(QString, text);
        QFETCH(QString, term);
        QString error;
        QVERIFY(!parseLoadLimits(text, &error));
        QVERIFY2(error.contains(u'"' + term + u'"') && error.contains(u"Threads_running=25"_s), qPrintable(error));
    }

    void nothingObservedNothingThrottles()
    {
        const ThrottleVerdict v = evaluateThrottle({}, 1500, {});
        QVERIFY(v.throttleReason.isEmpty());
        QVERIFY(v.criticalReason.isEmpty());
        QVERIFY(v.panicReason.isEmpty());
    }

    void eachSourceThrottlesWithItsReason()
    {
        ThrottleSettings s;
        s.throttleFlagFile = u"/tmp/t.flag"_s;
        s.throttleAdditionalFlagFile = u"/tmp/gh-ost.throttle"_s;
        s.maxLoad = {{u"Threads_running"_s, 25}};
        s.throttleQuery = u"SELECT 1"_s;

        ThrottleObservation o;
        o.throttleFlagFile = true;
        QVERIFY(evaluateThrottle(s, 1500, o).throttleReason.contains(u"/tmp/t.flag"_s));
        o = {};
        o.additionalFlagFile = true;
        QVERIFY(evaluateThrottle(s, 1500, o).throttleReason.contains(u"/tmp/gh-ost.throttle"_s));
        o = {};
        o.status[u"threads_running"_s] = 26;
        QCOMPARE(evaluateThrottle(s, 1500, o).throttleReason, u"max-load: Threads_running=26 > 25"_s);
        o.status[u"threads_running"_s] = 25; // at the limit is not over it
        QVERIFY(evaluateThrottle(s, 1500, o).throttleReason.isEmpty());
        o = {};
        o.throttleQueryValue = 3;
        QCOMPARE(evaluateThrottle(s, 1500, o).throttleReason, u"throttle-query returned 3"_s);
        o.throttleQueryValue = 0;
        QVERIFY(evaluateThrottle(s, 1500, o).throttleReason.isEmpty());
        o = {};
        o.throttleQueryError = u"Unknown column"_s;
        QVERIFY(evaluateThrottle(s, 1500, o).throttleReason.contains(u"Unknown column"_s));
        o = {};
        o.replicas = {{u"r1:3306"_s, 100, {}}, {u"r2:3306"_s, 2000, {}}};
        QCOMPARE(evaluateThrottle(s, 1500, o).throttleReason, u"replica r2:3306 lag 2000 ms > max-lag-millis 1500"_s);
        o.replicas = {{u"r1:3306"_s, std::nullopt, u"Can't connect"_s}};
        QVERIFY(evaluateThrottle(s, 1500, o).throttleReason.contains(u"r1:3306 unreachable"_s));
        o = {};
        o.streamLagMillis = 1501;
        QVERIFY(evaluateThrottle(s, 1500, o).throttleReason.contains(u"binlog stream lag 1501 ms"_s));
        o.streamLagMillis = -1; // no heartbeat seen yet is not lag
        QVERIFY(evaluateThrottle(s, 1500, o).throttleReason.isEmpty());
    }

    void criticalLoadAndPanicAreReportedApart()
    {
        ThrottleSettings s;
        s.criticalLoad = {{u"Threads_running"_s, 100}};
        s.panicFlagFile = u"/tmp/panic"_s;
        ThrottleObservation o;
        o.status[u"threads_running"_s] = 101;
        ThrottleVerdict v = evaluateThrottle(s, 1500, o);
        QCOMPARE(v.criticalReason, u"critical-load: Threads_running=101 > 100"_s);
        QVERIFY(v.panicReason.isEmpty());
        o.panicFlagFile = true;
        v = evaluateThrottle(s, 1500, o);
        QVERIFY(v.panicReason.contains(u"/tmp/panic"_s));
    }

    void unsampledVariablesAreNotExceeded()
    {
        QVERIFY(exceededLimit({{u"Threads_running"_s, 0}}, {}).isEmpty());
        QVERIFY(!exceededLimit({{u"Threads_running"_s, 0}}, {{u"threads_running"_s, 1}}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestThrottlePolicy)
#include "tst_throttlepolicy.moc"
