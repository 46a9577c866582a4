#pragma once

#include <model/migrationspec.h>

#include <inspect/tableschema.h>

namespace engine::mysql {
class Connection;
}

// --include-triggers: the original's triggers, recreated on the new table at the swap. Triggers belong to a table,
// so without this they stay on the old one (_T_del) and the application silently loses what they do.
namespace engine::migration::triggers {

// The name a trigger gets on the new table (gh-ost: the name plus --trigger-suffix).
QString newName(const inspect::TriggerInfo &trigger, const MigrationSpec &spec);

// Before anything is created: every new name fits in 64 characters and is free in the whole schema (trigger names
// are unique per schema, not per table). Returns the problem, or empty.
QString namesProblem(mysql::Connection &connection, const MigrationSpec &spec, const inspect::TableSchema &original);

// Under the cut-over lock, after the last changes are applied: (re)creates each trigger on the ghost with its
// definer and sql_mode, in their original order. Appliers are paused, so nothing fires them before the swap.
void createOnGhost(mysql::Connection &session, const MigrationSpec &spec, const TableNames &names,
                   const inspect::TableSchema &original);

// A failed attempt: the ghost must not keep triggers that appliers (or a resumed run) would fire.
void dropFromGhost(mysql::Connection &session, const MigrationSpec &spec, const inspect::TableSchema &original);

} // namespace engine::migration::triggers
