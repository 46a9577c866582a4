#pragma once

#include <migration/migrationspec.h>

#include <QJsonObject>

namespace engine::history {

// The spec as the journal stores it, keyed by gh-ost's flag names. Built from an explicit list of fields, so a
// password (the inspector's, --master-password) or any field added later can never reach the file by accident.
QJsonObject specParameters(const migration::MigrationSpec &spec);

} // namespace engine::history
