#include "controllertarget.h"

#include <migration/migrationcontroller.h>

namespace engine::control {

ControllerTarget::ControllerTarget(migration::MigrationController &controller)
    : m_controller(controller)
{
}

migration::ProgressSnapshot ControllerTarget::snapshot() const { return m_controller.snapshot(); }
throttle::ThrottleSettings ControllerTarget::throttleSettings() const { return m_controller.throttleSettings(); }
void ControllerTarget::setThrottleSettings(const throttle::ThrottleSettings &settings)
{
    m_controller.setThrottleSettings(settings);
}
bool ControllerTarget::isThrottledByOperator() const { return m_controller.isThrottledByOperator(); }
void ControllerTarget::setThrottled(bool throttled) { m_controller.setThrottled(throttled); }
void ControllerTarget::requestCutOver() { m_controller.requestCutOver(); }
void ControllerTarget::requestRevert() { m_controller.requestRevert(); }
void ControllerTarget::closeRevertWindow() { m_controller.closeRevertWindow(); }
void ControllerTarget::abort() { m_controller.abort(); }
qint64 ControllerTarget::pinnedChunkSize() const { return m_controller.pinnedChunkSize(); }
void ControllerTarget::setChunkSize(qint64 rows) { m_controller.setChunkSize(rows); }
qint64 ControllerTarget::chunkTargetMillis() const { return m_controller.chunkTargetMillis(); }
void ControllerTarget::setChunkTargetMillis(qint64 millis) { m_controller.setChunkTargetMillis(millis); }
qint64 ControllerTarget::dmlBatchSize() const { return m_controller.dmlBatchSize(); }
void ControllerTarget::setDmlBatchSize(qint64 keys) { m_controller.setDmlBatchSize(keys); }
qint64 ControllerTarget::maxLagMillis() const { return m_controller.maxLagMillis(); }
void ControllerTarget::setMaxLagMillis(qint64 millis) { m_controller.setMaxLagMillis(millis); }
double ControllerTarget::niceRatio() const { return m_controller.niceRatio(); }
void ControllerTarget::setNiceRatio(double ratio) { m_controller.setNiceRatio(ratio); }

} // namespace engine::control
