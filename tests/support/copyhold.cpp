#include "copyhold.h"

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

} // namespace testsupport
