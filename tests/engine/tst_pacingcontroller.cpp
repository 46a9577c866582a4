// The copy's pacing controller (issue 15) against a simulated replica: the replica applies at a fixed rate, the
// copy at full speed writes 1.3, 2 or 10 times that, and lag builds from what is left unapplied. The controller
// must bring the lag to its target and hold it there at the duty cycle the replica can absorb, also with noisy
// speed and readings, and must let go when the headroom comes back. Pure logic: no servers, no clock.
#include <throttle/pacingcontroller.h>

#include <QRandomGenerator>
#include <QTest>

#include <algorithm>
#include <cmath>

using engine::throttle::PacingController;

namespace {

struct Run {
    double finalLag = 0, maxLagAfterSettling = 0, minLagAfterSettling = 1e9, finalDuty = 1;
    qint64 longestPause = 0;
};

// Steps of one chunk (500 ms of copying at full pace, then the controller's pause). Rates in rows per ms; the lag
// is the replica's backlog over its rate. `noise`: the copy's speed varies by ±30% per chunk and each lag reading
// by ±100 ms (a seeded generator: the same run every time).
Run simulate(double copyRate, double replicaRate, qint64 target, int chunks, int settleAfter, bool noise)
{
    PacingController pacing;
    QRandomGenerator random(42);
    double backlogRows = 0, lag = -1;
    Run run;
    for (int i = 0; i < chunks; ++i) {
        const double chunkMillis = 500 * pacing.chunkScale();
        const double reading = noise && lag >= 0 ? std::max(0.0, lag + (random.generateDouble() - 0.5) * 200) : lag;
        const qint64 pause = pacing.pauseAfterChunk(qint64(chunkMillis), qint64(reading), target);
        run.longestPause = std::max(run.longestPause, pause);
        backlogRows += copyRate * chunkMillis * (noise ? 0.7 + 0.6 * random.generateDouble() : 1.0);
        backlogRows = std::max(0.0, backlogRows - replicaRate * (chunkMillis + double(pause)));
        lag = backlogRows / replicaRate;
        if (i >= settleAfter) {
            run.maxLagAfterSettling = std::max(run.maxLagAfterSettling, lag);
            run.minLagAfterSettling = std::min(run.minLagAfterSettling, lag);
        }
        run.finalDuty = pacing.dutyCycle();
    }
    run.finalLag = lag;
    return run;
}

} // namespace

class TestPacingController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void holdsTheLagNearItsTarget_data()
    {
        QTest::addColumn<double>("copyRate");
        QTest::addColumn<bool>("noise");
        QTest::newRow("copy 2x the replica") << 2.0 << false;
        QTest::newRow("copy 10x the replica") << 10.0 << false;
        QTest::newRow("copy 1.3x the replica") << 1.3 << false;
        QTest::newRow("copy 2x, noisy speed and readings") << 2.0 << true;
    }

    void holdsTheLagNearItsTarget()
    {
        QFETCH(double, copyRate);
        QFETCH(bool, noise);
        const double replicaRate = 1.0;
        const qint64 target = 750, maxLag = 1500;
        const Run run = simulate(copyRate, replicaRate, target, 400, 100, noise);
        qInfo("lag after settling %.0f..%.0f ms, final duty %.2f (ideal %.2f), longest pause %lld ms",
              run.minLagAfterSettling, run.maxLagAfterSettling, run.finalDuty, replicaRate / copyRate,
              run.longestPause);
        QVERIFY2(run.maxLagAfterSettling < maxLag, "the lag reached max-lag: the hard throttle would take over");
        QVERIFY2(run.minLagAfterSettling > target * 0.3, "the copy left the replica's headroom unused");
        QVERIFY(std::abs(run.finalLag - double(target)) < target * 0.5);
        QVERIFY(std::abs(run.finalDuty - replicaRate / copyRate) < (noise ? 0.25 : 0.05));
        QVERIFY(run.longestPause <= PacingController::maxPauseMillis);
    }

    void letsGoWhenTheReplicaKeepsUp()
    {
        PacingController pacing;
        for (int i = 0; i < 20; ++i)
            pacing.pauseAfterChunk(500, 3000 + i * 10, 750); // far behind and growing: pacing hard
        QVERIFY(pacing.ratio() > 1);
        QVERIFY(pacing.chunkScale() < 1);
        QVERIFY(pacing.explanation().contains(QStringLiteral("target 750 ms")));
        int chunks = 0;
        while (pacing.pauseAfterChunk(500, 100, 750) > 0 && chunks < 50)
            ++chunks;
        QVERIFY2(chunks < 8, "still pausing long after the lag fell away");
        QCOMPARE(pacing.dutyCycle(), 1.0);
        QVERIFY(pacing.explanation().isEmpty());
    }

    void offOrBlindMeansNoPause()
    {
        PacingController pacing;
        QCOMPARE(pacing.pauseAfterChunk(500, 5000, 0), 0); // --lag-target-ratio=0
        QCOMPARE(pacing.pauseAfterChunk(500, -1, 750), 0);  // no reading yet: the hard limits decide
        QCOMPARE(pacing.ratio(), 0.0);
    }
};

QTEST_MAIN(TestPacingController)
#include "tst_pacingcontroller.moc"
