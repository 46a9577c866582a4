#include "timeseries.h"

#include <algorithm>
#include <cmath>

namespace ui {

TimeSeries::TimeSeries(int capacity, Merge merge)
    : m_capacity(std::max(4, capacity & ~1))
    , m_merge(merge)
{
    m_keys.reserve(m_capacity);
    m_values.reserve(m_capacity);
}

void TimeSeries::clear()
{
    m_keys.clear();
    m_values.clear();
    m_stride = 1;
    m_pending = 0;
}

double TimeSeries::merged(double a, int weightA, double b, int weightB) const
{
    if (std::isnan(a))
        return b;
    if (std::isnan(b))
        return a;
    if (m_merge == Merge::Max)
        return std::max(a, b);
    return (a * weightA + b * weightB) / double(weightA + weightB);
}

void TimeSeries::append(double key, double value)
{
    if (m_pending > 0 && m_pending < m_stride) {
        // Still filling the last point's stride: merge into it, keep the newest key.
        m_values.last() = merged(m_values.last(), m_pending, value, 1);
        m_keys.last() = key;
        ++m_pending;
        return;
    }
    if (m_keys.size() >= m_capacity)
        halve();
    m_keys.append(key);
    m_values.append(value);
    m_pending = 1;
}

void TimeSeries::halve()
{
    const qsizetype half = m_keys.size() / 2;
    for (qsizetype i = 0; i < half; ++i) {
        m_keys[i] = m_keys[2 * i + 1];
        m_values[i] = merged(m_values[2 * i], 1, m_values[2 * i + 1], 1);
    }
    m_keys.resize(half);
    m_values.resize(half);
    m_stride *= 2;
    m_pending = m_stride; // the next sample starts a new point
}

} // namespace ui
