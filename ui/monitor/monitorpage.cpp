#include "monitorpage.h"

#include "backgroundtask.h"
#include "cutoverwindowpanel.h"
#include "lagtext.h"
#include "logmodel.h"
#include "monitorcharts.h"
#include "revertwindowpanel.h"
#include "session.h"
#include "statestrip.h"

#include <cutover/lockblockers.h>
#include <mysql/connection.h>

#include <QApplication>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace engine::migration;

namespace ui {

namespace {
// Red that reads on light and dark backgrounds alike.
QColor throttleColour()
{
    return QApplication::palette().color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x8a, 0x80)
                                                                          : QColor(0xd9, 0x30, 0x25);
}
} // namespace

MonitorPage::MonitorPage(Session *session, LogModel *log, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_strip(new StateStrip(this))
    , m_title(new QLabel(tr("No migration is running. Start one from \"New migration\"."), this))
    , m_figures(new QLabel(this))
    , m_result(new QLabel(this))
    , m_charts(new MonitorCharts(this))
    , m_throttle(new QPushButton(tr("&Throttle"), this))
    , m_postpone(new QPushButton(tr("&Postpone cut-over"), this))
    , m_cutOver(new QPushButton(tr("&Cut over now…"), this))
    , m_abort(new QPushButton(tr("&Abort…"), this))
    , m_revertWindow(new RevertWindowPanel(this))
    , m_cutOverWindow(new CutOverWindowPanel(this))
    , m_chunkTarget(new QSpinBox(this))
    , m_maxLag(new QSpinBox(this))
    , m_nice(new QDoubleSpinBox(this))
    , m_logLevel(new QComboBox(this))
    , m_logView(new QListView(this))
    , m_logFilter(new LogFilterModel(this))
    , m_confirm([this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel)
            == QMessageBox::Yes;
    })
{
    setObjectName(u"monitorPage"_s);
    m_strip->setObjectName(u"stateStrip"_s);
    m_figures->setObjectName(u"figuresLabel"_s);
    m_result->setObjectName(u"resultLabel"_s);
    m_throttle->setObjectName(u"throttleButton"_s);
    m_postpone->setObjectName(u"postponeButton"_s);
    m_cutOver->setObjectName(u"cutOverButton"_s);
    m_abort->setObjectName(u"abortButton"_s);
    m_chunkTarget->setObjectName(u"chunkTargetSpin"_s);
    m_maxLag->setObjectName(u"liveMaxLagSpin"_s);
    m_nice->setObjectName(u"niceSpin"_s);
    m_logLevel->setObjectName(u"logLevelCombo"_s);
    m_logView->setObjectName(u"logView"_s);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_figures->setTextFormat(Qt::RichText);
    // Long names, ALTERs and figures wrap instead of widening the window.
    m_figures->setWordWrap(true);
    m_title->setWordWrap(true);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_throttle->setCheckable(true);
    m_throttle->setToolTip(tr("Pause copying rows and applying changes (as gh-ost does). The binlog is still read "
                              "and the changed keys queue up, so nothing is lost; they are applied on Resume."));
    m_postpone->setCheckable(true);
    m_postpone->setToolTip(tr("Hold the table swap back: after copying, the migration waits (and keeps applying "
                              "changes) until you allow it."));
    m_cutOver->setToolTip(tr("Swap the tables as soon as the copy is complete, even when the cut-over is postponed."));
    m_abort->setToolTip(tr("Stop and remove the helper tables. The original table is not touched."));

    m_chunkTarget->setRange(10, 60000);
    m_chunkTarget->setValue(500);
    m_chunkTarget->setSuffix(tr(" ms"));
    m_chunkTarget->setToolTip(tr("How long one copy chunk should take; the chunk size adapts to it."));
    m_maxLag->setRange(100, 3600000);
    m_maxLag->setSingleStep(500);
    m_maxLag->setValue(1500);
    m_maxLag->setSuffix(tr(" ms"));
    m_maxLag->setToolTip(tr("Copying pauses while the lag is above this."));
    m_nice->setRange(0, 10);
    m_nice->setSingleStep(0.1);
    m_nice->setDecimals(2);
    m_nice->setToolTip(tr("Sleep this fraction of each chunk's copy time after it (0.5: copy 1 s, rest 0.5 s)."));

    for (int level : {1, 2, 3, 4})
        m_logLevel->addItem(LogModel::levelName(level), level);
    m_logLevel->setCurrentIndex(1);
    m_logFilter->setSourceModel(log);
    m_logView->setModel(m_logFilter);
    m_logView->setUniformItemSizes(true);
    m_logView->setFont(QFont(u"monospace"_s, font().pointSize()));

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_throttle);
    controls->addWidget(m_postpone);
    controls->addWidget(m_cutOver);
    controls->addStretch(1);
    controls->addWidget(m_abort);

    auto *live = new QGroupBox(tr("Live settings"), this);
    auto *liveForm = new QFormLayout(live);
    liveForm->addRow(tr("Chunk target:"), m_chunkTarget);
    liveForm->addRow(tr("Max lag:"), m_maxLag);
    liveForm->addRow(tr("Nice ratio:"), m_nice);

    auto *logBox = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logBox);
    logLayout->setContentsMargins(0, 0, 0, 0);
    auto *logHeader = new QHBoxLayout;
    logHeader->addWidget(new QLabel(tr("Log"), logBox));
    logHeader->addStretch(1);
    logHeader->addWidget(new QLabel(tr("Show from:"), logBox));
    logHeader->addWidget(m_logLevel);
    logLayout->addLayout(logHeader);
    logLayout->addWidget(m_logView);

    auto *bottom = new QSplitter(Qt::Horizontal, this);
    auto *liveBox = new QWidget(this);
    auto *liveLayout = new QVBoxLayout(liveBox);
    liveLayout->setContentsMargins(0, 0, 0, 0);
    liveLayout->addWidget(live);
    liveLayout->addStretch(1);
    bottom->addWidget(liveBox);
    bottom->addWidget(logBox);
    bottom->setStretchFactor(1, 3);

    auto *vertical = new QSplitter(Qt::Vertical, this);
    vertical->addWidget(m_cutOverWindow);
    vertical->addWidget(m_charts);
    vertical->addWidget(bottom);
    vertical->setStretchFactor(0, 2);
    vertical->setStretchFactor(1, 3);
    vertical->setStretchFactor(2, 1);
    m_cutOverWindow->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_strip);
    layout->addWidget(m_figures);
    layout->addLayout(controls);
    layout->addWidget(m_revertWindow);
    layout->addWidget(m_result);
    layout->addWidget(vertical, 1);

    MigrationController *c = m_session->controller();
    connect(m_session, &Session::migrationStarted, this, &MonitorPage::onStarted);
    connect(m_session, &Session::cutOverPostponedChanged, this, &MonitorPage::updatePostponeButton);
    connect(c, &MigrationController::progressed, this, &MonitorPage::onSnapshot);
    connect(c, &MigrationController::finished, this, &MonitorPage::onFinished);
    connect(c, &MigrationController::failed, this, &MonitorPage::onFailed);
    connect(m_throttle, &QPushButton::toggled, this, [this, c](bool on) {
        c->setThrottled(on);
        m_throttle->setText(on ? tr("&Resume") : tr("&Throttle"));
    });
    connect(m_postpone, &QPushButton::clicked, this,
            [this](bool on) { m_session->setCutOverPostponed(on); });
    connect(m_cutOver, &QPushButton::clicked, this, &MonitorPage::confirmCutOver);
    connect(m_abort, &QPushButton::clicked, this, &MonitorPage::confirmAbort);
    m_revertWindow->setConfirmHandler(
        [this](const QString &title, const QString &text) { return m_confirm(title, text); });
    connect(m_revertWindow, &RevertWindowPanel::revertRequested, c, &MigrationController::requestRevert);
    connect(m_revertWindow, &RevertWindowPanel::closeRequested, c, &MigrationController::closeRevertWindow);
    connect(m_chunkTarget, &QSpinBox::valueChanged, this, [c](int v) { c->setChunkTargetMillis(v); });
    connect(m_maxLag, &QSpinBox::valueChanged, this, [this, c](int v) {
        c->setMaxLagMillis(v);
        m_charts->setMaxLagMillis(v);
    });
    connect(m_nice, &QDoubleSpinBox::valueChanged, this, [c](double v) { c->setNiceRatio(v); });
    connect(m_logLevel, &QComboBox::currentIndexChanged, this,
            [this] { m_logFilter->setMinimumLevel(m_logLevel->currentData().toInt()); });
    connect(m_logFilter, &QAbstractItemModel::rowsInserted, m_logView, &QListView::scrollToBottom);
    setControlsEnabled(false);
}

void MonitorPage::setControlsEnabled(bool running)
{
    for (QWidget *w : std::initializer_list<QWidget *>{m_throttle, m_postpone, m_cutOver, m_abort, m_chunkTarget,
                                                       m_maxLag, m_nice})
        w->setEnabled(running);
}

void MonitorPage::updatePostponeButton()
{
    const bool postponed = m_session->isCutOverPostponed();
    const QSignalBlocker blocker(m_postpone);
    m_postpone->setChecked(postponed);
    m_postpone->setText(postponed ? tr("&Allow cut-over") : tr("&Postpone cut-over"));
}

void MonitorPage::onStarted(const MigrationSpec &spec)
{
    m_charts->clear();
    m_strip->clear();
    m_result->clear();
    m_revertWindow->reset();
    m_revertWindow->setTable(spec.database, spec.table);
    m_cutOverWindow->setTarget(CutOverWindowPanel::primaryOf(*m_session), spec.database, spec.table,
                               CutOverWindowPanel::replicasOf(*m_session));
    m_cutOverWindow->setCutOverAttempts({});
    m_cutOverWindow->hide();
    m_title->setText(tr("Migrating %1.%2: ALTER TABLE … %3").arg(spec.database, spec.table, spec.alter.simplified()));
    {
        const QSignalBlocker b1(m_chunkTarget), b2(m_maxLag), b3(m_nice), b4(m_throttle);
        m_chunkTarget->setValue(int(spec.chunkTargetMillis));
        m_maxLag->setValue(int(spec.maxLagMillis));
        m_nice->setValue(spec.niceRatio);
        m_throttle->setChecked(false);
        m_throttle->setText(tr("&Throttle"));
    }
    m_charts->setMaxLagMillis(spec.maxLagMillis);
    updatePostponeButton();
    setControlsEnabled(true);
}

void MonitorPage::onSnapshot(const ProgressSnapshot &snapshot)
{
    // The engine smooths the copy rate over ~10 s; once the copy is over it is simply zero.
    ProgressSnapshot s = snapshot;
    if (s.state > MigrationState::Copying)
        s.copyRowsPerSecond = 0;
    m_strip->setSnapshot(s);
    m_charts->addSnapshot(s);
    m_revertWindow->setSnapshot(s);
    updateCutOverWindow(s);
    updatePostponeButton(); // the DBA may also delete the flag file by hand
    if (s.state == MigrationState::RevertWindow) {
        // Swapped: postponing, cutting over or aborting (dropping the helper tables) no longer apply.
        for (QWidget *w : std::initializer_list<QWidget *>{m_postpone, m_cutOver, m_abort})
            w->setEnabled(false);
    }
    const QLocale locale;
    QString figures = tr("<b>%1</b> · %2 of %3 rows (%4%) · copy %5 rows/s · apply %6 events/s · "
                         "lag %7 (stream) / %8 · backlog %9")
                          .arg(StateStrip::stateText(s.state).toHtmlEscaped(), locale.toString(s.rowsCopied),
                               locale.toString(s.rowsEstimate), QString::number(s.copyPercent, 'f', 1),
                               locale.toString(qRound64(s.copyRowsPerSecond)),
                               locale.toString(qRound64(s.applyEventsPerSecond)),
                               LagText::seconds(s.streamLagMillis), LagText::replicas(s).toHtmlEscaped(),
                               locale.toString(s.backlog));
    if (s.throttled) {
        // The engine's reasons mostly say "throttled …" themselves.
        const QString reason = s.throttleReason.startsWith(u"throttled"_s, Qt::CaseInsensitive)
            ? s.throttleReason
            : tr("throttled: %1").arg(s.throttleReason);
        figures += u" · <span style=\"color:%1\"><b>"_s.arg(throttleColour().name()) + reason.toHtmlEscaped()
            + u"</b></span>"_s;
    }
    if (!s.activity.isEmpty())
        figures += u" · "_s + s.activity.toHtmlEscaped();
    if (!s.pacing.isEmpty() && !s.throttled)
        figures += u" · "_s + s.pacing.toHtmlEscaped();
    m_figures->setText(figures);
    m_figures->setToolTip(LagText::replicaErrors(s));
}

void MonitorPage::updateCutOverWindow(const ProgressSnapshot &s)
{
    // While the swap waits for the DBA (postponed), while the verification takes its brief lock on the table (a
    // session holding the table makes it wait too), and while the swap is attempted.
    const bool shown = m_session->isMigrating()
        && (s.state == MigrationState::Postponed || s.state == MigrationState::Verifying
            || s.state == MigrationState::CuttingOver);
    m_cutOverWindow->setCutOverAttempts(s.cutOverAttempts);
    if (shown && !m_cutOverWindow->isStarted())
        m_cutOverWindow->start();
    else if (!shown && m_cutOverWindow->isStarted())
        m_cutOverWindow->stop();
    m_cutOverWindow->setVisible(shown);
}

void MonitorPage::onFinished(const MigrationSummary &summary)
{
    setControlsEnabled(false);
    m_cutOverWindow->stop();
    m_cutOverWindow->hide();
    updatePostponeButton();
    m_revertWindow->reset();
    if (summary.reverted) {
        m_result->setText(tr("<b>Reverted.</b> %1 has its old schema again, with every write made since the "
                             "cut-over. The table with the new schema is kept as %2.")
                              .arg(summary.table.toHtmlEscaped(), summary.oldTable.toHtmlEscaped()));
        return;
    }
    m_result->setText(
        tr("<b>Done.</b> %1 rows copied, %2 changes applied in %3; the swap blocked writes for %4 ms. %5")
            .arg(QLocale().toString(summary.rowsCopied), QLocale().toString(summary.eventsApplied),
                 StateStrip::duration(summary.totalMillis))
            .arg(summary.cutOverLockMillis)
            .arg(summary.oldTable.isEmpty() ? tr("The old table was dropped.")
                                            : tr("The old table is kept as %1.").arg(summary.oldTable.toHtmlEscaped())));
}

void MonitorPage::onFailed(const MigrationFailure &failure)
{
    setControlsEnabled(false);
    m_cutOverWindow->stop();
    m_cutOverWindow->hide();
    updatePostponeButton();
    m_revertWindow->reset();
    const bool aborted = failure.code == u"aborted"_s;
    QString text = aborted ? tr("<b>Aborted.</b> ") : tr("<b>Failed</b> (%1): ").arg(failure.code.toHtmlEscaped());
    text += failure.message.toHtmlEscaped();
    text += failure.originalUntouched ? tr(" The original table is untouched.")
                                      : tr(" The tables were already swapped; check the old table.");
    m_result->setText(text);
}

void MonitorPage::confirmCutOver()
{
    if (!m_session->isMigrating() || m_lookingForBlockers)
        return;
    // First look (off the GUI thread) for sessions on the primary that would make the swap's lock wait.
    const engine::mysql::ConnectionSettings primary = CutOverWindowPanel::primaryOf(*m_session);
    const QString schema = m_session->migrationSpec().database, table = m_session->migrationSpec().table;
    m_lookingForBlockers = true;
    m_cutOver->setEnabled(false);
    runInBackground<QStringList>(
        this,
        [primary, schema, table]() -> QStringList {
            try {
                auto connection = engine::mysql::Connection::open(primary, u"gui-cutover-check"_s);
                return engine::cutover::describeLockBlockers(connection, schema, table);
            } catch (const std::exception &e) {
                return {u"(could not look: %1)"_s.arg(QString::fromUtf8(e.what()))};
            }
        },
        [this](const QStringList &sessions) {
            m_lookingForBlockers = false;
            m_cutOver->setEnabled(m_session->isMigrating() && !m_session->isCutOverForced());
            askCutOver(sessions);
        });
}

void MonitorPage::askCutOver(const QStringList &sessions)
{
    if (!m_session->isMigrating())
        return;
    // Statements and transactions of a second or two are everyday traffic (the migration's own included);
    // what has been open longer would hold the swap's lock back.
    static const QRegularExpression age(u" for (\\d+) s"_s);
    QStringList blocking;
    for (const QString &line : sessions) {
        const auto match = age.match(line);
        if (!match.hasMatch() || match.captured(1).toLongLong() >= 2)
            blocking << line;
    }
    const ProgressSnapshot s = m_session->controller()->snapshot();
    QString text =
        tr("<p>Swap the tables as soon as the copy is complete?</p><p>Current lag: %1 (binlog stream), %2; "
           "%3 changed keys still to apply.</p><p>Application writes to the table wait for the swap, usually well "
           "under a second; if a session holds a lock on the table, the swap times out and is retried.</p>")
            .arg(LagText::seconds(s.streamLagMillis), LagText::replicas(s).toHtmlEscaped(),
                 QLocale().toString(s.backlog));
    if (blocking.isEmpty()) {
        text += tr("<p>No session on the primary holds the table or a long transaction right now.</p>");
    } else {
        text += tr("<p><b>%n session(s) on the primary could make the swap wait:</b></p>", nullptr,
                   int(blocking.size()));
        text += u"<ul>"_s;
        for (const QString &line : blocking.mid(0, 8))
            text += u"<li><small>"_s + line.toHtmlEscaped() + u"</small></li>"_s;
        text += u"</ul>"_s;
        if (blocking.size() > 8)
            text += tr("<p>… and %n more.</p>", nullptr, int(blocking.size() - 8));
    }
    m_lastCutOverBlockers = blocking;
    if (!m_confirm(tr("Cut over now"), text))
        return;
    m_session->forceCutOver();
    m_postpone->setEnabled(false);
    m_cutOver->setEnabled(false);
}

void MonitorPage::confirmAbort()
{
    // Swapped already: nothing to abort; the revert window panel offers the ways out.
    if (m_session->controller()->snapshot().state == MigrationState::RevertWindow)
        return;
    const QString text = tr("<p>Abort the migration?</p><p>Copying stops and the helper tables (the new table and the "
                            "changelog) are dropped. The original table stays exactly as it is; nothing that was "
                            "written to it is lost.</p>");
    if (!m_confirm(tr("Abort migration"), text))
        return;
    m_session->controller()->abort();
}

} // namespace ui
