#pragma once

#include "logmodel.h"

#include <spdlog/sinks/base_sink.h>

#include <mutex>

namespace ui {

// An spdlog sink that hands records to a LogModel in the GUI thread. Called on any engine thread: it only
// formats, stores under the sink's mutex and posts one queued call per batch, so a chatty engine costs the
// GUI one event per batch, not one per record.
class LogSink : public spdlog::sinks::base_sink<std::mutex> {
public:
    explicit LogSink(LogModel *model);
    void detach(); // from the model's destructor; afterwards records are dropped

protected:
    void sink_it_(const spdlog::details::log_msg &msg) override;
    void flush_() override {}

private:
    void deliver();

    LogModel *m_model; // guarded by mutex_
    std::shared_ptr<std::vector<LogRecord>> m_pending; // guarded by m_pendingMutex
    std::mutex m_pendingMutex;
};

} // namespace ui
