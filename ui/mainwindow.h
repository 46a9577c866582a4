#pragma once

#include <QMainWindow>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QTabWidget;

namespace ui {

class ConnectionsPage;
class HistoryPage;
class LogModel;
class MonitorPage;
class NewMigrationPage;
class PreflightPage;
class Session;

// Stitches the console's pages together, owns the menu, toolbar and status bar; owns no engine logic.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    enum class Page { Connections, NewMigration, Preflight, Monitor, History };
    void showPage(Page page);
    [[nodiscard]] QTabWidget *pages() const { return m_pages; }
    [[nodiscard]] Session *session() const { return m_session; }
    [[nodiscard]] ConnectionsPage *connectionsPage() const { return m_connections; }
    [[nodiscard]] NewMigrationPage *newMigrationPage() const { return m_newMigration; }
    [[nodiscard]] PreflightPage *preflightPage() const { return m_preflight; }
    [[nodiscard]] MonitorPage *monitorPage() const { return m_monitor; }
    [[nodiscard]] LogModel *logModel() const { return m_log; }

    // --demo: the sandbox replica from the environment, shop.orders and a first ALTER, connected at once.
    void openDemo();
    // Starts the migration configured on the New migration page, after the preflight gate.
    void startMigration();

    // How "Inspect table…" asks which table: gets the current "schema.table" (or empty), returns the answer
    // or nullopt when cancelled. Tests replace the dialog.
    using TablePrompt = std::function<std::optional<QString>(const QString &current)>;
    void setTablePrompt(TablePrompt prompt) { m_tablePrompt = std::move(prompt); }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void restoreWindowState();
    void inspectTable();
    void updateStatus();

    Session *m_session;
    LogModel *m_log;
    QTabWidget *m_pages;
    ConnectionsPage *m_connections;
    NewMigrationPage *m_newMigration;
    PreflightPage *m_preflight;
    MonitorPage *m_monitor;
    HistoryPage *m_history;
    QLabel *m_connectionLabel;
    QLabel *m_stateLabel;
    QAction *m_abortAction = nullptr;
    TablePrompt m_tablePrompt;
    bool m_closeWhenStopped = false;
    QString m_outcome; // how the last migration ended, for the status bar
};

} // namespace ui
