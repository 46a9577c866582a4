#pragma once

#include <model/progress.h>

#include <QString>
#include <QStringList>

namespace engine::control {

class ControlTarget;

// What the status report and the table-name checks of control commands need to know about the migration.
struct ControlIdentity {
    QString database;
    QString table;
    QString ghostTable;
    QStringList servingOn;          // "unix socket: /tmp/x.sock", "TCP port: 127.0.0.1:9001"
    bool forceNamedCutOver = false; // gh-ost's --force-named-cut-over: unpostpone must name the table
    bool forceNamedPanic = false;   // --force-named-panic: panic must name the table
};

// gh-ost's status line, which chatops scripts parse:
// "Copy: 1200/5000 24.0%; Applied: 12; Backlog: 0; Time: 3s(total), 2s(copy); streamer: mysql-bin.000003:4567;
//  Lag: 0.12s, HeartbeatLag: 0.10s, State: migrating; ETA: 9s"
QString ghostStatusLine(const migration::ProgressSnapshot &snapshot);

// gh-ost's "# ..." lines before the status line of `status`: what is migrated and the live settings.
QString ghostStatusHint(const ControlIdentity &identity, const ControlTarget &target);

// Go's time.Duration style, whole seconds: "45s", "2m5s", "1h0m5s".
QString goDuration(qint64 seconds);

} // namespace engine::control
