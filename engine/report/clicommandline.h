#pragma once

#include <model/migrationspec.h>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace engine::report {

// One option of a migration that differs from what shadowswap-cli assumes when the flag is absent.
struct CliOption {
    QString flag;         // without dashes: "chunk-size"
    QString value;        // as the flag takes it ("true", "90s", "a,b")
    QString defaultValue; // the CLI's value without the flag
    bool operator==(const CliOption &) const = default;
};

// The shadowswap-cli invocation that runs a migration again, rebuilt from its parameters as the history
// journal stores them (history::specParameters). Secrets are never part of it: passwords are not in the
// parameters at all, and --hooks-hint-token's value is never written (omittedSecrets() says it was set). The
// password is asked for (--ask-pass); drop that flag and set SHADOWSWAP_PASSWORD for scripts. The connection
// and the target (host, port, user, database, table, alter) are always given; every other flag only when its
// value differs from the CLI's default, so the line also lists "what was changed".
class CliCommandLine {
public:
    static CliCommandLine fromParameters(const QJsonObject &parameters);
    static CliCommandLine fromSpec(const migration::MigrationSpec &spec);

    // The arguments, unquoted ("--alter=ADD COLUMN x INT"), without the program name.
    [[nodiscard]] const QStringList &arguments() const { return m_arguments; }
    // "shadowswap-cli --host=... --alter='ADD COLUMN x INT' ..." quoted for a POSIX shell, on one line.
    [[nodiscard]] QString toString() const;
    // The same, one flag per line joined with " \" (for reports and the review).
    [[nodiscard]] QString toMultiLineString() const;
    // The options that differ from the CLI's defaults, in the line's order (the connection and target
    // excluded).
    [[nodiscard]] const QList<CliOption> &changedOptions() const { return m_changed; }
    // Flags whose secret value was set but left out ("hooks-hint-token").
    [[nodiscard]] const QStringList &omittedSecrets() const { return m_omitted; }

    // What shadowswap-cli uses when no flag is given, in specParameters' form.
    static QJsonObject defaultParameters();
    // Every parameter key the line knows how to write (a stored key not in this list is left out).
    static QStringList knownParameters();

    // POSIX-shell quoting: unchanged when only safe characters, else in single quotes.
    static QString shellQuote(const QString &text);

private:
    QStringList m_arguments;
    QList<CliOption> m_changed;
    QStringList m_omitted;
};

} // namespace engine::report
