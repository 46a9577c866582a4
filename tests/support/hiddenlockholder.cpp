#include "hiddenlockholder.h"

#include <mysql/sqltext.h>

using namespace Qt::StringLiterals;
using engine::mysql::Connection;
using engine::mysql::DbException;

namespace testsupport {

HiddenLockHolder::HiddenLockHolder(Connection &admin, const engine::mysql::ConnectionSettings &database,
                                   const QString &table)
    : m_admin(admin)
    , m_off(std::in_place, admin, false)
    , m_holder(Connection::open(database, u"test-holder"_s))
    , m_waiter(Connection::open(database, u"test-waiter"_s))
{
    m_holderId = m_holder.threadId();
    m_waiterId = m_waiter.threadId();
    const QString quoted = engine::mysql::quoteIdentifier(table);
    m_holder.execute(u"BEGIN"_s);
    m_holder.query(u"SELECT COUNT(*) FROM "_s + quoted); // a SHARED_READ lock until the transaction ends, unrecorded
    m_on.emplace(admin, true);
    m_busy = std::thread([this] {
        try {
            m_holder.query(u"SELECT SLEEP(120)"_s);
        } catch (const DbException &) {
        }
    });
    m_waiter.execute(u"SET SESSION lock_wait_timeout = 120"_s);
    m_waiting = std::thread([this, quoted] {
        try {
            m_waiter.execute(u"LOCK TABLES %1 WRITE"_s.arg(quoted));
            m_waiter.execute(u"UNLOCK TABLES"_s);
            m_waiterError.clear();
        } catch (const DbException &error) {
            m_waiterError = error.error().toString();
        }
    });
}

HiddenLockHolder::~HiddenLockHolder()
{
    if (m_busy.joinable()) {
        try {
            m_admin.execute(u"KILL %1"_s.arg(QString::number(m_holderId)));
        } catch (const DbException &) {
            // gone already (a test KILLed it)
        }
        m_busy.join();
    }
    if (m_waiting.joinable())
        m_waiting.join();
}

void HiddenLockHolder::release()
{
    m_admin.execute(u"KILL QUERY %1"_s.arg(QString::number(m_holderId)));
    m_busy.join();
    m_holder.execute(u"ROLLBACK"_s);
}

QString HiddenLockHolder::waiterResult()
{
    if (m_waiting.joinable())
        m_waiting.join();
    return m_waiterError;
}

} // namespace testsupport
