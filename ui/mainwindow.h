#pragma once

#include <QMainWindow>

class QTabWidget;

namespace ui {

// Stitches the console's pages together; owns no engine logic.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    enum class Page { Connections, NewMigration, Preflight, Monitor, History };
    void showPage(Page page);
    [[nodiscard]] QTabWidget *pages() const { return m_pages; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void restoreWindowState();

    QTabWidget *m_pages = nullptr;
};

} // namespace ui
