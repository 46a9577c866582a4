#include "clicommandline.h"

#include <history/specparameters.h>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace engine::report {

namespace {
enum class Kind {
    Always,      // the connection and the target: written whatever the value
    Flag,        // a boolean flag: "--name" when true by default false, "--name=false" the other way round
    Value,       // "--name=value"
    SkipIfFalse, // "preflight": false is written as --skip-preflight
    Duration,    // "revert-window", stored in seconds: 90s, 30m, 2h
    Secret,      // never written
    NoFlag,      // the engine's own setting, no flag sets it: not written
};

struct Parameter {
    const char16_t *key;
    Kind kind;
};

// In the order a DBA reads a command line: where, what, how; --execute last.
constexpr Parameter parameters[] = {
    {u"host", Kind::Always},
    {u"port", Kind::Always},
    {u"user", Kind::Always},
    {u"ssl", Kind::Flag},
    {u"ssl-ca", Kind::Value},
    {u"ssl-cert", Kind::Value},
    {u"ssl-key", Kind::Value},
    {u"ssl-allow-insecure", Kind::Flag},
    {u"assume-master-host", Kind::Value},
    {u"master-user", Kind::Value},
    {u"allow-on-master", Kind::Flag},
    {u"test-on-replica", Kind::Flag},
    {u"test-on-replica-skip-replica-stop", Kind::Flag},
    {u"migrate-on-replica", Kind::Flag},
    {u"replica-gtid-domain-id", Kind::Value},
    {u"database", Kind::Always},
    {u"table", Kind::Always},
    {u"alter", Kind::Always},
    {u"replica-server-id", Kind::Value},
    {u"chunk-size", Kind::Value},
    {u"chunk-target-millis", Kind::Value},
    {u"dml-batch-size", Kind::Value},
    {u"apply-workers", Kind::NoFlag},
    {u"exact-rowcount", Kind::Flag},
    {u"default-retries", Kind::Value},
    {u"reconnect-limit-seconds", Kind::Value},
    {u"stall-limit-seconds", Kind::Value},
    {u"cleanup-on-failure", Kind::Flag},
    {u"nice-ratio", Kind::Value},
    {u"lag-target-ratio", Kind::Value},
    {u"skip-strict-mode", Kind::Flag},
    {u"verify", Kind::Flag},
    {u"defer-secondary-indexes", Kind::Flag},
    {u"approve-renamed-columns", Kind::Flag},
    {u"skip-renamed-columns", Kind::Flag},
    {u"discard-foreign-keys", Kind::Flag},
    {u"skip-foreign-key-checks", Kind::Flag},
    {u"include-triggers", Kind::Flag},
    {u"trigger-suffix", Kind::Value},
    {u"remove-trigger-suffix-if-exists", Kind::Flag},
    {u"allow-nullable-unique-key", Kind::Flag},
    {u"initially-drop-ghost-table", Kind::Flag},
    {u"initially-drop-old-table", Kind::Flag},
    {u"ok-to-drop-table", Kind::Flag},
    {u"timestamp-old-table", Kind::Flag},
    {u"force-table-names", Kind::Value},
    {u"cut-over", Kind::Value},
    {u"cut-over-lock-timeout-seconds", Kind::Value},
    {u"cut-over-exponential-backoff", Kind::Flag},
    {u"exponential-backoff-max-interval", Kind::Value},
    {u"max-lag-millis", Kind::Value},
    {u"heartbeat-interval-millis", Kind::Value},
    {u"keep-helper-tables-on-abort", Kind::NoFlag}, // the console's abort dialog sets it
    {u"revert-window", Kind::Duration},
    {u"checkpoint-seconds", Kind::Value},
    {u"resume", Kind::Flag},
    {u"max-load", Kind::Value},
    {u"critical-load", Kind::Value},
    {u"critical-load-interval-millis", Kind::Value},
    {u"critical-load-hibernate-seconds", Kind::Value},
    {u"throttle-query", Kind::Value},
    {u"throttle-flag-file", Kind::Value},
    {u"throttle-additional-flag-file", Kind::Value},
    {u"throttle-control-replicas", Kind::Value},
    {u"postpone-cut-over-flag-file", Kind::Value},
    {u"panic-flag-file", Kind::Value},
    {u"preflight", Kind::SkipIfFalse},
    {u"force-preflight", Kind::Value},
    {u"hooks-path", Kind::Value},
    {u"hooks-hint", Kind::Value},
    {u"hooks-hint-owner", Kind::Value},
    {u"hooks-hint-token", Kind::Secret},
    {u"hooks-status-interval", Kind::Value},
    {u"hooks-timeout-seconds", Kind::Value},
    {u"execute", Kind::Flag},
};

QString valueText(const QJsonValue &value) {
    if (value.isBool())
        return value.toBool() ? u"true"_s : u"false"_s;
    if (value.isDouble()) {
        const double number = value.toDouble();
        const auto whole = static_cast<qint64>(number);
        return double(whole) == number ? QString::number(whole) : QString::number(number, 'g', 15);
    }
    return value.toString();
}

QString durationText(qint64 seconds) {
    if (seconds > 0 && seconds % 3600 == 0)
        return QString::number(seconds / 3600) + u'h';
    if (seconds > 0 && seconds % 60 == 0)
        return QString::number(seconds / 60) + u'm';
    return seconds == 0 ? u"0"_s : QString::number(seconds) + u's';
}
} // namespace

QJsonObject CliCommandLine::defaultParameters() {
    // MigrationSpec's defaults are the CLI's, except where a flag has a default of its own (ghostflags.cpp);
    // tst_clicommandline checks this against the CLI's flag parser.
    migration::MigrationSpec spec;
    spec.throttle.throttleAdditionalFlagFile = u"/tmp/gh-ost.throttle"_s;
    return history::specParameters(spec);
}

QStringList CliCommandLine::knownParameters() {
    QStringList keys;
    for (const Parameter &p : parameters)
        keys << QString::fromUtf16(p.key);
    return keys;
}

QString CliCommandLine::shellQuote(const QString &text) {
    static const QRegularExpression safe(u"^[A-Za-z0-9_./:,@%+=-]+$"_s);
    if (safe.match(text).hasMatch())
        return text;
    QString quoted = text;
    quoted.replace(u'\'', u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

CliCommandLine CliCommandLine::fromSpec(const migration::MigrationSpec &spec) {
    return fromParameters(history::specParameters(spec));
}

CliCommandLine CliCommandLine::fromParameters(const QJsonObject &stored) {
    CliCommandLine line;
    const QJsonObject defaults = defaultParameters();
    for (const Parameter &p : parameters) {
        const QString key = QString::fromUtf16(p.key);
        if (!stored.contains(key))
            continue; // a journal written before the parameter existed: the CLI's default applies
        const QJsonValue value = stored.value(key);
        const QJsonValue fallback = defaults.value(key);
        const bool changed = valueText(value) != valueText(fallback);
        QString argument, shown;
        switch (p.kind) {
        case Kind::Always:
            line.m_arguments << u"--"_s + key + u'=' + valueText(value);
            continue;
        case Kind::Secret:
            if (!value.toString().isEmpty())
                line.m_omitted << key;
            continue;
        case Kind::NoFlag:
            continue;
        case Kind::Flag:
            if (!changed)
                continue;
            argument = u"--"_s + key + (value.toBool() ? QString() : u"=false"_s);
            shown = valueText(value);
            break;
        case Kind::Value:
            if (!changed)
                continue;
            shown = valueText(value);
            argument = u"--"_s + key + u'=' + shown;
            break;
        case Kind::SkipIfFalse:
            if (!changed)
                continue;
            argument = u"--skip-"_s + key;
            shown = valueText(value);
            break;
        case Kind::Duration:
            if (!changed)
                continue;
            shown = durationText(static_cast<qint64>(value.toDouble()));
            argument = u"--"_s + key + u'=' + shown;
            break;
        }
        line.m_arguments << argument;
        if (key != u"execute"_s)
            line.m_changed << CliOption{p.kind == Kind::SkipIfFalse ? u"skip-"_s + key : key,
                                        p.kind == Kind::SkipIfFalse ? u"true"_s : shown,
                                        p.kind == Kind::SkipIfFalse ? u"false"_s
                                        : p.kind == Kind::Duration
                                            ? durationText(static_cast<qint64>(fallback.toDouble()))
                                            : valueText(fallback)};
    }
    // The password is never on the line: asked for when the command runs.
    line.m_arguments.insert(qMin(qsizetype(3), line.m_arguments.size()), u"--ask-pass"_s);
    return line;
}

QString CliCommandLine::toString() const {
    QStringList words{u"shadowswap-cli"_s};
    for (const QString &argument : m_arguments) {
        const qsizetype equals = argument.indexOf(u'=');
        words << (equals < 0 ? argument : argument.left(equals + 1) + shellQuote(argument.mid(equals + 1)));
    }
    return words.join(u' ');
}

QString CliCommandLine::toMultiLineString() const {
    QStringList lines{u"shadowswap-cli"_s};
    for (const QString &argument : m_arguments) {
        const qsizetype equals = argument.indexOf(u'=');
        lines << u"  "_s + (equals < 0 ? argument
                                       : argument.left(equals + 1) + shellQuote(argument.mid(equals + 1)));
    }
    return lines.join(u" \\\n"_s);
}

} // namespace engine::report
