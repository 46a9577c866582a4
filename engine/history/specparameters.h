#pragma once

#include <model/migrationspec.h>

#include <QJsonObject>

namespace engine::history {

// The spec as the journal stores it, keyed by gh-ost's flag names. Built from an explicit list of fields, so a
// password (the inspector's, --master-password) or any field added later can never reach the file by accident.
QJsonObject specParameters(const migration::MigrationSpec &spec);

// The inverse, for resuming a recorded migration: the spec the parameters describe. Fields missing from the
// object (journals written before they were recorded) keep MigrationSpec's defaults. Passwords and
// --hooks-hint-token come back empty: the caller asks for them. `resume` is as recorded (normally false).
migration::MigrationSpec specFromParameters(const QJsonObject &parameters);

} // namespace engine::history
