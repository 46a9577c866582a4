#pragma once

#include "controltarget.h"

namespace engine::migration {
class MigrationController;
}

namespace engine::control {

// The control target of a real migration: forwards to the MigrationController (same thread).
class ControllerTarget : public ControlTarget {
public:
    explicit ControllerTarget(migration::MigrationController &controller);

    [[nodiscard]] migration::ProgressSnapshot snapshot() const override;
    [[nodiscard]] throttle::ThrottleSettings throttleSettings() const override;
    void setThrottleSettings(const throttle::ThrottleSettings &settings) override;
    [[nodiscard]] bool isThrottledByOperator() const override;
    void setThrottled(bool throttled) override;
    void requestCutOver() override;
    void requestRevert() override;
    void closeRevertWindow() override;
    void abort() override;
    [[nodiscard]] qint64 pinnedChunkSize() const override;
    void setChunkSize(qint64 rows) override;
    [[nodiscard]] qint64 chunkTargetMillis() const override;
    void setChunkTargetMillis(qint64 millis) override;
    [[nodiscard]] qint64 dmlBatchSize() const override;
    void setDmlBatchSize(qint64 keys) override;
    [[nodiscard]] qint64 maxLagMillis() const override;
    void setMaxLagMillis(qint64 millis) override;
    [[nodiscard]] double niceRatio() const override;
    void setNiceRatio(double ratio) override;

private:
    migration::MigrationController &m_controller;
};

} // namespace engine::control
