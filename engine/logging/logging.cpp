#include "logging.h"

#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>

#include <QDir>
#include <QFile>
#include <QStandardPaths>

#include <mutex>

using namespace Qt::StringLiterals;

namespace engine::logging {

namespace {
std::shared_ptr<spdlog::sinks::dist_sink_mt> distSink()
{
    static auto sink = [] {
        auto dist = std::make_shared<spdlog::sinks::dist_sink_mt>();
        auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
        console->set_level(spdlog::level::info);
        dist->add_sink(console);
        return dist;
    }();
    return sink;
}
} // namespace

std::shared_ptr<spdlog::logger> logger()
{
    static std::shared_ptr<spdlog::logger> instance = [] {
        auto log = std::make_shared<spdlog::logger>("shadowswap", distSink());
        log->set_level(spdlog::level::debug);
        log->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ %v");
        log->flush_on(spdlog::level::warn);
        return log;
    }();
    return instance;
}

void setup(Verbosity verbosity, const QString &logDirectory)
{
    auto dist = distSink();
    const auto consoleLevel = verbosity == Verbosity::Quiet     ? spdlog::level::err
                              : verbosity == Verbosity::Normal  ? spdlog::level::info
                              : verbosity == Verbosity::Verbose ? spdlog::level::debug
                                                                : spdlog::level::trace;
    for (auto &sink : dist->sinks())
        sink->set_level(consoleLevel);
    logger()->set_level(verbosity == Verbosity::Debug ? spdlog::level::trace : spdlog::level::debug);
    if (!logDirectory.isEmpty() && QDir().mkpath(logDirectory)) {
        try {
            const QString logPath = QDir(logDirectory).filePath(u"shadowswap.log"_s);
            // The log names servers, tables and statements: readable by its owner only.
            QFile created(logPath);
            if (!created.exists())
                created.open(QIODevice::WriteOnly);
            created.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            const std::string path = logPath.toStdString();
            auto file = std::make_shared<spdlog::sinks::rotating_file_sink_mt>(path, 5 * 1024 * 1024, 5);
            file->set_level(spdlog::level::debug);
            dist->add_sink(file);
        } catch (const spdlog::spdlog_ex &error) {
            logger()->warn("cannot open the log file in {}: {}", logDirectory.toStdString(), error.what());
        }
    }
    // Re-apply the pattern so sinks added above format like the rest.
    logger()->set_pattern("%Y-%m-%d %H:%M:%S.%e %^%-5l%$ %v");
}

void addSink(std::shared_ptr<spdlog::sinks::sink> sink)
{
    distSink()->add_sink(std::move(sink));
}

QString defaultLogDirectory()
{
    QString base = qEnvironmentVariable("XDG_STATE_HOME");
    if (base.isEmpty())
        base = QDir::homePath() + u"/.local/state"_s;
    return base + u"/shadowswap"_s;
}

} // namespace engine::logging
