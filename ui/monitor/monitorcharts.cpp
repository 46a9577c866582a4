#include "monitorcharts.h"

#include "plot.h"

#include <QGridLayout>
#include <QLocale>
#include <QToolTip>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <limits>

using namespace Qt::StringLiterals;

namespace ui {

namespace {
// Replica lines, in the order their endpoints appear: distinct from the stream's purple and the max-lag red,
// readable on light and dark backgrounds.
QColor replicaColour(size_t index)
{
    static const QColor colours[] = {
        QColor(0xe3, 0x74, 0x00), QColor(0x00, 0x97, 0xa7), QColor(0xd8, 0x1b, 0x60),
        QColor(0x7c, 0xb3, 0x42), QColor(0x8d, 0x6e, 0x63), QColor(0x5c, 0x6b, 0xc0),
        QColor(0xf9, 0xa8, 0x25), QColor(0x26, 0xa6, 0x9a),
    };
    return colours[index % std::size(colours)];
}

// Keeps the last 200 periods of one condition (throttled, a replica unreadable) for the hover text: samples
// less than a second apart with the same reason extend the last period.
template<typename Span>
void extendSpans(std::deque<Span> &spans, double t, const QString &reason)
{
    if (!spans.empty() && spans.back().reason == reason && t - spans.back().to < 1.0)
        spans.back().to = t;
    else
        spans.push_back({t, t, reason});
    while (spans.size() > 200)
        spans.pop_front();
}
} // namespace

MonitorCharts::MonitorCharts(QWidget *parent, Look look)
    : QWidget(parent)
    , m_palette(palette())
{
    if (look == Look::Print) {
        m_palette = QPalette(Qt::black, Qt::white);
        m_palette.setColor(QPalette::Base, Qt::white);
        m_palette.setColor(QPalette::Text, QColor(0x20, 0x21, 0x24));
        m_palette.setColor(QPalette::Mid, QColor(0xb0, 0xb4, 0xb8));
    }
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

    const bool dark = m_palette.color(QPalette::Base).lightness() < 128;
    m_progressGraph = addGraph(progress, tr("copied"), QColor(0x1a, 0x73, 0xe8));
    m_progressGraph->setBrush(QColor(0x1a, 0x73, 0xe8, 50));
    progress->yAxis->setRange(0, 100);
    m_copyRate = addGraph(rates, tr("copy rows/s"), QColor(0x1a, 0x73, 0xe8));
    m_applyRate = addGraph(rates, tr("apply events/s"), QColor(0x18, 0x80, 0x38));
    m_streamLag = addGraph(lag, tr("binlog stream"), QColor(0x93, 0x34, 0xe6));
    m_backlogGraph = addGraph(backlog, tr("backlog"), QColor(0x00, 0x89, 0x7b));
    m_backlogGraph->setBrush(QColor(0x00, 0x89, 0x7b, 40));
    rates->legend->setVisible(true);
    lag->legend->setVisible(true);
    m_lagPlot = lag;

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
        connect(plot, &QCustomPlot::mouseMove, this,
                [this, plot](QMouseEvent *e) { showHoverText(plot, e); });
    }

    if (look == Look::Print)
        for (QCustomPlot *plot : std::as_const(m_plots))
            plot->setInteractions({});
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
    m_titles << title;
    QSharedPointer<QCPAxisTickerTime> ticker(new QCPAxisTickerTime);
    ticker->setTimeFormat(u"%h:%m:%s"_s);
    plot->xAxis->setTicker(ticker);
    plot->yAxis->setLabel(unit);
    // Follow the palette so the charts read on dark themes too.
    const QPalette &pal = m_palette;
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
    for (TimeSeries *s : {&m_progress, &m_copy, &m_apply, &m_stream, &m_backlog, &m_throttled})
        s->clear();
    m_spans.clear();
    // The next migration may watch other replicas.
    for (const auto &replica : m_replicas)
        m_lagPlot->removeGraph(replica->graph);
    m_replicas.clear();
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
    addReplicaLags(t, s);
    m_backlog.append(t, double(s.backlog));
    m_throttled.append(t, s.throttled ? 1.0 : 0.0);
    if (s.rowsEstimate > 0) {
        const QLocale locale;
        m_progressHeading->setText(tr("Copy progress: %1 of %2 rows")
                                       .arg(locale.toString(s.rowsCopied), locale.toString(s.rowsEstimate)));
    }
    if (s.throttled)
        extendSpans(m_spans, t, s.throttleReason);
    m_dirty = true;
}

void MonitorCharts::addReplicaLags(double t, const engine::migration::ProgressSnapshot &s)
{
    QList<engine::migration::ReplicaLagReading> readings = s.replicaLags;
    // A snapshot with only the worst figure (no per-replica readings) still gets a line.
    if (readings.isEmpty() && s.replicaLagMillis >= 0)
        readings.append({tr("replica"), s.replicaLagMillis, {}});
    constexpr double gap = std::numeric_limits<double>::quiet_NaN();
    std::vector<bool> read(m_replicas.size(), false);
    for (const auto &reading : std::as_const(readings)) {
        auto it = std::find_if(m_replicas.begin(), m_replicas.end(),
                               [&reading](const auto &r) { return r->endpoint == reading.endpoint; });
        if (it == m_replicas.end()) {
            if (int(m_replicas.size()) >= maxReplicaSeries)
                continue;
            auto replica = std::make_unique<Replica>();
            replica->endpoint = reading.endpoint;
            replica->graph = addGraph(m_lagPlot, reading.endpoint, replicaColour(m_replicas.size()));
            m_replicas.push_back(std::move(replica));
            read.push_back(false);
            it = std::prev(m_replicas.end());
        }
        Replica &replica = **it;
        read[size_t(it - m_replicas.begin())] = true;
        const bool ok = reading.lagMillis >= 0;
        replica.lag.append(t, ok ? double(reading.lagMillis) / 1000.0 : gap);
        replica.error = ok ? QString() : (reading.error.isEmpty() ? tr("(no reason given)") : reading.error);
        if (!ok)
            extendSpans(replica.errors, t, replica.error);
    }
    // A replica no longer watched (changed while running) gets a gap, not a line drawn across its absence.
    for (size_t i = 0; i < m_replicas.size(); ++i) {
        if (!read[i]) {
            m_replicas[i]->lag.append(t, gap);
            m_replicas[i]->error.clear();
        }
    }
}

QStringList MonitorCharts::replicaEndpoints() const
{
    QStringList endpoints;
    for (const auto &replica : m_replicas)
        endpoints << replica->endpoint;
    return endpoints;
}

const TimeSeries *MonitorCharts::replicaLagSeries(const QString &endpoint) const
{
    for (const auto &replica : m_replicas)
        if (replica->endpoint == endpoint)
            return &replica->lag;
    return nullptr;
}

QString MonitorCharts::replicaLegendName(const QString &endpoint) const
{
    for (const auto &replica : m_replicas)
        if (replica->endpoint == endpoint)
            return replica->error.isEmpty() ? endpoint : tr("%1 (unreadable)").arg(endpoint);
    return {};
}

void MonitorCharts::addSamples(const std::vector<engine::history::HistorySample> &samples,
                               const QList<engine::history::ThrottleEpisode> &episodes)
{
    for (const auto &sample : samples) {
        engine::migration::ProgressSnapshot snapshot = sample.toSnapshot();
        if (snapshot.throttled)
            for (const auto &episode : episodes)
                if (sample.elapsedMillis >= episode.fromMillis && sample.elapsedMillis <= episode.toMillis)
                    snapshot.throttleReason = episode.reason;
        addSnapshot(snapshot);
    }
}

void MonitorCharts::renderNow()
{
    m_dirty = true;
    updatePlots();
}

QList<QPair<QString, QImage>> MonitorCharts::chartImages(QSize size, double scale)
{
    renderNow();
    QList<QPair<QString, QImage>> images;
    for (qsizetype i = 0; i < m_plots.size(); ++i) {
        const QString title = i == 0 ? m_progressHeading->text() : m_titles.value(i);
        images.append({title, m_plots[i]->toPixmap(size.width(), size.height(), scale).toImage()});
    }
    return images;
}

void MonitorCharts::replot()
{
    if (!m_dirty || !isVisible())
        return;
    updatePlots();
}

void MonitorCharts::updatePlots()
{
    m_dirty = false;
    const auto set = [](QCPGraph *graph, const TimeSeries &series) {
        graph->setData(series.keys(), series.values(), true);
    };
    set(m_progressGraph, m_progress);
    set(m_copyRate, m_copy);
    set(m_applyRate, m_apply);
    set(m_streamLag, m_stream);
    for (const auto &replica : m_replicas) {
        set(replica->graph, replica->lag);
        replica->graph->setName(replicaLegendName(replica->endpoint));
    }
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

namespace {
template<typename Span>
const Span *spanAt(const std::deque<Span> &spans, double t)
{
    for (auto it = spans.rbegin(); it != spans.rend(); ++it)
        if (t >= it->from - 0.25 && t <= it->to + 0.25)
            return &*it;
    return nullptr;
}
} // namespace

QString MonitorCharts::throttleText(double seconds) const
{
    const Span *span = spanAt(m_spans, seconds);
    if (!span)
        return {};
    return tr("Throttled: %1").arg(span->reason.isEmpty() ? tr("(no reason given)") : span->reason);
}

QString MonitorCharts::lagToolTip(double seconds) const
{
    QStringList lines;
    if (const QString throttled = throttleText(seconds); !throttled.isEmpty())
        lines << throttled;
    for (const auto &replica : m_replicas)
        if (const Span *span = spanAt(replica->errors, seconds))
            lines << tr("%1: lag unreadable: %2").arg(replica->endpoint, span->reason);
    return lines.join(u'\n');
}

void MonitorCharts::showHoverText(QCustomPlot *plot, QMouseEvent *event)
{
    const double t = plot->xAxis->pixelToCoord(event->position().x());
    const QString text = plot == m_lagPlot ? lagToolTip(t) : throttleText(t);
    if (text.isEmpty())
        QToolTip::hideText();
    else
        QToolTip::showText(event->globalPosition().toPoint(), text, plot);
}

} // namespace ui
