#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace cli {

enum class FlagKind { Bool, String, Int, Float };

// One command-line flag. `supported == false` marks gh-ost flags that Shadowswap accepts (so scripts keep
// working) but that do not apply; using one prints a warning naming it.
struct FlagSpec {
    QString name;
    FlagKind kind = FlagKind::String;
    QString defaultValue;
    QString help;
    bool supported = true;
};

// Parses arguments the way Go's flag package (and so gh-ost) does: "-name" and "--name" are the same;
// values as "--name=value" or "--name value"; booleans as "--name" or "--name=true|false" (never "--name false").
// Unknown flags and malformed values are errors that name the flag and say what is expected.
class FlagParser {
public:
    explicit FlagParser(std::vector<FlagSpec> specs);

    bool parse(const QStringList &arguments); // arguments without the program name
    [[nodiscard]] const QString &error() const { return m_error; }
    [[nodiscard]] QStringList warnings() const { return m_warnings; }
    [[nodiscard]] QStringList positional() const { return m_positional; }

    [[nodiscard]] bool isSet(const QString &name) const { return m_values.contains(name); }
    [[nodiscard]] bool boolValue(const QString &name) const;
    [[nodiscard]] QString stringValue(const QString &name) const;
    [[nodiscard]] qint64 intValue(const QString &name) const;
    [[nodiscard]] double floatValue(const QString &name) const;

    // Gives a flag that was not on the command line a value from elsewhere (--conf, the environment, a prompt);
    // a flag given on the command line keeps its value. False for an unknown flag or a bad value.
    bool supply(const QString &name, const QString &value);

    [[nodiscard]] QString helpText() const;
    [[nodiscard]] const std::vector<FlagSpec> &specs() const { return m_specs; }

private:
    [[nodiscard]] const FlagSpec *find(const QString &name) const;
    bool store(const FlagSpec &spec, const QString &value);

    std::vector<FlagSpec> m_specs;
    QMap<QString, QString> m_values;
    QStringList m_warnings;
    QStringList m_positional;
    QString m_error;
};

} // namespace cli
