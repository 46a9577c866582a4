#pragma once

#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace ui {

// The current CREATE TABLE next to the one the ALTER produces, changed lines highlighted on both sides.
class CreateDiffView : public QWidget {
    Q_OBJECT
public:
    explicit CreateDiffView(QWidget *parent = nullptr);

    void setCurrent(const QString &createStatement);
    void setProposed(const QString &createStatement);
    void setProposedMessage(const QString &message); // instead of a statement: "running…", an error
    [[nodiscard]] int changedLines() const { return m_changes; }

private:
    void rediff();

    QPlainTextEdit *m_left;
    QPlainTextEdit *m_right;
    QLabel *m_summary;
    int m_changes = 0;
};

} // namespace ui
