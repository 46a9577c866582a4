// shadowswap-cli --history and --report against a journal file written the way migrations write it (no server
// needed): the list, the JSON report parsed, the HTML report parsed as XML with its charts as PNG data URLs,
// and the errors for a missing journal or id. The HTML run must work without a display (the test unsets
// DISPLAY).
#include <history/historyjournal.h>
#include <history/migrationrecorder.h>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtEndian>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;
using namespace engine::history;
using namespace engine::migration;

namespace {
struct Run {
    int exitCode = -1;
    QString out;
    QString err;
};

Run runCli(const QStringList &arguments) {
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.remove(u"DISPLAY"_s);
    environment.remove(u"WAYLAND_DISPLAY"_s);
    environment.remove(u"QT_QPA_PLATFORM"_s);
    process.setProcessEnvironment(environment);
    process.start(qEnvironmentVariable("SHADOWSWAP_BIN_DIR") + u"/shadowswap-cli"_s, arguments);
    Run run;
    if (!process.waitForFinished(120000))
        return run;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

MigrationSpec spec(const QString &table) {
    MigrationSpec s;
    s.inspector.host = u"replica1.example"_s;
    s.inspector.port = 3307;
    s.inspector.user = u"dba"_s;
    s.inspector.password = u"inspector-secret-4711"_s;
    s.database = u"shop"_s;
    s.table = table;
    s.alter = u"ADD COLUMN c INT"_s;
    s.execute = true;
    return s;
}

// PNG signature and the IHDR's width and height (bytes 16..23, big-endian).
QSize pngSize(const QByteArray &png) {
    if (png.size() < 24 || !png.startsWith("\x89PNG\r\n\x1a\n") || png.mid(12, 4) != "IHDR")
        return {};
    return QSize(int(qFromBigEndian<quint32>(png.constData() + 16)),
                 int(qFromBigEndian<quint32>(png.constData() + 20)));
}
} // namespace

class TestHistoryCli : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_journal;
    qint64 m_done = 0, m_failed = 0;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        m_journal = m_dir.filePath(u"history.sqlite"_s);
        auto journal = std::make_shared<HistoryJournal>();
        QVERIFY(journal->open(m_journal));
        {
            MigrationRecorder recorder(journal, spec(u"orders"_s));
            ProgressSnapshot s;
            s.rowsEstimate = 5000;
            for (qint64 t = 0; t <= 20000; t += 250) {
                s.elapsedMillis = t;
                s.state = t < 15000 ? MigrationState::Copying : MigrationState::CuttingOver;
                s.rowsCopied = quint64(std::min<qint64>(5000, t / 3));
                s.copyRowsPerSecond = 333;
                s.streamLagMillis = 200 + t % 500;
                s.throttled = t >= 5000 && t < 7000;
                s.throttleReason = u"max-lag"_s;
                s.millisInState[size_t(s.state)] += 250;
                recorder.sample(s);
            }
            MigrationSummary summary;
            summary.rowsCopied = 5000;
            summary.eventsApplied = 321;
            summary.totalMillis = 20000;
            summary.cutOverAttempts = 1;
            summary.cutOverLockMillis = 55;
            summary.verified = true;
            summary.verifyResult = u"equal"_s;
            recorder.succeeded(summary);
            m_done = recorder.id();
        }
        MigrationRecorder failed(journal, spec(u"customers"_s));
        failed.failed(MigrationFailure{u"hook-failed"_s, u"the hook said no"_s, {}, 0, true});
        m_failed = failed.id();
    }

    void listsTheJournal() {
        const Run run = runCli({u"--history"_s, u"--history-file"_s, m_journal});
        QCOMPARE(run.exitCode, 0);
        const QStringList lines = run.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3); // the header, newest first
        QVERIFY(lines[0].contains(u"STARTED"_s) && lines[0].contains(u"OUTCOME"_s));
        QVERIFY2(lines[1].contains(u"shop.customers"_s) && lines[1].contains(u"failed"_s),
                 qPrintable(lines[1]));
        QVERIFY2(lines[2].simplified().startsWith(QString::number(m_done) + u' '), qPrintable(lines[2]));
        QVERIFY(lines[2].contains(u"shop.orders"_s) && lines[2].contains(u"succeeded"_s));
        QVERIFY(lines[2].contains(u"20.0 s"_s));

        const Run json = runCli({u"--history"_s, u"--format=json"_s, u"--history-file="_s + m_journal});
        QCOMPARE(json.exitCode, 0);
        const QJsonArray list = QJsonDocument::fromJson(json.out.toUtf8()).array();
        QCOMPARE(list.size(), 2);
        QCOMPARE(list[1].toObject().value(u"id"_s).toInteger(), m_done);
        QCOMPARE(list[1].toObject().value(u"elapsed_millis"_s).toInteger(), 20000);
        QCOMPARE(list[0].toObject().value(u"outcome"_s).toString(), u"failed"_s);
    }

    void writesTheJsonReport() {
        const Run run = runCli({u"--report"_s, QString::number(m_done), u"--history-file"_s, m_journal});
        QCOMPARE(run.exitCode, 0);
        QJsonParseError error{};
        const QJsonObject report = QJsonDocument::fromJson(run.out.toUtf8(), &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, qPrintable(error.errorString()));
        QCOMPARE(report.value(u"id"_s).toInteger(), m_done);
        QCOMPARE(report.value(u"figures"_s).toObject().value(u"rows_copied"_s).toInteger(), 5000);
        QCOMPARE(report.value(u"cut_over"_s).toObject().value(u"lock_millis"_s).toInteger(), 55);
        QCOMPARE(report.value(u"throttling"_s).toObject().value(u"episodes"_s).toArray().size(), 1);
        QCOMPARE(report.value(u"samples"_s).toObject().value(u"elapsed_millis"_s).toArray().size(), 81);
        const QString command = report.value(u"summary"_s).toObject().value(u"command_line"_s).toString();
        QVERIFY2(command.startsWith(u"shadowswap-cli --host=replica1.example --port=3307"_s),
                 qPrintable(command));
        QVERIFY(!run.out.contains(u"inspector-secret-4711"_s));

        const Run failed = runCli(
            {u"--report"_s, QString::number(m_failed), u"--format=json"_s, u"--history-file"_s, m_journal});
        QCOMPARE(failed.exitCode, 0);
        QCOMPARE(QJsonDocument::fromJson(failed.out.toUtf8())
                     .object()
                     .value(u"failure"_s)
                     .toObject()
                     .value(u"code"_s),
                 QJsonValue(u"hook-failed"_s));
    }

    void writesTheHtmlReportWithCharts() {
        const QString file = m_dir.filePath(u"report.html"_s);
        const Run run = runCli({u"--report"_s, QString::number(m_done), u"--format=html"_s,
                                u"--history-file"_s, m_journal, u"--report-file"_s, file});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
        QFile html(file);
        QVERIFY(html.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&html);
        QStringList images;
        QString rows;
        while (!xml.atEnd()) {
            xml.readNext();
            if (xml.isStartElement() && xml.name() == u"img"_s)
                images << xml.attributes().value(u"src"_s).toString();
            if (xml.isStartElement() && xml.attributes().value(u"id"_s) == u"rows-copied"_s)
                rows = xml.readElementText();
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(rows, u"5000"_s);
        QCOMPARE(images.size(), 4);
        const QString prefix = u"data:image/png;base64,"_s;
        for (const QString &source : std::as_const(images)) {
            QVERIFY(source.startsWith(prefix));
            const QByteArray png = QByteArray::fromBase64(source.mid(prefix.size()).toLatin1());
            QCOMPARE(pngSize(png), QSize(1440, 500));
            QVERIFY2(png.size() > 8000,
                     qPrintable(QString::number(png.size()))); // drawn, not one flat colour
        }
        const QString shots =
            qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
        QDir().mkpath(shots);
        QFile chart(shots + u"/historycli-chart-lag.png"_s);
        QVERIFY(chart.open(QIODevice::WriteOnly));
        chart.write(QByteArray::fromBase64(images[2].mid(prefix.size()).toLatin1()));
    }

    void refusesWhatItCannotRead() {
        const Run missing = runCli({u"--history"_s, u"--history-file"_s, m_dir.filePath(u"none.sqlite"_s)});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY(missing.err.contains(u"no history journal"_s));
        QVERIFY(!QFile::exists(m_dir.filePath(u"none.sqlite"_s))); // reading creates nothing
        const Run unknown = runCli({u"--report"_s, u"999"_s, u"--history-file"_s, m_journal});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY(unknown.err.contains(u"no migration 999"_s));
        const Run badFormat = runCli(
            {u"--report"_s, QString::number(m_done), u"--format=text"_s, u"--history-file"_s, m_journal});
        QCOMPARE(badFormat.exitCode, 64);
        const Run badId = runCli({u"--report"_s, u"latest"_s, u"--history-file"_s, m_journal});
        QCOMPARE(badId.exitCode, 64);
        const Run help = runCli({u"--help"_s});
        for (const QString &flag : {u"-history"_s, u"-report"_s, u"-report-file"_s})
            QVERIFY2(help.out.contains(flag), qPrintable(flag));
    }
};

QTEST_GUILESS_MAIN(TestHistoryCli)
#include "tst_historycli.moc"
