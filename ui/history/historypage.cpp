#include "historypage.h"

#include "historydetaildialog.h"
#include "resumelauncher.h"
#include "session.h"
#include "statestrip.h"

#include <history/historyjournal.h>
#include <report/migrationreport.h>

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace engine::migration;
using engine::history::HistoryEntry;
using engine::history::Outcome;

namespace ui {

QString HistoryPage::outcomeText(const HistoryEntry &e)
{
    switch (e.outcome) {
    case Outcome::Running: return HistoryPage::tr("running or crashed");
    case Outcome::Succeeded:
        if (e.dryRun)
            return HistoryPage::tr("dry run");
        if (e.summary.reverted)
            return HistoryPage::tr("done (reverted)");
        return e.parameters.value(u"resume"_s).toBool() ? HistoryPage::tr("done (resumed)") : HistoryPage::tr("done");
    case Outcome::Failed: return HistoryPage::tr("failed");
    case Outcome::Aborted: return HistoryPage::tr("aborted");
    case Outcome::Interrupted: return HistoryPage::tr("interrupted");
    }
    return {};
}

namespace {
QString detailText(const HistoryEntry &e, bool runningHere)
{
    if (e.outcome == Outcome::Running)
        return runningHere ? HistoryPage::tr("running in this console")
                           : HistoryPage::tr("no end recorded — the process may have crashed");
    if (e.outcome == Outcome::Failed || e.outcome == Outcome::Aborted || e.outcome == Outcome::Interrupted)
        return u"[%1] %2"_s.arg(e.failure.code, e.failure.message);
    if (e.outcome == Outcome::Succeeded && e.summary.reverted)
        return HistoryPage::tr("reverted to the old schema in the revert window; the table with the new "
                               "schema is kept as %1")
            .arg(e.summary.oldTable);
    if (e.outcome == Outcome::Succeeded && !e.dryRun)
        return HistoryPage::tr("%1 rows copied, %2 changes applied, swap blocked writes %3 ms")
            .arg(e.summary.rowsCopied)
            .arg(e.summary.eventsApplied)
            .arg(e.summary.cutOverLockMillis);
    return {};
}

QString phasesText(const HistoryEntry &e)
{
    QStringList phases;
    for (auto it = e.millisInState.begin(); it != e.millisInState.end(); ++it)
        phases << u"%1 %2"_s.arg(it.key(), StateStrip::duration(it.value()));
    return phases.join(u", "_s);
}

QString targetKey(const HistoryEntry &e)
{
    return e.inspectedEndpoint + u'\n' + e.database + u'\n' + e.table;
}
} // namespace

HistoryPage::HistoryPage(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_journal(std::make_shared<engine::history::HistoryJournal>())
    , m_note(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_details(new QPushButton(tr("&Details…"), this))
    , m_resume(new ResumeLauncher(session, this))
{
    setObjectName(u"historyPage"_s);
    m_list->setObjectName(u"historyList"_s);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list->setHeaderLabels({tr("Started"), tr("Table"), tr("Outcome"), tr("Duration"), tr("Details"), QString()});
    m_list->setRootIsDecorated(false);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(DetailsColumn, QHeaderView::Stretch);
    m_details->setObjectName(u"historyDetailsButton"_s);
    m_details->setEnabled(false);
    m_details->setToolTip(tr("The selected migration's charts, figures, phases and command line, and its report to "
                             "export (also: double-click the row)."));
    auto *top = new QHBoxLayout;
    top->addWidget(m_note, 1);
    top->addWidget(m_details);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_list, 1);
    const auto selectedId = [this] {
        const QTreeWidgetItem *item = m_list->currentItem();
        return item ? item->data(StartedColumn, Qt::UserRole).toLongLong() : 0;
    };
    connect(m_list, &QTreeWidget::currentItemChanged, this,
            [this](QTreeWidgetItem *current) { m_details->setEnabled(current != nullptr); });
    connect(m_details, &QPushButton::clicked, this, [this, selectedId] { openDetails(selectedId()); });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        openDetails(item->data(StartedColumn, Qt::UserRole).toLongLong());
    });

    if (m_journal->open(engine::history::HistoryJournal::defaultPath())) {
        m_note->setText(tr("Migrations are recorded in %1.").arg(m_journal->path()));
        m_session->controller()->setHistoryJournal(m_journal);
    } else {
        m_note->setText(tr("<b>Not recorded.</b> The history journal could not be opened: %1")
                            .arg(m_journal->lastError().toHtmlEscaped()));
    }
    // The controller writes the outcome before it signals the end, so the list below already has it.
    MigrationController *c = m_session->controller();
    connect(c, &MigrationController::finished, this, &HistoryPage::refresh);
    connect(c, &MigrationController::failed, this, &HistoryPage::refresh);
    connect(m_session, &Session::migrationStarted, this, &HistoryPage::refresh);
    connect(m_resume, &ResumeLauncher::started, this, &HistoryPage::resumeStarted);
    refresh();
}

HistoryPage::~HistoryPage() = default;

void HistoryPage::showEvent(QShowEvent *event)
{
    refresh(); // other processes (shadowswap-cli) record into the same journal
    QWidget::showEvent(event);
}

void HistoryPage::refresh()
{
    m_list->clear();
    // The newest record of a running migration of the session's target is the one this console runs.
    const MigrationSpec &running = m_session->migrationSpec();
    bool runningHereFound = !m_session->isMigrating();
    // Targets with a newer executed run that succeeded or is itself resumable: an older interrupted run of
    // the same table can't be resumed any more (its helper tables were taken over or dropped).
    QSet<QString> superseded;
    int buttonWidth = 0;
    m_entries = m_journal->entries();
    for (const HistoryEntry &e : std::as_const(m_entries)) {
        const bool runningHere = !runningHereFound && e.outcome == Outcome::Running && e.database == running.database
            && e.table == running.table && e.alter == running.alter;
        runningHereFound = runningHereFound || runningHere;
        const bool resumable = ResumeLauncher::isResumable(e);
        const bool tookOver = resumable && superseded.contains(targetKey(e));
        const qint64 millis = e.durationMillis();
        // No end recorded: the duration is unknown, not zero.
        const QString duration = millis <= 0 && e.outcome == Outcome::Running ? u"—"_s : StateStrip::duration(millis);
        QString details = detailText(e, runningHere);
        if (tookOver)
            details = e.outcome == Outcome::Running ? tr("no end recorded; a later run of this table took over")
                                                    : details + u" — "_s + tr("a later run of this table took over");
        auto *item = new QTreeWidgetItem(m_list, {QLocale().toString(e.startedAt.toLocalTime(), QLocale::ShortFormat),
                                                  e.database + u'.' + e.table, outcomeText(e), duration, details});
        item->setData(StartedColumn, Qt::UserRole, e.id);
        item->setToolTip(TableColumn, e.inspectedEndpoint);
        item->setToolTip(DurationColumn, phasesText(e));
        item->setToolTip(DetailsColumn, u"ALTER TABLE … "_s + e.alter);
        if (resumable && !runningHere && !tookOver)
            buttonWidth = qMax(buttonWidth, addResumeButton(item, e));
        if (!e.dryRun && (resumable || e.outcome == Outcome::Succeeded))
            superseded.insert(targetKey(e));
    }
    for (int column = StartedColumn; column < DetailsColumn; ++column)
        m_list->resizeColumnToContents(column);
    m_list->setColumnHidden(ActionColumn, buttonWidth == 0);
    if (buttonWidth > 0)
        m_list->header()->resizeSection(ActionColumn, buttonWidth + 8);
    Q_EMIT refreshed();
}

HistoryDetailDialog *HistoryPage::openDetails(qint64 id)
{
    const auto entry = id > 0 ? m_journal->entry(id) : std::nullopt;
    if (!entry)
        return nullptr;
    auto *dialog = new HistoryDetailDialog(engine::report::MigrationReport::build(*entry, m_journal->samples(id)), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
    Q_EMIT detailsOpened(dialog);
    return dialog;
}

int HistoryPage::addResumeButton(QTreeWidgetItem *item, const HistoryEntry &entry)
{
    auto *button = new QPushButton(tr("Resume…"));
    button->setObjectName(u"resumeButton"_s);
    button->setProperty("historyId", entry.id);
    button->setEnabled(!m_session->isMigrating());
    button->setToolTip(m_session->isMigrating()
                           ? tr("A migration is running in this console; resume when it has ended.")
                           : tr("Continue this migration from its last checkpoint instead of starting over. You are "
                                "asked to confirm first."));
    connect(button, &QPushButton::clicked, this, [this, entry] { m_resume->resume(entry); });
    m_list->setItemWidget(item, ActionColumn, button);
    return button->sizeHint().width();
}

} // namespace ui
