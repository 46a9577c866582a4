#include "cutoverwindowpoller.h"

#include <cutover/replicationdelay.h>
#include <mysql/connection.h>

#include <QElapsedTimer>
#include <QThread>

#include <optional>
#include <vector>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::ConnectionSettings;
using engine::mysql::DbException;

namespace ui {

namespace {
// A look must never hang the poll thread (and with it the panel's destructor): bounded reads.
ConnectionSettings bounded(ConnectionSettings settings)
{
    settings.connectTimeoutSeconds = std::min(settings.connectTimeoutSeconds, 5u);
    settings.readTimeoutSeconds = 10;
    return settings;
}

QString endpointOf(const ConnectionSettings &settings)
{
    return u"%1:%2"_s.arg(settings.host, QString::number(settings.port));
}
} // namespace

struct CutOverWindowPoller::Sessions {
    quint64 generation = 0;
    std::optional<Connection> primary;
    std::vector<std::optional<Connection>> replicas;

    void follow(quint64 target)
    {
        if (generation != target)
            close();
        generation = target;
    }

    void close()
    {
        primary.reset();
        replicas.clear();
    }

    // Keeps a session that still answers; one that does not is opened anew next time.
    static void keepIfAlive(std::optional<Connection> &session)
    {
        try {
            session->scalar(u"SELECT 1"_s);
        } catch (const DbException &) {
            session.reset();
        }
    }

    Connection &primaryFor(const Target &target)
    {
        if (!primary)
            primary = Connection::open(bounded(target.primary), u"gui-cutover-window"_s);
        return *primary;
    }

    CutOverWindowReading read(const Target &target)
    {
        QElapsedTimer clock;
        clock.start();
        CutOverWindowReading reading;
        reading.takenAt = QDateTime::currentDateTime();
        try {
            reading.picture = engine::cutover::readLockPicture(primaryFor(target), target.schema, target.table,
                                                               {target.longTransactionSeconds, {}});
            if (!reading.picture.errors.isEmpty())
                keepIfAlive(primary);
        } catch (const DbException &error) {
            reading.picture.errors << u"the primary %1 could not be reached: %2"_s.arg(endpointOf(target.primary),
                                                                                      error.error().message);
            primary.reset();
        }
        replicas.resize(target.replicas.size());
        for (qsizetype i = 0; i < target.replicas.size(); ++i) {
            std::optional<Connection> &replica = replicas[size_t(i)];
            try {
                if (!replica)
                    replica = Connection::open(bounded(target.replicas[i]), u"gui-cutover-window"_s);
                reading.replicaLags << engine::cutover::readReplicationDelay(*replica);
                if (reading.replicaLags.last().lagMillis < 0)
                    keepIfAlive(replica);
            } catch (const DbException &error) {
                reading.replicaLags << engine::migration::ReplicaLagReading{endpointOf(target.replicas[i]), -1,
                                                                            error.error().message};
                replica.reset();
            }
        }
        reading.tookMillis = clock.elapsed();
        return reading;
    }

    QString kill(const Target &target, qint64 id, engine::cutover::KillScope scope)
    {
        try {
            return engine::cutover::killSession(primaryFor(target), id, scope);
        } catch (const DbException &error) {
            primary.reset();
            return error.error().message;
        }
    }
};

CutOverWindowPoller::CutOverWindowPoller(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_pollContext(new QObject)
    , m_sessions(std::make_shared<Sessions>())
{
    m_thread->setObjectName(u"cutover-window"_s);
    m_pollContext->moveToThread(m_thread);
    m_thread->start();
}

CutOverWindowPoller::~CutOverWindowPoller()
{
    // Queued after any look in flight: the connections close on the thread that used them, then it ends.
    QMetaObject::invokeMethod(m_pollContext, [sessions = m_sessions] {
        sessions->close();
        QThread::currentThread()->quit();
    });
    m_thread->wait();
    delete m_pollContext;
}

template <typename Work>
void CutOverWindowPoller::onPollThread(Work work)
{
    QMetaObject::invokeMethod(m_pollContext, std::move(work), Qt::QueuedConnection);
}

void CutOverWindowPoller::setTarget(const Target &target)
{
    m_target = target;
    ++m_generation;
}

bool CutOverWindowPoller::poll()
{
    if (m_inFlight || m_target.table.isEmpty())
        return false;
    m_inFlight = true;
    // `this` outlives the work: the destructor waits for the poll thread. Only its queued reply is posted.
    onPollThread([this, sessions = m_sessions, target = m_target, generation = m_generation] {
        sessions->follow(generation);
        const CutOverWindowReading reading = sessions->read(target);
        QMetaObject::invokeMethod(
            this,
            [this, reading, generation] {
                m_inFlight = false;
                if (generation == m_generation)
                    Q_EMIT polled(reading);
            },
            Qt::QueuedConnection);
    });
    return true;
}

void CutOverWindowPoller::stop()
{
    ++m_generation;
    onPollThread([sessions = m_sessions] { sessions->close(); });
}

void CutOverWindowPoller::kill(qint64 id, engine::cutover::KillScope scope)
{
    onPollThread([this, sessions = m_sessions, target = m_target, generation = m_generation, id, scope] {
        sessions->follow(generation);
        const QString error = sessions->kill(target, id, scope);
        QMetaObject::invokeMethod(
            this, [this, id, scope, error] { Q_EMIT killed(id, scope, error); }, Qt::QueuedConnection);
    });
}

} // namespace ui
