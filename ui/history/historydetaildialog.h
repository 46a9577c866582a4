#pragma once

#include <functional>
#include <QDialog>
#include <report/migrationreport.h>

class QLabel;
class QPushButton;
class QTabWidget;
class QTextBrowser;
class QTreeWidget;

namespace ui {

class MonitorCharts;
class RunSummaryView;

// One recorded migration, after the fact: its charts (from the stored samples), the figures, the verification
// and the cut-over, the phase timeline, the throttle episodes and what ran (servers, options, preflight, the
// shadowswap-cli command line). "Export report…" writes it as HTML or PDF (ReportWriter).
class HistoryDetailDialog : public QDialog {
    Q_OBJECT
public:
    explicit HistoryDetailDialog(engine::report::MigrationReport report, QWidget *parent = nullptr);

    [[nodiscard]] const engine::report::MigrationReport &report() const { return m_report; }
    [[nodiscard]] MonitorCharts *charts() const { return m_charts; }
    [[nodiscard]] RunSummaryView *summaryView() const { return m_summary; }

    // How "Export report…" asks where to write: gets a suggested file name, returns the path or empty to
    // cancel. Tests replace the file dialog.
    using SavePathPrompt = std::function<QString(const QString &suggested)>;
    void setSavePathPrompt(SavePathPrompt prompt) { m_prompt = std::move(prompt); }
    // Writes the report (HTML, or PDF for a .pdf path); false with `error` when it can't.
    bool exportTo(const QString &path, QString *error);

Q_SIGNALS:
    void exported(const QString &path);

private:
    void exportReport();
    void fillPhases();
    void fillThrottling();
    void fillFigures();

    engine::report::MigrationReport m_report;
    QLabel *m_header;
    MonitorCharts *m_charts;
    QTabWidget *m_tabs;
    QTextBrowser *m_figures;
    QTreeWidget *m_phases;
    QLabel *m_throttleNote;
    QTreeWidget *m_throttling;
    RunSummaryView *m_summary;
    QLabel *m_status;
    QPushButton *m_export;
    SavePathPrompt m_prompt;
};

} // namespace ui
