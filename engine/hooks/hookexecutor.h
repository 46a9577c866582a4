#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <atomic>

namespace engine::hooks {

struct HookRunResult {
    bool ok = true;
    QString hook;     // the file that failed
    QString problem;  // "exit code 3", "timed out after 600 s", "could not start: ..."
    bool cancelled = false;
};

// Runs hook executables, gh-ost's way: every executable file in `directory` whose name starts with the base
// name, in name order, one after the other, synchronously; the first failure stops the series. Each gets
// `environment`, no arguments and the caller's working directory; its combined output is logged. A hook still
// running after the timeout (or when `cancel` becomes true) is killed with its process group.
// Any thread; each call uses QProcess in the calling thread only.
class HookExecutor {
public:
    HookExecutor(QString directory, int timeoutSeconds);

    [[nodiscard]] QStringList find(const QString &baseName) const; // absolute paths, in run order
    HookRunResult run(const QString &baseName, const QProcessEnvironment &environment,
                      const std::atomic<bool> *cancel = nullptr) const;

private:
    HookRunResult runOne(const QString &path, const QProcessEnvironment &environment,
                         const std::atomic<bool> *cancel) const;

    QString m_directory;
    int m_timeoutSeconds;
};

} // namespace engine::hooks
