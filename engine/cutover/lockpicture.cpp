#include "lockpicture.h"

#include <algorithm>

#include <mysql/connection.h>
#include <mysql/sqltext.h>

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <chrono>
#include <thread>

using namespace Qt::StringLiterals;
using engine::mysql::DbException;

namespace engine::cutover {

QString lockStatusName(LockStatus status)
{
    switch (status) {
    case LockStatus::Holds: return u"holds"_s;
    case LockStatus::Waits: return u"waits"_s;
    case LockStatus::LockTables: return u"LOCK TABLES"_s;
    case LockStatus::OpenTransaction: return u"open transaction"_s;
    }
    return QString();
}

bool LockSession::idle() const
{
    return command == u"Sleep"_s;
}

QString LockSession::describe() const
{
    QString text = u"id %1, %2@%3, %4 for %5 s"_s.arg(QString::number(id), user, host, command,
                                                      QString::number(timeSeconds));
    if (!db.isEmpty())
        text += u", db "_s + db;
    if (!state.isEmpty())
        text += u", state '%1'"_s.arg(state);
    text += statement.isEmpty() ? u", no statement running"_s : u", statement: "_s + statement.left(200);
    return text;
}

bool LongTransaction::idle() const
{
    return command == u"Sleep"_s;
}

QList<LockSession> LockPicture::blockers() const
{
    QList<LockSession> found;
    for (const LockSession &session : sessions)
        if (session.isBlocker)
            found << session;
    return found;
}

namespace {

// Columns read with every session, in the order of readSession().
const QString processlistColumns =
    u"p.ID, p.USER, p.HOST, p.DB, p.COMMAND, p.TIME, p.STATE, LEFT(p.INFO, 300)"_s;
constexpr int processlistColumnCount = 8;
constexpr qsizetype statementLength = 300; // LEFT(p.INFO, 300) above

LockSession readSession(const mysql::Result &row)
{
    LockSession s;
    s.id = row.toInt(0);
    s.user = row.text(1);
    s.host = row.text(2);
    s.db = row.text(3);
    s.command = row.text(4);
    s.timeSeconds = row.toInt(5);
    s.state = row.text(6);
    s.statement = row.text(7).simplified();
    return s;
}

// Whether `statement` (run in database `sessionDb`; cut at `maxLength` characters) names schema.table: as a whole
// identifier, qualified with that schema or unqualified in it. A substring (t in t_archive, in UPDATE) is not.
// A cut statement that does not show the name is given the benefit of the doubt.
bool statementNamesTable(const QString &statement, const QString &sessionDb, const QString &schema,
                         const QString &table, qsizetype maxLength)
{
    const QString identifier = u"`(?:[^`]|``)+`|[\\w$]+"_s;
    const QString quoted = QRegularExpression::escape(u'`' + QString(table).replace(u"`"_s, u"``"_s) + u'`');
    const QRegularExpression named(
        u"(?:(%1)\\s*\\.\\s*)?(?:%2|(?<![\\w$`.])%3(?![\\w$]))"_s.arg(identifier, quoted,
                                                                       QRegularExpression::escape(table)),
        QRegularExpression::CaseInsensitiveOption | QRegularExpression::UseUnicodePropertiesOption);
    for (auto it = named.globalMatch(statement); it.hasNext();) {
        QString qualifier = it.next().captured(1);
        if (qualifier.startsWith(u'`'))
            qualifier = qualifier.mid(1, qualifier.size() - 2).replace(u"``"_s, u"`"_s);
        if ((qualifier.isEmpty() ? sessionDb : qualifier).compare(schema, Qt::CaseInsensitive) == 0)
            return true;
    }
    return statement.size() >= maxLength;
}

const QString instrumentHint =
    u"UPDATE performance_schema.setup_instruments SET ENABLED = 'YES', TIMED = 'YES' WHERE NAME = "
    "'wait/lock/metadata/sql/mdl'; (no restart; counts locks taken from then on) and "
    "performance-schema-instrument='wait/lock/metadata/sql/mdl=ON' in my.cnf"_s;
const QString restartHint = u"Set performance_schema=ON and "
                            "performance-schema-instrument='wait/lock/metadata/sql/mdl=ON' in my.cnf "
                            "(needs a restart)"_s;
const QString pluginHint =
    u"INSTALL SONAME 'metadata_lock_info' (information_schema.METADATA_LOCK_INFO, no restart)"_s;

class Reader {
public:
    Reader(const LockQuery &query, const QString &schema, const QString &table,
           const LockPictureOptions &options)
        : m_query(query)
        , m_schema(schema)
        , m_table(table)
        , m_threshold(options.longTransactionSeconds)
    {
        QStringList excluded = {u"CONNECTION_ID()"_s};
        for (unsigned long id : options.ownIds)
            excluded << QString::number(id);
        m_notOwn = u"p.ID NOT IN (%1)"_s.arg(excluded.join(u", "_s));
    }

    LockPicture read()
    {
        bool psOn = false;
        if (!attempt(u"the server's settings"_s, [&] {
                auto row = m_query(u"SELECT @@performance_schema, @@version"_s);
                if (row.next()) {
                    psOn = row.toInt(0) != 0;
                    m_mariadb = row.text(1).contains(u"MariaDB"_s, Qt::CaseInsensitive);
                }
            }))
            return m_picture;
        chooseSource(psOn);
        if (psOn)
            attempt(u"LOCK TABLES holders (performance_schema.table_handles)"_s,
                    [&] { m_lockTables = explicitLocks(); });
        switch (m_picture.sourceKind) {
        case LockPicture::Source::MetadataLocks:
            attempt(m_picture.source, [&] { readMetadataLocks(); });
            break;
        case LockPicture::Source::MetadataLockInfo:
            attempt(m_picture.source, [&] { readMetadataLockInfo(); });
            attempt(u"metadata lock waits (processlist)"_s, [&] { readProcesslistWaits(); });
            break;
        case LockPicture::Source::TableHandles:
        case LockPicture::Source::Processlist:
            attempt(u"LOCK TABLES holders (processlist)"_s, [&] { addLockTablesHolders(); });
            attempt(u"metadata lock waits (processlist)"_s, [&] { readProcesslistWaits(); });
            break;
        }
        attempt(u"open transactions (information_schema.INNODB_TRX)"_s, [&] { readTransactions(); });
        if (psOn && !m_picture.sessions.isEmpty())
            attempt(u"the sessions' programs (performance_schema.session_connect_attrs)"_s,
                    [&] { readPrograms(); });
        attempt(u"Threads_running"_s, [&] {
            auto row = m_query(u"SHOW GLOBAL STATUS LIKE 'Threads_running'"_s);
            if (row.next())
                m_picture.threadsRunning = row.toInt(1, -1);
        });
        return m_picture;
    }

private:
    template <typename Look>
    bool attempt(const QString &what, Look look)
    {
        try {
            look();
            return true;
        } catch (const DbException &error) {
            m_picture.errors << u"%1 could not be read: %2"_s.arg(what, error.error().message);
            return false;
        }
    }

    [[nodiscard]] QString scalar(const QString &sql) const
    {
        auto row = m_query(sql);
        return row.next() ? row.text(0) : QString();
    }

    void chooseSource(bool psOn)
    {
        bool instrumented = false, plugin = false;
        if (psOn)
            attempt(u"the metadata-lock instrument's setting"_s, [&] {
                instrumented = scalar(u"SELECT ENABLED FROM performance_schema.setup_instruments WHERE NAME = "
                                      "'wait/lock/metadata/sql/mdl'"_s)
                    == u"YES"_s;
            });
        if (!instrumented && m_mariadb)
            attempt(u"the list of plugins"_s, [&] {
                plugin = scalar(u"SELECT COUNT(*) FROM information_schema.PLUGINS WHERE PLUGIN_NAME = "
                                "'METADATA_LOCK_INFO' AND PLUGIN_STATUS = 'ACTIVE'"_s)
                    != u"0"_s;
            });
        const QString orPlugin = m_mariadb ? u", or "_s + pluginHint : QString();
        LockPicture &p = m_picture;
        if (instrumented) {
            p.sourceKind = LockPicture::Source::MetadataLocks;
            p.source = u"performance_schema.metadata_locks"_s;
        } else if (plugin) {
            p.sourceKind = LockPicture::Source::MetadataLockInfo;
            p.source = u"information_schema.METADATA_LOCK_INFO"_s;
            p.betterSourceHint = u"It shows no waits; performance_schema.metadata_locks shows them, with the "
                                 "lock asked for: "_s
                + (psOn ? instrumentHint : restartHint);
        } else if (psOn) {
            p.sourceKind = LockPicture::Source::TableHandles;
            p.source = u"processlist + performance_schema.table_handles + INNODB_TRX"_s;
            p.betterSourceHint = instrumentHint + orPlugin;
        } else {
            p.sourceKind = LockPicture::Source::Processlist;
            p.source = u"processlist + INNODB_TRX (performance_schema is OFF)"_s;
            p.betterSourceHint = restartHint + orPlugin;
        }
    }

    // Idle sessions holding an external lock on the table (LOCK TABLES or HANDLER), by processlist id. A running
    // statement holds one too, and a busy session looks idle between its statements, so a session counts only
    // when two readings 250 ms apart both show it idle with the lock and, on MariaDB, with the same QUERY_ID (no
    // statement ran in between).
    QHash<qint64, QString> explicitLocks()
    {
        struct Holder {
            QString lock;
            QString queryId;
        };
        auto read = [&] {
            QHash<qint64, Holder> holders;
            auto rows = m_query(u"SELECT t.PROCESSLIST_ID, h.EXTERNAL_LOCK, %1 "
                                "FROM performance_schema.table_handles h "
                                "JOIN performance_schema.threads t ON t.THREAD_ID = h.OWNER_THREAD_ID "
                                "JOIN information_schema.PROCESSLIST p ON p.ID = t.PROCESSLIST_ID "
                                "WHERE h.OBJECT_SCHEMA = %2 AND h.OBJECT_NAME = %3 "
                                "AND h.EXTERNAL_LOCK IS NOT NULL AND p.COMMAND = 'Sleep' AND %4"_s.arg(
                                    m_mariadb ? u"p.QUERY_ID"_s : u"NULL"_s, mysql::stringLiteral(m_schema),
                                    mysql::stringLiteral(m_table), m_notOwn));
            while (rows.next())
                holders.insert(rows.toInt(0), Holder{rows.text(1), rows.text(2)});
            return holders;
        };
        QHash<qint64, QString> locks;
        const QHash<qint64, Holder> first = read();
        if (first.isEmpty())
            return locks;
        std::this_thread::sleep_for(std::chrono::milliseconds(250));
        const QHash<qint64, Holder> second = read();
        for (auto it = first.cbegin(); it != first.cend(); ++it)
            if (const auto again = second.constFind(it.key());
                again != second.cend() && again->queryId == it->queryId)
                locks.insert(it.key(), it->lock);
        return locks;
    }

    // Sorts a granted lock: LOCK TABLES, an idle transaction, a long statement, or everyday traffic.
    void judgeGranted(LockSession &s) const
    {
        const bool explicitLock = m_lockTables.contains(s.id) || s.lockDuration.contains(u"EXPLICIT"_s);
        if (explicitLock && s.idle()) {
            s.status = LockStatus::LockTables;
            s.isBlocker = true;
            s.why = u"holds LOCK TABLES (%1) on the table"_s.arg(m_lockTables.value(s.id, s.lockType));
        } else if (s.idle() && s.timeSeconds >= m_threshold) {
            s.isBlocker = true;
            s.why = u"idle for %1 s inside a transaction that used the table"_s.arg(
                QString::number(s.timeSeconds));
        } else if (s.timeSeconds >= m_threshold) {
            s.isBlocker = true;
            s.why = u"has been running a statement for %1 s"_s.arg(QString::number(s.timeSeconds));
        } else {
            s.why = u"brief (under %1 s)"_s.arg(QString::number(m_threshold));
        }
    }

    // One entry per session and status: a session often holds several locks on one table (LOCK TABLES takes
    // a transactional one too).
    void add(LockSession session)
    {
        const bool waits = session.status == LockStatus::Waits;
        for (LockSession &known : m_picture.sessions)
            if (known.id == session.id && (known.status == LockStatus::Waits) == waits) {
                merge(known.lockType, session.lockType);
                merge(known.lockDuration, session.lockDuration);
                if (session.status == LockStatus::LockTables && known.status != LockStatus::LockTables) {
                    known.status = session.status;
                    known.why = session.why;
                }
                known.isBlocker = known.isBlocker || session.isBlocker;
                return;
            }
        m_picture.sessions << session;
    }

    static void merge(QString &list, const QString &item)
    {
        if (!item.isEmpty() && !list.split(u", "_s).contains(item))
            list += (list.isEmpty() ? QString() : u", "_s) + item;
    }

    [[nodiscard]] bool listed(qint64 id) const
    {
        for (const LockSession &known : m_picture.sessions)
            if (known.id == id)
                return true;
        return false;
    }

    void readMetadataLocks()
    {
        auto rows = m_query(u"SELECT %1, m.LOCK_TYPE, m.LOCK_DURATION, m.LOCK_STATUS "
                            "FROM performance_schema.metadata_locks m "
                            "JOIN performance_schema.threads t ON t.THREAD_ID = m.OWNER_THREAD_ID "
                            "JOIN information_schema.PROCESSLIST p ON p.ID = t.PROCESSLIST_ID "
                            "WHERE m.OBJECT_TYPE = 'TABLE' AND m.OBJECT_SCHEMA = %2 AND m.OBJECT_NAME = %3 "
                            "AND %4 ORDER BY p.TIME DESC, p.ID"_s.arg(processlistColumns,
                                                                     mysql::stringLiteral(m_schema),
                                                                     mysql::stringLiteral(m_table), m_notOwn));
        while (rows.next()) {
            LockSession s = readSession(rows);
            s.lockType = rows.text(processlistColumnCount);
            s.lockDuration = rows.text(processlistColumnCount + 1);
            if (rows.text(processlistColumnCount + 2).compare(u"PENDING"_s, Qt::CaseInsensitive) == 0) {
                s.status = LockStatus::Waits;
                s.why = u"waits for a lock on the table: another session holds it"_s;
            } else {
                judgeGranted(s);
            }
            add(s);
        }
    }

    void readMetadataLockInfo()
    {
        auto rows = m_query(u"SELECT %1, m.LOCK_MODE, m.LOCK_DURATION "
                            "FROM information_schema.METADATA_LOCK_INFO m "
                            "JOIN information_schema.PROCESSLIST p ON p.ID = m.THREAD_ID "
                            "WHERE m.TABLE_SCHEMA = %2 AND m.TABLE_NAME = %3 AND %4 "
                            "ORDER BY p.TIME DESC, p.ID"_s.arg(processlistColumns,
                                                              mysql::stringLiteral(m_schema),
                                                              mysql::stringLiteral(m_table), m_notOwn));
        while (rows.next()) {
            LockSession s = readSession(rows);
            s.lockType = rows.text(processlistColumnCount);
            s.lockDuration = rows.text(processlistColumnCount + 1);
            judgeGranted(s);
            add(s);
        }
    }

    // Sessions waiting for a metadata lock whose statement names the table. The processlist does not say which
    // lock a session waits for; a statement naming the table is the best hint it gives.
    void readProcesslistWaits()
    {
        auto rows = m_query(u"SELECT %1 FROM information_schema.PROCESSLIST p "
                            "WHERE p.STATE LIKE '%metadata lock%' AND LOCATE(%2, p.INFO) > 0 AND %3 "
                            "ORDER BY p.TIME DESC, p.ID"_s.arg(
                                processlistColumns, mysql::stringLiteral(m_table), m_notOwn));
        while (rows.next()) {
            LockSession s = readSession(rows);
            if (!statementNamesTable(s.statement, s.db, m_schema, m_table, statementLength))
                continue;
            s.status = LockStatus::Waits;
            s.why = u"waits for a metadata lock (its statement names the table; the processlist does not say "
                    "which lock): another session holds it"_s;
            add(s);
        }
    }

    void addLockTablesHolders()
    {
        if (m_lockTables.isEmpty())
            return;
        QStringList ids;
        for (auto it = m_lockTables.cbegin(); it != m_lockTables.cend(); ++it)
            ids << QString::number(it.key());
        auto rows = m_query(u"SELECT %1 FROM information_schema.PROCESSLIST p WHERE p.ID IN (%2) AND %3 "
                            "ORDER BY p.TIME DESC, p.ID"_s.arg(processlistColumns, ids.join(u", "_s), m_notOwn));
        while (rows.next()) {
            LockSession s = readSession(rows);
            if (!s.idle())
                continue; // a running statement's lock ends with it
            s.lockType = m_lockTables.value(s.id);
            s.lockDuration = u"EXPLICIT"_s;
            judgeGranted(s);
            add(s);
        }
    }

    void readPrograms()
    {
        QStringList ids;
        for (const LockSession &s : m_picture.sessions)
            ids << QString::number(s.id);
        auto rows = m_query(u"SELECT PROCESSLIST_ID, ATTR_VALUE FROM performance_schema.session_connect_attrs "
                            "WHERE ATTR_NAME = 'program_name' AND PROCESSLIST_ID IN (%1)"_s.arg(
                                ids.join(u", "_s)));
        while (rows.next())
            for (LockSession &s : m_picture.sessions)
                if (s.id == rows.toInt(0))
                    s.program = rows.text(1);
    }

    void readTransactions()
    {
        auto rows = m_query(u"SELECT %1, TIMESTAMPDIFF(SECOND, x.trx_started, NOW()), x.trx_state, "
                            "x.trx_rows_locked, x.trx_rows_modified FROM information_schema.INNODB_TRX x "
                            "JOIN information_schema.PROCESSLIST p ON p.ID = x.trx_mysql_thread_id "
                            "WHERE %2 AND x.trx_started <= NOW() - INTERVAL %3 SECOND "
                            "ORDER BY x.trx_started LIMIT 50"_s.arg(processlistColumns, m_notOwn,
                                                                    QString::number(m_threshold)));
        // Sessions wait and the source shows nobody holding: the lock was taken before the source could see it
        // (the instrument turned on later) or is one it does not list. Every old transaction is then a suspect,
        // busy or idle.
        const bool unseenHolder =
            std::any_of(m_picture.sessions.begin(), m_picture.sessions.end(),
                        [](const LockSession &s) { return s.status == LockStatus::Waits; })
            && std::none_of(m_picture.sessions.begin(), m_picture.sessions.end(),
                            [](const LockSession &s) { return s.status != LockStatus::Waits; });
        const bool suspects = !m_picture.seesLocks() || unseenHolder;
        while (rows.next()) {
            const LockSession s = readSession(rows);
            LongTransaction t{s.id, s.user, s.host, s.command, s.state, s.statement,
                              rows.toInt(processlistColumnCount), s.timeSeconds,
                              rows.text(processlistColumnCount + 1), rows.toInt(processlistColumnCount + 2),
                              rows.toInt(processlistColumnCount + 3)};
            m_picture.longTransactions << t;
            if (!suspects || (!s.idle() && !unseenHolder) || listed(s.id))
                continue;
            LockSession suspect = s;
            suspect.status = LockStatus::OpenTransaction;
            if (unseenHolder)
                suspect.why = u"in a transaction open %1 s while sessions wait and %2 shows no holder: a lock "
                              "taken before that source could see it is not listed; if this transaction used "
                              "the table, it holds it until it ends"_s.arg(QString::number(t.ageSeconds),
                                                                            m_picture.source);
            else
                suspect.why = u"idle for %1 s in a transaction open %2 s: if it used the table, it holds a "
                              "metadata lock on it until it ends; without a lock source that can't be seen, "
                              "only suspected"_s.arg(QString::number(s.timeSeconds), QString::number(t.ageSeconds));
            m_picture.sessions << suspect;
        }
    }

    const LockQuery &m_query;
    QString m_schema, m_table;
    int m_threshold;
    QString m_notOwn;
    bool m_mariadb = false;
    QHash<qint64, QString> m_lockTables;
    LockPicture m_picture;
};

} // namespace

LockPicture readLockPicture(const LockQuery &query, const QString &schema, const QString &table,
                            const LockPictureOptions &options)
{
    return Reader(query, schema, table, options).read();
}

LockPicture readLockPicture(mysql::Connection &connection, const QString &schema, const QString &table,
                            const LockPictureOptions &options)
{
    return readLockPicture([&connection](const QString &sql) { return connection.query(sql); }, schema, table,
                           options);
}

QString killStatement(qint64 id, KillScope scope)
{
    return u"KILL %1 %2"_s.arg(scope == KillScope::Query ? u"QUERY"_s : u"CONNECTION"_s, QString::number(id));
}

QString killSession(mysql::Connection &connection, qint64 id, KillScope scope)
{
    try {
        connection.execute(killStatement(id, scope));
        return QString();
    } catch (const DbException &error) {
        return error.error().message;
    }
}

} // namespace engine::cutover
