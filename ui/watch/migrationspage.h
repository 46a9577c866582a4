#pragma once

#include <mysql/connectionsettings.h>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QTableView;

namespace ui {

class MigrationListModel;

// The Migrations page: every migration the console runs, watches or found, one row each; double-click opens
// its monitor (a past one's: its report). "Find migrations" lists those in progress on the connected server from
// their helper tables; "Past migrations" shows or hides the history journal's rows.
class MigrationsPage : public QWidget {
    Q_OBJECT
public:
    MigrationsPage(MigrationListModel *model, QWidget *parent = nullptr);

    [[nodiscard]] QTableView *view() const { return m_view; }
    // Reads the helper tables on `server` (labelled `label`) off the GUI thread and lists what has a
    // heartbeat younger than `freshMillis`; a stale one is named in the status line (left behind by a run
    // that stopped).
    void discover(const engine::mysql::ConnectionSettings &server, const QString &label,
                  qint64 freshMillis = 60000);
    [[nodiscard]] QString statusText() const;

Q_SIGNALS:
    void openRequested(int row);
    void attachRequested();
    void discoverRequested();
    void discoveryFinished();

private:
    void applyHistoryFilter();
    void fitColumns();

    MigrationListModel *m_model;
    QCheckBox *m_showHistory;
    QTableView *m_view;
    QPushButton *m_find;
    QLabel *m_status;
};

} // namespace ui
