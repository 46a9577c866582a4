#pragma once

#include <QObject>
#include <QThread>

#include <functional>
#include <memory>
#include <optional>

namespace ui {

// Runs blocking work (a server round trip) on a thread of its own and calls `done` with the result in the
// receiver's thread. `done` is dropped when the receiver is gone by then. Only the Result value crosses threads:
// `work` must capture plain values, never widgets. Exceptions must be caught inside `work`.
template<typename Result>
void runInBackground(QObject *receiver, std::function<Result()> work, std::function<void(const Result &)> done)
{
    auto result = std::make_shared<std::optional<Result>>();
    QThread *thread = QThread::create([result, work = std::move(work)] { result->emplace(work()); });
    QObject::connect(thread, &QThread::finished, receiver, [result, done = std::move(done)] {
        if (result->has_value())
            done(**result);
    });
    QObject::connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    thread->start();
}

} // namespace ui
