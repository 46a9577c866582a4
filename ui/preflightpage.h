#pragma once

#include <preflight/preflightreport.h>

#include <QWidget>

#include <atomic>
#include <memory>

class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace ui {

class PreflightModel;
class Session;

// The readiness report for the session's table: findings worst first, the evidence of the selected one, its fix
// to copy, re-run, and one-by-one overrides of blockers.
class PreflightPage : public QWidget {
    Q_OBJECT
public:
    explicit PreflightPage(Session *session, QWidget *parent = nullptr);
    ~PreflightPage() override;

    void run();
    [[nodiscard]] bool isRunning() const { return m_cancel != nullptr; }
    [[nodiscard]] PreflightModel *model() const { return m_model; }

Q_SIGNALS:
    void finished(const engine::preflight::PreflightReport &report);

private:
    void showReport(const engine::preflight::PreflightReport &report);
    void showSelected();
    void overrideSelected();
    void updateHeader();

    Session *m_session;
    PreflightModel *m_model;
    QLabel *m_header;
    QLabel *m_summary;
    QTableView *m_view;
    QTextBrowser *m_detail;
    QPushButton *m_runButton;
    QPushButton *m_copyButton;
    QPushButton *m_overrideButton;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_generation = 0;
};

} // namespace ui
