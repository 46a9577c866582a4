#pragma once

#include <QWidget>
#include <report/runsummary.h>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;

namespace ui {

// A migration as the DBA reviews it before the start and finds it again in its report: the servers and what
// happens on each, the table and its size, the ALTER, the options changed from the defaults, the preflight
// verdict, the estimate, and the shadowswap-cli command line (copyable, never with a password).
class RunSummaryView : public QWidget {
    Q_OBJECT
public:
    explicit RunSummaryView(QWidget *parent = nullptr);

    // `postponeCutOver`: the console holds the cut-over back (its own flag file, not part of the command
    // line).
    void setSummary(const engine::report::RunSummary &summary, bool postponeCutOver = false);
    // Everything shown, as plain text (tests, and "copy all").
    [[nodiscard]] QString plainText() const;
    [[nodiscard]] QString commandLine() const;

private:
    QTextBrowser *m_text;
    QPlainTextEdit *m_command;
    QPushButton *m_copy;
    QLabel *m_commandNote;
};

} // namespace ui
