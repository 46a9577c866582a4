#pragma once

#include "historyrecord.h"

#include <vector>

namespace engine::history {

// Thins a migration's snapshot stream to a bounded, evenly spaced series. Every `stride`-th sample is kept;
// when `capacity` samples are held, every other one is dropped and the stride doubles. A day-long postponed
// migration sampled four times a second (~350k snapshots) keeps between capacity/2 and capacity samples.
// The first sample and each change of state are taken whatever the stride (a later thinning may still drop
// them: the spacing stays even), and the last sample offered is always part of samples().
class SampleDownsampler {
public:
    explicit SampleDownsampler(int capacity = 2000);

    void offer(const HistorySample &sample);
    // The kept series plus the latest sample, in time order; never more than capacity + 1 entries.
    [[nodiscard]] std::vector<HistorySample> samples() const;
    [[nodiscard]] quint64 offered() const { return m_offered; }
    [[nodiscard]] quint64 stride() const { return m_stride; }

private:
    void thin();

    std::size_t m_capacity;
    std::vector<HistorySample> m_kept;
    HistorySample m_latest;
    bool m_latestKept = false;
    quint64 m_offered = 0;
    quint64 m_stride = 1;
};

} // namespace engine::history
