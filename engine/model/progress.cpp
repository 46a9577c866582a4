#include "progress.h"

using namespace Qt::StringLiterals;

namespace engine::migration {

QString stateName(MigrationState state)
{
    switch (state) {
    case MigrationState::Idle: return u"idle"_s;
    case MigrationState::Connecting: return u"connecting"_s;
    case MigrationState::Validating: return u"validating"_s;
    case MigrationState::CreatingGhost: return u"creating-ghost"_s;
    case MigrationState::Copying: return u"copying"_s;
    case MigrationState::Verifying: return u"verifying"_s;
    case MigrationState::Postponed: return u"postponed"_s;
    case MigrationState::CuttingOver: return u"cutting-over"_s;
    case MigrationState::Done: return u"done"_s;
    case MigrationState::DryRunDone: return u"dry-run-done"_s;
    case MigrationState::Failed: return u"failed"_s;
    case MigrationState::Aborted: return u"aborted"_s;
    case MigrationState::RevertWindow: return u"revert-window"_s;
    }
    return u"unknown"_s;
}

bool isTerminal(MigrationState state)
{
    return state == MigrationState::Done || state == MigrationState::DryRunDone || state == MigrationState::Failed
        || state == MigrationState::Aborted;
}

} // namespace engine::migration
