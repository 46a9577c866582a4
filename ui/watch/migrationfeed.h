#pragma once

#include <model/progress.h>
#include <QObject>
#include <QStringList>

namespace ui {

// A migration the console watches without running it: another process's control socket (SocketFeed) or the
// helper tables on its server (TableFeed). Polls on its own timer without blocking the GUI thread; keeps the
// latest reading and says how the link is. GUI thread.
class MigrationFeed : public QObject {
    Q_OBJECT
public:
    enum class Link { Connecting, Live, Lost };
    using QObject::QObject;

    [[nodiscard]] virtual bool canControl() const = 0; // commands need a control socket
    [[nodiscard]] virtual QString source() const = 0;  // "/tmp/gcap.sock", "db1:3306 (helper tables)"
    // Sends one control command; the reply comes as commandAnswered(). Does nothing without a socket.
    virtual void send(const QString &command) = 0;

    [[nodiscard]] QString engineName() const { return m_engine; } // "gh-ost", "shadowswap"
    [[nodiscard]] QString database() const { return m_database; }
    [[nodiscard]] QString table() const { return m_table; }
    [[nodiscard]] QString title() const;
    [[nodiscard]] Link link() const { return m_link; }
    [[nodiscard]] QString linkProblem() const { return m_problem; } // why Lost
    [[nodiscard]] bool hasReading() const { return m_readings > 0; }
    [[nodiscard]] int readings() const { return m_readings; }
    [[nodiscard]] const engine::migration::ProgressSnapshot &latest() const { return m_latest; }
    [[nodiscard]] const QStringList &headerLines() const { return m_header; }
    [[nodiscard]] QString etaText() const { return m_eta; }

Q_SIGNALS:
    void snapshotAdded(const engine::migration::ProgressSnapshot &snapshot);
    // The endpoint now answers for another run (the process was started again): what is charted is the old
    // run's. Comes before that run's first snapshotAdded.
    void runStartedOver();
    void linkChanged(MigrationFeed::Link link, const QString &problem);
    // `refused`: the other side said no ("Unknown command", "ERROR: ...") or never answered.
    void commandAnswered(const QString &command, const QString &reply, bool refused);

protected:
    void setIdentity(const QString &engine, const QString &database, const QString &table);
    void addReading(const engine::migration::ProgressSnapshot &snapshot, const QStringList &header,
                    const QString &eta);
    void setLink(Link link, const QString &problem = {});

private:
    QString m_engine, m_database, m_table;
    Link m_link = Link::Connecting;
    QString m_problem;
    int m_readings = 0;
    engine::migration::ProgressSnapshot m_latest;
    QStringList m_header;
    QString m_eta;
};

} // namespace ui
