#include "copyhold.h"

#include <mysql/sqltext.h>

#include <QFile>

using namespace Qt::StringLiterals;

namespace testsupport {

CopyHold::CopyHold(const QString &file, quint64 afterRows)
    : m_file(file)
    , m_afterRows(afterRows)
{
    QFile hold(m_file);
    if (!hold.open(QIODevice::WriteOnly))
        qFatal("CopyHold: can't create %s", qPrintable(m_file));
}

CopyHold::~CopyHold()
{
    release();
}

QProcessEnvironment CopyHold::environment() const
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"SHADOWSWAP_TEST_HOLD_COPY_FILE"_s, m_file);
    environment.insert(u"SHADOWSWAP_TEST_HOLD_COPY_AFTER_ROWS"_s, QString::number(m_afterRows));
    return environment;
}

void CopyHold::applyToThisProcess() const
{
    qputenv("SHADOWSWAP_TEST_HOLD_COPY_FILE", m_file.toUtf8());
    qputenv("SHADOWSWAP_TEST_HOLD_COPY_AFTER_ROWS", QByteArray::number(m_afterRows));
}

bool CopyHold::release()
{
    return !QFile::exists(m_file) || QFile::remove(m_file);
}

CheckpointRow readCheckpoint(engine::mysql::Connection &primary, const QString &checkpointTable)
{
    CheckpointRow row;
    QString pattern = checkpointTable;
    pattern.replace(u"_"_s, u"\\_"_s).replace(u"%"_s, u"\\%"_s); // LIKE wildcards
    if (!primary.query(u"SHOW TABLES LIKE %1"_s.arg(primary.quote(pattern))).next())
        return row;
    auto result = primary.query(
        u"SELECT last_copied_key IS NOT NULL, copy_complete, rows_copied FROM %1"_s.arg(engine::mysql::quoteIdentifier(checkpointTable)));
    if (!result.next())
        return row;
    row.present = true;
    row.keyWritten = result.toInt(0) == 1;
    row.copyComplete = result.toInt(1) == 1;
    row.rowsCopied = result.toUInt(2);
    return row;
}

} // namespace testsupport
