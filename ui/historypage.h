#pragma once

#include <QWidget>

class QTreeWidget;

namespace ui {

class Session;

// Past migrations. Until the local journal exists (engine history/), it lists this session's migrations only.
class HistoryPage : public QWidget {
    Q_OBJECT
public:
    explicit HistoryPage(Session *session, QWidget *parent = nullptr);

private:
    void add(const QString &outcome, qint64 millis, const QString &detail);

    Session *m_session;
    QTreeWidget *m_list;
};

} // namespace ui
