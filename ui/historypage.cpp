#include "historypage.h"

#include "session.h"
#include "statestrip.h"

#include <history/historyjournal.h>

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace engine::migration;
using engine::history::HistoryEntry;
using engine::history::Outcome;

namespace ui {

namespace {
QString outcomeText(const HistoryEntry &e)
{
    switch (e.outcome) {
    case Outcome::Running: return HistoryPage::tr("running or crashed");
    case Outcome::Succeeded: return e.dryRun ? HistoryPage::tr("dry run") : HistoryPage::tr("done");
    case Outcome::Failed: return HistoryPage::tr("failed");
    case Outcome::Aborted: return HistoryPage::tr("aborted");
    case Outcome::Interrupted: return HistoryPage::tr("interrupted");
    }
    return {};
}

QString detailText(const HistoryEntry &e)
{
    if (e.outcome == Outcome::Failed || e.outcome == Outcome::Aborted || e.outcome == Outcome::Interrupted)
        return u"[%1] %2"_s.arg(e.failure.code, e.failure.message);
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
} // namespace

HistoryPage::HistoryPage(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_journal(std::make_shared<engine::history::HistoryJournal>())
    , m_note(new QLabel(this))
    , m_list(new QTreeWidget(this))
{
    setObjectName(u"historyPage"_s);
    m_list->setObjectName(u"historyList"_s);
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_list->setHeaderLabels({tr("Started"), tr("Table"), tr("Outcome"), tr("Duration"), tr("Details")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_note);
    layout->addWidget(m_list, 1);

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
    for (const HistoryEntry &e : m_journal->entries()) {
        const qint64 millis = e.elapsedMillis > 0 ? e.elapsedMillis : e.summary.totalMillis;
        auto *item = new QTreeWidgetItem(m_list, {QLocale().toString(e.startedAt.toLocalTime(), QLocale::ShortFormat),
                                                  e.database + u'.' + e.table, outcomeText(e),
                                                  StateStrip::duration(millis), detailText(e)});
        item->setData(0, Qt::UserRole, e.id);
        item->setToolTip(1, e.inspectedEndpoint);
        item->setToolTip(3, phasesText(e));
        item->setToolTip(4, u"ALTER TABLE … "_s + e.alter);
    }
    for (int column = 0; column < m_list->columnCount() - 1; ++column)
        m_list->resizeColumnToContents(column);
}

} // namespace ui
