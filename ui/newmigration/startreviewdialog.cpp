#include "startreviewdialog.h"

#include "runsummaryview.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace ui {

StartReviewDialog::StartReviewDialog(const engine::report::RunSummary &summary, bool postponeCutOver,
                                     QWidget *parent)
    : QDialog(parent)
    , m_view(new RunSummaryView(this))
    , m_start(new QPushButton(tr("&Start migration"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this)) {
    setObjectName(u"startReviewDialog"_s);
    m_start->setObjectName(u"reviewStartButton"_s);
    m_cancel->setObjectName(u"reviewCancelButton"_s);
    setWindowTitle(tr("Review the migration of %1.%2").arg(summary.database, summary.table));
    auto *intro =
        new QLabel(summary.execute ? tr("<b>Check what is about to happen.</b> Nothing has changed yet: the "
                                        "migration starts when you "
                                        "confirm, and until the cut-over the original table stays as it is.")
                                   : tr("<b>A dry run:</b> the ghost table is built, checked and dropped "
                                        "again; the table is not changed."),
                   this);
    intro->setWordWrap(true);
    m_view->setSummary(summary, postponeCutOver);

    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_start, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_start->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_view, 1);
    layout->addWidget(buttons);
    resize(860, 760);
}

} // namespace ui
