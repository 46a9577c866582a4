#pragma once

#include <model/migrationspec.h>
#include <preflight/preflightreport.h>

#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>

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
    // Selects the finding with this id (false when the report has none).
    bool selectFinding(const QString &id);
    // Asks to override the selected blocker (with a confirmation); public for the menu and tests.
    void overrideSelected();

    // The migration as it would start now (New migration's options), so that this page checks exactly what the
    // engine's own preflight gate will check. Without one, the session's table and ALTER with default options.
    void setSpecSource(std::function<engine::migration::MigrationSpec()> source) { m_specSource = std::move(source); }
    // How the page asks "are you sure?"; tests replace the dialog. Returns true to go ahead.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(Confirm confirm) { m_confirm = std::move(confirm); }
    // "Export report…": where to write (a suggested file name in, the path or empty out); tests replace the dialog.
    using SavePathPrompt = std::function<QString(const QString &suggested)>;
    void setSavePathPrompt(SavePathPrompt prompt) { m_savePrompt = std::move(prompt); }
    // Writes the report shown (HTML, or PDF for a .pdf path), overrides marked; false with `error` when it can't.
    bool exportTo(const QString &path, QString *error);

Q_SIGNALS:
    void finished(const engine::preflight::PreflightReport &report);

private:
    void showReport(const engine::preflight::PreflightReport &report);
    void showSelected();
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
    QPushButton *m_exportButton;
    std::shared_ptr<std::atomic<bool>> m_cancel;
    int m_generation = 0;
    std::function<engine::migration::MigrationSpec()> m_specSource;
    Confirm m_confirm;
    SavePathPrompt m_savePrompt;
    std::optional<engine::preflight::PreflightReport> m_shown;
};

} // namespace ui
