#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace ui {

// Passwords in the OS keyring (QtKeychain), keyed by profile name. Never falls back to a settings file: when no
// keyring is reachable (no session bus, CI, offscreen) every call reports "unavailable" and the DBA types the
// password each time. Callbacks run in the GUI thread; nothing here logs a password.
class PasswordStore : public QObject {
    Q_OBJECT
public:
    explicit PasswordStore(QObject *parent = nullptr);

    // False when there is certainly no keyring (then read/write fail at once, without a D-Bus timeout).
    [[nodiscard]] static bool keyringLikelyAvailable();

    // ok == false: no stored password or no keyring; `error` says which in words.
    void read(const QString &profile, std::function<void(bool ok, const QString &password, const QString &error)> done);
    void write(const QString &profile, const QString &password, std::function<void(bool ok, const QString &error)> done);
    void remove(const QString &profile);
};

} // namespace ui
