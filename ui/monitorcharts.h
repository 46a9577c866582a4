#pragma once

#include "timeseries.h"

#include <migration/progress.h>

#include <QTimer>
#include <QWidget>

#include <deque>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPTextElement;

namespace ui {

// Four linked time charts of a migration: copy progress, copy/apply rates, lag with the max-lag line, backlog.
// Throttled periods are shaded (hover for the reason). Snapshots only fill ring buffers; a timer replots at most
// four times a second (rpQueuedReplot). Drag/wheel pans and zooms the time axis; double-click follows live again.
class MonitorCharts : public QWidget {
    Q_OBJECT
public:
    explicit MonitorCharts(QWidget *parent = nullptr);

    void addSnapshot(const engine::migration::ProgressSnapshot &snapshot);
    void setMaxLagMillis(qint64 millis);
    void clear();
    [[nodiscard]] int pointCount() const { return m_progress.size(); }
    [[nodiscard]] int capacity() const { return m_progress.capacity(); }
    [[nodiscard]] QString progressTitle() const;

private:
    QCustomPlot *makePlot(const QString &title, const QString &unit);
    QCPGraph *addGraph(QCustomPlot *plot, const QString &name, const QColor &colour);
    void replot();
    void showThrottleReason(QCustomPlot *plot, QMouseEvent *event);

    QList<QCustomPlot *> m_plots;
    QList<QCPGraph *> m_throttleGraphs; // one per plot, on a hidden 0..1 axis
    QCPGraph *m_progressGraph, *m_copyRate, *m_applyRate, *m_streamLag, *m_replicaLag, *m_backlogGraph;
    QCPItemStraightLine *m_maxLagLine;
    QCPTextElement *m_progressHeading = nullptr; // shows the rows copied of the estimate
    TimeSeries m_progress{3600, TimeSeries::Merge::Max};
    TimeSeries m_copy{3600, TimeSeries::Merge::Mean};
    TimeSeries m_apply{3600, TimeSeries::Merge::Mean};
    TimeSeries m_stream{3600, TimeSeries::Merge::Max};
    TimeSeries m_replica{3600, TimeSeries::Merge::Max};
    TimeSeries m_backlog{3600, TimeSeries::Merge::Max};
    TimeSeries m_throttled{3600, TimeSeries::Merge::Max};
    struct Span {
        double from, to;
        QString reason;
    };
    std::deque<Span> m_spans; // the last 200 throttled periods, for hover text
    QTimer m_replotTimer;
    bool m_dirty = false;
    bool m_followLive = true;
    double m_maxLagSeconds = 1.5;
};

} // namespace ui
