#include "revertwindowpanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

using namespace Qt::StringLiterals;
using engine::migration::MigrationState;
using engine::migration::ProgressSnapshot;

namespace ui {

namespace {
QString lagText(qint64 millis)
{
    return millis < 0 ? RevertWindowPanel::tr("n/a")
                      : RevertWindowPanel::tr("%1 s").arg(double(millis) / 1000.0, 0, 'f', 1);
}
} // namespace

RevertWindowPanel::RevertWindowPanel(QWidget *parent)
    : QGroupBox(tr("Revert window"), parent)
    , m_countdown(new QLabel(this))
    , m_lag(new QLabel(this))
    , m_status(new QLabel(this))
    , m_revert(new QPushButton(tr("&Revert to the old schema…"), this))
    , m_close(new QPushButton(tr("&Keep the new schema (close window)…"), this))
    , m_confirm([this](const QString &title, const QString &text) {
        return QMessageBox::question(this, title, text, QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel)
            == QMessageBox::Yes;
    })
{
    setObjectName(u"revertWindowPanel"_s);
    m_countdown->setObjectName(u"revertCountdownLabel"_s);
    m_lag->setObjectName(u"oldTableLagLabel"_s);
    m_status->setObjectName(u"revertStatusLabel"_s);
    m_revert->setObjectName(u"revertButton"_s);
    m_close->setObjectName(u"closeRevertWindowButton"_s);

    QFont big = m_countdown->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.4);
    m_countdown->setFont(big);
    m_countdown->setToolTip(tr("Time left in the revert window. When it runs out the window closes by itself and "
                               "the new schema stays."));
    m_lag->setToolTip(tr("How far the old table is behind the live one: the lag of the binlog stream, plus the "
                         "time since all changes read from it were last applied to the old table."));
    m_status->setWordWrap(true);
    m_revert->setToolTip(tr("Swap the old table back in (a second atomic swap). Every write made since the "
                            "cut-over is kept."));
    m_close->setToolTip(tr("End the revert window now. The old table stops following the live one; the new "
                           "schema stays."));

    auto *figures = new QHBoxLayout;
    figures->addWidget(new QLabel(tr("Time left:"), this));
    figures->addWidget(m_countdown);
    figures->addSpacing(24);
    figures->addWidget(m_lag);
    figures->addStretch(1);
    figures->addWidget(m_revert);
    figures->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(figures);
    layout->addWidget(m_status);

    connect(m_revert, &QPushButton::clicked, this, &RevertWindowPanel::confirmRevert);
    connect(m_close, &QPushButton::clicked, this, &RevertWindowPanel::confirmClose);
    reset();
}

QString RevertWindowPanel::countdownText(qint64 seconds)
{
    if (seconds < 0)
        return u"--:--"_s;
    const QLatin1Char zero('0');
    if (seconds >= 3600)
        return u"%1:%2:%3"_s.arg(seconds / 3600)
            .arg((seconds % 3600) / 60, 2, 10, zero)
            .arg(seconds % 60, 2, 10, zero);
    return u"%1:%2"_s.arg(seconds / 60, 2, 10, zero).arg(seconds % 60, 2, 10, zero);
}

void RevertWindowPanel::setTable(const QString &database, const QString &table)
{
    m_table = u"%1.%2"_s.arg(database, table);
}

void RevertWindowPanel::reset()
{
    m_requested = false;
    m_revert->setEnabled(true);
    m_close->setEnabled(true);
    m_countdown->setText(countdownText(-1));
    m_lag->clear();
    m_lagMillis = -1;
    m_status->clear();
    hide();
}

void RevertWindowPanel::setSnapshot(const ProgressSnapshot &s)
{
    if (s.state != MigrationState::RevertWindow) {
        if (!m_requested) // after a request the panel stays, saying what happens, until the migration ends
            hide();
        return;
    }
    m_lagMillis = s.oldTableLagMillis;
    m_countdown->setText(countdownText(s.revertWindowRemainingSeconds));
    QString lag = tr("Old table behind the live one: <b>%1</b>").arg(lagText(s.oldTableLagMillis));
    if (s.backlog > 0) {
        const int changes = int(std::min<quint64>(s.backlog, std::numeric_limits<int>::max()));
        lag += tr(" (%n change(s) to apply)", nullptr, changes);
    }
    m_lag->setText(lag);
    if (!m_requested)
        m_status->setText(tr("The swap is made. The old table is kept in sync with every write to %1, so a "
                             "revert loses nothing. When the time is up the window closes and the new schema "
                             "stays.")
                              .arg(m_table.toHtmlEscaped()));
    show();
}

void RevertWindowPanel::setRequested(const QString &status)
{
    m_requested = true;
    m_revert->setEnabled(false);
    m_close->setEnabled(false);
    m_status->setText(status);
}

void RevertWindowPanel::confirmRevert()
{
    if (m_requested || isHidden()) // no open window
        return;
    const QString text =
        tr("<p>Revert %1 to its old schema?</p><p>The old table is swapped back in with a second atomic swap, "
           "the same kind as the cut-over: application writes to the table wait for it, usually well under a "
           "second. Every write made since the cut-over is kept: the old table has been following the live one "
           "(it is %2 behind right now; the swap waits until it has caught up).</p><p>The table with the new "
           "schema is kept beside it, so nothing is dropped.</p>")
            .arg(m_table.toHtmlEscaped(), lagText(m_lagMillis));
    if (!m_confirm(tr("Revert to the old schema"), text))
        return;
    setRequested(tr("Reverting: the old table catches up, then it is swapped back in…"));
    Q_EMIT revertRequested();
}

void RevertWindowPanel::confirmClose()
{
    if (m_requested || isHidden()) // no open window
        return;
    const QString text = tr("<p>Close the revert window and keep the new schema of %1?</p><p>The old table "
                            "stops following the live one, so a revert is no longer possible. It is then kept or "
                            "dropped as chosen when the migration started.</p>")
                             .arg(m_table.toHtmlEscaped());
    if (!m_confirm(tr("Keep the new schema"), text))
        return;
    setRequested(tr("Closing the revert window; the new schema stays…"));
    Q_EMIT closeRequested();
}

} // namespace ui
