#pragma once

#include <QHashFunctions> // std::hash<QString> for m_pending: clang rejects its use before Qt declares it
#include <QString>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <unordered_map>
#include <vector>

namespace engine::apply {

// The keys of rows changed in the original table and not yet brought over to the ghost.
//
// The applier re-reads each changed key from the original (a locking read, so it sees the committed row) and
// writes what it finds into the ghost, so only WHICH keys changed matters, not how: repeated changes to one key
// coalesce into one re-read, and keys in different partitions can be applied in parallel in any order.
//
// Every row change gets a sequence number in binlog order. appliedThrough() is the highest sequence number
// below which everything is applied: the cut-over and the verifier wait on it to know a marker has been passed.
//
// Thread-safe. Producer: the binlog reader (add, noteSequence). Consumers: one applier thread per partition
// (take/complete), or the cut-over's lock session (takeAll) while the appliers are paused.
class ChangeSet {
public:
    struct Batch {
        int partition = -1;
        std::vector<QString> keys; // SQL tuples: "(1,'a')"
        quint64 events = 0;        // row changes these keys stand for
        quint64 lowestSequence = 0;
        std::vector<quint64> firstSequences; // bookkeeping for complete()
    };

    // At most `capacity` pending keys taking at most `capacityBytes` of memory (keys of long text tuples count
    // by their size, so a wide key can't exhaust memory before the key count is reached).
    ChangeSet(int partitions, size_t capacity, size_t capacityBytes = size_t(256) << 20);

    // Records a change of `keyTuple` at `sequence` (strictly increasing). Blocks (saying so in the log) while the
    // set is at capacity, until keys are taken or close() is called.
    void add(const QString &keyTuple, quint64 sequence);
    // Advances the sequence without a key (heartbeats, markers, other tables).
    void noteSequence(quint64 sequence);

    // Up to `maxKeys` keys of `partition`, waiting up to `wait` for some. Empty batch on timeout, pause or close.
    Batch take(int partition, size_t maxKeys, std::chrono::milliseconds wait);
    void complete(const Batch &batch);
    // Everything pending in every partition (for the cut-over's final flush). Appliers must be paused.
    Batch takeAll();
    // Puts a taken batch back as pending (its flush failed): nothing it stood for is forgotten, and the set no
    // longer counts it in flight.
    void giveBack(const Batch &batch);

    void setPaused(bool paused);
    // Waits until no batch is in flight (appliers paused and idle); false on timeout.
    bool waitIdle(std::chrono::milliseconds timeout);
    // Waits until appliedThrough() >= sequence; false on timeout or close.
    bool waitApplied(quint64 sequence, std::chrono::milliseconds timeout);
    void close();

    [[nodiscard]] bool isClosed() const;
    [[nodiscard]] quint64 appliedThrough() const;
    [[nodiscard]] quint64 lastSequence() const;
    [[nodiscard]] size_t pendingKeys() const;
    // True while add() waits for room: the binlog reader is held by the appliers.
    [[nodiscard]] bool readerWaiting() const { return m_readerWaiting; }
    [[nodiscard]] quint64 eventsApplied() const { return m_eventsApplied.load(); }
    [[nodiscard]] int partitions() const { return static_cast<int>(m_pending.size()); }

private:
    struct Entry {
        quint64 firstSequence = 0;
        quint64 events = 0;
    };
    [[nodiscard]] quint64 appliedThroughLocked() const;
    void forgetSequence(quint64 sequence);

    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<std::unordered_map<QString, Entry>> m_pending;
    std::map<quint64, int> m_unappliedFirstSequences; // multiset of firstSequence over pending + in-flight
    size_t m_capacity;
    size_t m_capacityBytes;
    size_t m_pendingCount = 0;
    size_t m_pendingBytes = 0;
    std::atomic<bool> m_readerWaiting{false};
    int m_inFlight = 0;
    quint64 m_lastSequence = 0;
    bool m_paused = false;
    bool m_closed = false;
    std::atomic<quint64> m_eventsApplied{0};
};

// Pauses a ChangeSet's appliers for as long as it lives and waits until no batch is in flight (a closed set has no
// appliers left, which counts as idle). `whileWaiting` runs every 200 ms of waiting, e.g. to check for an abort.
// keep() leaves them paused after destruction (the cut-over, once the tables are swapped).
class AppliersPaused {
public:
    AppliersPaused(ChangeSet &changes, std::chrono::milliseconds limit, const std::function<void()> &whileWaiting = {});
    ~AppliersPaused();
    AppliersPaused(const AppliersPaused &) = delete;
    AppliersPaused &operator=(const AppliersPaused &) = delete;

    [[nodiscard]] bool idle() const { return m_idle; } // false: a batch was still in flight after `limit`
    void keep() { m_keep = true; }

private:
    ChangeSet &m_changes;
    bool m_idle = false;
    bool m_keep = false;
};

} // namespace engine::apply
