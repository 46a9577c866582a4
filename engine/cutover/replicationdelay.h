#pragma once

#include <model/progress.h>

namespace engine::mysql {
class Connection;
}

namespace engine::cutover {

// How far the server `replica` is connected to is behind its source, from its replication status
// (Seconds_Behind_Master; Seconds_Behind_Source on MySQL 8.0.22+; the worst channel of MariaDB's multi-source
// replication). Whole seconds, unlike the migration's heartbeat lag, but it needs no migration running.
// lagMillis is -1 with the reason when it is not replicating or its status can't be read. Never throws.
migration::ReplicaLagReading readReplicationDelay(mysql::Connection &replica);

} // namespace engine::cutover
