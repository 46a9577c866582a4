#pragma once

#include "statusreport.h"

#include <QString>

#include <functional>
#include <vector>

namespace engine::control {

class ControlTarget;

// The answer to one command: text lines, each ending in '\n'. `ok == false`: refused, nothing was changed.
struct ControlReply {
    QString text;
    bool ok = true;
};

// One command line in gh-ost's interactive vocabulary ("throttle", "chunk-size=500", "max-load=?"), executed
// against a running migration: help, status, sup, coordinates, throttle, no-throttle, unpostpone, panic, and the
// live settings (NAME=VALUE sets, NAME=? reads). Malformed or out-of-range input gets one "ERROR: ..." line
// naming the problem and the accepted form, and changes nothing. Lives in the controller's thread.
class ControlCommandHandler {
public:
    ControlCommandHandler(ControlTarget &target, ControlIdentity identity);

    ControlReply execute(const QString &line);

    void setServingOn(const QStringList &endpoints) { m_identity.servingOn = endpoints; }
    [[nodiscard]] const ControlIdentity &identity() const { return m_identity; }
    [[nodiscard]] QString helpText() const;

private:
    // A live setting: `read` answers NAME=?, `write` validates and applies NAME=VALUE.
    struct Setting {
        QString name;
        QString form; // the accepted form, for help and error lines
        QString help;
        std::function<QString()> read;
        std::function<ControlReply(const QString &value)> write;
    };
    void defineSettings();
    [[nodiscard]] const Setting *findSetting(const QString &name) const;
    [[nodiscard]] ControlReply refuseOtherTable(const QString &command, const QString &argument,
                                                bool nameRequired) const;
    ControlReply operatorThrottle(bool on);
    ControlReply unpostpone();
    ControlReply panic();
    ControlReply revertWindowCommand(bool revert);

    ControlTarget &m_target;
    ControlIdentity m_identity;
    std::vector<Setting> m_settings;
};

} // namespace engine::control
