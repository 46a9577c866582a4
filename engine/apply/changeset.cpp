#include "changeset.h"

#include <logging/logging.h>

#include <QHash>

#include <algorithm>

namespace engine::apply {

ChangeSet::ChangeSet(int partitions, size_t capacity, size_t capacityBytes)
    : m_pending(static_cast<size_t>(std::max(1, partitions)))
    , m_capacity(std::max<size_t>(capacity, 1))
    , m_capacityBytes(std::max<size_t>(capacityBytes, 1))
{
}

namespace {
// What one pending key costs in memory: the tuple's UTF-16 text plus the hash node and bookkeeping around it.
size_t keyBytes(const QString &keyTuple)
{
    return static_cast<size_t>(keyTuple.size()) * sizeof(QChar) + 96;
}
} // namespace

void ChangeSet::add(const QString &keyTuple, quint64 sequence)
{
    std::unique_lock lock(m_mutex);
    const auto hasRoom = [&] {
        return (m_pendingCount < m_capacity && m_pendingBytes < m_capacityBytes) || m_closed;
    };
    if (!hasRoom()) {
        // The appliers drain the queue even while the copy is throttled, so this is a pause, not a wedge.
        SS_WARN("binlog: the changed-key queue is full ({} keys, {} MiB): the reader waits for the appliers",
                m_pendingCount, m_pendingBytes >> 20);
        m_readerWaiting = true;
        m_changed.wait(lock, hasRoom);
        m_readerWaiting = false;
        SS_INFO("binlog: the changed-key queue has room again; reading on");
    }
    if (m_closed)
        return;
    m_lastSequence = std::max(m_lastSequence, sequence);
    auto &partition = m_pending[qHash(keyTuple) % m_pending.size()];
    auto [it, inserted] = partition.try_emplace(keyTuple, Entry{sequence, 0});
    ++it->second.events;
    if (inserted) {
        ++m_pendingCount;
        m_pendingBytes += keyBytes(keyTuple);
        ++m_unappliedFirstSequences[sequence];
    }
    m_changed.notify_all();
}

void ChangeSet::noteSequence(quint64 sequence)
{
    std::lock_guard lock(m_mutex);
    m_lastSequence = std::max(m_lastSequence, sequence);
    m_changed.notify_all();
}

void ChangeSet::forgetSequence(quint64 sequence)
{
    auto it = m_unappliedFirstSequences.find(sequence);
    if (it != m_unappliedFirstSequences.end() && --it->second == 0)
        m_unappliedFirstSequences.erase(it);
}

ChangeSet::Batch ChangeSet::take(int partitionIndex, size_t maxKeys, std::chrono::milliseconds wait)
{
    std::unique_lock lock(m_mutex);
    auto &partition = m_pending[static_cast<size_t>(partitionIndex)];
    m_changed.wait_for(lock, wait, [&] { return m_closed || (!m_paused && !partition.empty()); });
    Batch batch;
    batch.partition = partitionIndex;
    if (m_closed || m_paused || partition.empty())
        return batch;
    batch.lowestSequence = UINT64_MAX;
    // Taken entries stay counted as unapplied until complete(). A change to the same key arriving meanwhile
    // makes a new pending entry: this batch's re-read may have happened before that change committed.
    for (auto it = partition.begin(); it != partition.end() && batch.keys.size() < maxKeys;) {
        batch.keys.push_back(it->first);
        batch.events += it->second.events;
        batch.firstSequences.push_back(it->second.firstSequence);
        batch.lowestSequence = std::min(batch.lowestSequence, it->second.firstSequence);
        m_pendingBytes -= std::min(m_pendingBytes, keyBytes(it->first));
        it = partition.erase(it);
        --m_pendingCount;
    }
    ++m_inFlight;
    m_changed.notify_all();
    return batch;
}

void ChangeSet::complete(const Batch &batch)
{
    std::lock_guard lock(m_mutex);
    if (batch.keys.empty())
        return;
    for (const quint64 sequence : batch.firstSequences)
        forgetSequence(sequence);
    m_eventsApplied += batch.events;
    --m_inFlight;
    m_changed.notify_all();
}

void ChangeSet::giveBack(const Batch &batch)
{
    std::lock_guard lock(m_mutex);
    if (batch.keys.empty())
        return;
    for (size_t i = 0; i < batch.keys.size(); ++i) {
        const QString &key = batch.keys[i];
        const quint64 first = batch.firstSequences[i];
        auto &partition = m_pending[qHash(key) % m_pending.size()];
        auto [it, inserted] = partition.try_emplace(key, Entry{first, 0});
        if (inserted) {
            ++m_pendingCount;
            m_pendingBytes += keyBytes(key);
        } else if (first < it->second.firstSequence) {
            // A newer change of the key arrived meanwhile: one entry stands for both, from the older sequence.
            forgetSequence(it->second.firstSequence);
            it->second.firstSequence = first;
        } else {
            forgetSequence(first);
        }
        it->second.events += i == 0 ? batch.events : 0; // the events stay counted once, on some key
    }
    --m_inFlight;
    m_changed.notify_all();
}

ChangeSet::Batch ChangeSet::takeAll()
{
    std::lock_guard lock(m_mutex);
    Batch batch;
    batch.lowestSequence = UINT64_MAX;
    for (auto &partition : m_pending) {
        for (auto &[key, entry] : partition) {
            batch.keys.push_back(key);
            batch.events += entry.events;
            batch.firstSequences.push_back(entry.firstSequence);
            batch.lowestSequence = std::min(batch.lowestSequence, entry.firstSequence);
        }
        partition.clear();
    }
    m_pendingCount = 0;
    m_pendingBytes = 0;
    if (!batch.keys.empty())
        ++m_inFlight;
    m_changed.notify_all();
    return batch;
}

void ChangeSet::setPaused(bool paused)
{
    std::lock_guard lock(m_mutex);
    m_paused = paused;
    m_changed.notify_all();
}

bool ChangeSet::isClosed() const
{
    std::lock_guard lock(m_mutex);
    return m_closed;
}

bool ChangeSet::waitIdle(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_inFlight == 0 || m_closed; }) && !m_closed;
}

quint64 ChangeSet::appliedThroughLocked() const
{
    if (m_unappliedFirstSequences.empty())
        return m_lastSequence;
    return m_unappliedFirstSequences.begin()->first - 1;
}

bool ChangeSet::waitApplied(quint64 sequence, std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [&] { return m_closed || appliedThroughLocked() >= sequence; })
        && !m_closed;
}

void ChangeSet::close()
{
    std::lock_guard lock(m_mutex);
    m_closed = true;
    m_changed.notify_all();
}

quint64 ChangeSet::appliedThrough() const
{
    std::lock_guard lock(m_mutex);
    return appliedThroughLocked();
}

quint64 ChangeSet::lastSequence() const
{
    std::lock_guard lock(m_mutex);
    return m_lastSequence;
}

size_t ChangeSet::pendingKeys() const
{
    std::lock_guard lock(m_mutex);
    return m_pendingCount;
}

AppliersPaused::AppliersPaused(ChangeSet &changes, std::chrono::milliseconds limit,
                               const std::function<void()> &whileWaiting)
    : m_changes(changes)
{
    m_changes.setPaused(true);
    const auto deadline = std::chrono::steady_clock::now() + limit;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (m_changes.waitIdle(std::clamp(left, std::chrono::milliseconds(0), std::chrono::milliseconds(200)))
            || m_changes.isClosed()) {
            m_idle = true;
            return;
        }
        if (left.count() <= 0)
            return;
        if (whileWaiting)
            whileWaiting();
    }
}

AppliersPaused::~AppliersPaused()
{
    if (!m_keep)
        m_changes.setPaused(false);
}

} // namespace engine::apply
