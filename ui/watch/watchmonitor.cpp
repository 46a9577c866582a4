#include "watchmonitor.h"

#include "lagtext.h"
#include "monitorcharts.h"
#include "statestrip.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using engine::migration::MigrationState;

namespace ui {

WatchMonitor::WatchMonitor(MigrationFeed *feed, QWidget *parent)
    : QWidget(parent)
    , m_feed(feed)
    , m_title(new QLabel(this))
    , m_link(new QLabel(this))
    , m_figures(new QLabel(this))
    , m_reply(new QLabel(this))
    , m_header(new QPlainTextEdit(this))
    , m_charts(new MonitorCharts(this))
    , m_throttle(new QPushButton(tr("&Throttle"), this))
    , m_noThrottle(new QPushButton(tr("&No throttle"), this))
    , m_unpostpone(new QPushButton(tr("&Allow cut-over"), this))
    , m_panic(new QPushButton(tr("&Panic…"), this))
    , m_cutOverWindow(new QPushButton(tr("Cut-over &window…"), this))
    , m_chunkSize(new QSpinBox(this))
    , m_maxLag(new QSpinBox(this))
    , m_nice(new QDoubleSpinBox(this))
    , m_dmlBatch(new QSpinBox(this))
    , m_confirm([this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    }) {
    setObjectName(u"watchMonitor"_s);
    m_link->setObjectName(u"linkLabel"_s);
    m_figures->setObjectName(u"watchFiguresLabel"_s);
    m_reply->setObjectName(u"replyLabel"_s);
    m_header->setObjectName(u"headerFacts"_s);
    m_throttle->setObjectName(u"watchThrottleButton"_s);
    m_noThrottle->setObjectName(u"watchNoThrottleButton"_s);
    m_unpostpone->setObjectName(u"watchUnpostponeButton"_s);
    m_panic->setObjectName(u"watchPanicButton"_s);
    m_cutOverWindow->setObjectName(u"watchCutOverWindowButton"_s);
    m_cutOverWindow->setToolTip(tr("Who holds or waits for the table's locks, long transactions and replica lag, "
                                   "live, with KILL: read on the primary of the server the console is connected to."));
    m_chunkSize->setObjectName(u"watchChunkSizeSpin"_s);
    m_maxLag->setObjectName(u"watchMaxLagSpin"_s);
    m_nice->setObjectName(u"watchNiceSpin"_s);
    m_dmlBatch->setObjectName(u"watchDmlBatchSpin"_s);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_title->setWordWrap(true);
    m_figures->setTextFormat(Qt::RichText);
    m_figures->setWordWrap(true);
    m_link->setWordWrap(true);
    m_reply->setWordWrap(true);
    m_reply->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_header->setReadOnly(true);
    m_header->setMaximumBlockCount(40);
    m_header->setFont(QFont(u"monospace"_s, font().pointSize()));
    m_header->setPlaceholderText(tr("The migration's own description (tables, hosts, flags) appears here."));

    m_throttle->setToolTip(tr("Send \"throttle\": copying and applying pause until \"no-throttle\"."));
    m_noThrottle->setToolTip(
        tr("Send \"no-throttle\": ends the throttle you commanded (other throttling may still apply)."));
    m_unpostpone->setToolTip(tr("Send \"unpostpone\": the postponed cut-over proceeds now."));
    m_panic->setToolTip(
        tr("Send \"panic\": the process quits at once without cleaning up. The original table is "
           "not touched; the helper tables stay behind."));
    m_chunkSize->setRange(10, 100000);
    m_maxLag->setRange(100, 3600000);
    m_maxLag->setSuffix(tr(" ms"));
    m_nice->setRange(0, 100);
    m_nice->setDecimals(2);
    m_nice->setSingleStep(0.1);
    m_dmlBatch->setRange(1, 100000);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_throttle);
    controls->addWidget(m_noThrottle);
    controls->addWidget(m_unpostpone);
    controls->addWidget(m_cutOverWindow);
    controls->addStretch(1);
    controls->addWidget(m_panic);

    auto *live = new QGroupBox(tr("Live settings (sent when you press Enter)"), this);
    auto *form = new QFormLayout(live);
    form->addRow(tr("chunk-size:"), m_chunkSize);
    form->addRow(tr("max-lag-millis:"), m_maxLag);
    form->addRow(tr("nice-ratio:"), m_nice);
    form->addRow(tr("dml-batch-size:"), m_dmlBatch);
    for (QAbstractSpinBox *spin :
         std::initializer_list<QAbstractSpinBox *>{m_chunkSize, m_maxLag, m_nice, m_dmlBatch})
        spin->setKeyboardTracking(false);
    connect(m_chunkSize, &QSpinBox::editingFinished, this,
            [this] { sendSetting(u"chunk-size"_s, QString::number(m_chunkSize->value())); });
    connect(m_maxLag, &QSpinBox::editingFinished, this, [this] {
        sendSetting(u"max-lag-millis"_s, QString::number(m_maxLag->value()));
        m_charts->setMaxLagMillis(m_maxLag->value());
    });
    connect(m_nice, &QDoubleSpinBox::editingFinished, this,
            [this] { sendSetting(u"nice-ratio"_s, QString::number(m_nice->value(), 'f', 2)); });
    connect(m_dmlBatch, &QSpinBox::editingFinished, this,
            [this] { sendSetting(u"dml-batch-size"_s, QString::number(m_dmlBatch->value())); });

    auto *side = new QWidget(this);
    auto *sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(live);
    sideLayout->addWidget(new QLabel(tr("Header facts:"), side));
    sideLayout->addWidget(m_header, 1);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_charts);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_link);
    layout->addWidget(m_figures);
    layout->addLayout(controls);
    layout->addWidget(m_reply);
    layout->addWidget(split, 1);

    connect(m_throttle, &QPushButton::clicked, this, [this] { m_feed->send(u"throttle"_s); });
    connect(m_noThrottle, &QPushButton::clicked, this, [this] { m_feed->send(u"no-throttle"_s); });
    connect(m_unpostpone, &QPushButton::clicked, this, [this] { m_feed->send(named(u"unpostpone"_s)); });
    connect(m_panic, &QPushButton::clicked, this, &WatchMonitor::confirmPanic);
    connect(m_cutOverWindow, &QPushButton::clicked, this, [this] {
        if (!m_feed->table().isEmpty())
            Q_EMIT cutOverWindowRequested(m_feed->database(), m_feed->table());
    });
    connect(m_feed, &MigrationFeed::snapshotAdded, this, &WatchMonitor::onSnapshot);
    connect(m_feed, &MigrationFeed::runStartedOver, this, [this] {
        m_charts->clear();
        m_reply->setText(tr("A new run answers on %1: the charts start again.").arg(m_feed->source().toHtmlEscaped()));
    });
    connect(m_feed, &MigrationFeed::linkChanged, this, &WatchMonitor::onLink);
    connect(m_feed, &MigrationFeed::commandAnswered, this, &WatchMonitor::onAnswer);
    // Without a socket there is nothing to send: the controls are not shown at all (their values would be
    // made up).
    for (QWidget *w :
         std::initializer_list<QWidget *>{m_throttle, m_noThrottle, m_unpostpone, m_panic, live}) {
        w->setEnabled(m_feed->canControl());
        w->setVisible(m_feed->canControl());
    }
    if (!m_feed->canControl())
        m_reply->setText(tr("Read-only: watched from its helper tables. Attach to its control socket to send "
                            "commands."));
    onLink();
}

QString WatchMonitor::named(const QString &command) const {
    // The table's name makes the command refuse to act on any other migration behind the same socket (and is
    // what --force-named-cut-over / --force-named-panic require).
    return m_feed->table().isEmpty() ? command : u"%1=%2"_s.arg(command, m_feed->table());
}

QString WatchMonitor::linkText() const {
    return m_link->text();
}

QString WatchMonitor::lastReply() const {
    return m_reply->text();
}

void WatchMonitor::onLink() {
    const QString engine = m_feed->engineName().isEmpty() ? tr("a migration") : m_feed->engineName();
    m_title->setText(tr("Watching %1 — %2 via %3").arg(m_feed->title(), engine, m_feed->source()));
    switch (m_feed->link()) {
    case MigrationFeed::Link::Connecting:
        m_link->setText(tr("Connecting…"));
        break;
    case MigrationFeed::Link::Live:
        m_link->setText(tr("Live: read every second."));
        break;
    case MigrationFeed::Link::Lost:
        if (m_feed->hasReading() && !m_figures->text().startsWith(tr("Last reading: ")))
            m_figures->setText(tr("Last reading: ") + m_figures->text());
        m_link->setText(
            tr("<b>No answer</b> from %1: %2. The process may have ended or the connection dropped; the "
               "charts keep what they had and the console keeps trying every second.")
                .arg(m_feed->source().toHtmlEscaped(), m_feed->linkProblem().toHtmlEscaped()));
        break;
    }
}

void WatchMonitor::onSnapshot(const engine::migration::ProgressSnapshot &s) {
    m_charts->addSnapshot(s);
    takeLiveSettings(m_feed->headerLines());
    m_header->setPlainText(m_feed->headerLines().join(u'\n'));
    const QLocale locale;
    QString figures =
        tr("<b>%1</b> · %2 of %3 rows (%4%) · copy %5 rows/s · apply %6 events/s · lag %7 (stream) / "
           "%8 · backlog %9 · ETA %10")
            .arg(StateStrip::stateText(s.state).toHtmlEscaped(), locale.toString(s.rowsCopied),
                 locale.toString(s.rowsEstimate), QString::number(s.copyPercent, 'f', 1),
                 locale.toString(qRound64(s.copyRowsPerSecond)),
                 locale.toString(qRound64(s.applyEventsPerSecond)), LagText::seconds(s.streamLagMillis),
                 LagText::replicas(s).toHtmlEscaped(), locale.toString(s.backlog))
            .arg(m_feed->etaText().isEmpty() ? tr("n/a") : m_feed->etaText().toHtmlEscaped());
    if (s.throttled)
        figures += u" · <b>"_s + s.throttleReason.toHtmlEscaped() + u"</b>"_s;
    m_figures->setText(figures);
    m_unpostpone->setEnabled(m_feed->canControl() && s.state == MigrationState::Postponed);
}

void WatchMonitor::takeLiveSettings(const QStringList &header) {
    // "# chunk-size: 500; max-lag-millis: 1500ms; dml-batch-size: 10; max-load: ; critical-load: ;
    // nice-ratio: 0.0"
    static const QRegularExpression setting(
        u"(chunk-size|max-lag-millis|dml-batch-size|nice-ratio): ([0-9.]+)"_s);
    for (const QString &line : header) {
        auto it = setting.globalMatch(line);
        while (it.hasNext()) {
            const auto m = it.next();
            const QString name = m.captured(1);
            const double value = m.captured(2).toDouble();
            // The migration's current values, except in the box the DBA is typing in.
            if (name == u"chunk-size"_s && !m_chunkSize->hasFocus() && value > 0)
                m_chunkSize->setValue(int(value));
            else if (name == u"max-lag-millis"_s && !m_maxLag->hasFocus()) {
                m_maxLag->setValue(int(value));
                m_charts->setMaxLagMillis(qint64(value));
            } else if (name == u"dml-batch-size"_s && !m_dmlBatch->hasFocus())
                m_dmlBatch->setValue(int(value));
            else if (name == u"nice-ratio"_s && !m_nice->hasFocus())
                m_nice->setValue(value);
        }
    }
}

void WatchMonitor::sendSetting(const QString &name, const QString &value) {
    if (m_feed->canControl())
        m_feed->send(u"%1=%2"_s.arg(name, value));
}

void WatchMonitor::confirmPanic() {
    if (!m_feed->canControl())
        return;
    const QString table = m_feed->table().isEmpty() ? m_feed->source() : m_feed->title();
    const QString text =
        tr("<p>Send <b>panic</b> to the migration of <b>%1</b>?</p><p>The process quits at once, "
           "without cleaning up: the original table is not touched, the helper tables (%2) stay "
           "behind for you to drop.</p>")
            .arg(table.toHtmlEscaped(), m_feed->table().isEmpty()
                                            ? tr("_T_gho, _T_ghc")
                                            : u"_%1_gho, _%1_ghc"_s.arg(m_feed->table()).toHtmlEscaped());
    if (m_confirm(tr("Panic: %1").arg(table), text))
        m_feed->send(named(u"panic"_s));
}

void WatchMonitor::onAnswer(const QString &command, const QString &reply, bool refused) {
    // The status a command answers with is already in the charts; the first lines say what happened.
    QStringList shown;
    for (const QString &raw : reply.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(u"Copy:"_s) ||
            (line.startsWith(u"# "_s) && !line.startsWith(u"# Note"_s)))
            continue;
        if (shown.size() < 3)
            shown << line;
    }
    const QString text = shown.isEmpty() ? tr("accepted") : shown.join(u' ');
    m_reply->setText(refused
                         ? tr("<b>%1</b> was refused: %2").arg(command.toHtmlEscaped(), text.toHtmlEscaped())
                         : tr("<b>%1</b>: %2").arg(command.toHtmlEscaped(), text.toHtmlEscaped()));
}

} // namespace ui
