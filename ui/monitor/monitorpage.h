#pragma once

#include <model/progress.h>
#include <model/migrationspec.h>

#include <QWidget>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QListView;
class QPushButton;
class QSpinBox;

namespace ui {

class CutOverWindowPanel;
class LogFilterModel;
class LogModel;
class MonitorCharts;
class RevertWindowPanel;
class Session;
class StateStrip;

// The live view of the session's migration: state strip, figures, charts, controls, live settings and the log.
class MonitorPage : public QWidget {
    Q_OBJECT
public:
    MonitorPage(Session *session, LogModel *log, QWidget *parent = nullptr);

    // How the page (and its revert window panel) asks "are you sure?"; tests replace the dialog. Returns true
    // to go ahead.
    using Confirm = std::function<bool(const QString &title, const QString &text)>;
    void setConfirmHandler(Confirm confirm) { m_confirm = std::move(confirm); }
    [[nodiscard]] MonitorCharts *charts() const { return m_charts; }
    [[nodiscard]] RevertWindowPanel *revertWindowPanel() const { return m_revertWindow; }
    // Shown while the cut-over waits (postponed) and while it is attempted; looks at the primary meanwhile.
    [[nodiscard]] CutOverWindowPanel *cutOverWindowPanel() const { return m_cutOverWindow; }

    void confirmAbort();
    // Looks for sessions on the primary that would hold the swap's lock back, then asks (showing them and the lag).
    void confirmCutOver();
    [[nodiscard]] const QStringList &lastCutOverBlockers() const { return m_lastCutOverBlockers; }

private:
    void onStarted(const engine::migration::MigrationSpec &spec);
    void onSnapshot(const engine::migration::ProgressSnapshot &snapshot);
    void onFinished(const engine::migration::MigrationSummary &summary);
    void onFailed(const engine::migration::MigrationFailure &failure);
    void setControlsEnabled(bool running);
    void updatePostponeButton();
    void askCutOver(const QStringList &sessions);
    void updateCutOverWindow(const engine::migration::ProgressSnapshot &snapshot);

    Session *m_session;
    StateStrip *m_strip;
    QLabel *m_title;
    QLabel *m_figures;
    QLabel *m_result;
    MonitorCharts *m_charts;
    QPushButton *m_throttle;
    QPushButton *m_postpone;
    QPushButton *m_cutOver;
    QPushButton *m_abort;
    RevertWindowPanel *m_revertWindow;
    CutOverWindowPanel *m_cutOverWindow;
    QSpinBox *m_chunkTarget;
    QSpinBox *m_maxLag;
    QDoubleSpinBox *m_nice;
    QComboBox *m_logLevel;
    QListView *m_logView;
    LogFilterModel *m_logFilter;
    Confirm m_confirm;
    bool m_lookingForBlockers = false;
    QStringList m_lastCutOverBlockers;
};

} // namespace ui
