#include "historypage.h"

#include "session.h"
#include "statestrip.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using namespace engine::migration;

namespace ui {

HistoryPage::HistoryPage(Session *session, QWidget *parent)
    : QWidget(parent)
    , m_session(session)
    , m_list(new QTreeWidget(this))
{
    setObjectName(u"historyPage"_s);
    m_list->setObjectName(u"historyList"_s);
    auto *note = new QLabel(tr("<b>Not yet recorded.</b> The journal of past migrations is not kept on disk yet; "
                               "below are the migrations of this session."),
                            this);
    note->setWordWrap(true);
    m_list->setHeaderLabels({tr("Finished"), tr("Table"), tr("Outcome"), tr("Duration"), tr("Details")});
    m_list->setRootIsDecorated(false);
    m_list->header()->setStretchLastSection(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(note);
    layout->addWidget(m_list, 1);

    MigrationController *c = m_session->controller();
    connect(c, &MigrationController::finished, this, [this](const MigrationSummary &s) {
        add(tr("done"), s.totalMillis, tr("%1 rows copied, swap blocked writes %2 ms").arg(s.rowsCopied).arg(s.cutOverLockMillis));
    });
    connect(c, &MigrationController::failed, this, [this](const MigrationFailure &f) {
        add(f.code == u"aborted"_s ? tr("aborted") : tr("failed"), m_session->controller()->snapshot().elapsedMillis,
            f.message);
    });
}

void HistoryPage::add(const QString &outcome, qint64 millis, const QString &detail)
{
    const MigrationSpec &spec = m_session->migrationSpec();
    auto *item = new QTreeWidgetItem(m_list, {QLocale().toString(QDateTime::currentDateTime(), QLocale::ShortFormat),
                                              spec.database + u'.' + spec.table, outcome,
                                              StateStrip::duration(millis), detail});
    item->setToolTip(4, u"ALTER TABLE … "_s + spec.alter);
    for (int column = 0; column < m_list->columnCount() - 1; ++column)
        m_list->resizeColumnToContents(column);
}

} // namespace ui
