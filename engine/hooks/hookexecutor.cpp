#include "hookexecutor.h"

#include <logging/logging.h>

#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QProcess>

#include <csignal>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace engine::hooks {

namespace {
void killGroup(QProcess &process)
{
    // The hook leads a process group of its own (see runOne), so a shell script's children die with it and
    // can't hold its output pipe open.
    if (const qint64 pid = process.processId(); pid > 0)
        ::kill(-static_cast<pid_t>(pid), SIGKILL);
    process.kill();
    process.waitForFinished(5000);
}
} // namespace

HookExecutor::HookExecutor(QString directory, int timeoutSeconds)
    : m_directory(std::move(directory))
    , m_timeoutSeconds(timeoutSeconds)
{
}

QStringList HookExecutor::find(const QString &baseName) const
{
    if (m_directory.isEmpty())
        return {};
    const QDir dir(m_directory);
    QStringList hooks;
    for (const QFileInfo &file : dir.entryInfoList({baseName + u'*'}, QDir::Files | QDir::Executable, QDir::Name))
        hooks << file.absoluteFilePath();
    return hooks;
}

HookRunResult HookExecutor::run(const QString &baseName, const QProcessEnvironment &environment,
                                const std::atomic<bool> *cancel) const
{
    for (const QString &hook : find(baseName)) {
        SS_INFO("executing {} hook: {}", baseName.toStdString(), hook.toStdString());
        HookRunResult result = runOne(hook, environment, cancel);
        if (!result.ok)
            return result;
    }
    return {};
}

HookRunResult HookExecutor::runOne(const QString &path, const QProcessEnvironment &environment,
                                   const std::atomic<bool> *cancel) const
{
    HookRunResult result;
    result.hook = path;
    QProcess process;
    process.setProgram(path);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.setStandardInputFile(QProcess::nullDevice());
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
    process.start();
    if (!process.waitForStarted(10000)) {
        result.ok = false;
        result.problem = u"could not start: "_s + process.errorString();
        return result;
    }
    QElapsedTimer clock;
    clock.start();
    while (process.state() != QProcess::NotRunning && !process.waitForFinished(100)) {
        if (cancel && cancel->load()) {
            killGroup(process);
            result.ok = false;
            result.cancelled = true;
            result.problem = u"killed: the migration was aborted"_s;
            return result;
        }
        if (clock.elapsed() > qint64(m_timeoutSeconds) * 1000) {
            killGroup(process);
            result.ok = false;
            result.problem = u"timed out after %1 s and was killed"_s.arg(m_timeoutSeconds);
            return result;
        }
    }
    const QString output = QString::fromUtf8(process.readAll()).trimmed();
    if (!output.isEmpty())
        SS_INFO("{}: {}", QFileInfo(path).fileName().toStdString(), output.left(4000).toStdString());
    if (process.exitStatus() != QProcess::NormalExit) {
        result.ok = false;
        result.problem = u"crashed"_s;
    } else if (process.exitCode() != 0) {
        result.ok = false;
        result.problem = u"exit code %1"_s.arg(process.exitCode());
    }
    return result;
}

} // namespace engine::hooks
