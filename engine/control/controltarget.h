#pragma once

#include <model/progress.h>
#include <throttle/throttlesettings.h>

namespace engine::control {

// What control commands act on: the live controls of one running migration. MigrationController provides them
// (ControllerTarget adapts it); tests use a fake. Called in the controller's thread only.
class ControlTarget {
public:
    virtual ~ControlTarget() = default;

    [[nodiscard]] virtual migration::ProgressSnapshot snapshot() const = 0;
    [[nodiscard]] virtual throttle::ThrottleSettings throttleSettings() const = 0;
    virtual void setThrottleSettings(const throttle::ThrottleSettings &settings) = 0;

    [[nodiscard]] virtual bool isThrottledByOperator() const = 0;
    virtual void setThrottled(bool throttled) = 0;
    virtual void requestCutOver() = 0;
    virtual void requestRevert() = 0;      // within the revert window: swap the old table back
    virtual void closeRevertWindow() = 0;  // end the revert window, keeping the new schema
    virtual void abort() = 0;

    [[nodiscard]] virtual qint64 pinnedChunkSize() const = 0; // 0: adapting to the chunk target
    virtual void setChunkSize(qint64 rows) = 0;               // pins
    [[nodiscard]] virtual qint64 chunkTargetMillis() const = 0;
    virtual void setChunkTargetMillis(qint64 millis) = 0;     // un-pins
    [[nodiscard]] virtual qint64 dmlBatchSize() const = 0;
    virtual void setDmlBatchSize(qint64 keys) = 0;
    [[nodiscard]] virtual qint64 maxLagMillis() const = 0;
    virtual void setMaxLagMillis(qint64 millis) = 0;
    [[nodiscard]] virtual double niceRatio() const = 0;
    virtual void setNiceRatio(double ratio) = 0;
};

} // namespace engine::control
