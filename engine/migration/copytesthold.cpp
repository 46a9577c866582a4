#include "copytesthold.h"

#include <QFileInfo>

using namespace Qt::StringLiterals;

namespace engine::migration {

CopyTestHold CopyTestHold::fromEnvironment()
{
    CopyTestHold hold;
    hold.m_file = qEnvironmentVariable("SHADOWSWAP_TEST_HOLD_COPY_FILE");
    bool ok = false;
    const quint64 rows = qEnvironmentVariable("SHADOWSWAP_TEST_HOLD_COPY_AFTER_ROWS").toULongLong(&ok);
    if (ok)
        hold.m_afterRows = rows;
    return hold;
}

bool CopyTestHold::holds(quint64 rowsCopied) const
{
    return isSet() && rowsCopied >= m_afterRows && QFileInfo::exists(m_file);
}

QString CopyTestHold::reason() const
{
    return u"copy held by the test hook (SHADOWSWAP_TEST_HOLD_COPY_FILE %1 exists)"_s.arg(m_file);
}

} // namespace engine::migration
