#include "controlcommand.h"

#include "controltarget.h"

#include <mysql/statementcheck.h>

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <cmath>
#include <optional>

using namespace Qt::StringLiterals;
using engine::migration::MigrationState;

namespace engine::control {

namespace {
ControlReply refused(const QString &problem)
{
    return {u"ERROR: %1\n"_s.arg(problem), false};
}

ControlReply done(const QString &text)
{
    return {text + u'\n', true};
}

std::optional<qint64> wholeNumber(const QString &text, qint64 min, qint64 max)
{
    bool ok = false;
    const qint64 value = text.toLongLong(&ok);
    return ok && value >= min && value <= max ? std::optional(value) : std::nullopt;
}

// host[:port],host[:port] with ports 1-65535 (3306 when omitted), as the throttle monitor reads it.
bool validReplicaList(const QString &text)
{
    static const QRegularExpression hostPort(u"^[A-Za-z0-9_.\\-]+(:(\\d{1,5}))?$"_s);
    for (const QString &term : text.split(u',', Qt::SkipEmptyParts)) {
        const auto match = hostPort.match(term.trimmed());
        if (!match.hasMatch())
            return false;
        if (match.hasCaptured(2) && !wholeNumber(match.captured(2), 1, 65535))
            return false;
    }
    return true;
}
} // namespace

ControlCommandHandler::ControlCommandHandler(ControlTarget &target, ControlIdentity identity)
    : m_target(target)
    , m_identity(std::move(identity))
{
    defineSettings();
}

void ControlCommandHandler::defineSettings()
{
    ControlTarget &t = m_target;
    // A whole-number setting: range-checked, then applied through `apply`; `unit` follows the value in replies.
    auto number = [](QString name, qint64 min, qint64 max, QString unit, QString help, std::function<qint64()> read,
                     std::function<void(qint64)> apply, QString effect) {
        const QString form = u"%1=<%2-%3>"_s.arg(name).arg(min).arg(max);
        Setting setting{name, form, help, [read] { return QString::number(read()); }, {}};
        setting.write = [=](const QString &value) {
            const auto parsed = wholeNumber(value, min, max);
            if (!parsed)
                return refused(u"%1 must be a whole number of %2 from %3 to %4 (got \"%5\"); send %6"_s.arg(name, unit)
                                   .arg(min)
                                   .arg(max)
                                   .arg(value, form));
            apply(*parsed);
            return done(u"%1: %2 %3; %4"_s.arg(name).arg(*parsed).arg(unit, effect));
        };
        return setting;
    };
    auto text = [this](QString name, QString form, QString help, QString throttle::ThrottleSettings::*field,
                       std::function<QString(const QString &)> problemOf, QString effect) {
        Setting setting{name, form, help, [this, field] { return m_target.throttleSettings().*field; }, {}};
        setting.write = [=, this](const QString &value) {
            if (const QString problem = problemOf(value); !problem.isEmpty())
                return refused(u"%1 (got \"%2\"); send %3"_s.arg(problem, value, form));
            throttle::ThrottleSettings settings = m_target.throttleSettings();
            settings.*field = value;
            m_target.setThrottleSettings(settings);
            return done(value.isEmpty() ? u"%1 cleared"_s.arg(name) : u"%1: %2; %3"_s.arg(name, value, effect));
        };
        return setting;
    };
    auto loads = [this](QString name, QString help, std::vector<throttle::LoadLimit> throttle::ThrottleSettings::*field,
                        QString effect) {
        const QString form = name + u"=Status_variable=number[,Status_variable=number...]"_s;
        Setting setting{name, form, help,
                        [this, field] { return throttle::formatLoadLimits(m_target.throttleSettings().*field); }, {}};
        setting.write = [=, this](const QString &value) {
            QString problem;
            const auto limits = throttle::parseLoadLimits(value, &problem);
            if (!limits)
                return refused(u"%1: %2; send %3"_s.arg(name, problem, form));
            throttle::ThrottleSettings settings = m_target.throttleSettings();
            settings.*field = *limits;
            m_target.setThrottleSettings(settings);
            return done(limits->empty() ? u"%1 cleared"_s.arg(name)
                                        : u"%1: %2; %3"_s.arg(name, throttle::formatLoadLimits(*limits), effect));
        };
        return setting;
    };

    m_settings.push_back(number(
        u"chunk-size"_s, 10, 100000, u"rows"_s, u"rows per copy chunk; pins the size (no adapting)"_s,
        [&t] { return t.pinnedChunkSize() > 0 ? t.pinnedChunkSize() : qint64(t.snapshot().chunkSize); },
        [&t](qint64 v) { t.setChunkSize(v); },
        u"every chunk from the next one on (pinned; chunk-target-millis=N resumes adapting)"_s));
    m_settings.push_back(number(
        u"chunk-target-millis"_s, 10, 60000, u"ms"_s, u"[Shadowswap] time per copy chunk; the size adapts to it"_s,
        [&t] { return t.chunkTargetMillis(); }, [&t](qint64 v) { t.setChunkTargetMillis(v); },
        u"the chunk size adapts to it from the next chunk on"_s));
    m_settings.push_back(number(u"dml-batch-size"_s, 1, 10000, u"keys"_s, u"changed keys applied per round trip"_s,
                                [&t] { return t.dmlBatchSize(); }, [&t](qint64 v) { t.setDmlBatchSize(v); },
                                u"from the next apply batch on"_s));
    m_settings.push_back(number(u"max-lag-millis"_s, 100, 86400000, u"ms"_s,
                                u"throttle when replication lag exceeds this"_s, [&t] { return t.maxLagMillis(); },
                                [&t](qint64 v) { t.setMaxLagMillis(v); }, u"applies at the next lag check"_s));

    Setting nice{u"nice-ratio"_s, u"nice-ratio=<0-100>"_s,
                 u"sleep this many times a chunk's duration after it (0: none, 1: doubles the copy time)"_s,
                 [&t] { return QString::number(t.niceRatio()); }, {}};
    nice.write = [&t](const QString &value) {
        bool ok = false;
        const double ratio = value.toDouble(&ok);
        if (!ok || !std::isfinite(ratio) || ratio < 0 || ratio > 100)
            return refused(u"nice-ratio must be a number from 0 to 100, e.g. 0.5 (got \"%1\"); send nice-ratio=<0-100>"_s
                               .arg(value));
        t.setNiceRatio(ratio);
        return done(u"nice-ratio: %1; from the next chunk on"_s.arg(ratio));
    };
    m_settings.push_back(nice);

    m_settings.push_back(loads(u"max-load"_s, u"throttle while a status variable exceeds its threshold"_s,
                               &throttle::ThrottleSettings::maxLoad, u"checked every second"_s));
    m_settings.push_back(loads(u"critical-load"_s, u"abort (or hibernate) when a status variable exceeds it"_s,
                               &throttle::ThrottleSettings::criticalLoad, u"checked every second"_s));
    m_settings.push_back(text(
        u"throttle-query"_s, u"throttle-query=<query returning a number; empty clears>"_s,
        u"throttle while this query returns a number > 0 (no quotes)"_s, &throttle::ThrottleSettings::throttleQuery,
        [](const QString &v) {
            if (v.size() > 4000)
                return u"throttle-query is longer than 4000 characters"_s;
            const QString problem = mysql::multipleStatementsProblem(v);
            return problem.isEmpty() ? QString() : u"throttle-query is refused: "_s + problem;
        },
        u"checked every second"_s));
    m_settings.push_back(text(
        u"throttle-control-replicas"_s, u"throttle-control-replicas=host[:port][,host[:port]...]"_s,
        u"replicas whose heartbeat lag throttles"_s, &throttle::ThrottleSettings::throttleControlReplicas,
        [](const QString &v) {
            return validReplicaList(v) ? QString() : u"throttle-control-replicas must list host or host:port terms"_s;
        },
        u"their lag is read from the next check on"_s));
    m_settings.push_back(text(
        u"postpone-cut-over-flag-file"_s, u"postpone-cut-over-flag-file=<path; empty clears>"_s,
        u"the swap waits while this file exists (created if missing)"_s,
        &throttle::ThrottleSettings::postponeCutOverFlagFile,
        [](const QString &path) {
            // gh-ost's command writes the file: setting it postpones.
            if (path.isEmpty() || QFileInfo::exists(path))
                return QString();
            QFile file(path);
            if (!file.open(QIODevice::WriteOnly))
                return u"cannot create %1 (%2)"_s.arg(path, file.errorString());
            return QString();
        },
        u"the swap waits while the file exists (delete it or send unpostpone)"_s));
}

const ControlCommandHandler::Setting *ControlCommandHandler::findSetting(const QString &name) const
{
    for (const Setting &setting : m_settings)
        if (setting.name == name)
            return &setting;
    return nullptr;
}

QString ControlCommandHandler::helpText() const
{
    QString text = u"available commands:\n"_s;
    auto line = [&text](const QString &command, const QString &help) {
        text += u"%1 # %2\n"_s.arg(command, -50).arg(help);
    };
    line(u"status"_s, u"print a detailed status message"_s);
    line(u"sup"_s, u"print a short status message"_s);
    line(u"coordinates"_s, u"print the binlog position the migration has read up to"_s);
    for (const Setting &setting : m_settings)
        line(setting.form, setting.help);
    line(u"throttle"_s, u"force throttling: the copy pauses; the binlog is still read and applied"_s);
    line(u"no-throttle"_s, u"end forced throttling (other throttling may still apply)"_s);
    line(u"unpostpone"_s, u"end a postponed cut-over; proceed to the swap"_s);
    line(u"panic"_s, u"abort the migration now; the original table stays untouched"_s);
    line(u"revert"_s, u"within the revert window: swap the old table back, with every write since the swap"_s);
    line(u"close-revert-window"_s, u"end the revert window now, keeping the new schema"_s);
    line(u"help"_s, u"this message"_s);
    text += u"- use '?' as the value to read a setting instead of changing it, e.g. \"max-load=?\"\n"_s;
    return text;
}

ControlReply ControlCommandHandler::refuseOtherTable(const QString &command, const QString &argument,
                                                     bool nameRequired) const
{
    if (argument.isEmpty() && nameRequired)
        return refused(u"'%1' must name the table (--force-named-%2 is set); send %1=%3"_s.arg(
            command, command == u"panic"_s ? u"panic"_s : u"cut-over"_s, m_identity.table));
    if (!argument.isEmpty() && argument != m_identity.table)
        return refused(u"User commanded '%1' on %2, but migrated table is %3; ignoring request. Send %1 or %1=%3"_s.arg(
            command, argument, m_identity.table));
    return {{}, true};
}

ControlReply ControlCommandHandler::operatorThrottle(bool on)
{
    m_target.setThrottled(on);
    return on ? done(u"Throttled by the operator: the copy pauses at its next chunk; the binlog is still read and its "
                     "changes applied (throttle only while its binlogs are kept). Send no-throttle to resume."_s)
              : done(u"Operator throttling ended (other throttling may still apply)."_s);
}

ControlReply ControlCommandHandler::unpostpone()
{
    const MigrationState state = m_target.snapshot().state;
    if (state != MigrationState::Postponed)
        return refused(u"You may only invoke this while the cut-over is postponed; at this time it is not (state: %1). "
                       "Send unpostpone once status says \"postponing cut-over\""_s.arg(migration::stateName(state)));
    m_target.requestCutOver();
    return done(u"Unpostponed: proceeding to the cut-over."_s);
}

ControlReply ControlCommandHandler::revertWindowCommand(bool revert)
{
    const MigrationState state = m_target.snapshot().state;
    if (state != MigrationState::RevertWindow)
        return refused(u"There is no open revert window (state: %1); it opens after the swap when the migration runs "
                       "with --revert-window"_s.arg(migration::stateName(state)));
    if (revert) {
        m_target.requestRevert();
        return done(u"Reverting: the old table is swapped back once it has caught up."_s);
    }
    m_target.closeRevertWindow();
    return done(u"Closing the revert window; the new schema stays."_s);
}

ControlReply ControlCommandHandler::panic()
{
    const MigrationState state = m_target.snapshot().state;
    if (migration::isTerminal(state))
        return refused(u"nothing to abort: the migration is not running (state: %1)"_s.arg(migration::stateName(state)));
    m_target.abort();
    if (state == MigrationState::CuttingOver)
        return done(u"Panic: aborting during the cut-over. If the swap has not happened yet the original table is "
                    "untouched; the final message of the migration says which."_s);
    return done(u"Panic: aborting the migration now. The original table `%1`.`%2` is untouched; the helper tables "
                "are dropped."_s.arg(m_identity.database, m_identity.table));
}

ControlReply ControlCommandHandler::execute(const QString &line)
{
    const QString trimmed = line.trimmed();
    const qsizetype equals = trimmed.indexOf(u'=');
    const QString command = (equals < 0 ? trimmed : trimmed.left(equals)).trimmed().toLower();
    const QString argument = equals < 0 ? QString() : trimmed.mid(equals + 1).trimmed();
    const bool question = argument == u"?"_s;
    if (command.isEmpty())
        return refused(u"empty command; send help for the list"_s);

    if (const Setting *setting = findSetting(command)) {
        if (question)
            return done(setting->read());
        if (equals < 0)
            return refused(u"%1 needs a value; send %2 (or %1=? to read it)"_s.arg(command, setting->form));
        return setting->write(argument);
    }
    if (command == u"help"_s)
        return {helpText(), true};
    if (command == u"sup"_s)
        return done(ghostStatusLine(m_target.snapshot()));
    if (command == u"status"_s || command == u"info"_s)
        return done(ghostStatusHint(m_identity, m_target) + ghostStatusLine(m_target.snapshot()));
    if (command == u"coordinates"_s) {
        if (!argument.isEmpty() && !question)
            return refused(u"coordinates are read-only; send coordinates"_s);
        const QString position = m_target.snapshot().binlogPosition;
        return done(position.isEmpty() ? u"N/A"_s : position);
    }
    if (command == u"throttle"_s || command == u"pause"_s || command == u"suspend"_s
        || command == u"no-throttle"_s || command == u"unthrottle"_s || command == u"resume"_s
        || command == u"continue"_s) {
        const bool on = command == u"throttle"_s || command == u"pause"_s || command == u"suspend"_s;
        if (ControlReply refusal = refuseOtherTable(command, argument, false); !refusal.ok)
            return refusal;
        return operatorThrottle(on);
    }
    if (command == u"unpostpone"_s || command == u"no-postpone"_s || command == u"cut-over"_s) {
        if (ControlReply refusal = refuseOtherTable(command, argument, m_identity.forceNamedCutOver); !refusal.ok)
            return refusal;
        return unpostpone();
    }
    if (command == u"revert"_s || command == u"close-revert-window"_s) {
        if (ControlReply refusal = refuseOtherTable(command, argument, false); !refusal.ok)
            return refusal;
        return revertWindowCommand(command == u"revert"_s);
    }
    if (command == u"panic"_s) {
        if (ControlReply refusal = refuseOtherTable(command, argument, m_identity.forceNamedPanic); !refusal.ok)
            return refusal;
        return panic();
    }
    if (command == u"throttle-http"_s || command == u"replication-lag-query"_s || command == u"applier"_s
        || command == u"inspector"_s)
        return refused(u"'%1' is a gh-ost command Shadowswap does not support; send help for the list"_s.arg(command));
    return refused(u"Unknown command: %1; send help for the list"_s.arg(command));
}

} // namespace engine::control
