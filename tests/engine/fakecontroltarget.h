#pragma once

#include <control/controltarget.h>
#include <control/statusreport.h>

namespace testsupport {

// The migration the control tests address: shop.orders, ghost _orders_gho, no named-command requirements.
inline engine::control::ControlIdentity ordersIdentity()
{
    return engine::control::ControlIdentity{QStringLiteral("shop"), QStringLiteral("orders"),
                                            QStringLiteral("_orders_gho"), {}, false, false};
}

// A migration stand-in for control command tests: records what the commands set.
// Everything a command may change, comparable as a whole.
struct Controls {
    engine::throttle::ThrottleSettings throttle;
    bool operatorThrottle = false;
    bool cutOverRequested = false;
    bool aborted = false;
    qint64 pinnedChunkSize = 0;
    qint64 chunkTargetMillis = 500;
    qint64 dmlBatchSize = 1000;
    qint64 maxLagMillis = 1500;
    double niceRatio = 0;
    bool revertRequested = false;
    bool revertWindowClosed = false;
    bool operator==(const Controls &) const = default;
};

class FakeTarget : public engine::control::ControlTarget {
public:
    Controls controls;
    engine::migration::ProgressSnapshot progress;

    engine::migration::ProgressSnapshot snapshot() const override { return progress; }
    engine::throttle::ThrottleSettings throttleSettings() const override { return controls.throttle; }
    void setThrottleSettings(const engine::throttle::ThrottleSettings &s) override { controls.throttle = s; }
    bool isThrottledByOperator() const override { return controls.operatorThrottle; }
    void setThrottled(bool on) override { controls.operatorThrottle = on; }
    void requestCutOver() override { controls.cutOverRequested = true; }
    void requestRevert() override { controls.revertRequested = true; }
    void closeRevertWindow() override { controls.revertWindowClosed = true; }
    void abort() override { controls.aborted = true; }
    qint64 pinnedChunkSize() const override { return controls.pinnedChunkSize; }
    void setChunkSize(qint64 rows) override { controls.pinnedChunkSize = rows; }
    qint64 chunkTargetMillis() const override { return controls.chunkTargetMillis; }
    void setChunkTargetMillis(qint64 ms) override
    {
        controls.chunkTargetMillis = ms;
        controls.pinnedChunkSize = 0;
    }
    qint64 dmlBatchSize() const override { return controls.dmlBatchSize; }
    void setDmlBatchSize(qint64 keys) override { controls.dmlBatchSize = keys; }
    qint64 maxLagMillis() const override { return controls.maxLagMillis; }
    void setMaxLagMillis(qint64 ms) override { controls.maxLagMillis = ms; }
    double niceRatio() const override { return controls.niceRatio; }
    void setNiceRatio(double ratio) override { controls.niceRatio = ratio; }
};

} // namespace testsupport
