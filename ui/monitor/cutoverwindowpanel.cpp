#include "cutoverwindowpanel.h"

#include "lagtext.h"
#include "session.h"
#include "statestrip.h"

#include <QApplication>
#include <QDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using engine::cutover::KillScope;
using engine::cutover::LockPicture;
using engine::cutover::LockSession;
using engine::cutover::LockStatus;
using engine::migration::CutOverAttempt;

namespace ui {

namespace {
// KILL… comes first so that it is in reach however narrow the panel.
enum SessionColumn {
    KillColumn,
    IdColumn,
    ProgramColumn,
    StatusColumn,
    LockColumn,
    TimeColumn,
    WhyColumn,
    StatementColumn,
};
constexpr int widestWhy = 340; // px; longer reasons are in the tooltip

const QString killQuery = u"KILL QUERY"_s;
const QString killConnection = u"KILL CONNECTION"_s;

// Red and amber that read on light and dark backgrounds alike.
QColor blockerColour()
{
    return QApplication::palette().color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0x8a, 0x80)
                                                                          : QColor(0xd9, 0x30, 0x25);
}

QColor suspectColour()
{
    return QApplication::palette().color(QPalette::Base).lightness() < 128 ? QColor(0xff, 0xc8, 0x6b)
                                                                          : QColor(0xa8, 0x62, 0x00);
}

QString statusText(const LockSession &s)
{
    switch (s.status) {
    case LockStatus::Holds: return CutOverWindowPanel::tr("holds");
    case LockStatus::Waits: return CutOverWindowPanel::tr("waits");
    case LockStatus::LockTables: return CutOverWindowPanel::tr("LOCK TABLES");
    case LockStatus::OpenTransaction: return CutOverWindowPanel::tr("suspect");
    }
    return QString();
}

QString lockMillisText(qint64 millis)
{
    return millis < 0 ? CutOverWindowPanel::tr("not taken")
                      : CutOverWindowPanel::tr("%1 ms").arg(QLocale().toString(millis));
}

QTreeWidget *makeTree(QWidget *parent, const QString &name, const QStringList &headers)
{
    auto *tree = new QTreeWidget(parent);
    tree->setObjectName(name);
    tree->setRootIsDecorated(false);
    tree->setUniformRowHeights(true);
    tree->setHeaderLabels(headers);
    tree->setSelectionMode(QAbstractItemView::NoSelection);
    tree->header()->setStretchLastSection(false);
    return tree;
}
} // namespace

CutOverWindowPanel::CutOverWindowPanel(QWidget *parent)
    : QGroupBox(tr("Cut-over window"), parent)
    , m_poller(new CutOverWindowPoller(this))
    , m_timer(new QTimer(this))
    , m_summary(new QLabel(this))
    , m_source(new QLabel(this))
    , m_hint(new QLabel(this))
    , m_errors(new QLabel(this))
    , m_sessions(makeTree(this, u"lockSessionsTree"_s,
                          {QString(), tr("Session"), tr("Program"), tr("Status"), tr("Lock"), tr("Time"),
                           tr("Why it holds the swap back"), tr("Statement")}))
    , m_transactions(makeTree(this, u"longTransactionsTree"_s,
                              {tr("Session"), tr("Open for"), tr("Idle for"), tr("State"),
                               tr("Rows locked / modified"), tr("Statement")}))
    , m_attemptsTitle(new QLabel(tr("Cut-over attempts"), this))
    , m_attempts(makeTree(this, u"cutOverAttemptsTree"_s,
                          {tr("Attempt"), tr("Outcome"), tr("Table locked"), tr("Took"),
                           tr("Blocking sessions")}))
    , m_killResult(new QLabel(this))
    , m_confirm([this](const QString &title, const QString &text, const QStringList &choices) {
        QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Cancel, this);
        for (const QString &choice : choices)
            box.addButton(choice, QMessageBox::DestructiveRole);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        return box.clickedButton() && box.standardButton(box.clickedButton()) == QMessageBox::NoButton
            ? box.clickedButton()->text().remove(u'&')
            : QString();
    })
{
    setObjectName(u"cutOverWindowPanel"_s);
    m_summary->setObjectName(u"lockSummaryLabel"_s);
    m_source->setObjectName(u"lockSourceLabel"_s);
    m_hint->setObjectName(u"lockHintLabel"_s);
    m_errors->setObjectName(u"lockErrorsLabel"_s);
    m_killResult->setObjectName(u"killResultLabel"_s);
    for (QLabel *label : {m_summary, m_source, m_hint, m_errors, m_killResult}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    m_summary->setTextFormat(Qt::RichText);
    m_errors->setStyleSheet(u"color: %1"_s.arg(blockerColour().name()));
    m_hint->setToolTip(tr("A better source of lock information on this server, and how to get it."));
    m_sessions->header()->setSectionResizeMode(StatementColumn, QHeaderView::Stretch);
    m_sessions->setToolTip(tr("Sessions on the primary that hold or wait for a metadata lock on the table. The "
                              "swap needs an exclusive lock: it waits behind every session that holds one."));
    m_transactions->header()->setSectionResizeMode(5, QHeaderView::Stretch);
    m_attempts->header()->setSectionResizeMode(4, QHeaderView::Stretch);

    auto *sessionsBox = new QWidget(this);
    auto *sessionsLayout = new QVBoxLayout(sessionsBox);
    sessionsLayout->setContentsMargins(0, 0, 0, 0);
    sessionsLayout->addWidget(new QLabel(tr("Sessions on the table"), sessionsBox));
    sessionsLayout->addWidget(m_sessions);
    auto *transactionsBox = new QWidget(this);
    auto *transactionsLayout = new QVBoxLayout(transactionsBox);
    transactionsLayout->setContentsMargins(0, 0, 0, 0);
    auto *transactionsTitle = new QLabel(transactionsBox);
    transactionsTitle->setObjectName(u"longTransactionsTitle"_s);
    transactionsLayout->addWidget(transactionsTitle);
    transactionsLayout->addWidget(m_transactions);
    auto *attemptsBox = new QWidget(this);
    auto *attemptsLayout = new QVBoxLayout(attemptsBox);
    attemptsLayout->setContentsMargins(0, 0, 0, 0);
    attemptsLayout->addWidget(m_attemptsTitle);
    attemptsLayout->addWidget(m_attempts);
    auto *lists = new QSplitter(Qt::Vertical, this);
    lists->addWidget(sessionsBox);
    lists->addWidget(transactionsBox);
    lists->addWidget(attemptsBox);
    lists->setStretchFactor(0, 3);
    lists->setStretchFactor(1, 1);
    lists->setStretchFactor(2, 1);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_source);
    layout->addWidget(m_hint);
    layout->addWidget(m_errors);
    layout->addWidget(lists, 1);
    layout->addWidget(m_killResult);

    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &CutOverWindowPanel::pollNow);
    connect(m_poller, &CutOverWindowPoller::polled, this, &CutOverWindowPanel::present);
    connect(m_poller, &CutOverWindowPoller::killed, this, &CutOverWindowPanel::onKilled);
    setCutOverAttempts({});
    clearShown();
    m_killResult->hide(); // until a KILL is sent
}

void CutOverWindowPanel::setTarget(const engine::mysql::ConnectionSettings &primary, const QString &schema,
                                   const QString &table, const QList<engine::mysql::ConnectionSettings> &replicas)
{
    m_target.primary = primary;
    m_target.schema = schema;
    m_target.table = table;
    m_target.replicas = replicas;
    m_poller->setTarget(m_target);
    setTitle(tr("Cut-over window: %1.%2 on %3").arg(schema, table, primary.describe()));
    clearShown();
    pollNow();
}

void CutOverWindowPanel::setLongTransactionSeconds(int seconds)
{
    m_target.longTransactionSeconds = seconds;
    m_poller->setTarget(m_target);
}

void CutOverWindowPanel::start()
{
    m_started = true;
    if (isVisible())
        m_timer->start();
    pollNow();
}

void CutOverWindowPanel::stop()
{
    m_started = false;
    m_timer->stop();
    m_poller->stop();
}

void CutOverWindowPanel::showEvent(QShowEvent *event)
{
    QGroupBox::showEvent(event);
    if (m_started) {
        m_timer->start();
        pollNow();
    }
}

void CutOverWindowPanel::hideEvent(QHideEvent *event)
{
    QGroupBox::hideEvent(event);
    // Hidden (another tab, the state moved on): no sessions left open on the primary meanwhile.
    m_timer->stop();
    m_poller->stop();
}

void CutOverWindowPanel::pollNow()
{
    if (m_started && isVisible())
        m_poller->poll(); // skipped while the previous look is still out
}

void CutOverWindowPanel::clearShown()
{
    m_last.reset();
    m_sessions->clear();
    m_sessionIds.clear();
    m_transactions->clear();
    m_summary->setText(tr("Looking at the primary…"));
    m_source->clear();
    m_hint->clear();
    m_hint->hide();
    m_errors->hide();
    findChild<QLabel *>(u"longTransactionsTitle"_s)->setText(tr("Long transactions"));
}

void CutOverWindowPanel::present(const CutOverWindowReading &reading)
{
    m_last = reading;
    const LockPicture &picture = reading.picture;
    m_source->setText(picture.source.isEmpty() ? QString() : tr("Locks read from %1.").arg(picture.source));
    m_hint->setText(tr("For a better picture: %1").arg(picture.betterSourceHint));
    m_hint->setVisible(!picture.betterSourceHint.isEmpty());
    m_errors->setText(picture.errors.join(u'\n'));
    m_errors->setVisible(!picture.errors.isEmpty());
    showSessions(picture);
    showTransactions(picture);
    showSummary(reading);
    Q_EMIT readingShown();
}

void CutOverWindowPanel::showSessions(const LockPicture &picture)
{
    QList<qint64> ids;
    for (const LockSession &s : picture.sessions)
        ids << s.id;
    // Rows are rebuilt only when sessions come or go, so that a button stays under the mouse.
    if (ids != m_sessionIds) {
        m_sessions->clear();
        for (qint64 id : ids) {
            auto *item = new QTreeWidgetItem(m_sessions);
            auto *kill = new QPushButton(tr("KILL…"), m_sessions);
            kill->setObjectName(u"killButton_%1"_s.arg(QString::number(id)));
            kill->setToolTip(
                tr("End session %1 (KILL QUERY or KILL CONNECTION; you are asked first).").arg(id));
            connect(kill, &QPushButton::clicked, this, [this, id] { confirmKill(id); });
            m_sessions->setItemWidget(item, KillColumn, kill);
        }
        m_sessionIds = ids;
    }
    for (int row = 0; row < picture.sessions.size(); ++row) {
        const LockSession &s = picture.sessions[row];
        QTreeWidgetItem *item = m_sessions->topLevelItem(row);
        item->setText(IdColumn, tr("%1 %2@%3").arg(QString::number(s.id), s.user, s.host));
        item->setText(ProgramColumn, s.program);
        item->setText(StatusColumn, statusText(s));
        item->setText(LockColumn, s.lockType);
        item->setToolTip(LockColumn,
                         s.lockDuration.isEmpty() ? QString() : tr("Duration: %1").arg(s.lockDuration));
        item->setText(TimeColumn, tr("%1 %2").arg(s.command, StateStrip::duration(s.timeSeconds * 1000)));
        item->setText(StatementColumn, s.statement.isEmpty() ? tr("(idle)") : s.statement);
        item->setText(WhyColumn, s.why);
        item->setToolTip(StatementColumn, s.statement);
        item->setToolTip(WhyColumn, s.why);
        item->setToolTip(StatusColumn, s.isBlocker ? tr("Holds the swap back")
                                       : s.status == LockStatus::OpenTransaction
                                           ? tr("May hold the table: without a lock source this can't be seen")
                                           : QString());
        const QColor colour = s.isBlocker ? blockerColour()
            : s.status == LockStatus::OpenTransaction ? suspectColour()
                                                      : m_sessions->palette().color(QPalette::Text);
        item->setForeground(StatusColumn, colour);
        QFont font = item->font(StatusColumn);
        font.setBold(s.isBlocker);
        item->setFont(StatusColumn, font);
    }
    for (int column : {KillColumn, IdColumn, ProgramColumn, StatusColumn, LockColumn, TimeColumn, WhyColumn})
        m_sessions->resizeColumnToContents(column);
    m_sessions->setColumnWidth(WhyColumn, std::min(m_sessions->columnWidth(WhyColumn), widestWhy));
}

void CutOverWindowPanel::showTransactions(const LockPicture &picture)
{
    const auto count = picture.longTransactions.size();
    findChild<QLabel *>(u"longTransactionsTitle"_s)
        ->setText(tr("Transactions open longer than %1: %2")
                      .arg(StateStrip::duration(m_target.longTransactionSeconds * 1000),
                           count == 0 ? tr("none") : QLocale().toString(count)));
    m_transactions->clear();
    for (const auto &t : picture.longTransactions) {
        auto *item = new QTreeWidgetItem(m_transactions);
        item->setText(0, tr("%1 %2@%3").arg(QString::number(t.id), t.user, t.host));
        item->setText(1, StateStrip::duration(t.ageSeconds * 1000));
        item->setText(2, t.idle() ? StateStrip::duration(t.idleSeconds * 1000) : tr("running"));
        item->setText(3, t.trxState);
        item->setText(4, tr("%1 / %2").arg(QLocale().toString(t.rowsLocked),
                                           QLocale().toString(t.rowsModified)));
        item->setText(5, t.statement.isEmpty() ? tr("(idle)") : t.statement);
    }
    for (int column = 0; column < 5; ++column)
        m_transactions->resizeColumnToContents(column);
}

void CutOverWindowPanel::showSummary(const CutOverWindowReading &reading)
{
    const LockPicture &picture = reading.picture;
    int blockers = 0, waiting = 0, suspects = 0;
    for (const LockSession &s : picture.sessions) {
        blockers += s.isBlocker ? 1 : 0;
        waiting += s.status == LockStatus::Waits ? 1 : 0;
        suspects += s.status == LockStatus::OpenTransaction ? 1 : 0;
    }
    const auto red = [](const QString &text) {
        return u"<span style=\"color:%1\"><b>%2</b></span>"_s.arg(blockerColour().name(), text.toHtmlEscaped());
    };
    // Waiting with nobody shown holding is not a free table: the holder is one the source cannot see.
    QString verdict = blockers > 0 ? red(tr("Holding the swap back: %1").arg(QLocale().toString(blockers)))
        : waiting > 0              ? red(tr("Sessions wait for the table, and the holder is not visible"))
                                   : u"<b>%1</b>"_s.arg(tr("No session holds the swap back").toHtmlEscaped());
    if (waiting > 0)
        verdict += tr(" · waiting: %1").arg(QLocale().toString(waiting));
    if (suspects > 0)
        verdict += tr(" · suspects: %1").arg(QLocale().toString(suspects));
    QStringList lags;
    for (const auto &lag : reading.replicaLags)
        lags << (lag.lagMillis < 0 ? tr("unreadable (%1)").arg(lag.endpoint)
                                   : tr("%1 (%2)").arg(LagText::seconds(lag.lagMillis), lag.endpoint));
    const QString threads = picture.threadsRunning < 0 ? tr("n/a") : QLocale().toString(picture.threadsRunning);
    const QString lagText = lags.isEmpty() ? tr("no replica given") : lags.join(u", "_s).toHtmlEscaped();
    m_summary->setText(tr("%1 · threads running: %2 · replica lag: %3 · looked at %4")
                           .arg(verdict, threads, lagText,
                                QLocale().toString(reading.takenAt.time(), QLocale::LongFormat)));
    QStringList lagErrors;
    for (const auto &lag : reading.replicaLags)
        if (lag.lagMillis < 0)
            lagErrors << tr("%1: %2").arg(lag.endpoint, lag.error);
    m_summary->setToolTip(lagErrors.join(u'\n'));
}

void CutOverWindowPanel::setCutOverAttempts(const QList<CutOverAttempt> &attempts)
{
    m_attemptsTitle->setVisible(!attempts.isEmpty());
    m_attempts->setVisible(!attempts.isEmpty());
    if (m_attempts->topLevelItemCount() != attempts.size()) {
        m_attempts->clear();
        for (qsizetype i = 0; i < attempts.size(); ++i)
            new QTreeWidgetItem(m_attempts);
    }
    for (int row = 0; row < attempts.size(); ++row) {
        const CutOverAttempt &a = attempts[row];
        QTreeWidgetItem *item = m_attempts->topLevelItem(row);
        item->setText(0, QString::number(a.number));
        item->setText(1, a.outcome == CutOverAttempt::Outcome::Running ? tr("running…")
                             : a.outcome == CutOverAttempt::Outcome::Swapped ? tr("swapped")
                                                                             : tr("failed: %1").arg(a.why));
        item->setText(2, lockMillisText(a.lockMillis));
        item->setText(3, a.outcome == CutOverAttempt::Outcome::Running
                             ? QString()
                             : tr("%1 ms").arg(QLocale().toString(a.attemptMillis)));
        item->setText(4, a.blockers.join(u"; "_s));
        item->setToolTip(1, a.why);
        item->setToolTip(4, a.blockers.join(u'\n'));
        item->setForeground(1, a.outcome == CutOverAttempt::Outcome::Failed
                                   ? blockerColour()
                                   : m_attempts->palette().color(QPalette::Text));
    }
    for (int column = 0; column < 4; ++column)
        m_attempts->resizeColumnToContents(column);
}

void CutOverWindowPanel::confirmKill(qint64 id)
{
    if (!m_last)
        return;
    const auto &sessions = m_last->picture.sessions;
    const auto found =
        std::find_if(sessions.cbegin(), sessions.cend(), [id](const LockSession &s) { return s.id == id; });
    if (found == sessions.cend())
        return;
    const QString text =
        tr("<p>End session %1 on the primary?</p><p><small>%2</small></p><p>%3</p><p><b>KILL QUERY</b> ends its "
           "running statement only: a session that is idle, holds LOCK TABLES or keeps a transaction open keeps "
           "its locks. <b>KILL CONNECTION</b> ends the session: its transaction is rolled back and its locks are "
           "released; the application sees an error.</p>")
            .arg(QString::number(id), found->describe().toHtmlEscaped(), found->why.toHtmlEscaped());
    const QString choice = m_confirm(tr("End session %1").arg(id), text, {killQuery, killConnection});
    if (choice != killQuery && choice != killConnection)
        return;
    const KillScope scope = choice == killQuery ? KillScope::Query : KillScope::Connection;
    m_killResult->setText(tr("Sending %1…").arg(engine::cutover::killStatement(id, scope)));
    m_killResult->show();
    m_poller->kill(id, scope);
}

void CutOverWindowPanel::onKilled(qint64 id, KillScope scope, const QString &error)
{
    const QString statement = engine::cutover::killStatement(id, scope);
    m_killResult->setText(error.isEmpty()
                              ? tr("%1: sent. The next look shows whether the table is free.").arg(statement)
                              : tr("%1 failed: %2").arg(statement, error));
    m_killResult->show();
    pollNow();
}

QString CutOverWindowPanel::killResult() const
{
    return m_killResult->text();
}

engine::mysql::ConnectionSettings CutOverWindowPanel::primaryOf(const Session &session)
{
    engine::mysql::ConnectionSettings primary = session.settings();
    const auto &facts = session.facts();
    if (!session.profile().readPrimaryBinlog && facts.isReplica && !facts.sourceHost.isEmpty())
        primary = primary.withEndpoint(facts.sourceHost, facts.sourcePort);
    return primary;
}

QList<engine::mysql::ConnectionSettings> CutOverWindowPanel::replicasOf(const Session &session)
{
    if (session.profile().readPrimaryBinlog || !session.facts().isReplica)
        return {};
    return {session.settings()};
}

CutOverWindowPanel *CutOverWindowPanel::openWindow(Session *session, QWidget *parent)
{
    if (!session->isConnected() || session->table().isEmpty()) {
        QMessageBox::information(parent, tr("Cut-over window"),
                                 tr("Connect to a server and choose a table first (New migration, or Migration ▸ "
                                    "Inspect table…)."));
        return nullptr;
    }
    return openWindow(session, session->database(), session->table(), parent);
}

CutOverWindowPanel *CutOverWindowPanel::openWindow(Session *session, const QString &database, const QString &table,
                                                   QWidget *parent)
{
    if (!session->isConnected()) {
        QMessageBox::information(parent, tr("Cut-over window"),
                                 tr("Connect to the server of %1.%2 first (Connections): the panel reads its primary.")
                                     .arg(database, table));
        return nullptr;
    }
    auto *window = new QDialog(parent);
    window->setObjectName(u"cutOverWindow"_s);
    window->setAttribute(Qt::WA_DeleteOnClose);
    window->setWindowTitle(tr("Cut-over window: %1.%2").arg(database, table));
    auto *panel = new CutOverWindowPanel(window);
    auto *layout = new QVBoxLayout(window);
    layout->addWidget(panel);
    panel->setTarget(primaryOf(*session), database, table, replicasOf(*session));
    panel->start();
    window->resize(1200, 640);
    window->show();
    return panel;
}

} // namespace ui
