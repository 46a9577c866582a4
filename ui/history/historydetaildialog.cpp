#include "historydetaildialog.h"

#include "monitorcharts.h"
#include "reportwriter.h"
#include "runsummaryview.h"
#include "statestrip.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using engine::history::Outcome;
using engine::migration::MigrationState;

namespace ui {

namespace {
QString stateText(const QString &id) {
    for (int i = 0; i < engine::migration::migrationStateCount; ++i)
        if (engine::migration::stateName(static_cast<MigrationState>(i)) == id)
            return StateStrip::stateText(static_cast<MigrationState>(i));
    return id;
}

// Sub-second precision where it matters (lock time, lag); StateStrip's whole seconds beyond a minute.
QString millisText(qint64 millis)
{
    const QLocale locale;
    if (millis < 1000)
        return HistoryDetailDialog::tr("%1 ms").arg(locale.toString(millis));
    if (millis < 60000)
        return HistoryDetailDialog::tr("%1 s").arg(locale.toString(double(millis) / 1000.0, 'f', 1));
    return StateStrip::duration(millis);
}

QString offset(qint64 millis) {
    return millis < 0 ? u"—"_s : u"+"_s + StateStrip::duration(millis);
}

QString outcomeText(const engine::report::MigrationReport &r) {
    switch (r.outcome) {
    case Outcome::Running:
        return HistoryDetailDialog::tr("no end recorded (running, or the process died)");
    case Outcome::Succeeded:
        if (r.dryRun)
            return HistoryDetailDialog::tr("dry run passed");
        return r.reverted ? HistoryDetailDialog::tr("done, then reverted in the revert window")
                          : HistoryDetailDialog::tr("done");
    case Outcome::Failed:
        return HistoryDetailDialog::tr("failed");
    case Outcome::Aborted:
        return HistoryDetailDialog::tr("aborted");
    case Outcome::Interrupted:
        return HistoryDetailDialog::tr("interrupted");
    }
    return {};
}

QString row(const QString &label, const QString &value) {
    return u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(), value.toHtmlEscaped());
}
} // namespace

HistoryDetailDialog::HistoryDetailDialog(engine::report::MigrationReport report, QWidget *parent)
    : QDialog(parent)
    , m_report(std::move(report))
    , m_header(new QLabel(this))
    , m_charts(new MonitorCharts(this))
    , m_tabs(new QTabWidget(this))
    , m_figures(new QTextBrowser(this))
    , m_phases(new QTreeWidget(this))
    , m_throttleNote(new QLabel(this))
    , m_throttling(new QTreeWidget(this))
    , m_summary(new RunSummaryView(this))
    , m_status(new QLabel(this))
    , m_export(new QPushButton(tr("&Export report…"), this))
    , m_prompt([this](const QString &suggested) {
        return QFileDialog::getSaveFileName(this, tr("Export report"), QDir::home().filePath(suggested),
                                            tr("HTML report (*.html);;PDF report (*.pdf)"));
    }) {
    setObjectName(u"historyDetailDialog"_s);
    m_header->setObjectName(u"detailHeader"_s);
    m_tabs->setObjectName(u"detailTabs"_s);
    m_figures->setObjectName(u"figuresText"_s);
    m_phases->setObjectName(u"phasesList"_s);
    m_throttling->setObjectName(u"throttleList"_s);
    m_status->setObjectName(u"exportStatus"_s);
    m_export->setObjectName(u"exportReportButton"_s);
    setWindowTitle(tr("Migration #%1: %2.%3")
                       .arg(QString::number(m_report.id), m_report.summary.database, m_report.summary.table));
    m_header->setWordWrap(true);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QLocale locale;
    const auto when = [&locale](const QDateTime &t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : u"—"_s;
    };
    m_header->setText(
        tr("<b>%1.%2</b>: %3<br>Started %4, ended %5, took %6. Inspected server: %7.")
            .arg(m_report.summary.database.toHtmlEscaped(), m_report.summary.table.toHtmlEscaped(),
                 outcomeText(m_report).toHtmlEscaped(), when(m_report.startedAt), when(m_report.endedAt),
                 StateStrip::duration(m_report.elapsedMillis), m_report.inspectedEndpoint.toHtmlEscaped()));

    m_charts->setMaxLagMillis(m_report.maxLagMillis);
    m_charts->addSamples(m_report.samples, m_report.throttleEpisodes);

    fillFigures();
    fillPhases();
    fillThrottling();
    m_summary->setSummary(m_report.summary);
    auto *throttlePage = new QWidget(this);
    auto *throttleLayout = new QVBoxLayout(throttlePage);
    throttleLayout->addWidget(m_throttleNote);
    throttleLayout->addWidget(m_throttling, 1);
    m_tabs->addTab(m_figures, tr("Outcome and figures"));
    m_tabs->addTab(m_phases, tr("Phases"));
    m_tabs->addTab(throttlePage, tr("Throttling"));
    m_tabs->addTab(m_summary, tr("What ran"));

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(m_charts);
    splitter->addWidget(m_tabs);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_export, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_export, &QPushButton::clicked, this, &HistoryDetailDialog::exportReport);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(splitter, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(1200, 760);
}

void HistoryDetailDialog::fillFigures() {
    const auto &r = m_report;
    const QLocale locale;
    QString html = u"<h3>"_s + tr("Outcome") + u"</h3><table cellpadding=\"3\">"_s;
    html += row(tr("Outcome"), outcomeText(r));
    if (r.outcome == Outcome::Failed || r.outcome == Outcome::Aborted || r.outcome == Outcome::Interrupted) {
        html += row(tr("Why"), u"[%1] %2"_s.arg(r.failure.code, r.failure.message));
        html +=
            row(tr("Original table"), r.failure.originalUntouched ? tr("untouched") : tr("already swapped"));
    }
    html += u"</table><h3>"_s + tr("Verification") + u"</h3><table cellpadding=\"3\">"_s;
    html += row(tr("Checksum of original against ghost"), !r.verifyEnabled ? tr("disabled")
                                                          : r.verified     ? tr("done")
                                                                           : tr("not done"));
    if (!r.verifyResult.isEmpty())
        html += row(tr("Result"), r.verifyResult);
    html += row(tr("Time"), millisText(r.verifyMillis));
    html += u"</table><h3>"_s + tr("Cut-over") + u"</h3><table cellpadding=\"3\">"_s;
    html += row(tr("Type"), r.cutOverType);
    html += row(tr("Attempts"), QString::number(r.cutOverAttempts));
    html += row(tr("Application writes waited"), millisText(r.cutOverLockMillis));
    for (qsizetype i = 0; i < r.cutOverFailures.size(); ++i)
        html += row(tr("Attempt %1 failed").arg(i + 1), r.cutOverFailures[i]);
    for (const QString &blocker : r.cutOverBlockers)
        html += row(tr("Blocked by"), blocker);
    html += u"</table><h3>"_s + tr("Figures") + u"</h3><table cellpadding=\"3\">"_s;
    html += row(tr("Rows copied"), locale.toString(static_cast<qulonglong>(r.rowsCopied)));
    html += row(tr("Binlog changes applied"), locale.toString(static_cast<qulonglong>(r.eventsApplied)));
    html += row(tr("Copy time"), StateStrip::duration(r.copyMillis));
    html += row(tr("Average copy rate"), tr("%1 rows/s").arg(locale.toString(qRound64(r.averageCopyRate()))));
    html += row(tr("Total time"), StateStrip::duration(r.totalMillis));
    html += row(tr("Peak binlog stream lag"),
                r.peakStreamLagMillis < 0 ? tr("not measured") : millisText(r.peakStreamLagMillis));
    html +=
        row(tr("Peak replica lag"),
            r.peakReplicaLagMillis < 0 ? tr("not measured") : millisText(r.peakReplicaLagMillis));
    html += row(tr("Peak backlog"), locale.toString(static_cast<qulonglong>(r.peakBacklog)));
    html += row(tr("Old table"), r.oldTable.isEmpty() ? tr("dropped or none") : r.oldTable);
    html += u"</table>"_s;
    m_figures->setHtml(html);
}

void HistoryDetailDialog::fillPhases() {
    m_phases->setHeaderLabels({tr("Phase"), tr("From"), tr("To"), tr("Time in phase")});
    m_phases->setRootIsDecorated(false);
    QHash<QString, qint64> totals;
    for (const auto &total : m_report.phaseTotals)
        totals.insert(total.state, total.millis);
    QSet<QString> shown;
    for (const auto &phase : m_report.timeline) {
        // A phase entered twice (a resumed copy) shows its total once, on its first line.
        const QString total = shown.contains(phase.state) || !totals.contains(phase.state)
                                  ? QString()
                                  : StateStrip::duration(totals.value(phase.state));
        shown.insert(phase.state);
        new QTreeWidgetItem(
            m_phases, {stateText(phase.state), offset(phase.fromMillis), offset(phase.toMillis), total});
    }
    for (const auto &total : m_report.phaseTotals)
        if (!shown.contains(total.state)) // no sample in it (short, or an old journal without samples)
            new QTreeWidgetItem(m_phases,
                                {stateText(total.state), u"—"_s, u"—"_s, StateStrip::duration(total.millis)});
    for (int column = 0; column < 4; ++column)
        m_phases->resizeColumnToContents(column);
}

void HistoryDetailDialog::fillThrottling() {
    m_throttling->setHeaderLabels({tr("From"), tr("To"), tr("Length"), tr("Reason")});
    m_throttling->setRootIsDecorated(false);
    for (const auto &episode : m_report.throttleEpisodes)
        new QTreeWidgetItem(m_throttling, {offset(episode.fromMillis), offset(episode.toMillis),
                                           StateStrip::duration(episode.toMillis - episode.fromMillis),
                                           episode.reason.isEmpty() ? tr("(not recorded)") : episode.reason});
    QString note = tr("Throttled for %1 in %n episode(s).", nullptr, int(m_report.throttleEpisodes.size()))
                       .arg(StateStrip::duration(m_report.throttledMillis));
    if (m_report.throttleFromSamples)
        note += u' ' + tr("Derived from the samples (this run was recorded before episodes were): shorter "
                          "episodes may be missing.");
    m_throttleNote->setText(note);
    m_throttleNote->setWordWrap(true);
    for (int column = 0; column < 3; ++column)
        m_throttling->resizeColumnToContents(column);
}

bool HistoryDetailDialog::exportTo(const QString &path, QString *error) {
    if (!ReportWriter::writeMigrationReport(m_report, path, error))
        return false;
    m_status->setText(tr("Report written to %1").arg(QDir::toNativeSeparators(path)));
    Q_EMIT exported(path);
    return true;
}

void HistoryDetailDialog::exportReport() {
    const QString suggested = u"shadowswap-%1-%2-%3.html"_s.arg(
        m_report.summary.database, m_report.summary.table, QString::number(m_report.id));
    const QString path = m_prompt(suggested);
    if (path.isEmpty())
        return;
    if (QString error; !exportTo(path, &error))
        QMessageBox::warning(this, tr("Export report"), tr("The report could not be written: %1").arg(error));
}

} // namespace ui
