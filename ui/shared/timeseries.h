#pragma once

#include <QList>

namespace ui {

// A chart's data with a fixed capacity: when full, neighbouring points are merged pairwise and later samples are
// merged in the same stride, so a day-long postponed cut-over costs as much memory as a minute.
// Keys are seconds since the migration started. A NaN value is a gap (a reading that failed); merged with a
// number, the number wins, so a gap narrower than a stored point disappears. Not thread-safe (GUI thread).
class TimeSeries {
public:
    enum class Merge { Mean, Max }; // Max keeps spikes (lag, backlog); Mean keeps rates honest
    explicit TimeSeries(int capacity = 3600, Merge merge = Merge::Mean);

    void append(double key, double value);
    void clear();

    [[nodiscard]] const QList<double> &keys() const { return m_keys; }
    [[nodiscard]] const QList<double> &values() const { return m_values; }
    [[nodiscard]] int size() const { return int(m_keys.size()); }
    [[nodiscard]] int capacity() const { return m_capacity; }
    [[nodiscard]] int stride() const { return m_stride; } // samples per stored point

private:
    [[nodiscard]] double merged(double a, int weightA, double b, int weightB) const;
    void halve();

    int m_capacity;
    Merge m_merge;
    int m_stride = 1;
    QList<double> m_keys, m_values;
    // The samples of the stride being filled (appended as one point when complete, shown meanwhile).
    int m_pending = 0;
};

} // namespace ui
