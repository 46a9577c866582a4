#include "check.h"
#include "preflightcontext.h"

#include <cutover/lockpicture.h>

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

    // The cut-over's own detection (cutover/lockpicture.h), under this check's time limit: a statement that runs
    // out of time ends the check rather than becoming a line of the picture.
    cutover::LockPicture lockPicture(PreflightContext &context, Server &server)
    {
        const cutover::LockQuery query = [&](const QString &sql) {
            try {
                return context.query(server, sql);
            } catch (const mysql::DbException &error) {
                if (isTimeLimitError(error.code()))
                    throw TimeLimitReached();
                throw;
            }
        };
        return cutover::readLockPicture(query, context.request().database, context.request().table,
                                        {context.options().longTransactionSeconds, {}});
    }

    void metadataLocks(PreflightContext &context, Server &server, FindingSink &sink)
    {
        const QString id = u"metadata_locks"_s;
        const cutover::LockPicture picture = lockPicture(context, server);
        if (!picture.seesLocks()) {
            sink.add(uninstrumented(server, picture));
            return;
        }
        Severity severity = Severity::Ok;
        QStringList lines, kills;
        for (const cutover::LockSession &session : picture.sessions) {
            const bool pending = session.status == cutover::LockStatus::Waits;
            const Severity level = pending || session.status == cutover::LockStatus::LockTables
                    || (session.isBlocker && session.idle())
                ? Severity::Block
                : session.isBlocker ? Severity::Warn : Severity::Ok;
            severity = std::max(severity, level);
            const QString lock = session.lockType.isEmpty() ? u"metadata lock"_s : session.lockType;
            const QString duration = session.lockDuration.isEmpty() ? u"duration unknown"_s : session.lockDuration;
            lines << u"%1 (%2, %3): %4 — %5"_s.arg(lock, duration, pending ? u"pending"_s : u"granted"_s,
                                                   session.why, session.describe());
            // A suspect is listed when sessions wait and the source shows no holder: the only lead there is.
            if ((level != Severity::Ok && !pending) || session.status == cutover::LockStatus::OpenTransaction)
                kills << u"KILL %1; -- %2@%3%4%5"_s.arg(
                    QString::number(session.id), session.user, session.host,
                    session.idle() ? u", rolls back its transaction"_s : QString(),
                    session.status == cutover::LockStatus::OpenTransaction ? u" (suspected holder)"_s : QString());
        }
        if (!picture.errors.isEmpty() && severity != Severity::Block) {
            sink.add(undetermined(id, picture.errors.join(u'\n'), u"GRANT PROCESS ON *.* to the login"_s));
            return;
        }
        lines << picture.errors;
        if (lines.isEmpty()) {
            sink.add(okFinding(id, u"No other session holds a metadata lock on the table"_s,
                               u"Read from %1 on %2"_s.arg(picture.source, server.label())));
            return;
        }
        Finding finding{id, severity, {},
                        u"Read from %1 on %2:\n"_s.arg(picture.source, server.label()) + lines.join(u'\n'), {}};
        finding.title = severity == Severity::Block
            ? u"Sessions hold the table: the cut-over would wait behind them"_s
            : u"%1 session(s) hold metadata locks on the table"_s.arg(QString::number(lines.size()));
        if (!kills.isEmpty())
            finding.fix = u"The cut-over needs an exclusive metadata lock on the table. Let these sessions finish, "
                          "or end them:\n"_s
                + kills.join(u'\n');
        sink.add(finding);
    }

    static Finding uninstrumented(Server &server, const cutover::LockPicture &picture)
    {
        const bool psOn = picture.sourceKind == cutover::LockPicture::Source::TableHandles;
        QString fix = picture.betterSourceHint;
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
        // An idle LOCK TABLES holder (seen in table_handles) blocks the cut-over for good.
        for (const cutover::LockSession &session : picture.sessions) {
            switch (session.status) {
            case cutover::LockStatus::LockTables:
                severity = Severity::Block;
                title = u"A session holds LOCK TABLES on the table: the cut-over would wait behind it"_s;
                evidence << u"%1 — %2"_s.arg(session.describe(), session.why);
                kills << u"KILL %1; -- %2@%3"_s.arg(QString::number(session.id), session.user, session.host);
                break;
            case cutover::LockStatus::Waits:
                suspect(u"Waiting for a metadata lock: "_s + session.describe());
                break;
            case cutover::LockStatus::OpenTransaction:
                suspect(u"Session %1 is idle in an old transaction and may hold the table (see long_transactions)"_s.arg(
                    QString::number(session.id)));
                break;
            case cutover::LockStatus::Holds:
                break;
            }
        }
        evidence << picture.errors;
        if (!picture.errors.isEmpty() && severity == Severity::Ok) {
            severity = Severity::Warn;
            title = u"Could not determine who holds metadata locks on the table"_s;
        }
        if (!kills.isEmpty())
            fix = u"End the session(s) holding LOCK TABLES:\n"_s + kills.join(u'\n') + u"\nFor a full picture: "_s + fix;
        evidence.front() += u" (on %1)"_s.arg(server.label());
        return Finding{u"metadata_locks"_s, severity, title, evidence.join(u'\n'), fix};
    }
};

} // namespace

std::unique_ptr<Check> makeSessionCheck()
{
    return std::make_unique<SessionCheck>();
}

} // namespace engine::preflight
