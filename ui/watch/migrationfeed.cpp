#include "migrationfeed.h"

using namespace Qt::StringLiterals;

namespace ui {

QString MigrationFeed::title() const {
    return m_table.isEmpty() ? source() : u"%1.%2"_s.arg(m_database, m_table);
}

void MigrationFeed::setIdentity(const QString &engine, const QString &database, const QString &table) {
    if (!engine.isEmpty())
        m_engine = engine;
    if (!table.isEmpty()) {
        m_database = database;
        m_table = table;
    }
}

void MigrationFeed::addReading(const engine::migration::ProgressSnapshot &snapshot, const QStringList &header,
                               const QString &eta) {
    ++m_readings;
    m_latest = snapshot;
    if (!header.isEmpty())
        m_header = header;
    m_eta = eta;
    setLink(Link::Live);
    Q_EMIT snapshotAdded(snapshot);
}

void MigrationFeed::setLink(Link link, const QString &problem) {
    if (link == m_link && problem == m_problem)
        return;
    m_link = link;
    m_problem = problem;
    Q_EMIT linkChanged(link, problem);
}

} // namespace ui
