#include "mainwindow.h"

#include "connectionspage.h"
#include "cutoverwindowpanel.h"
#include "historypage.h"
#include "logmodel.h"
#include "logsink.h"
#include "monitorpage.h"
#include "newmigrationpage.h"
#include "preflightpage.h"
#include "session.h"
#include "startreviewdialog.h"
#include "statestrip.h"
#include "watch/attachdialog.h"
#include "watch/migrationlistmodel.h"
#include "watch/migrationspage.h"
#include "watch/socketfeed.h"
#include "watch/tablefeed.h"
#include "watch/watchmonitor.h"

#include <history/specparameters.h>
#include <logging/logging.h>
#include <report/runsummary.h>

#include <QApplication>
#include <QCloseEvent>
#include <QInputDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QToolBar>

using namespace Qt::StringLiterals;
using namespace engine::migration;

namespace ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_session(new Session(this))
    , m_log(new LogModel(10000, this))
    , m_pages(new QTabWidget(this))
    , m_connections(new ConnectionsPage(this))
    , m_newMigration(new NewMigrationPage(m_session, this))
    , m_preflight(new PreflightPage(m_session, this))
    , m_monitor(new MonitorPage(m_session, m_log, this))
    , m_history(new HistoryPage(m_session, this))
    , m_migrationList(new MigrationListModel(this))
    , m_migrations(new MigrationsPage(m_migrationList, this))
    , m_connectionLabel(new QLabel(this))
    , m_stateLabel(new QLabel(this))
    , m_tablePrompt([this](const QString &current) -> std::optional<QString> {
        bool ok = false;
        const QString name = QInputDialog::getText(this, tr("Inspect table"),
                                                   tr("Table to inspect (schema.table):"), QLineEdit::Normal,
                                                   current, &ok);
        return ok ? std::optional<QString>(name) : std::nullopt;
    })
    , m_reviewHandler([](StartReviewDialog &review) { return review.exec() == QDialog::Accepted; })
{
    setObjectName(u"mainWindow"_s);
    m_stateLabel->setObjectName(u"migrationStateLabel"_s);
    setWindowTitle(tr("Shadowswap"));
    setWindowIcon(QIcon(u":/icons/shadowswap.svg"_s));
    engine::logging::addSink(m_log->sink());

    m_pages->setDocumentMode(true);
    m_pages->addTab(m_connections, tr("Connections"));
    m_pages->addTab(m_newMigration, tr("New migration"));
    m_pages->addTab(m_preflight, tr("Preflight"));
    m_pages->addTab(m_monitor, tr("Monitor"));
    m_pages->addTab(m_history, tr("History"));
    m_pages->addTab(m_migrations, tr("Migrations"));
    // Watch tabs (one per attached migration) come after the fixed pages and close; the fixed pages don't.
    m_pages->setTabsClosable(true);
    for (int i = 0; i < m_pages->count(); ++i)
        m_pages->tabBar()->setTabButton(i, QTabBar::RightSide, nullptr);
    connect(m_pages, &QTabWidget::tabCloseRequested, this, [this](int index) {
        if (auto *monitor = qobject_cast<WatchMonitor *>(m_pages->widget(index))) {
            m_pages->removeTab(index);
            monitor->feed()->deleteLater();
            monitor->deleteLater();
        }
    });
    setCentralWidget(m_pages);
    statusBar()->addPermanentWidget(m_stateLabel);
    statusBar()->addPermanentWidget(m_connectionLabel);

    connect(m_connections, &ConnectionsPage::connected, this,
            [this](const ConnectionProfile &profile, const QString &password, const engine::mysql::ServerFacts &facts) {
                m_session->setConnection(profile, password, facts);
                statusBar()->showMessage(tr("Connected to %1").arg(facts.endpoint), 5000);
                updateStatus();
            });
    connect(m_connections, &ConnectionsPage::connectionFailed, this,
            [this](const QString &) { statusBar()->showMessage(tr("Connection failed"), 5000); });
    connect(m_newMigration, &NewMigrationPage::preflightRequested, this, [this] {
        showPage(Page::Preflight);
        m_preflight->run();
    });
    connect(m_newMigration, &NewMigrationPage::startRequested, this, &MainWindow::startMigration);
    connect(m_history, &HistoryPage::resumeStarted, this, [this] { showPage(Page::Monitor); });
    m_preflight->setSpecSource([this] { return m_newMigration->spec(); });
    connect(m_migrations, &MigrationsPage::openRequested, this, &MainWindow::openMigration);
    const auto listRecorded = [this] { m_migrationList->setRecorded(m_history->entries().mid(0, recordedRows)); };
    connect(m_history, &HistoryPage::refreshed, this, listRecorded);
    listRecorded();
    connect(m_pages, &QTabWidget::currentChanged, this, [this](int index) {
        if (m_pages->widget(index) == m_migrations)
            m_history->refresh(); // shadowswap-cli records into the same journal
    });
    connect(m_migrations, &MigrationsPage::attachRequested, this, &MainWindow::promptAttach);
    connect(m_migrations, &MigrationsPage::discoverRequested, this, &MainWindow::discoverOnConnectedServer);
    MigrationController *c = m_session->controller();
    connect(c, &MigrationController::progressed, this, &MainWindow::updateOwnRow);
    connect(c, &MigrationController::stateChanged, this, &MainWindow::updateStatus);
    const auto stopped = [this] {
        updateStatus();
        if (m_closeWhenStopped)
            close();
    };
    connect(m_session, &Session::migrationStarted, this, [this] {
        m_outcome.clear();
        updateStatus();
        updateOwnRow();
    });
    connect(c, &MigrationController::finished, this, [this, stopped](const MigrationSummary &summary) {
        m_outcome = summary.reverted ? tr("reverted to the old schema")
                                     : StateStrip::stateText(MigrationState::Done);
        updateOwnRow();
        stopped();
    });
    connect(c, &MigrationController::failed, this, [this, stopped](const MigrationFailure &failure) {
        m_outcome = failure.code == u"aborted"_s ? StateStrip::stateText(MigrationState::Aborted)
                                                 : tr("failed (%1)").arg(failure.code);
        updateOwnRow();
        stopped();
    });
    // The engine's own preflight gate refused (the console's report was missing, stale or not overridden):
    // show the DBA the findings that block, fresh.
    connect(c, &MigrationController::failed, this, [this](const MigrationFailure &failure) {
        if (failure.code != u"preflight-blocked"_s || m_closeWhenStopped)
            return;
        statusBar()->showMessage(tr("Preflight blocked the migration; nothing was changed. See the findings."), 10000);
        showPage(Page::Preflight);
        m_preflight->run();
    });

    createActions();
    updateStatus();
    restoreWindowState();
}

MainWindow::~MainWindow() = default;

void MainWindow::showPage(Page page)
{
    m_pages->setCurrentIndex(static_cast<int>(page));
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *connectAction = fileMenu->addAction(tr("&Connect…"), this, [this] { showPage(Page::Connections); });
    connectAction->setShortcut(tr("Ctrl+K"));
    fileMenu->addSeparator();
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *migrationMenu = menuBar()->addMenu(tr("&Migration"));
    QAction *inspect = migrationMenu->addAction(tr("&Inspect table…"), this, &MainWindow::inspectTable);
    inspect->setObjectName(u"inspectTableAction"_s);
    inspect->setShortcut(tr("Ctrl+I"));
    QAction *cutOverWindow = migrationMenu->addAction(
        tr("Cut-over &window…"), this, [this] { CutOverWindowPanel::openWindow(m_session, this); });
    cutOverWindow->setObjectName(u"cutOverWindowAction"_s);
    QAction *dryRun = migrationMenu->addAction(tr("&Dry run"), this, [this] {
        showPage(Page::NewMigration);
        m_newMigration->dryRun();
    });
    dryRun->setShortcut(tr("Ctrl+D"));
    QAction *start = migrationMenu->addAction(tr("&Start migration"), this, &MainWindow::startMigration);
    start->setShortcut(tr("Ctrl+Return"));
    QAction *attachAction = migrationMenu->addAction(tr("Attach to a running &migration…"), this,
                                                     &MainWindow::promptAttach);
    attachAction->setObjectName(u"attachAction"_s);
    attachAction->setShortcut(tr("Ctrl+Shift+W"));
    migrationMenu->addSeparator();
    QAction *throttle = migrationMenu->addAction(tr("&Throttle / Resume"), this, [this] {
        if (auto *b = m_monitor->findChild<QPushButton *>(u"throttleButton"_s); b && b->isEnabled())
            b->click();
    });
    throttle->setShortcut(tr("Ctrl+Shift+T"));
    QAction *abort = migrationMenu->addAction(tr("&Abort…"), m_monitor, &MonitorPage::confirmAbort);
    abort->setObjectName(u"abortAction"_s);
    abort->setShortcut(tr("Ctrl+Shift+A"));
    m_abortAction = abort;

    QMenu *viewMenu = menuBar()->addMenu(tr("&View"));
    for (int i = 0; i < m_pages->count(); ++i) {
        QAction *a = viewMenu->addAction(m_pages->tabText(i), this, [this, i] { m_pages->setCurrentIndex(i); });
        a->setShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_1 + i)));
    }

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Shadowswap"), this, [this] {
        QMessageBox::about(this, tr("About Shadowswap"),
                           tr("<b>Shadowswap %1</b><p>Online schema changes for live MySQL and MariaDB tables: the "
                              "new table is built and kept in sync from the binlog, then swapped in atomically.</p>"
                              "<p>License: GPL-3.0-or-later.</p>")
                               .arg(QApplication::applicationVersion()));
    });
    helpMenu->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(u"mainToolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(connectAction);
    toolbar->addAction(inspect);
    toolbar->addAction(dryRun);
    toolbar->addAction(start);
    toolbar->addSeparator();
    toolbar->addAction(throttle);
    toolbar->addAction(abort);
}

void MainWindow::updateStatus()
{
    m_connectionLabel->setText(m_session->isConnected() ? tr("Connected: %1").arg(m_session->facts().endpoint)
                                                        : tr("Not connected"));
    const MigrationState state = m_session->controller()->snapshot().state;
    // In the revert window the swap is made: there is nothing to abort (the monitor offers Revert and Keep).
    if (m_abortAction)
        m_abortAction->setEnabled(m_session->isMigrating() && state != MigrationState::RevertWindow);
    if (!m_outcome.isEmpty() && !m_session->isMigrating())
        m_stateLabel->setText(tr("Migration: %1").arg(m_outcome));
    else
        m_stateLabel->setText(m_session->isMigrating() || state != MigrationState::Idle
                                  ? tr("Migration: %1").arg(StateStrip::stateText(state))
                                  : QString());
}

void MainWindow::openDemo()
{
    QString password;
    const auto profile = sandboxProfile(&password);
    if (!profile) {
        statusBar()->showMessage(tr("--demo: no sandbox in the environment (run scripts/demo)"), 10000);
        return;
    }
    m_connections->prefill(*profile, password);
    m_newMigration->preselect(u"shop"_s, u"orders"_s, u"ADD COLUMN priority TINYINT NOT NULL DEFAULT 0"_s);
    m_connections->testConnection();
    connect(m_session, &Session::connectionChanged, this, [this] { showPage(Page::NewMigration); },
            Qt::SingleShotConnection);
}

void MainWindow::startMigration()
{
    if (m_session->isMigrating())
        return;
    const MigrationSpec spec = m_newMigration->spec();
    if (spec.table.isEmpty() || spec.alter.isEmpty()) {
        showPage(Page::NewMigration);
        return;
    }
    if (const QString problem = spec.validate(); !problem.isEmpty()) {
        QMessageBox::warning(this, tr("Start migration"), problem);
        return;
    }
    if (const QStringList blockers = m_session->unresolvedBlockers(); !blockers.isEmpty()) {
        QMessageBox::warning(this, tr("Start migration"),
                             tr("Preflight found blocking problems: %1.\n\nFix them and re-run preflight, or override "
                                "them one by one on the Preflight page.")
                                 .arg(blockers.join(u", "_s)));
        showPage(Page::Preflight);
        return;
    }
    // The review: what the engine is about to do, as the DBA would type it for shadowswap-cli. The preflight
    // report counts only when it is of this table.
    const MigrationSpec reviewed = m_session->withOverrides(spec);
    std::optional<engine::preflight::PreflightReport> preflight = m_session->preflightReport();
    if (preflight && (preflight->target.database != spec.database || preflight->target.table != spec.table))
        preflight.reset();
    StartReviewDialog review(
        engine::report::RunSummary::build(engine::history::specParameters(reviewed), preflight),
        m_newMigration->postponeCutOver(), this);
    if (!m_reviewHandler(review)) {
        statusBar()->showMessage(tr("Not started: the review was cancelled."), 5000);
        return;
    }
    m_session->startMigration(spec, m_newMigration->postponeCutOver());
    showPage(Page::Monitor);
}

void MainWindow::inspectTable()
{
    if (!m_session->isConnected()) {
        showPage(Page::Connections);
        statusBar()->showMessage(tr("Connect to a server first."), 5000);
        return;
    }
    const QString current = m_session->table().isEmpty() ? QString()
                                                         : m_session->database() + u'.' + m_session->table();
    const std::optional<QString> answer = m_tablePrompt(current);
    const QString name = answer ? answer->trimmed() : QString();
    if (!name.contains(u'.'))
        return;
    if (name != current)
        m_session->setTarget(name.section(u'.', 0, 0), name.section(u'.', 1), QString());
    showPage(Page::Preflight);
    m_preflight->run();
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1200, 800);
    restoreState(settings.value(u"window/state"_s).toByteArray());
}

void MainWindow::updateOwnRow()
{
    if (!m_session->isMigrating() && m_session->migrationSpec().table.isEmpty())
        return;
    MigrationListModel::Own own;
    own.database = m_session->migrationSpec().database;
    own.table = m_session->migrationSpec().table;
    own.server = m_session->facts().endpoint;
    own.snapshot = m_session->controller()->snapshot();
    own.postponed = m_session->isCutOverPostponed();
    own.running = m_session->isMigrating();
    m_migrationList->setOwn(own);
}

WatchMonitor *MainWindow::addWatchTab(MigrationFeed *feed, const QString &server)
{
    m_migrationList->addFeed(feed, server);
    auto *monitor = new WatchMonitor(feed, this);
    connect(monitor, &WatchMonitor::cutOverWindowRequested, this,
            [this](const QString &database, const QString &table) {
                CutOverWindowPanel::openWindow(m_session, database, table, this);
            });
    const int index = m_pages->addTab(monitor, tr("Watch: %1").arg(feed->title()));
    // The tab is named after the table once the first reading says which it is.
    connect(feed, &MigrationFeed::snapshotAdded, monitor, [this, monitor, feed] {
        if (const int at = m_pages->indexOf(monitor); at >= 0)
            m_pages->setTabText(at, tr("Watch: %1").arg(feed->title()));
    });
    m_pages->setCurrentIndex(index);
    return monitor;
}

WatchMonitor *MainWindow::attach(const engine::control::ControlEndpoint &endpoint, const QByteArray &token)
{
    auto *feed = new SocketFeed(endpoint, token, this);
    return addWatchTab(feed, endpoint.isTcp() ? endpoint.text() : tr("this machine"));
}

WatchMonitor *MainWindow::watchFromTables(const engine::mysql::ConnectionSettings &server, const QString &label,
                                          const QString &database, const QString &changelogTable)
{
    auto *feed = new TableFeed(server, database, changelogTable, this);
    return addWatchTab(feed, label);
}

void MainWindow::promptAttach()
{
    AttachDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    if (const auto endpoint = dialog.endpoint())
        attach(*endpoint, dialog.token());
}

void MainWindow::discoverOnConnectedServer()
{
    if (!m_session->isConnected()) {
        showPage(Page::Connections);
        statusBar()->showMessage(tr("Connect to a server first: discovery reads its helper tables."), 5000);
        return;
    }
    m_migrations->discover(m_session->settings(), m_session->facts().endpoint);
}

void MainWindow::openMigration(int row)
{
    if (row < 0 || row >= m_migrationList->rowCount())
        return;
    switch (m_migrationList->kindAt(row)) {
    case MigrationListModel::Kind::Own:
        showPage(Page::Monitor);
        return;
    case MigrationListModel::Kind::Discovered: {
        const auto found = m_migrationList->discoveredAt(row);
        watchFromTables(m_session->settings(), m_migrationList->serverAt(row), found.database, found.changelogTable);
        return;
    }
    case MigrationListModel::Kind::Recorded:
        m_history->openDetails(m_migrationList->recordedIdAt(row));
        return;
    case MigrationListModel::Kind::Socket:
    case MigrationListModel::Kind::HelperTables:
        for (int i = 0; i < m_pages->count(); ++i)
            if (auto *monitor = qobject_cast<WatchMonitor *>(m_pages->widget(i));
                monitor && monitor->feed() == m_migrationList->feedAt(row))
                m_pages->setCurrentIndex(i);
        return;
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    const QStringList active = m_migrationList->activeDescriptions();
    QStringList escaped;
    for (const QString &line : active)
        escaped << line.toHtmlEscaped();
    const QString listed = active.isEmpty() ? QString() : u"<ul><li>"_s + escaped.join(u"</li><li>"_s) + u"</li></ul>"_s;
    if (!m_session->isMigrating() && !active.isEmpty()) {
        // Only watched migrations: they run in their own processes and go on without the console.
        QMessageBox box(QMessageBox::Question, tr("Migrations are being watched"),
                        tr("<p>The console watches %n migration(s):</p>", nullptr, int(active.size())) + listed,
                        QMessageBox::NoButton, this);
        box.setInformativeText(tr("They keep running in their own processes when the console closes."));
        QPushButton *close = box.addButton(tr("&Stop watching and quit"), QMessageBox::AcceptRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(close);
        box.exec();
        if (box.clickedButton() != close) {
            event->ignore();
            return;
        }
    }
    if (m_session->isMigrating()) {
        QMessageBox box(QMessageBox::Question, tr("A migration is running"),
                        active.size() > 1 ? tr("<p>%n migration(s) are running:</p>", nullptr, int(active.size())) + listed
                                          : tr("The migration of %1.%2 is still running.")
                                                .arg(m_session->migrationSpec().database, m_session->migrationSpec().table),
                        QMessageBox::NoButton, this);
        box.setInformativeText(tr("Keep it running and minimize the window, or abort it safely: the helper tables are "
                                  "dropped and the original table stays untouched. Watched migrations keep running "
                                  "in their own processes either way."));
        QPushButton *keep = box.addButton(tr("&Keep running (minimize)"), QMessageBox::AcceptRole);
        QPushButton *abort = box.addButton(tr("&Abort safely and quit"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(keep);
        box.exec();
        if (box.clickedButton() == keep)
            showMinimized();
        if (box.clickedButton() == abort) {
            m_closeWhenStopped = true;
            m_session->controller()->abort();
            statusBar()->showMessage(tr("Aborting; the window closes when the helper tables are gone…"));
        }
        event->ignore();
        return;
    }
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    event->accept();
}

} // namespace ui
