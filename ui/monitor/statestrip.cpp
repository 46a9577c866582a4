#include "statestrip.h"

#include <QHBoxLayout>
#include <QLabel>

using namespace Qt::StringLiterals;
using engine::migration::MigrationState;

namespace ui {

namespace {
enum Phase { Validating, Copying, Verifying, Postponed, CuttingOver, Done, PhaseCount };

int phaseOf(MigrationState s)
{
    switch (s) {
    case MigrationState::Idle:
    case MigrationState::Connecting:
    case MigrationState::Validating:
    case MigrationState::CreatingGhost: return Validating;
    case MigrationState::Copying: return Copying;
    case MigrationState::Verifying: return Verifying;
    case MigrationState::Postponed: return Postponed;
    case MigrationState::CuttingOver: return CuttingOver;
    case MigrationState::RevertWindow: return Done;
    case MigrationState::Done:
    case MigrationState::DryRunDone: return Done;
    case MigrationState::Failed:
    case MigrationState::Aborted: return -1;
    }
    return -1;
}

QString phaseName(int phase)
{
    switch (phase) {
    case Validating: return StateStrip::tr("Validating");
    case Copying: return StateStrip::tr("Copying");
    case Verifying: return StateStrip::tr("Verifying");
    case Postponed: return StateStrip::tr("Postponed");
    case CuttingOver: return StateStrip::tr("Cutting over");
    case Done: return StateStrip::tr("Done");
    }
    return {};
}
} // namespace

StateStrip::StateStrip(QWidget *parent)
    : QWidget(parent)
    , m_eta(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    for (int i = 0; i < PhaseCount; ++i) {
        if (i > 0)
            layout->addWidget(new QLabel(u"→"_s, this));
        auto *label = new QLabel(this);
        label->setAlignment(Qt::AlignCenter);
        label->setMargin(4);
        label->setAutoFillBackground(true);
        label->setObjectName(u"phase%1"_s.arg(i));
        m_phases << label;
        layout->addWidget(label);
    }
    layout->addStretch(1);
    m_eta->setObjectName(u"etaLabel"_s);
    layout->addWidget(m_eta);
    clear();
}

QString StateStrip::stateText(MigrationState state)
{
    switch (state) {
    case MigrationState::Idle: return tr("idle");
    case MigrationState::Connecting: return tr("connecting");
    case MigrationState::Validating: return tr("validating");
    case MigrationState::CreatingGhost: return tr("creating the new table");
    case MigrationState::Copying: return tr("copying");
    case MigrationState::Verifying: return tr("verifying");
    case MigrationState::Postponed: return tr("postponed: waiting for you to allow the cut-over");
    case MigrationState::CuttingOver: return tr("cutting over");
    case MigrationState::Done: return tr("done");
    case MigrationState::DryRunDone: return tr("dry run done");
    case MigrationState::Failed: return tr("failed");
    case MigrationState::Aborted: return tr("aborted");
    case MigrationState::RevertWindow: return tr("swapped; revert window open");
    }
    return {};
}

QString StateStrip::duration(qint64 millis)
{
    const qint64 s = millis / 1000;
    if (s < 60)
        return tr("%1 s").arg(s);
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

void StateStrip::clear()
{
    for (int i = 0; i < PhaseCount; ++i) {
        m_phases[i]->setText(phaseName(i));
        m_phases[i]->setEnabled(false);
        m_phases[i]->setBackgroundRole(QPalette::Window);
        m_phases[i]->setForegroundRole(QPalette::WindowText);
    }
    m_eta->clear();
}

void StateStrip::setSnapshot(const engine::migration::ProgressSnapshot &s)
{
    qint64 millis[PhaseCount] = {};
    for (int state = 0; state < engine::migration::migrationStateCount; ++state) {
        const int phase = phaseOf(MigrationState(state));
        if (phase >= 0)
            millis[phase] += s.millisInState[size_t(state)];
    }
    const int current = phaseOf(s.state);
    for (int i = 0; i < PhaseCount; ++i) {
        QLabel *label = m_phases[i];
        const bool active = i == current;
        const bool visited = millis[i] > 0 || active;
        QString text = phaseName(i);
        if (visited && i != Done)
            text += u"\n"_s + duration(millis[i]);
        else if (i == Done && active)
            text += u"\n✓"_s;
        label->setText(text);
        label->setEnabled(visited);
        label->setBackgroundRole(active ? QPalette::Highlight : QPalette::Window);
        label->setForegroundRole(active ? QPalette::HighlightedText : QPalette::WindowText);
        QFont f = label->font();
        f.setBold(active);
        label->setFont(f);
    }
    if (s.state == MigrationState::Failed || s.state == MigrationState::Aborted)
        m_eta->setText(u"<b>"_s + stateText(s.state) + u"</b>"_s);
    else if (s.etaSeconds > 0)
        m_eta->setText(tr("Copy ETA: %1 · elapsed %2").arg(duration(s.etaSeconds * 1000), duration(s.elapsedMillis)));
    else
        m_eta->setText(tr("Elapsed %1").arg(duration(s.elapsedMillis)));
}

} // namespace ui
