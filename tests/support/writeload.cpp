#include "writeload.h"

#include <mysql/connection.h>

#include <mysql.h>

#include <QElapsedTimer>

#include <chrono>
#include <memory>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::DbException;

namespace testsupport {

WriteLoad::WriteLoad(Options options)
    : m_options(std::move(options))
{
}

WriteLoad::~WriteLoad()
{
    stop();
}

void WriteLoad::start()
{
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void WriteLoad::stop()
{
    m_stop = true;
    if (m_thread.joinable())
        m_thread.join();
}

QStringList WriteLoad::errorMessages() const
{
    std::lock_guard lock(m_mutex);
    return m_errorMessages;
}

void WriteLoad::recordError(const QString &message)
{
    ++m_errors;
    std::lock_guard lock(m_mutex);
    if (m_errorMessages.size() < 20)
        m_errorMessages << message;
}

namespace {
struct StatementCloser {
    void operator()(MYSQL_STMT *statement) const { mysql_stmt_close(statement); }
};
} // namespace

void WriteLoad::run()
{
    Connection connection;
    try {
        connection = Connection::open(m_options.connection, u"app-load"_s);
    } catch (const DbException &error) {
        recordError(error.error().toString());
        return;
    }
    std::unique_ptr<MYSQL_STMT, StatementCloser> prepared;
    if (!m_options.preparedStatement.isEmpty()) {
        prepared.reset(mysql_stmt_init(connection.handle()));
        const QByteArray sql = m_options.preparedStatement.toUtf8();
        if (mysql_stmt_prepare(prepared.get(), sql.constData(), static_cast<unsigned long>(sql.size())) != 0) {
            recordError(u"prepare failed: "_s + QString::fromUtf8(mysql_stmt_error(prepared.get())));
            prepared.reset();
        }
    }
    QRandomGenerator random(0x5eed);
    const int rate = std::max(1, m_options.statementsPerSecond);
    const auto interval = std::chrono::microseconds(1'000'000 / rate);
    auto next = std::chrono::steady_clock::now();
    quint64 sequence = 0;
    while (!m_stop) {
        next += interval;
        QElapsedTimer timer;
        timer.start();
        const bool usePrepared = prepared && m_options.preparedEvery > 0 && sequence % m_options.preparedEvery == 0;
        if (usePrepared) {
            long long parameter = random.bounded(1, std::max(2, m_options.preparedMaxParameter + 1));
            MYSQL_BIND bind{};
            bind.buffer_type = MYSQL_TYPE_LONGLONG;
            bind.buffer = &parameter;
            if (mysql_stmt_bind_param(prepared.get(), &bind) != 0 || mysql_stmt_execute(prepared.get()) != 0)
                recordError(u"prepared statement: %1 (error %2)"_s.arg(QString::fromUtf8(mysql_stmt_error(prepared.get())))
                                .arg(mysql_stmt_errno(prepared.get())));
            else
                mysql_stmt_free_result(prepared.get());
        } else {
            const QString sql = m_options.nextStatement(sequence, random);
            const QStringList targets = m_options.mirrorTables.isEmpty() ? QStringList{QString()} : m_options.mirrorTables;
            // Mirrored statements must see one clock, or NOW() would differ between the table and its reference.
            const bool pinClock = targets.size() > 1;
            try {
                if (pinClock)
                    connection.execute(u"SET @@timestamp = UNIX_TIMESTAMP(NOW(6))"_s);
                for (const QString &table : targets) {
                    try {
                        connection.execute(table.isEmpty() ? sql : QString(sql).replace(u"{T}"_s, table));
                    } catch (const DbException &error) {
                        recordError(error.error().toString());
                    }
                }
                if (pinClock)
                    connection.execute(u"SET @@timestamp = DEFAULT"_s);
            } catch (const DbException &error) {
                recordError(error.error().toString());
            }
        }
        ++sequence;
        ++m_statements;
        const qint64 micros = timer.nsecsElapsed() / 1000;
        qint64 seen = m_maxLatencyMicros.load();
        while (micros > seen && !m_maxLatencyMicros.compare_exchange_weak(seen, micros)) {
        }
        const auto now = std::chrono::steady_clock::now();
        if (next > now)
            std::this_thread::sleep_for(next - now);
        else if (now - next > std::chrono::seconds(1))
            next = now; // fell far behind (server stalled): don't burst to catch up
    }
}

WriteLoad::StatementSource WriteLoad::simpleMix(const QString &qualifiedTable, quint64 initialMaxId,
                                                std::function<QString(QRandomGenerator &)> insertColumnsAndValues,
                                                std::function<QString(QRandomGenerator &)> updateAssignments)
{
    auto maxId = std::make_shared<quint64>(std::max<quint64>(initialMaxId, 1));
    return [=](quint64 sequence, QRandomGenerator &random) -> QString {
        switch (sequence % 10) {
        case 0:
        case 1:
        case 2:
            ++*maxId; // approximate: ids above it are found by later updates/deletes as no-ops
            return u"INSERT INTO %1 %2"_s.arg(qualifiedTable, insertColumnsAndValues(random));
        case 9:
            return u"DELETE FROM %1 WHERE id = %2"_s.arg(qualifiedTable).arg(random.bounded(quint64(1), *maxId + 1));
        default:
            return u"UPDATE %1 SET %2 WHERE id = %3"_s.arg(qualifiedTable, updateAssignments(random))
                .arg(random.bounded(quint64(1), *maxId + 1));
        }
    };
}

} // namespace testsupport
