#pragma once

#include <model/progress.h>

#include <QWidget>

class QLabel;

namespace ui {

// validating → copying → verifying → postponed → cutting over → done, each with the time spent in it; the
// current phase stands out, and the ETA follows. Fed with whole snapshots.
class StateStrip : public QWidget {
    Q_OBJECT
public:
    explicit StateStrip(QWidget *parent = nullptr);
    void setSnapshot(const engine::migration::ProgressSnapshot &snapshot);
    void clear();

    static QString stateText(engine::migration::MigrationState state);
    static QString duration(qint64 millis);

private:
    QList<QLabel *> m_phases;
    QLabel *m_eta;
};

} // namespace ui
