#include "mainwindow.h"

#include "placeholderpage.h"

#include <QApplication>
#include <QCloseEvent>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

using namespace Qt::StringLiterals;

namespace ui {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_pages(new QTabWidget(this))
{
    setWindowTitle(tr("Shadowswap"));
    setWindowIcon(QIcon(u":/icons/shadowswap.svg"_s));
    m_pages->setDocumentMode(true);
    m_pages->addTab(new PlaceholderPage(tr("Connections"), tr("Saved server profiles and connection tests."), this),
                    tr("Connections"));
    m_pages->addTab(new PlaceholderPage(tr("New migration"), tr("Pick a table and type the ALTER."), this),
                    tr("New migration"));
    m_pages->addTab(new PlaceholderPage(tr("Preflight"), tr("Readiness checks for the chosen table."), this),
                    tr("Preflight"));
    m_pages->addTab(new PlaceholderPage(tr("Monitor"), tr("Live progress, rates, lag and controls."), this),
                    tr("Monitor"));
    m_pages->addTab(new PlaceholderPage(tr("History"), tr("Past migrations from the local journal."), this),
                    tr("History"));
    setCentralWidget(m_pages);
    createActions();
    statusBar()->showMessage(tr("Not connected"));
    restoreWindowState();
}

void MainWindow::showPage(Page page)
{
    m_pages->setCurrentIndex(static_cast<int>(page));
}

void MainWindow::createActions()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    QAction *quit = fileMenu->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);
    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(tr("&About Shadowswap"), this, [this] {
        QMessageBox::about(this, tr("About Shadowswap"),
                           tr("<b>Shadowswap %1</b><p>Online schema changes for live MySQL and MariaDB tables."
                              "</p><p>License: GPL-3.0-or-later.</p>")
                               .arg(QApplication::applicationVersion()));
    });
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1100, 720);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    event->accept();
}

} // namespace ui
