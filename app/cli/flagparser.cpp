#include "flagparser.h"

using namespace Qt::StringLiterals;

namespace cli {

FlagParser::FlagParser(std::vector<FlagSpec> specs)
    : m_specs(std::move(specs))
{
}

const FlagSpec *FlagParser::find(const QString &name) const
{
    for (const FlagSpec &spec : m_specs)
        if (spec.name == name)
            return &spec;
    return nullptr;
}

bool FlagParser::supply(const QString &name, const QString &value)
{
    const FlagSpec *spec = find(name);
    if (!spec)
        return false;
    return isSet(name) || store(*spec, value);
}

bool FlagParser::store(const FlagSpec &spec, const QString &value)
{
    bool ok = true;
    switch (spec.kind) {
    case FlagKind::Bool: {
        const QString lower = value.toLower();
        ok = lower == u"true"_s || lower == u"false"_s || lower == u"1"_s || lower == u"0"_s;
        if (!ok) {
            m_error = u"flag --%1 is a switch: write --%1 or --%1=true|false, not \"%2\""_s.arg(spec.name, value);
            return false;
        }
        m_values[spec.name] = (lower == u"true"_s || lower == u"1"_s) ? u"true"_s : u"false"_s;
        break;
    }
    case FlagKind::Int:
        value.toLongLong(&ok);
        if (!ok) {
            m_error = u"flag --%1 needs a whole number, got \"%2\""_s.arg(spec.name, value);
            return false;
        }
        m_values[spec.name] = value;
        break;
    case FlagKind::Float:
        value.toDouble(&ok);
        if (!ok) {
            m_error = u"flag --%1 needs a number, got \"%2\""_s.arg(spec.name, value);
            return false;
        }
        m_values[spec.name] = value;
        break;
    case FlagKind::String:
        m_values[spec.name] = value;
        break;
    }
    if (!spec.supported)
        m_warnings << u"flag --%1 is accepted for gh-ost compatibility but has no effect in Shadowswap"_s.arg(spec.name);
    return true;
}

bool FlagParser::parse(const QStringList &arguments)
{
    m_values.clear();
    m_warnings.clear();
    m_positional.clear();
    m_error.clear();
    for (qsizetype i = 0; i < arguments.size(); ++i) {
        const QString &argument = arguments[i];
        if (argument == u"--"_s) {
            m_positional += arguments.mid(i + 1);
            break;
        }
        if (!argument.startsWith(u'-') || argument == u"-"_s) {
            // Nothing takes positional arguments: one is always a mistake that would otherwise change meaning
            // silently ("--execute false" executes; an unquoted "--alter ADD COLUMN x" alters with "ADD").
            const QString previous = i > 0 ? arguments[i - 1] : QString();
            const FlagSpec *previousSpec = previous.startsWith(u'-') && !previous.contains(u'=')
                ? find(previous.mid(previous.startsWith(u"--"_s) ? 2 : 1))
                : nullptr;
            if (previousSpec && previousSpec->kind == FlagKind::Bool)
                m_error = u"unexpected argument \"%1\" after %2: a boolean flag takes its value with '=' "
                          "(%2=%1)"_s.arg(argument, previous);
            else
                m_error = u"unexpected argument \"%1\": Shadowswap takes flags only. Quote a value with spaces, "
                          "e.g. --alter \"ADD COLUMN c INT\""_s.arg(argument);
            return false;
        }
        QString body = argument.mid(argument.startsWith(u"--"_s) ? 2 : 1);
        std::optional<QString> inlineValue;
        if (const qsizetype eq = body.indexOf(u'='); eq >= 0) {
            inlineValue = body.mid(eq + 1);
            body.truncate(eq);
        }
        const FlagSpec *spec = find(body);
        if (!spec) {
            m_error = u"unknown flag: %1 (see --help for the flags Shadowswap accepts)"_s.arg(argument);
            return false;
        }
        if (spec->kind == FlagKind::Bool) {
            if (!store(*spec, inlineValue.value_or(u"true"_s)))
                return false;
            continue;
        }
        if (!inlineValue) {
            if (i + 1 >= arguments.size()) {
                m_error = u"flag --%1 needs a value"_s.arg(spec->name);
                return false;
            }
            inlineValue = arguments[++i];
        }
        if (!store(*spec, *inlineValue))
            return false;
    }
    return true;
}

bool FlagParser::boolValue(const QString &name) const
{
    return stringValue(name) == u"true"_s;
}

QString FlagParser::stringValue(const QString &name) const
{
    if (auto it = m_values.constFind(name); it != m_values.constEnd())
        return *it;
    const FlagSpec *spec = find(name);
    return spec ? spec->defaultValue : QString();
}

qint64 FlagParser::intValue(const QString &name) const
{
    return stringValue(name).toLongLong();
}

double FlagParser::floatValue(const QString &name) const
{
    return stringValue(name).toDouble();
}

QString FlagParser::helpText() const
{
    QString text;
    for (const FlagSpec &spec : m_specs) {
        QString head = u"  --"_s + spec.name;
        if (spec.kind == FlagKind::Int)
            head += u" int"_s;
        else if (spec.kind == FlagKind::Float)
            head += u" float"_s;
        else if (spec.kind == FlagKind::String)
            head += u" string"_s;
        QString help = spec.help;
        if (!spec.defaultValue.isEmpty() && spec.kind != FlagKind::Bool)
            help += u" (default %1)"_s.arg(spec.defaultValue);
        if (!spec.supported)
            help += u" [accepted, no effect]"_s;
        text += head.leftJustified(44) + u' ' + help + u'\n';
    }
    return text;
}

} // namespace cli
