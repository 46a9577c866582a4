#pragma once

#include <model/progress.h>

#include <QCoreApplication>
#include <QString>

namespace ui {

// Lag figures as the monitor shows them in text (figures line, cut-over question); plain text, not
// HTML-escaped.
class LagText {
    Q_DECLARE_TR_FUNCTIONS(LagText)
public:
    // "1.2 s", or "n/a" for -1 (not known).
    static QString seconds(qint64 millis);
    // Each watched replica's lag with its endpoint ("0.4 s (db2:3306), unreadable (db3:3306)"); without
    // per-replica readings, the worst figure ("0.4 s (replica)").
    static QString replicas(const engine::migration::ProgressSnapshot &snapshot);
    // Why each unreadable replica could not be read, one line each; empty when all were read.
    static QString replicaErrors(const engine::migration::ProgressSnapshot &snapshot);
};

} // namespace ui
