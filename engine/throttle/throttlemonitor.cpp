#include "throttlemonitor.h"

#include <logging/logging.h>
#include <model/wallclock.h>
#include <model/migrationcontext.h>
#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QElapsedTimer>
#include <QFile>

#include <chrono>
#include <map>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::ConnectionSettings;
using engine::mysql::DbException;

namespace engine::throttle {

namespace {

constexpr int roundMillis = 100;

// A lazily (re)opened connection; a failure closes it so the next round reconnects.
struct Link {
    ConnectionSettings settings;
    Connection connection;
    QString endpoint() const { return u"%1:%2"_s.arg(settings.host).arg(settings.port); }
    Connection &open()
    {
        if (!connection.isOpen()) {
            ConnectionSettings quick = settings;
            quick.connectTimeoutSeconds = 2;
            quick.readTimeoutSeconds = 2;
            connection = Connection::open(quick, u"throttle"_s);
        }
        return connection;
    }
};

} // namespace

struct ThrottleMonitor::Probe {
    std::optional<Link> primary;
    std::map<QString, Link> replicas; // by "host:port"
    ThrottleObservation last;
    qint64 criticalSinceMillis = -1;
    qint64 hibernateUntilMillis = -1;
    QElapsedTimer clock;
};

ThrottleMonitor::ThrottleMonitor(Options options, std::shared_ptr<migration::MigrationContext> context)
    : m_options(std::move(options))
    , m_context(std::move(context))
    , m_probe(std::make_unique<Probe>())
{
}

ThrottleMonitor::~ThrottleMonitor()
{
    stop();
}

void ThrottleMonitor::start()
{
    m_probe->clock.start();
    m_probe->primary = Link{m_options.primary, {}};
    m_thread = std::thread([this] { run(); });
}

void ThrottleMonitor::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
    m_context->setSourceThrottleReason({});
}

void ThrottleMonitor::run()
{
    for (qint64 tick = 0; !m_stop; ++tick) {
        try {
            round(tick);
        } catch (const std::exception &error) {
            // The monitor must never take the migration down by itself; an unknown state throttles.
            m_context->setSourceThrottleReason(u"throttle monitor error: %1"_s.arg(QString::fromUtf8(error.what())));
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(roundMillis));
    }
}

void ThrottleMonitor::round(qint64 tick)
{
    const ThrottleSettings settings = m_context->throttleSettings();
    ThrottleObservation &o = m_probe->last;
    o.throttleFlagFile = !settings.throttleFlagFile.isEmpty() && QFile::exists(settings.throttleFlagFile);
    o.additionalFlagFile = !settings.throttleAdditionalFlagFile.isEmpty()
        && QFile::exists(settings.throttleAdditionalFlagFile);
    o.panicFlagFile = !settings.panicFlagFile.isEmpty() && QFile::exists(settings.panicFlagFile);
    const qint64 streamNanos = m_context->streamHeartbeatNanos.load();
    o.streamLagMillis = streamNanos > 0 ? (migration::wallClockNanos() - streamNanos) / 1'000'000 : -1;
    if (o.streamLagMillis >= 0)
        m_context->streamLagMillis = o.streamLagMillis; // fresh even when the stream has gone quiet

    if (tick % 2 == 0)
        sampleReplicaLag(settings);
    if (tick % 10 == 0)
        samplePrimary(settings);

    const ThrottleVerdict verdict = evaluateThrottle(settings, m_context->maxLagMillis, o);
    const qint64 now = m_probe->clock.elapsed();
    if (!verdict.panicReason.isEmpty()) {
        m_context->requestAbort(u"panic: "_s + verdict.panicReason);
        return;
    }
    QString throttleReason = verdict.throttleReason;
    if (!verdict.criticalReason.isEmpty()) {
        if (m_probe->criticalSinceMillis < 0)
            m_probe->criticalSinceMillis = now;
        if (now - m_probe->criticalSinceMillis >= settings.criticalLoadIntervalMillis) {
            if (settings.criticalLoadHibernateSeconds > 0) {
                if (m_probe->hibernateUntilMillis < now)
                    SS_WARN("{}: hibernating {} s", verdict.criticalReason.toStdString(),
                            settings.criticalLoadHibernateSeconds);
                m_probe->hibernateUntilMillis = now + settings.criticalLoadHibernateSeconds * 1000LL;
            } else {
                m_context->requestAbort(verdict.criticalReason);
                return;
            }
        }
    } else {
        m_probe->criticalSinceMillis = -1;
    }
    if (m_probe->hibernateUntilMillis >= now)
        throttleReason = u"hibernating after critical load (%1 s left)"_s.arg((m_probe->hibernateUntilMillis - now) / 1000 + 1);
    m_context->setSourceThrottleReason(throttleReason);
}

void ThrottleMonitor::sampleReplicaLag(const ThrottleSettings &settings)
{
    std::vector<ConnectionSettings> wanted;
    if (m_options.inspectedReplica)
        wanted.push_back(*m_options.inspectedReplica);
    for (const QString &entry : settings.throttleControlReplicas.split(u',', Qt::SkipEmptyParts)) {
        const QString host = entry.trimmed().section(u':', 0, 0);
        const unsigned port = entry.trimmed().section(u':', 1, 1).toUInt();
        wanted.push_back(m_options.replicaTemplate.withEndpoint(host, port ? port : 3306));
    }
    std::map<QString, Link> kept;
    std::vector<ThrottleObservation::ReplicaLag> lags;
    qint64 worst = -1;
    for (const ConnectionSettings &replica : wanted) {
        const QString endpoint = u"%1:%2"_s.arg(replica.host).arg(replica.port);
        if (kept.count(endpoint))
            continue;
        auto existing = m_probe->replicas.find(endpoint);
        Link link = existing != m_probe->replicas.end() ? std::move(existing->second) : Link{replica, {}};
        ThrottleObservation::ReplicaLag lag{endpoint, std::nullopt, {}};
        try {
            const auto value = link.open().scalar(u"SELECT value FROM %1 WHERE hint = 'heartbeat'"_s.arg(
                mysql::qualifiedName(m_options.schema, m_options.changelogTable)));
            if (value && value->toLongLong() > 0)
                lag.lagMillis = std::max<qint64>(0, (migration::wallClockNanos() - value->toLongLong()) / 1'000'000);
            else
                lag.error = u"no heartbeat row yet"_s;
        } catch (const DbException &error) {
            lag.error = error.error().message;
            link.connection.close();
        }
        if (lag.lagMillis)
            worst = std::max(worst, *lag.lagMillis);
        lags.push_back(lag);
        kept.emplace(endpoint, std::move(link));
    }
    m_probe->replicas = std::move(kept);
    QList<migration::ReplicaLagReading> readings;
    for (const auto &lag : lags)
        readings.append({lag.endpoint, lag.lagMillis.value_or(-1), lag.error});
    m_probe->last.replicas = std::move(lags);
    m_context->replicaLagMillis = worst;
    m_context->setReplicaLags(std::move(readings));
}

void ThrottleMonitor::samplePrimary(const ThrottleSettings &settings)
{
    ThrottleObservation &o = m_probe->last;
    QStringList variables;
    for (const auto *limits : {&settings.maxLoad, &settings.criticalLoad})
        for (const LoadLimit &limit : *limits)
            variables << limit.variable;
    o.status.clear();
    o.throttleQueryValue.reset();
    o.throttleQueryError.clear();
    if (variables.isEmpty() && settings.throttleQuery.isEmpty())
        return;
    Link &primary = *m_probe->primary;
    try {
        Connection &c = primary.open();
        if (!variables.isEmpty()) {
            QStringList quoted;
            for (const QString &v : variables)
                quoted << c.quote(v);
            mysql::Result rows = c.query(u"SHOW GLOBAL STATUS WHERE Variable_name IN (%1)"_s.arg(quoted.join(u", "_s)));
            while (rows.next())
                o.status[rows.text(0).toLower()] = rows.text(1).toLongLong();
        }
    } catch (const DbException &error) {
        // Load unknown: throttle rather than push on blindly.
        o.throttleQueryError = u"status of the primary unreadable: "_s + error.error().message;
        primary.connection.close();
        return;
    }
    if (settings.throttleQuery.isEmpty())
        return;
    try {
        const auto value = primary.open().scalarSingle(settings.throttleQuery);
        o.throttleQueryValue = value ? value->toLongLong() : 0;
    } catch (const DbException &error) {
        o.throttleQueryError = error.error().message;
        primary.connection.close();
    }
}

} // namespace engine::throttle
