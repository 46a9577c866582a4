#pragma once

#include <QMainWindow>

#include <control/controlclient.h>
#include <mysql/connectionsettings.h>

#include <functional>
#include <optional>

class QAction;
class QLabel;
class QTabWidget;

namespace ui {

class ConnectionsPage;
class HistoryPage;
class LogModel;
class MigrationFeed;
class MigrationListModel;
class MigrationsPage;
class MonitorPage;
class NewMigrationPage;
class PreflightPage;
class Session;
class StartReviewDialog;
class WatchMonitor;

// Stitches the console's pages together, owns the menu, toolbar and status bar; owns no engine logic.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    enum class Page { Connections, NewMigration, Preflight, Monitor, History, Migrations };
    void showPage(Page page);
    [[nodiscard]] QTabWidget *pages() const { return m_pages; }
    [[nodiscard]] Session *session() const { return m_session; }
    [[nodiscard]] ConnectionsPage *connectionsPage() const { return m_connections; }
    [[nodiscard]] NewMigrationPage *newMigrationPage() const { return m_newMigration; }
    [[nodiscard]] PreflightPage *preflightPage() const { return m_preflight; }
    [[nodiscard]] MonitorPage *monitorPage() const { return m_monitor; }
    [[nodiscard]] LogModel *logModel() const { return m_log; }
    [[nodiscard]] MigrationsPage *migrationsPage() const { return m_migrations; }
    [[nodiscard]] MigrationListModel *migrationList() const { return m_migrationList; }

    // Watches a running gh-ost or shadowswap-cli through its control socket, in a tab of its own (closing the tab
    // detaches; the migration keeps running). Returns the tab's monitor.
    WatchMonitor *attach(const engine::control::ControlEndpoint &endpoint, const QByteArray &token);
    // Watches a migration from its helper tables on `server` (read-only), in a tab of its own.
    WatchMonitor *watchFromTables(const engine::mysql::ConnectionSettings &server, const QString &label,
                                  const QString &database, const QString &changelogTable);
    // What double-clicking a row of the Migrations page does: opens (or shows) its monitor.
    void openMigration(int row);

    // --demo: the sandbox replica from the environment, shop.orders and a first ALTER, connected at once.
    void openDemo();
    // Starts the migration configured on the New migration page, after the preflight gate and the DBA's review.
    void startMigration();
    // How the review before the start is confirmed: gets the dialog, fully built, returns true to start. By default
    // it is shown modally; tests read it and answer.
    using ReviewHandler = std::function<bool(StartReviewDialog &review)>;
    void setReviewHandler(ReviewHandler handler) { m_reviewHandler = std::move(handler); }

    // How "Inspect table…" asks which table: gets the current "schema.table" (or empty), returns the answer
    // or nullopt when cancelled. Tests replace the dialog.
    using TablePrompt = std::function<std::optional<QString>(const QString &current)>;
    void setTablePrompt(TablePrompt prompt) { m_tablePrompt = std::move(prompt); }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    // The newest past migrations the Migrations page lists (the History page has them all).
    static constexpr qsizetype recordedRows = 100;

    void createActions();
    void restoreWindowState();
    void inspectTable();
    void updateStatus();
    void promptAttach();
    void discoverOnConnectedServer();
    WatchMonitor *addWatchTab(MigrationFeed *feed, const QString &server);
    void updateOwnRow();

    Session *m_session;
    LogModel *m_log;
    QTabWidget *m_pages;
    ConnectionsPage *m_connections;
    NewMigrationPage *m_newMigration;
    PreflightPage *m_preflight;
    MonitorPage *m_monitor;
    HistoryPage *m_history;
    MigrationListModel *m_migrationList;
    MigrationsPage *m_migrations;
    QLabel *m_connectionLabel;
    QLabel *m_stateLabel;
    QAction *m_abortAction = nullptr;
    TablePrompt m_tablePrompt;
    ReviewHandler m_reviewHandler;
    bool m_closeWhenStopped = false;
    QString m_outcome; // how the last migration ended, for the status bar
};

} // namespace ui
