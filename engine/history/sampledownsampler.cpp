#include "sampledownsampler.h"

#include <algorithm>

namespace engine::history {

SampleDownsampler::SampleDownsampler(int capacity)
    : m_capacity(static_cast<std::size_t>(std::max(capacity, 4)))
{
    m_kept.reserve(m_capacity);
}

void SampleDownsampler::offer(const HistorySample &sample)
{
    const bool stateChanged = m_offered == 0 || sample.state != m_latest.state;
    const bool onStride = m_offered % m_stride == 0;
    ++m_offered;
    m_latest = sample;
    m_latestKept = stateChanged || onStride;
    if (!m_latestKept)
        return;
    if (m_kept.size() >= m_capacity)
        thin();
    m_kept.push_back(sample);
}

void SampleDownsampler::thin()
{
    // Keep the first and every second one after it. The newest sample is pushed after thinning, so it survives.
    std::size_t out = 0;
    for (std::size_t in = 0; in < m_kept.size(); in += 2)
        m_kept[out++] = m_kept[in];
    m_kept.resize(out);
    m_stride *= 2;
}

std::vector<HistorySample> SampleDownsampler::samples() const
{
    std::vector<HistorySample> series = m_kept;
    if (m_offered > 0 && !m_latestKept)
        series.push_back(m_latest);
    return series;
}

} // namespace engine::history
