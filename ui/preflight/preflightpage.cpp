#include "preflightpage.h"

#include "backgroundtask.h"
#include "preflightmodel.h"
#include "reportwriter.h"
#include "session.h"

#include <migration/preflightgate.h>
#include <preflight/preflightrunner.h>

#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using engine::preflight::PreflightReport;
using engine::preflight::Severity;

namespace ui {

PreflightPage::PreflightPage(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_model(new PreflightModel(this))
    , m_header(new QLabel(this))
    , m_summary(new QLabel(this))
    , m_view(new QTableView(this))
    , m_detail(new QTextBrowser(this))
    , m_runButton(new QPushButton(tr("&Run preflight"), this))
    , m_copyButton(new QPushButton(tr("&Copy fix SQL"), this))
    , m_overrideButton(new QPushButton(tr("&Override this blocker…"), this))
    , m_exportButton(new QPushButton(tr("&Export report…"), this))
    , m_confirm([this](const QString &title, const QString &text) {
        return QMessageBox::warning(this, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    })
    , m_savePrompt([this](const QString &suggested) {
        return QFileDialog::getSaveFileName(this, tr("Export preflight report"), QDir::home().filePath(suggested),
                                            tr("HTML report (*.html);;PDF report (*.pdf)"));
    })
{
    setObjectName(u"preflightPage"_s);
    m_view->setObjectName(u"findingsView"_s);
    m_detail->setObjectName(u"findingDetail"_s);
    m_runButton->setObjectName(u"runPreflightButton"_s);
    m_copyButton->setObjectName(u"copyFixButton"_s);
    m_overrideButton->setObjectName(u"overrideButton"_s);
    m_exportButton->setObjectName(u"exportPreflightButton"_s);
    m_exportButton->setEnabled(false);
    m_exportButton->setToolTip(tr("Write this report as an HTML or PDF file, for a change request."));
    m_summary->setObjectName(u"preflightSummary"_s);

    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(PreflightModel::FindingColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(PreflightModel::FixColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(PreflightModel::SeverityColumn, 120);
    m_view->setColumnWidth(PreflightModel::CheckColumn, 170);
    m_detail->setPlaceholderText(tr("Select a finding to see its evidence and the suggested fix."));
    m_summary->setWordWrap(true);
    m_copyButton->setEnabled(false);
    m_overrideButton->setEnabled(false);
    m_overrideButton->setToolTip(tr("Let the migration start despite this blocking finding. You are asked to confirm."));

    QFont headerFont = m_header->font();
    headerFont.setBold(true);
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.2);
    m_header->setFont(headerFont);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_runButton);
    buttons->addStretch(1);
    buttons->addWidget(m_copyButton);
    buttons->addWidget(m_overrideButton);
    buttons->addWidget(m_exportButton);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_view);
    splitter->addWidget(m_detail);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(m_summary);
    layout->addLayout(buttons);
    layout->addWidget(splitter, 1);

    connect(m_runButton, &QPushButton::clicked, this, &PreflightPage::run);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &PreflightPage::showSelected);
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        if (const auto *f = m_model->finding(m_view->currentIndex().row()))
            QApplication::clipboard()->setText(f->fix);
    });
    connect(m_overrideButton, &QPushButton::clicked, this, &PreflightPage::overrideSelected);
    connect(m_exportButton, &QPushButton::clicked, this, [this] {
        if (!m_shown)
            return;
        const QString path = m_savePrompt(
            u"shadowswap-preflight-%1-%2.html"_s.arg(m_shown->target.database, m_shown->target.table));
        if (path.isEmpty())
            return;
        if (QString error; !exportTo(path, &error))
            QMessageBox::warning(this, tr("Export report"), tr("The report could not be written: %1").arg(error));
    });
    connect(m_session, &Session::targetChanged, this, &PreflightPage::updateHeader);
    updateHeader();
}

PreflightPage::~PreflightPage()
{
    if (m_cancel)
        *m_cancel = true;
}

void PreflightPage::updateHeader()
{
    const bool haveTable = m_session->isConnected() && !m_session->table().isEmpty();
    m_header->setText(haveTable ? tr("Preflight for %1.%2").arg(m_session->database(), m_session->table())
                                : tr("Preflight"));
    m_runButton->setEnabled(haveTable && !isRunning());
    if (!haveTable && !isRunning())
        m_summary->setText(tr("Connect and pick a table (New migration) to check whether it can be migrated."));
}

void PreflightPage::run()
{
    if (!m_session->isConnected() || m_session->table().isEmpty())
        return;
    if (m_cancel)
        *m_cancel = true; // the old run's result is dropped by the generation check
    engine::migration::MigrationSpec spec;
    if (m_specSource)
        spec = m_specSource();
    spec.inspector = m_session->settings();
    spec.allowOnMaster = m_session->profile().readPrimaryBinlog;
    spec.database = m_session->database();
    spec.table = m_session->table();
    spec.alter = m_session->alter();
    const engine::preflight::PreflightRequest request = engine::migration::preflightRequestFor(spec);
    auto cancel = std::make_shared<std::atomic<bool>>(false);
    m_cancel = cancel;
    const int generation = ++m_generation;
    m_runButton->setEnabled(false);
    m_summary->setText(tr("Running preflight checks on %1…").arg(request.inspected.describe()));
    runInBackground<PreflightReport>(
        this, [request, cancel] { return engine::preflight::runPreflight(request, cancel.get()); },
        [this, generation](const PreflightReport &report) {
            if (generation != m_generation)
                return;
            m_cancel.reset();
            m_runButton->setEnabled(true);
            m_session->setPreflightReport(report);
            showReport(report);
            Q_EMIT finished(report);
        });
}

bool PreflightPage::exportTo(const QString &path, QString *error)
{
    if (!m_shown) {
        *error = tr("no preflight report yet");
        return false;
    }
    return ReportWriter::writePreflightReport(*m_shown, m_session->overriddenFindings(), path, error);
}

void PreflightPage::showReport(const PreflightReport &report)
{
    m_shown = report;
    m_exportButton->setEnabled(true);
    m_model->resetData(report);
    if (!report.ran()) {
        m_summary->setText(tr("<b>Preflight could not run:</b> %1").arg(report.failure.toHtmlEscaped()));
        return;
    }
    int counts[3] = {0, 0, 0};
    for (const auto &f : report.findings)
        ++counts[int(f.severity)];
    QString text = tr("%n blocking, ", nullptr, counts[2]) + tr("%n warning(s), ", nullptr, counts[1])
        + tr("%n OK.", nullptr, counts[0]);
    text += counts[2] > 0 ? tr(" The migration cannot start until each blocker is fixed or overridden.")
                          : tr(" Nothing blocks the migration.");
    m_summary->setText(text);
    if (m_model->rowCount() > 0)
        m_view->selectRow(0);
}

void PreflightPage::showSelected()
{
    const auto *f = m_model->finding(m_view->currentIndex().row());
    m_copyButton->setEnabled(f && !f->fix.isEmpty());
    m_overrideButton->setEnabled(f && f->severity == Severity::Block
                                 && !m_session->overriddenFindings().contains(f->id, Qt::CaseInsensitive));
    if (!f) {
        m_detail->clear();
        return;
    }
    QString html = u"<h3>%1</h3><p><i>%2 · %3</i></p>"_s.arg(f->title.toHtmlEscaped(),
                                                             PreflightModel::severityText(f->severity), f->id);
    if (!f->detail.isEmpty())
        html += u"<p><b>"_s + tr("Evidence") + u"</b></p><pre>"_s + f->detail.toHtmlEscaped() + u"</pre>"_s;
    if (!f->fix.isEmpty())
        html += u"<p><b>"_s + tr("Fix") + u"</b></p><pre>"_s + f->fix.toHtmlEscaped() + u"</pre>"_s;
    m_detail->setHtml(html);
}

bool PreflightPage::selectFinding(const QString &id)
{
    for (int row = 0; row < m_model->rowCount(); ++row)
        if (const auto *f = m_model->finding(row); f && f->id == id) {
            m_view->selectRow(row);
            return true;
        }
    return false;
}

void PreflightPage::overrideSelected()
{
    const auto *f = m_model->finding(m_view->currentIndex().row());
    if (!f || f->severity != Severity::Block)
        return;
    if (!m_confirm(tr("Override a blocking finding"),
                   tr("<p><b>%1</b></p><p>%2</p><p>Start the migration anyway? Shadowswap still stops safely if the "
                      "problem breaks the copy, and the original table stays untouched until the cut-over.</p>")
                       .arg(f->title.toHtmlEscaped(), f->detail.toHtmlEscaped().replace(u'\n', u"<br>"_s))))
        return;
    QStringList ids = m_session->overriddenFindings();
    ids << f->id;
    m_session->setOverriddenFindings(ids);
    m_model->setOverridden(ids);
    showSelected();
}

} // namespace ui
