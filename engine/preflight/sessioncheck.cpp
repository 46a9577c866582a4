#include "check.h"
#include "preflightcontext.h"

#include <QHash>
#include <QSet>

#include <chrono>
#include <thread>

using namespace Qt::StringLiterals;

namespace engine::preflight {

namespace {

// A client session as the processlist shows it. Columns are read in the order of processlistColumns.
struct Session {
    qint64 id = 0;
    QString user, host, db, command, state, info;
    qint64 time = 0;

    static Session read(const mysql::Result &row, int first)
    {
        Session s;
        s.id = row.toInt(first);
        s.user = row.text(first + 1);
        s.host = row.text(first + 2);
        s.db = row.text(first + 3);
        s.command = row.text(first + 4);
        s.time = row.toInt(first + 5);
        s.state = row.text(first + 6);
        s.info = row.text(first + 7).simplified();
        return s;
    }

    [[nodiscard]] bool idle() const { return command == u"Sleep"_s; }

    [[nodiscard]] QString describe() const
    {
        QString text = u"id %1, %2@%3, %4 for %5 s"_s.arg(QString::number(id), user, host, command, QString::number(time));
        if (!db.isEmpty())
            text += u", db "_s + db;
        if (!state.isEmpty())
            text += u", state '%1'"_s.arg(state);
        text += info.isEmpty() ? u", no statement running"_s : u", statement: "_s + info.left(200);
        return text;
    }
};

const QString processlistColumns = u"p.ID, p.USER, p.HOST, p.DB, p.COMMAND, p.TIME, p.STATE, LEFT(p.INFO, 300)"_s;

class SessionCheck : public Check {
public:
    QStringList ids() const override { return {u"long_transactions"_s, u"metadata_locks"_s}; }

    void run(PreflightContext &context, FindingSink &sink) override
    {
        Server *primary = context.primary();
        if (!primary) {
            const QString why = u"the primary, where the cut-over takes its locks, was not reached"_s;
            const QString fix = u"Make the primary reachable (see the server finding), then run preflight again"_s;
            sink.add(undetermined(u"long_transactions"_s, why, fix));
            sink.add(undetermined(u"metadata_locks"_s, why, fix));
            return;
        }
        try {
            longTransactions(context, *primary, sink);
        } catch (const mysql::DbException &error) {
            if (isTimeLimitError(error.code()))
                throw;
            sink.add(undetermined(u"long_transactions"_s, u"information_schema.INNODB_TRX could not be read on %1: %2"_s.arg(
                                                              primary->label(), error.error().message),
                                  u"GRANT PROCESS ON *.* to the login"_s));
        }
        metadataLocks(context, *primary, sink);
    }

private:
    void longTransactions(PreflightContext &context, Server &server, FindingSink &sink)
    {
        const int threshold = context.options().longTransactionSeconds;
        auto rows = context.query(
            server, u"SELECT %1, TIMESTAMPDIFF(SECOND, t.trx_started, NOW()), t.trx_state, t.trx_rows_locked, "
                    "t.trx_rows_modified, t.trx_tables_locked FROM information_schema.INNODB_TRX t "
                    "JOIN information_schema.PROCESSLIST p ON p.ID = t.trx_mysql_thread_id "
                    "WHERE p.ID <> CONNECTION_ID() AND t.trx_started <= NOW() - INTERVAL %2 SECOND "
                    "ORDER BY t.trx_started LIMIT 20"_s.arg(processlistColumns).arg(threshold));
        QStringList lines, kills;
        while (rows.next()) {
            const Session session = Session::read(rows, 0);
            m_idleInTransaction.insert(session.id, session.idle());
            lines << u"Transaction open %1 s (%2, %3 row(s) locked, %4 modified, %5 table(s) locked): %6%7"_s
                         .arg(QString::number(rows.toInt(8)), rows.text(9), QString::number(rows.toInt(10)),
                              QString::number(rows.toInt(11)), QString::number(rows.toInt(12)), session.describe(),
                              session.idle() ? u" (idle, holding its transaction open)"_s : QString());
            kills << u"KILL %1; -- %2@%3, rolls back its transaction"_s.arg(QString::number(session.id), session.user, session.host);
        }
        if (lines.isEmpty()) {
            sink.add(okFinding(u"long_transactions"_s,
                               u"No transaction open longer than %1 s on %2"_s.arg(threshold).arg(server.endpoint())));
            return;
        }
        sink.add(Finding{u"long_transactions"_s, Severity::Warn,
                         u"%1 transaction(s) open longer than %2 s on %3"_s.arg(lines.size()).arg(threshold).arg(
                             server.endpoint()),
                         lines.join(u'\n'),
                         u"Ask their owners to commit, or end them (their work is rolled back):\n"_s + kills.join(u'\n')});
    }

    // Which idle sessions hold an external lock on the table (performance_schema.table_handles), by processlist
    // id: LOCK TABLES (or HANDLER). A statement in progress holds one too, and a busy session looks idle between
    // its statements, so a session counts only when two readings 250 ms apart both show it idle with the lock and,
    // on MariaDB, with the same QUERY_ID (no statement ran in between).
    QHash<qint64, QString> explicitLocks(PreflightContext &context, Server &server)
    {
        struct Holder {
            QString lock;
            QString queryId;
        };
        const bool maria = server.isMariaDB();
        auto read = [&] {
            QHash<qint64, Holder> holders;
            auto rows = context.query(
                server, u"SELECT t.PROCESSLIST_ID, h.EXTERNAL_LOCK, %1 FROM performance_schema.table_handles h "
                        "JOIN performance_schema.threads t ON t.THREAD_ID = h.OWNER_THREAD_ID "
                        "JOIN information_schema.PROCESSLIST p ON p.ID = t.PROCESSLIST_ID "
                        "WHERE h.OBJECT_SCHEMA = %2 AND h.OBJECT_NAME = %3 AND h.EXTERNAL_LOCK IS NOT NULL "
                        "AND p.COMMAND = 'Sleep'"_s.arg(maria ? u"p.QUERY_ID"_s : u"NULL"_s,
                                                        context.quote(context.request().database),
                                                        context.quote(context.request().table)));
            while (rows.next())
                holders.insert(rows.toInt(0), Holder{rows.text(1), rows.text(2)});
            return holders;
        };
        QHash<qint64, QString> locks;
        try {
            const QHash<qint64, Holder> first = read();
            if (first.isEmpty())
                return locks;
            std::this_thread::sleep_for(std::chrono::milliseconds(250));
            const QHash<qint64, Holder> second = read();
            for (auto it = first.cbegin(); it != first.cend(); ++it)
                if (const auto again = second.constFind(it.key());
                    again != second.cend() && again->queryId == it->queryId)
                    locks.insert(it.key(), it->lock);
        } catch (const mysql::DbException &error) {
            if (isTimeLimitError(error.code()))
                throw;
        }
        return locks;
    }

    void metadataLocks(PreflightContext &context, Server &server, FindingSink &sink)
    {
        const QString id = u"metadata_locks"_s;
        const bool maria = server.isMariaDB();
        const bool psOn = context.scalar(server, u"SELECT @@performance_schema"_s).value_or(u"0"_s).toInt() != 0;
        bool instrumented = false;
        if (psOn)
            instrumented = context.scalar(server, u"SELECT ENABLED FROM performance_schema.setup_instruments "
                                                  "WHERE NAME = 'wait/lock/metadata/sql/mdl'"_s)
                               .value_or(QString()) == u"YES"_s;
        const QString schema = context.quote(context.request().database);
        const QString table = context.quote(context.request().table);
        QString sql;
        if (instrumented) {
            sql = u"SELECT %1, ml.LOCK_TYPE, ml.LOCK_DURATION, ml.LOCK_STATUS FROM performance_schema.metadata_locks ml "
                  "JOIN performance_schema.threads t ON t.THREAD_ID = ml.OWNER_THREAD_ID "
                  "JOIN information_schema.PROCESSLIST p ON p.ID = t.PROCESSLIST_ID "
                  "WHERE ml.OBJECT_TYPE = 'TABLE' AND ml.OBJECT_SCHEMA = %2 AND ml.OBJECT_NAME = %3 "
                  "AND p.ID <> CONNECTION_ID() ORDER BY p.TIME DESC"_s.arg(processlistColumns, schema, table);
        } else if (maria && context.scalar(server, u"SELECT COUNT(*) FROM information_schema.PLUGINS WHERE PLUGIN_NAME "
                                                   "= 'METADATA_LOCK_INFO' AND PLUGIN_STATUS = 'ACTIVE'"_s)
                                .value_or(u"0"_s)
                            != u"0"_s) {
            sql = u"SELECT %1, m.LOCK_MODE, m.LOCK_DURATION, 'GRANTED' FROM information_schema.METADATA_LOCK_INFO m "
                  "JOIN information_schema.PROCESSLIST p ON p.ID = m.THREAD_ID "
                  "WHERE m.TABLE_SCHEMA = %2 AND m.TABLE_NAME = %3 AND p.ID <> CONNECTION_ID() "
                  "ORDER BY p.TIME DESC"_s.arg(processlistColumns, schema, table);
        }
        if (sql.isEmpty()) {
            sink.add(uninstrumented(context, server, psOn));
            return;
        }

        const int threshold = context.options().longTransactionSeconds;
        const QHash<qint64, QString> lockTables = explicitLocks(context, server);
        auto rows = context.query(server, sql);
        Severity severity = Severity::Ok;
        QStringList lines, kills;
        QSet<qint64> seen;
        while (rows.next()) {
            const Session session = Session::read(rows, 0);
            const QString lock = u"%1 (%2, %3)"_s.arg(rows.text(8), rows.text(9), rows.text(10).toLower());
            const bool pending = rows.text(10).compare(u"PENDING"_s, Qt::CaseInsensitive) == 0;
            QString verdict;
            Severity level = Severity::Ok;
            if (pending) {
                level = Severity::Block;
                verdict = u"waits for a lock on the table: another session holds it"_s;
            } else if (lockTables.contains(session.id) && session.idle()) {
                level = Severity::Block;
                verdict = u"holds LOCK TABLES (%1) on the table"_s.arg(lockTables.value(session.id));
            } else if (session.idle() && session.time >= threshold) {
                level = Severity::Block;
                verdict = u"idle for %1 s inside a transaction that used the table"_s.arg(session.time);
            } else if (session.time >= threshold) {
                level = Severity::Warn;
                verdict = u"has been running a statement for %1 s"_s.arg(session.time);
            } else {
                verdict = u"brief (under %1 s)"_s.arg(threshold);
            }
            severity = std::max(severity, level);
            lines << u"%1: %2 — %3"_s.arg(lock, verdict, session.describe());
            if (level != Severity::Ok && !pending && !seen.contains(session.id)) {
                kills << u"KILL %1; -- %2@%3%4"_s.arg(QString::number(session.id), session.user, session.host,
                                                                     session.idle() ? u", rolls back its transaction"_s
                                                                                    : QString());
                seen.insert(session.id);
            }
        }
        const QString source = instrumented ? u"performance_schema.metadata_locks"_s
                                            : u"information_schema.METADATA_LOCK_INFO"_s;
        if (lines.isEmpty()) {
            sink.add(okFinding(id, u"No other session holds a metadata lock on the table"_s,
                               u"Read from %1 on %2"_s.arg(source, server.label())));
            return;
        }
        Finding finding{id, severity, {}, u"Read from %1 on %2:\n"_s.arg(source, server.label()) + lines.join(u'\n'), {}};
        finding.title = severity == Severity::Block
            ? u"Sessions hold the table: the cut-over would wait behind them"_s
            : u"%1 session(s) hold metadata locks on the table"_s.arg(lines.size());
        if (!kills.isEmpty())
            finding.fix = u"The cut-over needs an exclusive metadata lock on the table. Let these sessions finish, "
                          "or end them:\n"_s
                + kills.join(u'\n');
        sink.add(finding);
    }

    static QStringList idsOf(const QHash<qint64, QString> &sessions)
    {
        QStringList ids;
        for (auto it = sessions.cbegin(); it != sessions.cend(); ++it)
            ids << QString::number(it.key());
        return ids;
    }

    Finding uninstrumented(PreflightContext &context, Server &server, bool psOn)
    {
        QString fix = psOn ? u"UPDATE performance_schema.setup_instruments SET ENABLED = 'YES', TIMED = 'YES' WHERE "
                             "NAME = 'wait/lock/metadata/sql/mdl'; (counts locks taken from then on) and "
                             "performance-schema-instrument='wait/lock/metadata/sql/mdl=ON' in my.cnf"_s
                           : u"Set performance_schema=ON and performance-schema-instrument='wait/lock/metadata/sql/mdl=ON' "
                             "in my.cnf (needs a restart)"_s;
        if (server.isMariaDB())
            fix += u", or INSTALL SONAME 'metadata_lock_info' (information_schema.METADATA_LOCK_INFO, no restart)"_s;
        QStringList evidence, kills;
        evidence << (psOn ? u"performance_schema is ON but the instrument wait/lock/metadata/sql/mdl is off: "
                            "read LOCK TABLES holders from performance_schema.table_handles and waits from the "
                            "processlist instead"_s
                          : u"performance_schema is OFF: read waits from the processlist instead"_s);
        // With performance_schema on, LOCK TABLES holders and waits are visible: a clean table is Ok. What stays
        // hidden (a transaction that read the table and went idle) is what long_transactions reports.
        Severity severity = psOn ? Severity::Ok : Severity::Warn;
        QString title = psOn ? u"No session holds LOCK TABLES on the table or waits for a metadata lock"_s
                             : u"Could not determine who holds metadata locks on the table"_s;
        const auto suspect = [&](const QString &why) {
            evidence << why;
            if (severity == Severity::Ok) {
                severity = Severity::Warn;
                title = u"Sessions may hold the table (the metadata-lock instrument is off)"_s;
            }
        };
        // LOCK TABLES is seen without the instrument (table_handles); an idle holder blocks the cut-over for good.
        const QHash<qint64, QString> lockTables = psOn ? explicitLocks(context, server) : QHash<qint64, QString>();
        if (!lockTables.isEmpty()) {
            auto holders = context.query(server, u"SELECT %1 FROM information_schema.PROCESSLIST p WHERE p.ID IN (%2)"_s.arg(
                                                     processlistColumns, QStringList(idsOf(lockTables)).join(u", "_s)));
            while (holders.next()) {
                const Session session = Session::read(holders, 0);
                if (!session.idle())
                    continue; // a running statement's lock ends with it
                severity = Severity::Block;
                title = u"A session holds LOCK TABLES on the table: the cut-over would wait behind it"_s;
                evidence << u"%1 — holds LOCK TABLES (%2) on the table"_s.arg(session.describe(),
                                                                             lockTables.value(session.id));
                kills << u"KILL %1; -- %2@%3"_s.arg(QString::number(session.id), session.user, session.host);
            }
        }
        auto waiting = context.query(server, u"SELECT %1 FROM information_schema.PROCESSLIST p WHERE p.STATE LIKE "
                                             "'%metadata lock%' AND p.ID <> CONNECTION_ID()"_s.arg(processlistColumns));
        while (waiting.next())
            suspect(u"Waiting for a metadata lock: "_s + Session::read(waiting, 0).describe());
        for (auto it = m_idleInTransaction.cbegin(); it != m_idleInTransaction.cend(); ++it)
            if (it.value())
                suspect(u"Session %1 is idle in an old transaction and may hold the table (see long_transactions)"_s.arg(
                    it.key()));
        if (!kills.isEmpty())
            fix = u"End the session(s) holding LOCK TABLES:\n"_s + kills.join(u'\n') + u"\nFor a full picture: "_s + fix;
        return Finding{u"metadata_locks"_s, severity, title, evidence.join(u'\n'), fix};
    }

    QHash<qint64, bool> m_idleInTransaction; // from long_transactions: session id -> idle
};

} // namespace

std::unique_ptr<Check> makeSessionCheck()
{
    return std::make_unique<SessionCheck>();
}

} // namespace engine::preflight
