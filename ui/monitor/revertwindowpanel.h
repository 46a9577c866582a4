#pragma once

#include <model/progress.h>

#include <QGroupBox>

#include <functional>

class QLabel;
class QPushButton;

namespace ui {

// The revert window after the swap (MigrationSpec::revertWindowSeconds): the countdown, how far the old table
// is behind the live one, and the two ways out — revert (a second atomic swap) or keep the new schema. Shown
// while snapshots say RevertWindow; GUI thread. It asks before either way out and then only signals: the owner
// talks to the controller.
class RevertWindowPanel : public QGroupBox {
    Q_OBJECT
public:
    explicit RevertWindowPanel(QWidget *parent = nullptr);

    // How the panel asks "are you sure?"; tests replace the dialog. Returns true to go ahead.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(Confirm confirm) { m_confirm = std::move(confirm); }

    // The migrated table, for the texts.
    void setTable(const QString &database, const QString &table);
    // Shows the panel while the state is RevertWindow, with the snapshot's countdown and lag.
    void setSnapshot(const engine::migration::ProgressSnapshot &snapshot);
    // Hidden, buttons enabled again (a new migration, or the end of this one).
    void reset();

    void confirmRevert();
    void confirmClose();

    // "04:59"; "1:02:03" from an hour on; "--:--" when unknown (negative).
    static QString countdownText(qint64 seconds);

Q_SIGNALS:
    void revertRequested();
    void closeRequested();

private:
    void setRequested(const QString &status);

    QLabel *m_countdown;
    QLabel *m_lag;
    QLabel *m_status;
    QPushButton *m_revert;
    QPushButton *m_close;
    Confirm m_confirm;
    QString m_table; // db.table, for the texts
    qint64 m_lagMillis = -1; // the last snapshot's old-table lag
    bool m_requested = false; // a way out was chosen; the engine is on it
};

} // namespace ui
