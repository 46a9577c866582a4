#include "scratchtable.h"

#include "preflightcontext.h"

#include <logging/logging.h>
#include <mysql/sqltext.h>

#include <QRegularExpression>

using namespace Qt::StringLiterals;
using engine::mysql::DbException;

namespace engine::preflight {

namespace {
// ER_ALTER_OPERATION_NOT_SUPPORTED and ..._REASON: the server would need another algorithm or lock.
bool isAlgorithmRefusal(unsigned code)
{
    return code == 1845 || code == 1846;
}
} // namespace

ScratchTable::ScratchTable(PreflightContext &context, Server &server)
    : m_context(context)
    , m_server(server)
    , m_name(nameFor(context.request().table))
    , m_qualified(mysql::qualifiedName(context.request().database, m_name))
{
}

ScratchTable::~ScratchTable()
{
    drop();
    if (!m_binlogged)
        m_context.executeCleanup(m_server, u"SET SESSION sql_log_bin = 1"_s);
}

QString ScratchTable::nameFor(const QString &table)
{
    return u"_"_s + table.left(64 - 5) + u"_pfl"_s;
}

QString ScratchTable::marker()
{
    return u"shadowswap preflight scratch table"_s;
}

void ScratchTable::create()
{
    if (m_context.executeCleanup(m_server, u"SET SESSION sql_log_bin = 0"_s).isEmpty())
        m_binlogged = false;
    const QString comment = m_context
                                .scalar(m_server, u"SELECT TABLE_COMMENT FROM information_schema.TABLES "
                                                  "WHERE TABLE_SCHEMA = %1 AND TABLE_NAME = %2"_s.arg(
                                                      m_context.quote(m_context.request().database),
                                                      m_context.quote(m_name)))
                                .value_or(QString());
    if (comment == marker())
        m_context.execute(m_server, u"DROP TABLE "_s + m_qualified);
    else if (!comment.isNull())
        throw DbException(mysql::DbError{0, {}, u"a table named %1 exists and is not preflight's: rename it so that "
                                                "preflight can use the name"_s.arg(m_qualified), {}});
    m_context.execute(m_server, u"CREATE TABLE %1 LIKE %2"_s.arg(m_qualified, m_context.qualifiedTable()));
    m_created = true;
    m_context.execute(m_server, u"ALTER TABLE %1 COMMENT = %2"_s.arg(m_qualified, m_context.quote(marker())));
}

bool ScratchTable::applyAlter(const QString &alterBody, QString *error)
{
    static const QRegularExpression ownAlgorithm(u"\\b(algorithm|lock)\\s*="_s, QRegularExpression::CaseInsensitiveOption);
    const QString body = alterBody.trimmed();
    const QString statement = u"ALTER TABLE "_s + m_qualified + u' ' + body;
    const bool tryNative = !ownAlgorithm.match(body).hasMatch();
    const auto &version = m_server.facts.version;
    const bool hasInstant = m_server.isMariaDB() ? version.atLeast(10, 3, 7) : version.atLeast(8, 0, 12);
    // Any other error than "not with this algorithm" would repeat for every algorithm: go to the plain ALTER.
    bool nativeRefusedOnly = tryNative;
    if (nativeRefusedOnly && hasInstant) {
        try {
            m_context.executeSingle(m_server, statement + u", ALGORITHM=INSTANT"_s);
            m_algorithm = NativeAlgorithm::Instant;
            return true;
        } catch (const DbException &refused) {
            nativeRefusedOnly = isAlgorithmRefusal(refused.code());
            m_instantRefusal = refused.error().message;
        }
    }
    if (nativeRefusedOnly) {
        try {
            m_context.executeSingle(m_server, statement + u", ALGORITHM=INPLACE, LOCK=NONE"_s);
            m_algorithm = NativeAlgorithm::InplaceNoLock;
            return true;
        } catch (const DbException &refused) {
            nativeRefusedOnly = isAlgorithmRefusal(refused.code());
            m_inplaceRefusal = refused.error().message;
        }
    }
    try {
        m_context.executeSingle(m_server, statement);
        if (nativeRefusedOnly)
            m_algorithm = NativeAlgorithm::CopyOnly;
        return true;
    } catch (const DbException &refused) {
        if (error)
            *error = refused.error().message;
        return false;
    }
}

void ScratchTable::drop()
{
    if (!m_created)
        return;
    m_dropError = m_context.executeCleanup(m_server, u"DROP TABLE IF EXISTS "_s + m_qualified);
    if (!m_dropError.isEmpty())
        SS_WARN("preflight could not drop its scratch table {}: {}", m_qualified.toStdString(), m_dropError.toStdString());
    m_created = false;
}

} // namespace engine::preflight
