#pragma once

#include <QWidget>

#include <memory>

class QLabel;
class QTreeWidget;

namespace engine::history {
class HistoryJournal;
}

namespace ui {

class Session;

// Past migrations, from the local journal (engine history/). The page opens the journal at its default location
// (SHADOWSWAP_HISTORY_DB overrides it) and hands it to the session's controller, so every migration the console
// runs is recorded; the list refreshes when one ends and whenever the page is shown.
class HistoryPage : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPage(Session *session, QWidget *parent = nullptr);
    ~HistoryPage() override;

    void refresh();

protected:
    void showEvent(QShowEvent *event) override;

private:
    Session *m_session;
    std::shared_ptr<engine::history::HistoryJournal> m_journal;
    QLabel *m_note;
    QTreeWidget *m_list;
};

} // namespace ui
