#include "result.h"

#include <mysql.h>

#include <utility>

namespace engine::mysql {

Result::Result(MYSQL_RES *result)
    : m_result(result)
{
    if (!m_result)
        return;
    const unsigned count = mysql_num_fields(m_result);
    MYSQL_FIELD *fields = mysql_fetch_fields(m_result);
    for (unsigned i = 0; i < count; ++i)
        m_columns << QString::fromUtf8(fields[i].name, fields[i].name_length);
}

Result::Result(Result &&other) noexcept
    : m_result(std::exchange(other.m_result, nullptr))
    , m_row(std::exchange(other.m_row, nullptr))
    , m_lengths(std::exchange(other.m_lengths, nullptr))
    , m_columns(std::move(other.m_columns))
{
}

Result &Result::operator=(Result &&other) noexcept
{
    if (this != &other) {
        if (m_result)
            mysql_free_result(m_result);
        m_result = std::exchange(other.m_result, nullptr);
        m_row = std::exchange(other.m_row, nullptr);
        m_lengths = std::exchange(other.m_lengths, nullptr);
        m_columns = std::move(other.m_columns);
    }
    return *this;
}

Result::~Result()
{
    if (m_result)
        mysql_free_result(m_result);
}

quint64 Result::rowCount() const
{
    return m_result ? mysql_num_rows(m_result) : 0;
}

int Result::columnIndex(const QString &name) const
{
    for (int i = 0; i < m_columns.size(); ++i)
        if (m_columns[i].compare(name, Qt::CaseInsensitive) == 0)
            return i;
    return -1;
}

bool Result::next()
{
    if (!m_result)
        return false;
    m_row = mysql_fetch_row(m_result);
    m_lengths = m_row ? mysql_fetch_lengths(m_result) : nullptr;
    return m_row != nullptr;
}

bool Result::isNull(int column) const
{
    return !m_row || column < 0 || column >= m_columns.size() || m_row[column] == nullptr;
}

std::optional<QByteArray> Result::bytes(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return QByteArray(m_row[column], static_cast<qsizetype>(m_lengths[column]));
}

QString Result::text(int column) const
{
    if (isNull(column))
        return {};
    return QString::fromUtf8(m_row[column], static_cast<qsizetype>(m_lengths[column]));
}

QString Result::text(const QString &column) const
{
    return text(columnIndex(column));
}

qint64 Result::toInt(int column, qint64 fallback) const
{
    bool ok = false;
    const qint64 value = isNull(column) ? 0 : QByteArray(m_row[column], m_lengths[column]).toLongLong(&ok);
    return ok ? value : fallback;
}

quint64 Result::toUInt(int column, quint64 fallback) const
{
    bool ok = false;
    const quint64 value = isNull(column) ? 0 : QByteArray(m_row[column], m_lengths[column]).toULongLong(&ok);
    return ok ? value : fallback;
}

double Result::toDouble(int column, double fallback) const
{
    bool ok = false;
    const double value = isNull(column) ? 0 : QByteArray(m_row[column], m_lengths[column]).toDouble(&ok);
    return ok ? value : fallback;
}

} // namespace engine::mysql
