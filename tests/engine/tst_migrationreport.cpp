// The report of a recorded migration: built from what the journal gives back (the journal is real, in a
// temporary file), its JSON holds the figures, the cut-over, the throttling and the samples, and its HTML
// parses as XML with each figure in its named cell and the caller's chart images in place. No secret reaches
// either.
#include <history/historyjournal.h>
#include <history/migrationrecorder.h>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <report/migrationreport.h>
#include <report/preflighthtml.h>

using namespace Qt::StringLiterals;
using namespace engine::history;
using namespace engine::migration;
using engine::report::MigrationReport;
using engine::report::ReportImage;

namespace {
MigrationSpec exampleSpec() {
    MigrationSpec spec;
    spec.inspector.host = u"replica1"_s;
    spec.inspector.port = 3307;
    spec.inspector.user = u"dba"_s;
    spec.inspector.password = u"inspector-secret-4711"_s;
    spec.masterPassword = u"master-secret-0815"_s;
    spec.hooksHintToken = u"token-secret-1234"_s;
    spec.database = u"shop"_s;
    spec.table = u"orders"_s;
    spec.alter = u"ADD COLUMN note TEXT"_s;
    spec.execute = true;
    spec.chunkSize = 777;
    return spec;
}

ProgressSnapshot at(qint64 millis, MigrationState state, quint64 rows, bool throttled = false,
                    const QString &reason = {}) {
    ProgressSnapshot s;
    s.elapsedMillis = millis;
    s.state = state;
    s.rowsCopied = rows;
    s.rowsEstimate = 1000;
    s.eventsApplied = rows / 2;
    s.streamLagMillis = 100 + millis % 700;
    s.backlog = millis % 50;
    s.throttled = throttled;
    s.throttleReason = reason;
    s.throttledMillis = throttled ? 1 : 0;
    return s;
}

engine::preflight::PreflightReport examplePreflight() {
    using namespace engine::preflight;
    PreflightReport report;
    report.target = {u"shop"_s, u"orders"_s, u"ADD COLUMN note TEXT"_s, {}, 1000, 65536, 2.5};
    report.target.servers.push_back(
        {u"inspected"_s, u"replica1:3307"_s, u"MariaDB"_s, u"10.11.6"_s, true, true});
    report.target.servers.push_back(
        {u"primary"_s, u"primary1:3306"_s, u"MariaDB"_s, u"10.11.6"_s, false, true});
    report.findings.push_back(
        {u"table_size"_s, Severity::Ok, u"About 1000 rows"_s, u"Rows: about 1000"_s, {}});
    report.findings.push_back(
        {u"triggers"_s, Severity::Warn, u"The table has triggers"_s, u"t1"_s, u"drop them"_s});
    return report;
}

// The page as XML: the text of every element with an id, and every image's source.
struct ParsedPage {
    QHash<QString, QString> byId;
    QStringList images;
    QString error;
};

ParsedPage parse(const QString &html) {
    ParsedPage page;
    QXmlStreamReader xml(html);
    QStringList openIds;
    QList<QString> texts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            openIds << xml.attributes().value(u"id"_s).toString();
            texts << QString();
            if (xml.name() == u"img"_s)
                page.images << xml.attributes().value(u"src"_s).toString();
        } else if (xml.isCharacters()) {
            for (QString &text : texts)
                text += xml.text();
        } else if (xml.isEndElement()) {
            const QString id = openIds.takeLast();
            const QString text = texts.takeLast();
            if (!id.isEmpty())
                page.byId.insert(id, text);
        }
    }
    if (xml.hasError())
        page.error = xml.errorString() + u" at line "_s + QString::number(xml.lineNumber());
    return page;
}
} // namespace

class TestMigrationReport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    // A migration recorded the way the controller records one: snapshots, the preflight it passed, its end.
    MigrationReport recordAndReport(const QString &file) {
        auto journal = std::make_shared<HistoryJournal>();
        if (!journal->open(m_dir.filePath(file)))
            qFatal("cannot open the journal: %s", qPrintable(journal->lastError()));
        qint64 id = 0;
        {
            MigrationRecorder recorder(journal, exampleSpec());
            id = recorder.id();
            recorder.preflightPassed(examplePreflight());
            recorder.sample(at(0, MigrationState::Connecting, 0));
            recorder.sample(at(500, MigrationState::Copying, 100));
            recorder.sample(at(750, MigrationState::Copying, 200, true, u"max-lag: 2.1s > 1.5s"_s));
            recorder.sample(at(1000, MigrationState::Copying, 300, true, u"max-lag: 2.1s > 1.5s"_s));
            recorder.sample(at(1250, MigrationState::Copying, 400));
            recorder.sample(at(1500, MigrationState::Copying, 700, true, u"flag file /tmp/t exists"_s));
            recorder.sample(at(2000, MigrationState::Copying, 1000));
            ProgressSnapshot last = at(3000, MigrationState::CuttingOver, 1000);
            last.millisInState[static_cast<size_t>(MigrationState::Copying)] = 1500;
            last.millisInState[static_cast<size_t>(MigrationState::CuttingOver)] = 1000;
            last.throttledMillis = 750;
            recorder.sample(last);
            MigrationSummary summary;
            summary.rowsCopied = 1234;
            summary.eventsApplied = 567;
            summary.copyMillis = 1500;
            summary.totalMillis = 3000;
            summary.verified = true;
            summary.verifyResult = u"equal (checksum 0x1f2e3d4c)"_s;
            summary.verifyMillis = 80;
            summary.cutOverAttempts = 3;
            summary.cutOverLockMillis = 42;
            summary.cutOverBlockers = {u"session 17 (app@10.0.0.5): SELECT ... FOR UPDATE, 12 s"_s};
            summary.cutOverFailures = {u"could not lock shop.orders within 3 s"_s,
                                       u"the rename failed early"_s};
            summary.oldTable = u"_orders_del"_s;
            summary.newCreateStatement = u"CREATE TABLE `orders` (\n  `note` text\n)"_s;
            recorder.succeeded(summary);
        }
        const auto entry = journal->entry(id);
        if (!entry)
            qFatal("no entry");
        return MigrationReport::build(*entry, journal->samples(id));
    }

private Q_SLOTS:
    void holdsTheRecordedFiguresInJson() {
        const MigrationReport report = recordAndReport(u"json.sqlite"_s);
        const QJsonObject json = report.toJson();
        QCOMPARE(json.value(u"outcome"_s).toString(), u"succeeded"_s);
        const QJsonObject figures = json.value(u"figures"_s).toObject();
        QCOMPARE(figures.value(u"rows_copied"_s).toInteger(), 1234);
        QCOMPARE(figures.value(u"events_applied"_s).toInteger(), 567);
        QCOMPARE(figures.value(u"peak_stream_lag_millis"_s).toInteger(), 700); // at 2000 ms
        const QJsonObject cutOver = json.value(u"cut_over"_s).toObject();
        QCOMPARE(cutOver.value(u"attempts"_s).toInt(), 3);
        QCOMPARE(cutOver.value(u"lock_millis"_s).toInteger(), 42);
        QCOMPARE(cutOver.value(u"failed_attempts"_s).toArray().size(), 2);
        QVERIFY(cutOver.value(u"blockers"_s).toArray().first().toString().startsWith(u"session 17"_s));
        QCOMPARE(json.value(u"verification"_s).toObject().value(u"result"_s).toString(),
                 u"equal (checksum 0x1f2e3d4c)"_s);

        // Episodes from every snapshot, with their reasons; a change of reason starts a new one.
        const QJsonObject throttling = json.value(u"throttling"_s).toObject();
        QCOMPARE(throttling.value(u"source"_s).toString(), u"recorded"_s);
        QCOMPARE(throttling.value(u"throttled_millis"_s).toInteger(), 750);
        const QJsonArray episodes = throttling.value(u"episodes"_s).toArray();
        QCOMPARE(episodes.size(), 2);
        QCOMPARE(episodes[0].toObject().value(u"from_millis"_s).toInteger(), 750);
        QCOMPARE(episodes[0].toObject().value(u"to_millis"_s).toInteger(), 1250);
        QCOMPARE(episodes[0].toObject().value(u"reason"_s).toString(), u"max-lag: 2.1s > 1.5s"_s);
        QCOMPARE(episodes[1].toObject().value(u"reason"_s).toString(), u"flag file /tmp/t exists"_s);

        const QJsonObject phases = json.value(u"phases"_s).toArray().first().toObject();
        QCOMPARE(phases.value(u"state"_s).toString(), u"copying"_s);
        QCOMPARE(phases.value(u"millis"_s).toInteger(), 1500);
        const QJsonArray timeline = json.value(u"timeline"_s).toArray();
        QCOMPARE(timeline.size(), 3); // connecting, copying, cutting-over
        QCOMPARE(timeline[1].toObject().value(u"from_millis"_s).toInteger(), 500);
        QCOMPARE(timeline[1].toObject().value(u"to_millis"_s).toInteger(), 3000);
        QCOMPARE(json.value(u"samples"_s).toObject().value(u"elapsed_millis"_s).toArray().size(), 8);

        // The summary that opens it: the preflight the gate passed, the servers by role, the command line.
        const QJsonObject summary = json.value(u"summary"_s).toObject();
        QCOMPARE(summary.value(u"preflight"_s).toObject().value(u"verdict"_s).toString(),
                 u"nothing blocks (1 warning)"_s);
        const QJsonArray servers = summary.value(u"servers"_s).toArray();
        QCOMPARE(servers.size(), 2);
        QVERIFY(servers[0].toObject().value(u"reads_binlog"_s).toBool());
        QVERIFY(!servers[0].toObject().value(u"receives_writes"_s).toBool());
        QVERIFY(servers[1].toObject().value(u"receives_writes"_s).toBool());
        QCOMPARE(summary.value(u"table_size"_s).toObject().value(u"rows"_s).toInteger(), 1000);
        QVERIFY(summary.value(u"command_line"_s).toString().contains(u"--chunk-size=777"_s));

        const QByteArray text = QJsonDocument(json).toJson();
        for (const char *secret : {"inspector-secret-4711", "master-secret-0815", "token-secret-1234"})
            QVERIFY2(!text.contains(secret), secret);
    }

    void htmlParsesAndHoldsTheFiguresAndCharts() {
        const MigrationReport report = recordAndReport(u"html.sqlite"_s);
        const QString chart = u"data:image/png;base64,iVBORw0KGgo="_s;
        const QString html =
            report.toHtml({{u"Copy progress"_s, chart, 720, 260}, {u"Lag"_s, u"lag.png"_s, 720, 260}},
                          u"Generated by the test"_s);
        const ParsedPage page = parse(html);
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QCOMPARE(page.byId.value(u"rows-copied"_s), u"1234"_s);
        QCOMPARE(page.byId.value(u"events-applied"_s), u"567"_s);
        QCOMPARE(page.byId.value(u"cut-over-attempts"_s), u"3"_s);
        QCOMPARE(page.byId.value(u"cut-over-lock"_s), u"42 ms"_s);
        QCOMPARE(page.byId.value(u"verify-result"_s), u"equal (checksum 0x1f2e3d4c)"_s);
        QCOMPARE(page.byId.value(u"throttle-episodes"_s), u"2"_s);
        QCOMPARE(page.byId.value(u"outcome"_s), u"succeeded"_s);
        QCOMPARE(page.byId.value(u"table"_s), u"shop.orders"_s);
        QVERIFY(page.byId.value(u"cut-over-blockers"_s).contains(u"session 17"_s));
        QVERIFY(page.byId.value(u"cut-over-failures"_s).contains(u"could not lock shop.orders"_s));
        QVERIFY(page.byId.value(u"timeline"_s).contains(u"cutting-over"_s));
        QVERIFY(page.byId.value(u"command-line"_s).contains(u"--alter='ADD COLUMN note TEXT'"_s));
        QVERIFY(page.byId.value(u"changed-options"_s).contains(u"--chunk-size"_s));
        QVERIFY(page.byId.value(u"servers"_s).contains(u"binlog read here"_s));
        QVERIFY(page.byId.value(u"new-create-statement"_s).contains(u"`note` text"_s));
        QCOMPARE(page.images, (QStringList{chart, u"lag.png"_s}));
        for (const QString &secret :
             {u"inspector-secret-4711"_s, u"master-secret-0815"_s, u"token-secret-1234"_s})
            QVERIFY2(!html.contains(secret), qPrintable(secret));
    }

    void derivesThrottleEpisodesFromSamplesInOldJournals() {
        HistoryEntry entry;
        entry.id = 7;
        entry.outcome = Outcome::Failed;
        entry.failure = {u"cut-over-failed"_s, u"the cut-over failed 60 times"_s, {}, 0, true};
        entry.throttleEpisodesRecorded = false;
        std::vector<HistorySample> samples;
        for (qint64 t = 0; t <= 10000; t += 1000) {
            HistorySample s;
            s.elapsedMillis = t;
            s.state = MigrationState::Copying;
            s.throttled = (t >= 2000 && t <= 4000) || t == 9000;
            samples.push_back(s);
        }
        const MigrationReport report = MigrationReport::build(entry, samples);
        QVERIFY(report.throttleFromSamples);
        QCOMPARE(report.throttleEpisodes.size(), 2);
        QCOMPARE(report.throttleEpisodes[0].fromMillis, 2000);
        QCOMPARE(report.throttleEpisodes[0].toMillis, 5000);
        QCOMPARE(report.throttleEpisodes[1].fromMillis, 9000);
        QCOMPARE(report.throttleEpisodes[1].toMillis, 10000);
        QCOMPARE(report.throttledMillis, 4000);
        const ParsedPage page = parse(report.toHtml({}));
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QCOMPARE(page.byId.value(u"failure-code"_s), u"cut-over-failed"_s);
        QCOMPARE(page.byId.value(u"preflight-verdict"_s), u"not run"_s);
        QCOMPARE(report.toJson().value(u"throttling"_s).toObject().value(u"source"_s).toString(),
                 u"samples"_s);
    }

    void preflightReportPage() {
        engine::preflight::PreflightReport report = examplePreflight();
        report.findings.push_back({u"unique_key"_s, engine::preflight::Severity::Block, u"No shared key"_s,
                                   u"none <at all> & more"_s, u"ALTER TABLE t ADD PRIMARY KEY (id)"_s});
        report.findings.push_back(
            {u"foreign_keys"_s, engine::preflight::Severity::Block, u"Children"_s, {}, {}});
        const ParsedPage page = parse(engine::report::preflightReportHtml(report, {u"foreign_keys"_s}));
        QVERIFY2(page.error.isEmpty(), qPrintable(page.error));
        QVERIFY(page.byId.value(u"findings"_s).contains(u"OVERRIDDEN"_s));
        QVERIFY(page.byId.value(u"finding-unique_key"_s).contains(u"BLOCK"_s));
        QCOMPARE(page.byId.value(u"table-size"_s), u"about 1000 rows, 64.0 KiB"_s);
        QCOMPARE(page.byId.value(u"estimate"_s), u"2.5 s"_s);
        QVERIFY(page.byId.value(u"servers"_s).contains(u"primary1:3306"_s));
    }
};

QTEST_GUILESS_MAIN(TestMigrationReport)
#include "tst_migrationreport.moc"
