#include "monitorcharts.h"

#include "plot.h"

#include <QGridLayout>
#include <QLocale>
#include <QToolTip>

using namespace Qt::StringLiterals;

namespace ui {

MonitorCharts::MonitorCharts(QWidget *parent)
    : QWidget(parent)
{
    auto *grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setSpacing(6);
    QCustomPlot *progress = makePlot(tr("Copy progress"), tr("%"));
    QCustomPlot *rates = makePlot(tr("Rates"), tr("per second"));
    QCustomPlot *lag = makePlot(tr("Lag"), tr("seconds"));
    QCustomPlot *backlog = makePlot(tr("Backlog"), tr("changed keys"));
    grid->addWidget(progress, 0, 0);
    grid->addWidget(rates, 0, 1);
    grid->addWidget(lag, 1, 0);
    grid->addWidget(backlog, 1, 1);

    const bool dark = palette().color(QPalette::Base).lightness() < 128;
    m_progressGraph = addGraph(progress, tr("copied"), QColor(0x1a, 0x73, 0xe8));
    m_progressGraph->setBrush(QColor(0x1a, 0x73, 0xe8, 50));
    progress->yAxis->setRange(0, 100);
    m_copyRate = addGraph(rates, tr("copy rows/s"), QColor(0x1a, 0x73, 0xe8));
    m_applyRate = addGraph(rates, tr("apply events/s"), QColor(0x18, 0x80, 0x38));
    m_streamLag = addGraph(lag, tr("binlog stream"), QColor(0x93, 0x34, 0xe6));
    m_replicaLag = addGraph(lag, tr("replica"), QColor(0xe3, 0x74, 0x00));
    m_backlogGraph = addGraph(backlog, tr("backlog"), QColor(0x00, 0x89, 0x7b));
    m_backlogGraph->setBrush(QColor(0x00, 0x89, 0x7b, 40));
    rates->legend->setVisible(true);
    lag->legend->setVisible(true);

    m_maxLagLine = new QCPItemStraightLine(lag);
    m_maxLagLine->setPen(QPen(QColor(0xd9, 0x30, 0x25), 1.5, Qt::DashLine));
    setMaxLagMillis(1500);

    for (QCustomPlot *plot : std::as_const(m_plots)) {
        // Throttled periods: a 0/1 step graph on the hidden right axis, filled down to 0.
        plot->yAxis2->setRange(0, 1);
        QCPGraph *shade = plot->addGraph(plot->xAxis, plot->yAxis2);
        shade->setLineStyle(QCPGraph::lsStepLeft);
        shade->setPen(Qt::NoPen);
        shade->setBrush(dark ? QColor(0xff, 0xb7, 0x4d, 45) : QColor(0xff, 0x98, 0x00, 40));
        shade->setName(tr("throttled"));
        shade->removeFromLegend();
        shade->setSelectable(QCP::stNone);
        m_throttleGraphs << shade;
        connect(plot->xAxis, qOverload<const QCPRange &>(&QCPAxis::rangeChanged), this,
                [this, plot](const QCPRange &range) {
                    for (QCustomPlot *other : std::as_const(m_plots)) {
                        if (other != plot && other->xAxis->range() != range) {
                            other->xAxis->setRange(range);
                            other->replot(QCustomPlot::rpQueuedReplot);
                        }
                    }
                });
        connect(plot, &QCustomPlot::mousePress, this, [this] { m_followLive = false; });
        connect(plot, &QCustomPlot::mouseWheel, this, [this] { m_followLive = false; });
        connect(plot, &QCustomPlot::mouseDoubleClick, this, [this] {
            m_followLive = true;
            m_dirty = true;
        });
        connect(plot, &QCustomPlot::mouseMove, this, [this, plot](QMouseEvent *e) { showThrottleReason(plot, e); });
    }

    m_replotTimer.setInterval(250);
    connect(&m_replotTimer, &QTimer::timeout, this, &MonitorCharts::replot);
    m_replotTimer.start();
}

QCustomPlot *MonitorCharts::makePlot(const QString &title, const QString &unit)
{
    auto *plot = new QCustomPlot(this);
    plot->setObjectName(u"chart%1"_s.arg(m_plots.size()));
    plot->setMinimumSize(240, 130);
    plot->setNoAntialiasingOnDrag(true);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->axisRect()->setRangeDrag(Qt::Horizontal);
    plot->axisRect()->setRangeZoom(Qt::Horizontal);
    plot->plotLayout()->insertRow(0);
    auto *heading = new QCPTextElement(plot, title, QFont(font().family(), font().pointSize(), QFont::Bold));
    plot->plotLayout()->addElement(0, 0, heading);
    if (m_plots.isEmpty())
        m_progressHeading = heading;
    QSharedPointer<QCPAxisTickerTime> ticker(new QCPAxisTickerTime);
    ticker->setTimeFormat(u"%h:%m:%s"_s);
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setLabel(unit);
    // Follow the palette so the charts read on dark themes too.
    const QPalette pal = palette();
    plot->setBackground(pal.color(QPalette::Base));
    for (QCPAxis *axis : {plot->xAxis, plot->yAxis}) {
        axis->setBasePen(QPen(pal.color(QPalette::Text)));
        axis->setTickPen(QPen(pal.color(QPalette::Text)));
        axis->setSubTickPen(QPen(pal.color(QPalette::Text)));
        axis->setTickLabelColor(pal.color(QPalette::Text));
        axis->setLabelColor(pal.color(QPalette::Text));
        axis->grid()->setPen(QPen(pal.color(QPalette::Mid), 0, Qt::DotLine));
    }
    heading->setTextColor(pal.color(QPalette::Text));
    plot->legend->setBrush(pal.color(QPalette::Base));
    plot->legend->setTextColor(pal.color(QPalette::Text));
    plot->legend->setBorderPen(QPen(pal.color(QPalette::Mid)));
    plot->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    plot->xAxis->setRange(0, 60);
    m_plots << plot;
    return plot;
}

QCPGraph *MonitorCharts::addGraph(QCustomPlot *plot, const QString &name, const QColor &colour)
{
    QCPGraph *graph = plot->addGraph();
    graph->setName(name);
    graph->setPen(QPen(colour, 1.6));
    graph->setAdaptiveSampling(true);
    return graph;
}

void MonitorCharts::setMaxLagMillis(qint64 millis)
{
    m_maxLagSeconds = double(millis) / 1000.0;
    m_maxLagLine->point1->setCoords(0, m_maxLagSeconds);
    m_maxLagLine->point2->setCoords(1, m_maxLagSeconds);
    m_dirty = true;
}

QString MonitorCharts::progressTitle() const
{
    return m_progressHeading->text();
}

void MonitorCharts::clear()
{
    for (TimeSeries *s : {&m_progress, &m_copy, &m_apply, &m_stream, &m_replica, &m_backlog, &m_throttled})
        s->clear();
    m_spans.clear();
    m_progressHeading->setText(tr("Copy progress"));
    m_followLive = true;
    m_dirty = true;
}

void MonitorCharts::addSnapshot(const engine::migration::ProgressSnapshot &s)
{
    const double t = double(s.elapsedMillis) / 1000.0;
    m_progress.append(t, s.copyPercent);
    m_copy.append(t, s.copyRowsPerSecond);
    m_apply.append(t, s.applyEventsPerSecond);
    m_stream.append(t, s.streamLagMillis < 0 ? 0.0 : double(s.streamLagMillis) / 1000.0);
    m_replica.append(t, s.replicaLagMillis < 0 ? 0.0 : double(s.replicaLagMillis) / 1000.0);
    m_backlog.append(t, double(s.backlog));
    m_throttled.append(t, s.throttled ? 1.0 : 0.0);
    if (s.rowsEstimate > 0) {
        const QLocale locale;
        m_progressHeading->setText(tr("Copy progress: %1 of %2 rows")
                                       .arg(locale.toString(s.rowsCopied), locale.toString(s.rowsEstimate)));
    }
    if (s.throttled) {
        if (!m_spans.empty() && m_spans.back().reason == s.throttleReason && t - m_spans.back().to < 1.0)
            m_spans.back().to = t;
        else
            m_spans.push_back({t, t, s.throttleReason});
        while (m_spans.size() > 200)
            m_spans.pop_front();
    }
    m_dirty = true;
}

void MonitorCharts::replot()
{
    if (!m_dirty || !isVisible())
        return;
    m_dirty = false;
    const auto set = [](QCPGraph *graph, const TimeSeries &series) {
        graph->setData(series.keys(), series.values(), true);
    };
    set(m_progressGraph, m_progress);
    set(m_copyRate, m_copy);
    set(m_applyRate, m_apply);
    set(m_streamLag, m_stream);
    set(m_replicaLag, m_replica);
    set(m_backlogGraph, m_backlog);
    for (QCPGraph *shade : std::as_const(m_throttleGraphs))
        set(shade, m_throttled);
    const double end = m_progress.size() > 0 ? m_progress.keys().last() : 0.0;
    for (QCustomPlot *plot : std::as_const(m_plots)) {
        // Live: the whole migration fills the width (at least ten seconds, so a fresh start isn't a smear).
        if (m_followLive)
            plot->xAxis->setRange(0, std::max(10.0, end * 1.03));
        if (plot != m_plots.first()) {
            bool found = false;
            QCPRange range = plot->graph(0)->getValueRange(found);
            for (int i = 1; i < plot->graphCount(); ++i) {
                if (plot->graph(i)->valueAxis() != plot->yAxis)
                    continue;
                bool more = false;
                const QCPRange r = plot->graph(i)->getValueRange(more);
                if (more)
                    range.expand(r);
                found = found || more;
            }
            double upper = found ? range.upper : 1.0;
            if (plot == m_plots[2])
                upper = std::max(upper, m_maxLagSeconds);
            plot->yAxis->setRange(0, std::max(1.0, upper * 1.15));
        }
        plot->replot(QCustomPlot::rpQueuedReplot);
    }
}

void MonitorCharts::showThrottleReason(QCustomPlot *plot, QMouseEvent *event)
{
    const double t = plot->xAxis->pixelToCoord(event->position().x());
    for (auto it = m_spans.rbegin(); it != m_spans.rend(); ++it) {
        if (t >= it->from - 0.25 && t <= it->to + 0.25) {
            QToolTip::showText(event->globalPosition().toPoint(),
                               tr("Throttled: %1").arg(it->reason.isEmpty() ? tr("(no reason given)") : it->reason),
                               plot);
            return;
        }
    }
    QToolTip::hideText();
}

} // namespace ui
