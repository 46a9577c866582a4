#include "logsink.h"

#include <QMetaObject>

namespace ui {

LogSink::LogSink(LogModel *model)
    : m_model(model)
{
}

void LogSink::detach()
{
    std::lock_guard lock(mutex_);
    m_model = nullptr;
}

void LogSink::sink_it_(const spdlog::details::log_msg &msg)
{
    // mutex_ is held here (base_sink::log).
    if (!m_model)
        return;
    LogRecord record;
    record.time = QDateTime::fromMSecsSinceEpoch(
        std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count());
    record.level = int(msg.level);
    record.message = QString::fromUtf8(msg.payload.data(), qsizetype(msg.payload.size()));
    bool post = false;
    {
        std::lock_guard lock(m_pendingMutex);
        if (!m_pending) {
            m_pending = std::make_shared<std::vector<LogRecord>>();
            post = true;
        }
        m_pending->push_back(std::move(record));
    }
    if (post) {
        // The model can't be destroyed meanwhile: its destructor calls detach(), which waits for mutex_.
        QMetaObject::invokeMethod(m_model, [this, model = m_model] {
            std::shared_ptr<std::vector<LogRecord>> batch;
            {
                std::lock_guard lock(m_pendingMutex);
                batch.swap(m_pending);
            }
            if (batch)
                model->append(*batch);
        }, Qt::QueuedConnection);
    }
}

} // namespace ui
