#include "reconnect.h"

#include <logging/logging.h>

#include <errmsg.h>
#include <mysqld_error.h>

#include <QElapsedTimer>

#include <algorithm>
#include <thread>

using namespace Qt::StringLiterals;

namespace engine::mysql {

namespace {
constexpr unsigned mysqlClientInteractionTimeout = 4031; // MySQL 8: disconnected for inactivity (wait_timeout)

// Sleeps up to `duration` in small steps so that `stopping` is noticed promptly.
bool sleepUnlessStopping(std::chrono::milliseconds duration, const std::function<bool()> &stopping)
{
    QElapsedTimer slept;
    slept.start();
    while (slept.elapsed() < duration.count()) {
        if (stopping && stopping())
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(std::min<qint64>(50, duration.count() - slept.elapsed())));
    }
    return !(stopping && stopping());
}
} // namespace

bool isConnectionLost(unsigned code)
{
    return isConnectionFailure(code) || code == ER_CONNECTION_KILLED || code == ER_SERVER_SHUTDOWN
        || code == ER_NET_READ_INTERRUPTED || code == ER_NET_READ_ERROR || code == mysqlClientInteractionTimeout;
}

void reconnect(Connection &connection, const RetryPolicy &policy, const std::function<void(Connection &)> &restore,
               const std::function<bool()> &stopping)
{
    const ConnectionSettings settings = connection.settings();
    const QString purpose = connection.purpose();
    connection.close();
    QElapsedTimer since;
    since.start();
    std::chrono::milliseconds wait(250);
    DbError last{0, {}, u"no attempt was made"_s, {}};
    int attempt = 0;
    for (attempt = 1; attempt <= std::max(1, policy.retries); ++attempt) {
        if (!sleepUnlessStopping(wait, stopping))
            break;
        try {
            Connection fresh = Connection::open(settings, purpose);
            if (restore)
                restore(fresh);
            connection = std::move(fresh);
            SS_INFO("{}: reconnected to {} (attempt {}, after {} ms)", purpose.toStdString(),
                    settings.describe().toStdString(), attempt, since.elapsed());
            return;
        } catch (const DbException &error) {
            last = error.error();
            if (!isConnectionLost(error.code()))
                throw;
            SS_WARN("{}: reconnecting to {} failed (attempt {} of {}): {}", purpose.toStdString(),
                    settings.describe().toStdString(), attempt, policy.retries, last.message.toStdString());
        }
        if (since.elapsed() + wait.count() > policy.limit.count())
            break;
        wait = std::min<std::chrono::milliseconds>(wait * 2, std::chrono::seconds(5));
    }
    last.message = u"lost the connection to %1 (%2) and could not get it back: %3 attempt(s) over %4 s, the last "
                   "failing with: %5. Raise --default-retries to keep trying longer"_s
                       .arg(settings.describe(), purpose,
                            QString::number(std::min(attempt, std::max(1, policy.retries))),
                            QString::number(since.elapsed() / 1000), last.message);
    throw DbException(std::move(last));
}

} // namespace engine::mysql
