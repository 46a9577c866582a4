#pragma once

#include <history/historyrecord.h>

#include <QList>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace engine::history {
class HistoryJournal;
} // namespace engine::history

namespace ui {

class HistoryDetailDialog;
class ResumeLauncher;
class Session;

// Past migrations, from the local journal (engine history/). The page opens the journal at its default location
// (SHADOWSWAP_HISTORY_DB overrides it) and hands it to the session's controller, so every migration the console
// runs is recorded; the list refreshes when one ends and whenever the page is shown. A migration whose process
// died (no end recorded) or that was interrupted gets a "Resume…" button (ResumeLauncher). Double-clicking a row
// (or "Details…") opens its report: charts, figures, phases, throttling, the command line, and its export.
class HistoryPage : public QWidget {
    Q_OBJECT
public:
    enum Column { StartedColumn, TableColumn, OutcomeColumn, DurationColumn, DetailsColumn, ActionColumn };

    explicit HistoryPage(Session *session, QWidget *parent = nullptr);
    ~HistoryPage() override;

    // Rereads the journal (the list, and entries() below), then signals refreshed().
    void refresh();
    // The journal's migrations as last read, newest first.
    [[nodiscard]] const QList<engine::history::HistoryEntry> &entries() const { return m_entries; }
    // "done", "failed", "running or crashed", ...: how a recorded migration ended, in the list's words.
    static QString outcomeText(const engine::history::HistoryEntry &entry);
    // Opens the detail of the migration with this journal id (nullptr when the journal has none). The dialog is
    // the page's child and deletes itself when closed.
    HistoryDetailDialog *openDetails(qint64 id);
    // Its confirm, password and notify handlers are replaceable (tests).
    [[nodiscard]] ResumeLauncher *resumeLauncher() const { return m_resume; }

Q_SIGNALS:
    // A resumed migration started in the session: the main window shows the monitor.
    void resumeStarted();
    void detailsOpened(ui::HistoryDetailDialog *dialog);
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;

private:
    // Returns the button's width.
    int addResumeButton(QTreeWidgetItem *item, const engine::history::HistoryEntry &entry);

    Session *m_session;
    std::shared_ptr<engine::history::HistoryJournal> m_journal;
    QLabel *m_note;
    QList<engine::history::HistoryEntry> m_entries;
    QTreeWidget *m_list;
    QPushButton *m_details;
    ResumeLauncher *m_resume;
};

} // namespace ui
