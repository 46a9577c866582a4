#include "migrationrecorder.h"

using namespace Qt::StringLiterals;
using namespace engine::migration;

namespace engine::history {

namespace {
constexpr qint64 writeIntervalMillis = 60000;
}

MigrationRecorder::MigrationRecorder(std::shared_ptr<HistoryJournal> journal, const MigrationSpec &spec,
                                     int maxSamples)
    : m_journal(std::move(journal))
    , m_samples(maxSamples)
{
    if (m_journal && m_journal->isOpen())
        m_id = m_journal->recordStart(spec, QDateTime::currentDateTimeUtc());
}

MigrationRecorder::~MigrationRecorder()
{
    if (!m_ended)
        end(Outcome::Interrupted, {}, MigrationFailure{u"interrupted"_s, u"the program stopped during the migration"_s,
                                                       {}, 0, true});
}

void MigrationRecorder::sample(const ProgressSnapshot &snapshot)
{
    if (m_id == 0 || m_ended)
        return;
    m_last = snapshot;
    m_samples.offer(HistorySample::fromSnapshot(snapshot));
    // An episode runs from the first throttled snapshot to the first one that is not (or the last one seen); a
    // change of reason while throttled starts a new episode.
    if (snapshot.throttled) {
        if (m_inEpisode && m_episodes.last().reason == snapshot.throttleReason) {
            m_episodes.last().toMillis = snapshot.elapsedMillis;
        } else {
            if (m_inEpisode)
                m_episodes.last().toMillis = snapshot.elapsedMillis;
            m_episodes.append({snapshot.elapsedMillis, snapshot.elapsedMillis, snapshot.throttleReason});
            if (m_episodes.size() > maxThrottleEpisodes)
                m_episodes.removeFirst();
        }
    } else if (m_inEpisode) {
        m_episodes.last().toMillis = snapshot.elapsedMillis;
    }
    m_inEpisode = snapshot.throttled;
    if (snapshot.elapsedMillis - m_lastWrittenMillis >= writeIntervalMillis) {
        m_lastWrittenMillis = snapshot.elapsedMillis;
        m_journal->recordSamples(m_id, m_samples.samples());
    }
}

void MigrationRecorder::preflightPassed(const preflight::PreflightReport &report)
{
    if (m_id != 0 && !m_ended)
        m_journal->recordPreflight(m_id, report);
}

void MigrationRecorder::succeeded(const MigrationSummary &summary)
{
    end(Outcome::Succeeded, summary, {});
}

void MigrationRecorder::failed(const MigrationFailure &failure)
{
    end(failure.code == u"aborted"_s ? Outcome::Aborted : Outcome::Failed, {}, failure);
}

void MigrationRecorder::end(Outcome outcome, const MigrationSummary &summary, const MigrationFailure &failure)
{
    if (m_ended)
        return;
    m_ended = true;
    if (m_id == 0)
        return;
    m_journal->recordSamples(m_id, m_samples.samples());
    m_journal->recordEnd(m_id, outcome, QDateTime::currentDateTimeUtc(), m_last, summary, failure, m_episodes);
}

} // namespace engine::history
