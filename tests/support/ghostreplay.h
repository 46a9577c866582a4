#pragma once

#include <memory>
#include <QMutex>
#include <QString>
#include <QStringList>
#include <QThread>

namespace testsupport {

class GhostReplayWorker;

// Stands in for a gh-ost 1.1.6 process's control socket, answering with the verbatim replies of
// ../shared/reference/gh-ost-transcript.md (copied into ghostreplay.cpp): the "#" header and one "Copy:" line
// for `status`, only the line for `sup`, "Unknown command: x", the "# Note" before a throttle's status, and
// the connection closed after every reply. While "copying" each status advances the copy by a tenth, then it
// postpones the cut-over. `panic` closes the socket without a reply, as the process quits. Serves from a
// thread of its own, so that a test's event loop measures only the console.
class GhostReplayServer {
public:
    explicit GhostReplayServer(QString socketPath, bool copying = false);
    ~GhostReplayServer();

    bool start(); // listens (again); false when the path can't be used
    void stop();  // the process ends: the socket goes away
    [[nodiscard]] QString path() const { return m_path; }
    [[nodiscard]] QStringList commands() const; // every line received, in order
    [[nodiscard]] int statusCount() const;
    [[nodiscard]] bool isListening() const;

private:
    QString m_path;
    QThread m_thread;
    GhostReplayWorker *m_worker;
};

} // namespace testsupport
