// A recorded migration's detail and report, without a server: the journal is written the way the controller
// writes it (recorder, snapshots, the preflight it passed, its end), the History page opens the detail, and
// "Export report…" writes an HTML file (parsed here: figures in their cells, charts as PNG data URLs that
// decode to drawn images) and a PDF (its first page rendered by pdftoppm must not be blank, and pdftotext
// finds the figures).
#include "consoletest.h"

#include <history/historyjournal.h>
#include <history/migrationrecorder.h>
#include <historydetaildialog.h>
#include <QClipboard>
#include <QHash>
#include <QImage>
#include <QPlainTextEdit>
#include <QProcess>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QXmlStreamReader>
#include <runsummaryview.h>

using namespace consoletest;
using namespace engine::history;

namespace {
MigrationSpec exampleSpec() {
    MigrationSpec spec;
    spec.inspector.host = u"replica1.example"_s;
    spec.inspector.port = 3307;
    spec.inspector.user = u"dba"_s;
    spec.inspector.password = u"inspector-secret-4711"_s;
    spec.database = u"shop"_s;
    spec.table = u"orders"_s;
    spec.alter = u"ADD COLUMN priority TINYINT NOT NULL DEFAULT 0"_s;
    spec.execute = true;
    spec.chunkSize = 500;
    spec.maxLagMillis = 1200;
    return spec;
}

engine::preflight::PreflightReport examplePreflight() {
    using namespace engine::preflight;
    PreflightReport report;
    report.target = {u"shop"_s, u"orders"_s, exampleSpec().alter, {}, 60000, 9 << 20, 48};
    report.target.servers.push_back(
        {u"inspected"_s, u"replica1.example:3307"_s, u"MariaDB"_s, u"10.11.6"_s, true, true});
    report.target.servers.push_back(
        {u"primary"_s, u"primary1.example:3306"_s, u"MariaDB"_s, u"10.11.6"_s, false, true});
    report.findings.push_back(
        {u"table_size"_s, Severity::Ok, u"About 60000 rows"_s, u"Rows: about 60000"_s, {}});
    report.findings.push_back(
        {u"long_transactions"_s, Severity::Warn, u"A transaction is 40 s old"_s, u"id 12"_s, {}});
    return report;
}

// A 90-second migration: connecting, copying under lag with two throttled stretches, verifying, cutting over.
qint64 recordMigration(const std::shared_ptr<HistoryJournal> &journal) {
    MigrationRecorder recorder(journal, exampleSpec());
    recorder.preflightPassed(examplePreflight());
    ProgressSnapshot s;
    s.rowsEstimate = 60000;
    for (qint64 t = 0; t <= 90000; t += 250) {
        s.elapsedMillis = t;
        s.state = t < 2000    ? MigrationState::Connecting
                  : t < 80000 ? MigrationState::Copying
                  : t < 86000 ? MigrationState::Verifying
                              : MigrationState::CuttingOver;
        const bool copying = s.state == MigrationState::Copying;
        s.rowsCopied = std::min<quint64>(60000, quint64(std::max<qint64>(0, t - 2000) * 60000 / 78000));
        s.copyPercent = 100.0 * double(s.rowsCopied) / 60000.0;
        s.throttled = (t >= 20000 && t < 26000) || (t >= 50000 && t < 53000);
        s.throttleReason =
            t < 40000 ? u"max-lag-millis: replica lag 1.8 s > 1.2 s"_s : u"throttle flag file"_s;
        s.copyRowsPerSecond = copying && !s.throttled ? 800.0 + double(t % 7000) / 50.0 : 0.0;
        s.applyEventsPerSecond = 40.0 + double(t % 5000) / 200.0;
        s.eventsApplied = quint64(t / 25);
        s.backlog = quint64(t % 9000 / 300);
        s.streamLagMillis = 150 + t % 1100;
        s.replicaLagMillis = s.throttled ? 1800 : 300 + t % 600;
        s.throttledMillis += s.throttled ? 250 : 0;
        s.millisInState[size_t(s.state)] += 250;
        recorder.sample(s);
    }
    MigrationSummary summary;
    summary.rowsCopied = 60000;
    summary.eventsApplied = 3600;
    summary.copyMillis = 78000;
    summary.totalMillis = 90000;
    summary.verified = true;
    summary.verifyResult = u"equal: 60000 rows, checksum 8d3f0a1c"_s;
    summary.verifyMillis = 6000;
    summary.cutOverAttempts = 2;
    summary.cutOverLockMillis = 37;
    summary.cutOverBlockers = {u"session 4711 app@10.0.0.9: idle in transaction for 12 s, holding orders"_s};
    summary.cutOverFailures = {u"could not lock shop.orders within 3 s: other sessions hold it"_s};
    summary.oldTable = u"_orders_del"_s;
    summary.newCreateStatement =
        u"CREATE TABLE `orders` (\n  `id` int NOT NULL,\n  `priority` tinyint NOT NULL "
        "DEFAULT 0,\n  PRIMARY KEY (`id`)\n)"_s;
    recorder.succeeded(summary);
    return recorder.id();
}

struct ParsedPage {
    QHash<QString, QString> byId;
    QStringList images;
    QString error;
};

ParsedPage parse(const QString &html) {
    ParsedPage page;
    QXmlStreamReader xml(html);
    QStringList ids;
    QStringList texts;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ids << xml.attributes().value(u"id"_s).toString();
            texts << QString();
            if (xml.name() == u"img"_s)
                page.images << xml.attributes().value(u"src"_s).toString();
        } else if (xml.isCharacters()) {
            for (QString &text : texts)
                text += xml.text();
        } else if (xml.isEndElement()) {
            const QString id = ids.takeLast(), text = texts.takeLast();
            if (!id.isEmpty())
                page.byId.insert(id, text);
        }
    }
    if (xml.hasError())
        page.error = xml.errorString() + u" at line "_s + QString::number(xml.lineNumber());
    return page;
}

// Share of pixels that are not (nearly) white.
double inkShare(const QImage &image) {
    qint64 ink = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            if (qGray(image.pixel(x, y)) < 235)
                ++ink;
    return double(ink) / double(qMax(1, image.width() * image.height()));
}

int colourCount(const QImage &image) {
    QSet<QRgb> colours;
    for (int y = 0; y < image.height(); y += 2)
        for (int x = 0; x < image.width(); x += 2)
            colours.insert(image.pixel(x, y));
    return int(colours.size());
}
} // namespace

class TestHistoryReport : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"shadowswap-test"_s);
        QCoreApplication::setApplicationName(u"tst_historyreport"_s);
        QVERIFY(m_dir.isValid());
    }

    void detailShowsTheRecordAndExportsHtmlAndPdf() {
        const QString journalPath = m_dir.filePath(u"history.sqlite"_s);
        qputenv("SHADOWSWAP_HISTORY_DB", journalPath.toUtf8());
        qint64 id = 0;
        {
            auto journal = std::make_shared<HistoryJournal>();
            QVERIFY(journal->open(journalPath));
            id = recordMigration(journal);
        }
        QVERIFY(id > 0);

        ui::Session session;
        ui::HistoryPage page(&session);
        page.resize(1100, 500);
        page.show();
        auto *list = child<QTreeWidget>(&page, u"historyList"_s);
        auto *details = child<QPushButton>(&page, u"historyDetailsButton"_s);
        QCOMPARE(list->topLevelItemCount(), 1);
        QVERIFY(!details->isEnabled());
        list->setCurrentItem(list->topLevelItem(0));
        QVERIFY(details->isEnabled());
        QSignalSpy opened(&page, &ui::HistoryPage::detailsOpened);
        details->click();
        QCOMPARE(opened.count(), 1);
        auto *dialog = opened.first().first().value<ui::HistoryDetailDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QCOMPARE(dialog->report().id, id);

        // The charts are the stored samples (90 s every 250 ms), throttled stretches shaded.
        QCOMPARE(dialog->charts()->pointCount(), 361);
        const QString figures = child<QTextBrowser>(dialog, u"figuresText"_s)->toPlainText();
        QVERIFY2(figures.contains(u"equal: 60000 rows, checksum 8d3f0a1c"_s), qPrintable(figures));
        QVERIFY(figures.contains(u"session 4711"_s));
        QVERIFY(figures.contains(u"could not lock shop.orders"_s));
        auto *phases = child<QTreeWidget>(dialog, u"phasesList"_s);
        QCOMPARE(phases->topLevelItemCount(), 4); // connecting, copying, verifying, cutting over
        auto *throttling = child<QTreeWidget>(dialog, u"throttleList"_s);
        QCOMPARE(throttling->topLevelItemCount(), 2);
        QVERIFY(throttling->topLevelItem(0)->text(3).contains(u"replica lag"_s));
        screenshot(dialog, u"historydetail-01-figures"_s);
        auto *tabs = child<QTabWidget>(dialog, u"detailTabs"_s);
        tabs->setCurrentIndex(1);
        screenshot(dialog, u"historydetail-02-phases"_s);
        tabs->setCurrentIndex(2);
        screenshot(dialog, u"historydetail-03-throttling"_s);
        tabs->setCurrentIndex(3);
        const QString ran = dialog->summaryView()->plainText();
        QVERIFY2(ran.contains(u"primary1.example:3306"_s), qPrintable(ran));
        QVERIFY(ran.contains(u"the binlog is read here"_s));
        QVERIFY(ran.contains(u"--chunk-size"_s));
        const QString command = dialog->summaryView()->commandLine();
        QVERIFY(command.startsWith(u"shadowswap-cli"_s));
        QVERIFY(command.contains(u"--alter='ADD COLUMN priority TINYINT NOT NULL DEFAULT 0'"_s));
        QVERIFY(command.contains(u"--max-lag-millis=1200"_s));
        QVERIFY(!command.contains(u"inspector-secret-4711"_s));
        child<QPushButton>(dialog, u"copyCommandLineButton"_s)->click();
        QCOMPARE(QApplication::clipboard()->text(), command);
        screenshot(dialog, u"historydetail-04-what-ran"_s);

        // Export: HTML, then PDF, through the button (the file dialog replaced).
        const QString html = m_dir.filePath(u"report.html"_s), pdf = m_dir.filePath(u"report.pdf"_s);
        QStringList asked;
        QString next = html;
        dialog->setSavePathPrompt([&](const QString &suggested) {
            asked << suggested;
            return next;
        });
        auto *exportButton = child<QPushButton>(dialog, u"exportReportButton"_s);
        QSignalSpy exported(dialog, &ui::HistoryDetailDialog::exported);
        exportButton->click();
        next = pdf;
        exportButton->click();
        QCOMPARE(exported.count(), 2);
        QCOMPARE(asked.first(), u"shadowswap-shop-orders-%1.html"_s.arg(id));
        QVERIFY(child<QLabel>(dialog, u"exportStatus"_s)->text().contains(u"report.pdf"_s));

        QFile file(html);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(file.readAll());
        const ParsedPage parsed = parse(text);
        QVERIFY2(parsed.error.isEmpty(), qPrintable(parsed.error));
        QCOMPARE(parsed.byId.value(u"rows-copied"_s), u"60000"_s);
        QCOMPARE(parsed.byId.value(u"events-applied"_s), u"3600"_s);
        QCOMPARE(parsed.byId.value(u"cut-over-attempts"_s), u"2"_s);
        QCOMPARE(parsed.byId.value(u"cut-over-lock"_s), u"37 ms"_s);
        QCOMPARE(parsed.byId.value(u"verify-result"_s), u"equal: 60000 rows, checksum 8d3f0a1c"_s);
        QCOMPARE(parsed.byId.value(u"throttle-episodes"_s), u"2"_s);
        QCOMPARE(parsed.byId.value(u"duration"_s), u"1m 30s"_s);
        QVERIFY(parsed.byId.value(u"command-line"_s).contains(u"--chunk-size=500"_s));
        QVERIFY(!text.contains(u"inspector-secret-4711"_s));
        QCOMPARE(parsed.images.size(), 4);
        const QString prefix = u"data:image/png;base64,"_s;
        QVERIFY(text.contains(u"<img id=\"chart-0\" src=\""_s + prefix));
        for (const QString &source : parsed.images) {
            QVERIFY(source.startsWith(prefix));
            const QImage chart =
                QImage::fromData(QByteArray::fromBase64(source.mid(prefix.size()).toLatin1()), "PNG");
            QVERIFY(!chart.isNull());
            QCOMPARE(chart.size(), QSize(1440, 500));
            QVERIFY2(colourCount(chart) > 20,
                     qPrintable(QString::number(colourCount(chart)))); // lines, not a blank
        }
        const QString shots =
            qEnvironmentVariable("SHADOWSWAP_BUILD_DIR", QDir::tempPath()) + u"/screenshots"_s;
        QDir().mkpath(shots);
        QImage::fromData(QByteArray::fromBase64(parsed.images.first().mid(prefix.size()).toLatin1()), "PNG")
            .save(shots + u"/historyreport-chart-progress.png"_s);

        // The PDF's first page, rendered by poppler (an independent reader), has ink; its text has the
        // figures.
        QVERIFY(QFileInfo(pdf).size() > 1000);
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        const QString pdftoppm = QStandardPaths::findExecutable(u"pdftoppm"_s);
        QVERIFY2(!pdftoppm.isEmpty(), "pdftoppm (poppler-utils) is missing: run scripts/bootstrap");
        const QString pageImage = m_dir.filePath(u"page1"_s);
        QCOMPARE(QProcess::execute(pdftoppm, {u"-png"_s, u"-r"_s, u"60"_s, u"-f"_s, u"1"_s, u"-l"_s, u"1"_s,
                                              u"-singlefile"_s, pdf, pageImage}),
                 0);
        const QImage first(pageImage + u".png"_s);
        QVERIFY(!first.isNull());
        const double ink = inkShare(first);
        QVERIFY2(ink > 0.03, qPrintable(QString::number(ink)));
        first.save(shots + u"/historyreport-pdf-page1.png"_s);
        QProcess pages;
        pages.start(pdftoppm, {u"-png"_s, u"-r"_s, u"60"_s, pdf, m_dir.filePath(u"page"_s)});
        QVERIFY(pages.waitForFinished(60000));
        for (const QString &name : QDir(m_dir.path()).entryList({u"page-*.png"_s}))
            QFile::copy(m_dir.filePath(name), shots + u"/historyreport-pdf-"_s + name);
        QProcess pdftotext;
        pdftotext.start(QStandardPaths::findExecutable(u"pdftotext"_s), {u"-layout"_s, pdf, u"-"_s});
        QVERIFY(pdftotext.waitForFinished(30000));
        const QString pdfText = QString::fromUtf8(pdftotext.readAllStandardOutput());
        QVERIFY2(pdfText.contains(u"Migration report #%1: shop.orders"_s.arg(id)),
                 qPrintable(pdfText.left(400)));
        QVERIFY(pdfText.contains(u"8d3f0a1c"_s)); // the verification's checksum (its cell may wrap)
        QVERIFY(pdfText.contains(u"session 4711"_s));
        QVERIFY(!pdfText.contains(u"inspector-secret-4711"_s));
        dialog->close();
    }

    void doubleClickOpensTheDetailAndAMissingIdNothing() {
        const QString journalPath = m_dir.filePath(u"history2.sqlite"_s);
        qputenv("SHADOWSWAP_HISTORY_DB", journalPath.toUtf8());
        {
            auto journal = std::make_shared<HistoryJournal>();
            QVERIFY(journal->open(journalPath));
            MigrationSpec spec = exampleSpec();
            MigrationRecorder(journal, spec)
                .failed(MigrationFailure{u"hook-failed"_s, u"the hook said no"_s, {}, 0, true});
        }
        ui::Session session;
        ui::HistoryPage page(&session);
        page.show();
        auto *list = child<QTreeWidget>(&page, u"historyList"_s);
        QSignalSpy opened(&page, &ui::HistoryPage::detailsOpened);
        Q_EMIT list->itemDoubleClicked(list->topLevelItem(0), 0);
        QCOMPARE(opened.count(), 1);
        auto *dialog = opened.first().first().value<ui::HistoryDetailDialog *>();
        QVERIFY(child<QTextBrowser>(dialog, u"figuresText"_s)->toPlainText().contains(u"the hook said no"_s));
        QCOMPARE(dialog->charts()->pointCount(), 0);
        QVERIFY(!page.openDetails(9999));
        dialog->close();
    }
};

QTEST_MAIN(TestHistoryReport)
#include "tst_historyreport.moc"
