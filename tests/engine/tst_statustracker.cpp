// Watching a migration the console does not run (issue 14): control endpoints as the DBA types them, and the
// snapshots the Monitor charts are fed from successive `status` replies of gh-ost 1.1.6 (verbatim lines of
// ../shared/reference/gh-ost-transcript.md) and of Shadowswap.
#include <control/controlclient.h>
#include <control/statustracker.h>
#include <QTest>

using namespace Qt::StringLiterals;
using engine::control::ControlEndpoint;
using engine::control::parseStatusReply;
using engine::control::StatusTracker;
using engine::migration::MigrationState;

namespace {
const QString header = u"# Migrating `gcap`.`orders`; Ghost table is `gcap`.`_orders_gho`\n"
                       "# Migrating vm:23306; inspecting vm:23307; executing on vm\n"_s;
// Logged by gh-ost while copying, one second apart.
const QString second2 =
    u"Copy: 139000/600660 23.1%; Applied: 1280; Backlog: 0/1000; Time: 2s(total), 2s(copy); "
    "streamer: replica-bin.000006:313572808; Lag: 0.01s, HeartbeatLag: 0.01s, State: migrating; "
    "ETA: 6s"_s;
const QString second3 =
    u"Copy: 305500/600960 50.8%; Applied: 1880; Backlog: 0/1000; Time: 3s(total), 3s(copy); "
    "streamer: replica-bin.000006:321739762; Lag: 0.01s, HeartbeatLag: 0.01s, State: migrating; "
    "ETA: 2s"_s;
const QString postponed =
    u"Copy: 600020/600020 100.0%; Applied: 3760; Backlog: 18/1000; Time: 6s(total), 4s(copy); "
    "streamer: replica-bin.000006:336797288; Lag: 0.01s, HeartbeatLag: 0.06s, State: postponing "
    "cut-over; ETA: due"_s;

engine::control::MigrationStatus parsed(const QString &reply) {
    QString error;
    const auto status = parseStatusReply(reply, &error);
    if (!status)
        qFatal("not a status: %s", qPrintable(error));
    return *status;
}
} // namespace

class TestStatusTracker : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void endpointsAsTyped() {
        QString error;
        auto unix = ControlEndpoint::parse(u" /tmp/gh-ost.shop.orders.sock "_s, &error);
        QVERIFY(unix && !unix->isTcp());
        QCOMPARE(unix->path, u"/tmp/gh-ost.shop.orders.sock"_s);
        auto tcp = ControlEndpoint::parse(u"jumphost:9001"_s, &error);
        QVERIFY(tcp && tcp->isTcp());
        QCOMPARE(tcp->host, u"jumphost"_s);
        QCOMPARE(tcp->port, quint16(9001));
        auto v6 = ControlEndpoint::parse(u"[::1]:9001"_s, &error);
        QVERIFY(v6);
        QCOMPARE(v6->host, u"::1"_s);
        QCOMPARE(v6->text(), u"[::1]:9001"_s);
        for (const QString &bad :
             {u""_s, u"jumphost"_s, u"jumphost:0"_s, u"jumphost:70000"_s, u"gh-ost.sock"_s}) {
            error.clear();
            QVERIFY2(!ControlEndpoint::parse(bad, &error), qPrintable(bad));
            QVERIFY2(!error.isEmpty(), qPrintable(bad));
        }
    }

    void ratesComeFromSuccessiveReadings() {
        StatusTracker tracker;
        const auto first = tracker.add(parsed(header + second2), 10'000);
        QCOMPARE(first.state, MigrationState::Copying);
        QCOMPARE(first.elapsedMillis, 2000);    // anchored at gh-ost's own elapsed time
        QCOMPARE(first.copyRowsPerSecond, 0.0); // one reading: no rate yet
        QCOMPARE(first.etaSeconds, 6);
        QCOMPARE(first.replicaLags.size(), 1);
        QCOMPARE(first.replicaLags.first().endpoint, u"vm:23307"_s); // the inspected replica, from the header
        QCOMPARE(first.replicaLags.first().lagMillis, 10);
        const auto next = tracker.add(parsed(header + second3), 11'000);
        QCOMPARE(next.elapsedMillis, 3000);
        QCOMPARE(next.copyRowsPerSecond, 305500.0 - 139000.0);
        QCOMPARE(next.applyEventsPerSecond, 600.0);
        QCOMPARE(next.rowsEstimate, 600960u);
        QCOMPARE(next.copyPercent, 50.8);
        QCOMPARE(next.etaSeconds, 2);
        QVERIFY(!next.throttled);
    }

    void postponedAndThrottled() {
        StatusTracker tracker;
        const auto s = tracker.add(parsed(postponed), 0);
        QCOMPARE(s.state, MigrationState::Postponed);
        QCOMPARE(s.etaSeconds, 0);
        QCOMPARE(s.backlog, 18u);
        QCOMPARE(s.copyRowsPerSecond, 0.0);
        QVERIFY(!s.throttled);
        // gh-ost's State does not say that the operator throttles: the watcher remembers what it sent.
        tracker.setThrottledHere(true);
        const auto held = tracker.add(parsed(postponed), 1000);
        QVERIFY(held.throttled);
        QCOMPARE(held.throttleReason, u"throttled by the operator"_s);
        // Shadowswap says so itself, in the state and in a header line.
        StatusTracker ours;
        const auto throttled =
            ours.add(parsed(u"# Engine: shadowswap 0.1.0\nCopy: 10/100 10.0%; Applied: 0; Backlog: "
                            "0/1000; Time: 1s(total), 1s(copy); Lag: 0.01s, HeartbeatLag: N/A, "
                            "State: throttled, lag=2.0s; ETA: N/A"_s),
                     0);
        QVERIFY(throttled.throttled);
        QCOMPARE(throttled.throttleReason, u"throttled, lag=2.0s"_s);
        QCOMPARE(throttled.etaSeconds, -1);
        QCOMPARE(throttled.replicaLagMillis, -1);
    }

    void shadowswapStatesAndANewProcess() {
        StatusTracker tracker;
        auto status = parsed(header + second3);
        status.state = u"cutting-over"_s;
        QCOMPARE(StatusTracker::stateOf(status), MigrationState::CuttingOver);
        status.state = u"revert-window"_s;
        QCOMPARE(StatusTracker::stateOf(status), MigrationState::RevertWindow);
        tracker.add(parsed(header + second3), 0);
        // The counters went back: another process on the same socket. No negative rate.
        const auto restarted = tracker.add(parsed(header + second2), 1000);
        QCOMPARE(restarted.copyRowsPerSecond, 0.0);
        QCOMPARE(restarted.applyEventsPerSecond, 0.0);
    }

    // Found walking the demo: a run that ended and a new one on the same socket path were charted as one, the
    // copy line falling from 100% to 0% across the gap, the new run's times continuing the old run's. The new
    // run is told apart (its elapsed time went back) and its times start from its own elapsed time.
    void aNewRunOnTheSameSocketStartsOver() {
        StatusTracker tracker;
        tracker.add(parsed(header + postponed), 500'000); // 6 s into the old run
        QVERIFY(!tracker.startedOver());
        const auto old = tracker.add(parsed(header + QString(postponed).replace(u"Time: 6s(total)"_s, u"Time: 600s(total)"_s)),
                                     1'094'000);
        QVERIFY(!tracker.startedOver());
        QCOMPARE(old.elapsedMillis, 600'000);
        // The old process ended; a new one answers 20 minutes later, 2 s into its own run.
        const auto fresh = tracker.add(parsed(header + second2), 2'294'000);
        QVERIFY(tracker.startedOver());
        QCOMPARE(fresh.elapsedMillis, 2'000);
        QCOMPARE(fresh.copyRowsPerSecond, 0.0);
        const auto next = tracker.add(parsed(header + second3), 2'295'000);
        QVERIFY(!tracker.startedOver());
        QCOMPARE(next.elapsedMillis, 3'000);
        QVERIFY(next.copyRowsPerSecond > 0);
    }
};

QTEST_MAIN(TestStatusTracker)
#include "tst_statustracker.moc"
