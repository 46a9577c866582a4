#pragma once

#include "historyjournal.h"
#include "sampledownsampler.h"

#include <memory>

namespace engine::history {

// Records one migration in a journal: its start, a bounded series of its snapshots, its end. Driven by the
// MigrationController in the caller's thread (the journal's). Journal errors are logged and never reach the
// migration. Samples are written every minute as well as at the end, so a crash loses at most a minute.
class MigrationRecorder {
public:
    MigrationRecorder(std::shared_ptr<HistoryJournal> journal, const migration::MigrationSpec &spec,
                      int maxSamples = 2000);
    ~MigrationRecorder(); // still running: recorded as interrupted
    MigrationRecorder(const MigrationRecorder &) = delete;
    MigrationRecorder &operator=(const MigrationRecorder &) = delete;

    // Every snapshot (the thinning happens here): throttle episodes are taken from all of them.
    void sample(const migration::ProgressSnapshot &snapshot);
    void preflightPassed(const preflight::PreflightReport &report);
    void succeeded(const migration::MigrationSummary &summary);
    void failed(const migration::MigrationFailure &failure);

    [[nodiscard]] qint64 id() const { return m_id; }
    [[nodiscard]] const QList<ThrottleEpisode> &throttleEpisodes() const { return m_episodes; }
    // Past this many episodes the oldest are dropped (the total time throttled is kept whole).
    static constexpr int maxThrottleEpisodes = 1000;

private:
    void end(Outcome outcome, const migration::MigrationSummary &summary, const migration::MigrationFailure &failure);

    std::shared_ptr<HistoryJournal> m_journal;
    qint64 m_id = 0;
    SampleDownsampler m_samples;
    migration::ProgressSnapshot m_last;
    qint64 m_lastWrittenMillis = 0;
    QList<ThrottleEpisode> m_episodes;
    bool m_inEpisode = false;
    bool m_ended = false;
};

} // namespace engine::history
