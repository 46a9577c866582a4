#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace engine::control {

// One `status` (or `sup`) reply of a running migration, from gh-ost 1.1.x or Shadowswap (same format; Shadowswap
// adds a "# Engine: shadowswap ..." header line). Parsed by watchers; plain value.
struct MigrationStatus {
    QString engine; // "shadowswap" or "gh-ost"
    QString database, table, ghostTable; // from "# Migrating `db`.`t`; Ghost table is `db`.`_t_gho`" (status only)
    QStringList headerLines;            // the "# ..." lines, without "# "
    quint64 rowsCopied = 0;
    quint64 rowsEstimate = 0;
    double copyPercent = 0;
    quint64 applied = 0;
    quint64 backlog = 0;
    qint64 elapsedSeconds = -1, copySeconds = -1;
    std::optional<double> lagSeconds, heartbeatLagSeconds; // nullopt: N/A
    QString state;                                         // "migrating", "postponing cut-over", "throttled, ..."
    QString eta;                                           // "6s", "due", "N/A"
    [[nodiscard]] bool throttled() const { return state.startsWith(QStringLiteral("throttled")); }
    [[nodiscard]] bool postponed() const { return state.contains(QStringLiteral("postponing cut-over")); }
};

// Parses a reply; nullopt (with `error`: the reply's first line, e.g. "Unknown command: status") when it holds no
// "Copy: ..." line.
std::optional<MigrationStatus> parseStatusReply(const QString &reply, QString *error);

// "1h2m5s", "45s" (gh-ost's Go durations) in seconds; -1 when not one.
qint64 parseGoDuration(const QString &text);

} // namespace engine::control
