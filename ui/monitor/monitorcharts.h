#pragma once

#include "timeseries.h"

#include <history/historyrecord.h>
#include <model/progress.h>

#include <QTimer>
#include <QWidget>

#include <deque>
#include <memory>
#include <vector>

class QCustomPlot;
class QCPGraph;
class QCPItemStraightLine;
class QCPTextElement;

namespace ui {

// Four linked time charts of a migration: copy progress, copy/apply rates, lag with the max-lag line, backlog.
// The lag chart has the binlog stream's lag and one line per watched replica (created when its endpoint
// first appears, named by it; a reading that failed is a gap, and hovering over it tells why). Throttled
// periods are shaded (hover for the reason). Snapshots only fill fixed-capacity series, at most
// maxReplicaSeries of them for replicas; a timer replots at most four times a second (rpQueuedReplot).
// Drag/wheel pans and zooms the time axis; double-click follows live again.
class MonitorCharts : public QWidget {
    Q_OBJECT
public:
    // Print: dark on white whatever the desktop's theme, no panning or zooming (reports, exported images).
    enum class Look { Screen, Print };
    explicit MonitorCharts(QWidget *parent = nullptr, Look look = Look::Screen);

    void addSnapshot(const engine::migration::ProgressSnapshot &snapshot);
    // A recorded migration's samples; the episodes give the throttled periods their reasons (hover text).
    void addSamples(const std::vector<engine::history::HistorySample> &samples,
                    const QList<engine::history::ThrottleEpisode> &episodes = {});
    // Puts the data into the charts now, shown or not (the timer only replots visible charts).
    void renderNow();
    // Each chart as an image of `size` (device-independent pixels) at `scale` times the pixels, with its title.
    [[nodiscard]] QList<QPair<QString, QImage>> chartImages(QSize size, double scale = 2.0);
    void setMaxLagMillis(qint64 millis);
    void clear();
    [[nodiscard]] int pointCount() const { return m_progress.size(); }
    [[nodiscard]] int capacity() const { return m_progress.capacity(); }
    [[nodiscard]] QString progressTitle() const;

    // Replica endpoints ("host:port") in the order they appeared; beyond maxReplicaSeries, none is added.
    static constexpr int maxReplicaSeries = 16;
    [[nodiscard]] QStringList replicaEndpoints() const;
    // Lag in seconds, NaN where it could not be read; nullptr for an endpoint never seen.
    [[nodiscard]] const TimeSeries *replicaLagSeries(const QString &endpoint) const;
    // The legend's text for the endpoint's line (says when its latest reading failed).
    [[nodiscard]] QString replicaLegendName(const QString &endpoint) const;
    // What hovering over the lag chart at `seconds` shows: throttling, and unreadable replicas with why.
    [[nodiscard]] QString lagToolTip(double seconds) const;

private:
    QCustomPlot *makePlot(const QString &title, const QString &unit);
    QCPGraph *addGraph(QCustomPlot *plot, const QString &name, const QColor &colour);
    void replot();
    void updatePlots();
    void showHoverText(QCustomPlot *plot, QMouseEvent *event);
    [[nodiscard]] QString throttleText(double seconds) const;
    void addReplicaLags(double t, const engine::migration::ProgressSnapshot &snapshot);

    QList<QCustomPlot *> m_plots;
    QStringList m_titles; // one per plot
    QPalette m_palette;
    QList<QCPGraph *> m_throttleGraphs; // one per plot, on a hidden 0..1 axis
    QCPGraph *m_progressGraph, *m_copyRate, *m_applyRate, *m_streamLag, *m_backlogGraph;
    QCPItemStraightLine *m_maxLagLine;
    QCPTextElement *m_progressHeading = nullptr; // shows the rows copied of the estimate
    TimeSeries m_progress{3600, TimeSeries::Merge::Max};
    TimeSeries m_copy{3600, TimeSeries::Merge::Mean};
    TimeSeries m_apply{3600, TimeSeries::Merge::Mean};
    TimeSeries m_stream{3600, TimeSeries::Merge::Max};
    TimeSeries m_backlog{3600, TimeSeries::Merge::Max};
    TimeSeries m_throttled{3600, TimeSeries::Merge::Max};
    struct Span {
        double from, to;
        QString reason;
    };
    std::deque<Span> m_spans; // the last 200 throttled periods, for hover text
    struct Replica {
        QString endpoint;
        QCPGraph *graph = nullptr;
        TimeSeries lag{3600, TimeSeries::Merge::Max};
        QString error;            // of the latest reading; empty when it was read
        std::deque<Span> errors;  // the last 200 periods it could not be read, for hover text
    };
    std::vector<std::unique_ptr<Replica>> m_replicas; // at most maxReplicaSeries
    QCustomPlot *m_lagPlot = nullptr;    QTimer m_replotTimer;
    bool m_dirty = false;
    bool m_followLive = true;
    double m_maxLagSeconds = 1.5;
};

} // namespace ui
