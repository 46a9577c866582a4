#pragma once

#include "throttlepolicy.h"

#include <mysql/connectionsettings.h>

#include <QString>

#include <atomic>
#include <memory>
#include <thread>

namespace engine::migration {
class MigrationContext;
}

namespace engine::throttle {

// Watches every throttle source while a migration runs, on its own thread and connections, and publishes the
// verdict into the MigrationContext, which the copier and appliers consult between units of work
// (MigrationRunner::waitWhileThrottled). Flag files are checked every 100 ms, replica heartbeat lag every
// 200 ms, status variables and the throttle query every second. Settings are re-read from the context each
// round, so changes made while running take effect at once. Critical load and panic request an abort (or, with
// --critical-load-hibernate-seconds, throttle for that long).
class ThrottleMonitor {
public:
    struct Options {
        mysql::ConnectionSettings primary;
        // Credentials used for --throttle-control-replicas given as host:port.
        mysql::ConnectionSettings replicaTemplate;
        // The replica whose binlog is read, when it is one: its lag always counts.
        std::optional<mysql::ConnectionSettings> inspectedReplica;
        QString schema;
        QString changelogTable;
    };

    ThrottleMonitor(Options options, std::shared_ptr<migration::MigrationContext> context);
    ~ThrottleMonitor();
    void start();
    void stop();

private:
    void run();
    void round(qint64 tick);
    void sampleReplicaLag(const ThrottleSettings &settings);
    void samplePrimary(const ThrottleSettings &settings);

    struct Probe;
    Options m_options;
    std::shared_ptr<migration::MigrationContext> m_context;
    std::unique_ptr<Probe> m_probe; // connections and last observation; touched only by the monitor thread
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
};

} // namespace engine::throttle
