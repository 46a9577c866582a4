#pragma once

#include <QDialog>
#include <report/runsummary.h>

class QPushButton;

namespace ui {

class RunSummaryView;

// The last step before a migration starts: the DBA reads what is about to happen (RunSummaryView: servers and
// roles, the table and its size, the ALTER, the changed options, the preflight verdict, the estimate, the
// shadowswap-cli command line) and confirms with "Start migration", or cancels and nothing starts.
class StartReviewDialog : public QDialog {
    Q_OBJECT
public:
    StartReviewDialog(const engine::report::RunSummary &summary, bool postponeCutOver,
                      QWidget *parent = nullptr);

    [[nodiscard]] RunSummaryView *summaryView() const { return m_view; }
    [[nodiscard]] QPushButton *startButton() const { return m_start; }
    [[nodiscard]] QPushButton *cancelButton() const { return m_cancel; }

private:
    RunSummaryView *m_view;
    QPushButton *m_start;
    QPushButton *m_cancel;
};

} // namespace ui
