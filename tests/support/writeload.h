#pragma once

#include <mysql/connectionsettings.h>

#include <QRandomGenerator>
#include <QString>
#include <QStringList>

#include <atomic>
#include <functional>
#include <mutex>
#include <thread>

namespace testsupport {

// A background application writing to the primary at a target rate, like the traffic a migration must not
// disturb. Runs on its own thread with its own connection; counts what it did and every error it met
// (an application error during a migration is a test failure).
class WriteLoad {
public:
    // Produces the next statement. `sequence` counts from 0; `random` is this load's own generator.
    using StatementSource = std::function<QString(quint64 sequence, QRandomGenerator &random)>;

    struct Options {
        engine::mysql::ConnectionSettings connection;
        StatementSource nextStatement;
        int statementsPerSecond = 200;
        // When set, every `preparedEvery`-th operation executes this server-side prepared statement (one integer
        // parameter, drawn from 1..preparedMaxParameter), prepared once before the load starts: the shape of
        // application that pt-osc's swap broke.
        QString preparedStatement;
        int preparedEvery = 4;
        int preparedMaxParameter = 1000;
        // Mirror mode: each statement contains "{T}" and runs once per table here, in order — the same
        // changes reach a reference copy, so the migrated table can be compared with a native ALTER of it.
        QStringList mirrorTables;
    };

    explicit WriteLoad(Options options);
    ~WriteLoad();
    WriteLoad(const WriteLoad &) = delete;
    WriteLoad &operator=(const WriteLoad &) = delete;

    void start();
    void stop(); // waits for the thread; idempotent

    [[nodiscard]] quint64 statements() const { return m_statements.load(); }
    [[nodiscard]] quint64 errors() const { return m_errors.load(); }
    [[nodiscard]] QStringList errorMessages() const; // first 20
    [[nodiscard]] double maxLatencyMillis() const { return m_maxLatencyMicros.load() / 1000.0; }

    // A ready-made mix for tables of shape (id BIGINT AUTO_INCREMENT PRIMARY KEY, ...): inserts, updates of
    // random existing ids, deletes; `insertValues` gives the column list and values of one new row.
    static StatementSource simpleMix(const QString &qualifiedTable, quint64 initialMaxId,
                                     std::function<QString(QRandomGenerator &)> insertColumnsAndValues,
                                     std::function<QString(QRandomGenerator &)> updateAssignments);

private:
    void run();
    void recordError(const QString &message);

    Options m_options;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    std::atomic<quint64> m_statements{0};
    std::atomic<quint64> m_errors{0};
    std::atomic<qint64> m_maxLatencyMicros{0};
    mutable std::mutex m_mutex;
    QStringList m_errorMessages;
};

} // namespace testsupport
