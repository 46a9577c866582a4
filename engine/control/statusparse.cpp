#include "statusparse.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace engine::control {

qint64 parseGoDuration(const QString &text)
{
    static const QRegularExpression form(u"^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?$"_s);
    const auto match = form.match(text.trimmed());
    if (!match.hasMatch() || text.trimmed().isEmpty())
        return -1;
    return match.captured(1).toLongLong() * 3600 + match.captured(2).toLongLong() * 60 + match.captured(3).toLongLong();
}

namespace {
std::optional<double> lagOf(const QString &line, const QString &name)
{
    const QRegularExpression lag(u"(?:^|[ ,;])"_s + name + u": ([0-9.]+)s"_s);
    const auto match = lag.match(line);
    if (!match.hasMatch())
        return std::nullopt;
    return match.captured(1).toDouble();
}

QString fieldOf(const QString &line, const QRegularExpression &field)
{
    return field.match(line).captured(1).trimmed();
}
} // namespace

std::optional<MigrationStatus> parseStatusReply(const QString &reply, QString *error)
{
    static const QRegularExpression migrating(u"^Migrating `((?:[^`]|``)+)`\\.`((?:[^`]|``)+)`; Ghost table is "
                                              "`(?:[^`]|``)+`\\.`((?:[^`]|``)+)`"_s);
    static const QRegularExpression copy(u"^Copy: (\\d+)/(\\d+) ([0-9.]+)%"_s);
    static const QRegularExpression applied(u"Applied: (\\d+)"_s);
    static const QRegularExpression backlog(u"Backlog: (\\d+)"_s);
    static const QRegularExpression time(u"Time: ([0-9hms]+)\\(total\\), ([0-9hms]+)\\(copy\\)"_s);
    static const QRegularExpression state(u"State: ([^;]+)"_s);
    static const QRegularExpression eta(u"ETA: (.+)$"_s);
    MigrationStatus status;
    status.engine = u"gh-ost"_s;
    QString copyLine;
    for (const QString &raw : reply.split(u'\n')) {
        const QString line = raw.trimmed();
        if (line.startsWith(u"# "_s)) {
            const QString header = line.mid(2);
            status.headerLines << header;
            if (header.startsWith(u"Engine: shadowswap"_s))
                status.engine = u"shadowswap"_s;
            if (const auto m = migrating.match(header); m.hasMatch()) {
                status.database = m.captured(1).replace(u"``"_s, u"`"_s);
                status.table = m.captured(2).replace(u"``"_s, u"`"_s);
                status.ghostTable = m.captured(3).replace(u"``"_s, u"`"_s);
            }
        } else if (copy.match(line).hasMatch()) {
            copyLine = line;
        }
    }
    if (copyLine.isEmpty()) {
        if (error)
            *error = reply.trimmed().section(u'\n', 0, 0).left(300);
        return std::nullopt;
    }
    const auto c = copy.match(copyLine);
    status.rowsCopied = c.captured(1).toULongLong();
    status.rowsEstimate = c.captured(2).toULongLong();
    status.copyPercent = c.captured(3).toDouble();
    status.applied = fieldOf(copyLine, applied).toULongLong();
    status.backlog = fieldOf(copyLine, backlog).toULongLong();
    if (const auto t = time.match(copyLine); t.hasMatch()) {
        status.elapsedSeconds = parseGoDuration(t.captured(1));
        status.copySeconds = parseGoDuration(t.captured(2));
    }
    status.lagSeconds = lagOf(copyLine, u"Lag"_s);
    status.heartbeatLagSeconds = lagOf(copyLine, u"HeartbeatLag"_s);
    status.state = fieldOf(copyLine, state);
    status.eta = fieldOf(copyLine, eta);
    return status;
}

} // namespace engine::control
