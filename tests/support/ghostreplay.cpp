#include "ghostreplay.h"

#include <QFile>
#include <QLocalServer>
#include <QLocalSocket>
#include <QMetaObject>
#include <QMutexLocker>

using namespace Qt::StringLiterals;

namespace testsupport {

namespace {
// Verbatim from the transcript (status while postponed); %1 = chunk-size, %2 = the Copy line.
const QString header = uR"(# Migrating `gcap`.`orders`; Ghost table is `gcap`.`_orders_gho`
# Migrating vm:23306; inspecting vm:23307; executing on vm
# Migration started at Thu Dec 03 12:10:28 +0000 2026
# chunk-size: %1; max-lag-millis: 1500ms; dml-batch-size: 10; max-load: ; critical-load: ; nice-ratio: 0.000000
# throttle-additional-flag-file: /tmp/gh-ost.throttle 
# postpone-cut-over-flag-file: /tmp/gcap.postpone [set]
# Serving on unix socket: /tmp/gcap.sock
)"_s;
const QString postponedLine =
    u"Copy: 600020/600020 100.0%; Applied: %1; Backlog: 18/1000; Time: %2s(total), "
    "4s(copy); streamer: replica-bin.000006:336797288; Lag: 0.01s, HeartbeatLag: 0.06s, "
    "State: postponing cut-over; ETA: due"_s;
const QString copyingLine =
    u"Copy: %1/600020 %2%; Applied: %3; Backlog: 0/1000; Time: %4s(total), %4s(copy); "
    "streamer: replica-bin.000006:313572808; Lag: 0.01s, HeartbeatLag: 0.01s, State: "
    "migrating; ETA: 6s"_s;
const QString throttleNote =
    u"# Note: you may only throttle for as long as your binary logs are not purged\n"_s;
} // namespace

class GhostReplayWorker : public QObject {
    Q_OBJECT
public:
    GhostReplayWorker(QString path, bool copying)
        : m_path(std::move(path))
        , m_copying(copying) {}

    bool listen() {
        if (m_server && m_server->isListening())
            return true;
        QLocalServer::removeServer(m_path);
        m_server = std::make_unique<QLocalServer>();
        connect(m_server.get(), &QLocalServer::newConnection, this, &GhostReplayWorker::accept);
        return m_server->listen(m_path);
    }

    void close() {
        m_server.reset();
        QFile::remove(m_path);
    }

    QStringList commands() const {
        QMutexLocker lock(&m_mutex);
        return m_commands;
    }
    int statusCount() const {
        QMutexLocker lock(&m_mutex);
        return m_statuses;
    }
    bool listening() const {
        QMutexLocker lock(&m_mutex);
        return m_listening;
    }
    void setListening(bool on) {
        QMutexLocker lock(&m_mutex);
        m_listening = on;
    }

private:
    void accept() {
        while (QLocalSocket *client = m_server ? m_server->nextPendingConnection() : nullptr) {
            connect(client, &QLocalSocket::disconnected, client, &QObject::deleteLater);
            connect(client, &QLocalSocket::readyRead, client, [this, client] {
                if (!client->canReadLine())
                    return;
                const QString line = QString::fromUtf8(client->readLine()).trimmed();
                {
                    QMutexLocker lock(&m_mutex);
                    m_commands << line;
                }
                if (line == u"panic"_s || line.startsWith(u"panic="_s)) {
                    client->abort();
                    close();
                    setListening(false);
                    return;
                }
                client->write(reply(line).toUtf8());
                client->disconnectFromServer();
            });
        }
    }

    QString status() {
        {
            QMutexLocker lock(&m_mutex);
            ++m_statuses;
        }
        ++m_seconds;
        m_applied += 40;
        QString line;
        if (m_copying && m_copied < 600020) {
            m_copied = std::min<qint64>(600020, m_copied + 60002);
            line = copyingLine.arg(QString::number(m_copied),
                                   QString::number(100.0 * double(m_copied) / 600020.0, 'f', 1),
                                   QString::number(m_applied), QString::number(m_seconds));
        } else {
            line = postponedLine.arg(QString::number(m_applied), QString::number(m_seconds));
        }
        return header.arg(QString::number(m_chunkSize)) + line + u'\n';
    }

    QString reply(const QString &line) {
        const QString name = line.section(u'=', 0, 0);
        if (line == u"status"_s)
            return status();
        if (line == u"sup"_s)
            return status().section(u'\n', -2);
        if (line == u"throttle"_s)
            return throttleNote + status();
        if (line == u"no-throttle"_s || name == u"unpostpone"_s || name == u"nice-ratio"_s ||
            name == u"max-lag-millis"_s || name == u"dml-batch-size"_s)
            return status();
        if (name == u"chunk-size"_s) {
            if (line.section(u'=', 1) == u"?"_s)
                return QString::number(m_chunkSize) + u'\n';
            m_chunkSize = line.section(u'=', 1).toInt();
            return status();
        }
        return u"Unknown command: %1\n"_s.arg(name);
    }

    QString m_path;
    bool m_copying;
    std::unique_ptr<QLocalServer> m_server;
    mutable QMutex m_mutex;
    QStringList m_commands;
    int m_statuses = 0;
    bool m_listening = false;
    int m_chunkSize = 500;
    qint64 m_copied = 0, m_applied = 3000, m_seconds = 4;
};

GhostReplayServer::GhostReplayServer(QString socketPath, bool copying)
    : m_path(std::move(socketPath))
    , m_worker(new GhostReplayWorker(m_path, copying)) {
    m_worker->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread.start();
}

GhostReplayServer::~GhostReplayServer() {
    stop();
    m_thread.quit();
    m_thread.wait();
}

bool GhostReplayServer::start() {
    bool ok = false;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { return worker->listen(); }, Qt::BlockingQueuedConnection, &ok);
    m_worker->setListening(ok);
    return ok;
}

void GhostReplayServer::stop() {
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker] { worker->close(); }, Qt::BlockingQueuedConnection);
    m_worker->setListening(false);
}

QStringList GhostReplayServer::commands() const {
    return m_worker->commands();
}

int GhostReplayServer::statusCount() const {
    return m_worker->statusCount();
}

bool GhostReplayServer::isListening() const {
    return m_worker->listening();
}

} // namespace testsupport

#include "ghostreplay.moc"
