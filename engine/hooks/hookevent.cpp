#include "hookevent.h"

using namespace Qt::StringLiterals;

namespace engine::hooks {

QString hookBaseName(HookEvent event)
{
    switch (event) {
    case HookEvent::Startup: return u"gh-ost-on-startup"_s;
    case HookEvent::Validated: return u"gh-ost-on-validated"_s;
    case HookEvent::RowCountComplete: return u"gh-ost-on-rowcount-complete"_s;
    case HookEvent::BeforeRowCopy: return u"gh-ost-on-before-row-copy"_s;
    case HookEvent::RowCopyComplete: return u"gh-ost-on-row-copy-complete"_s;
    case HookEvent::BeginPostponed: return u"gh-ost-on-begin-postponed"_s;
    case HookEvent::BeforeCutOver: return u"gh-ost-on-before-cut-over"_s;
    case HookEvent::Success: return u"gh-ost-on-success"_s;
    case HookEvent::Failure: return u"gh-ost-on-failure"_s;
    case HookEvent::Status: return u"gh-ost-on-status"_s;
    case HookEvent::StopReplication: return u"gh-ost-on-stop-replication"_s;
    case HookEvent::StartReplication: return u"gh-ost-on-start-replication"_s;
    }
    return {};
}

bool failureStopsMigration(HookEvent event)
{
    return event != HookEvent::Success && event != HookEvent::Failure && event != HookEvent::Status;
}

} // namespace engine::hooks
