#include "migrationlistmodel.h"

#include "historypage.h"
#include "lagtext.h"
#include "statestrip.h"

#include <QLocale>

#include <algorithm>

using namespace Qt::StringLiterals;
using engine::migration::MigrationState;

namespace ui {

MigrationListModel::MigrationListModel(QObject *parent)
    : QAbstractTableModel(parent) {}

int MigrationListModel::rowCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : int(m_rows.size());
}

int MigrationListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MigrationListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Table:
        return tr("Table");
    case Server:
        return tr("Server");
    case Engine:
        return tr("Engine");
    case Source:
        return tr("Watched through");
    case State:
        return tr("State");
    case Progress:
        return tr("Progress");
    case Eta:
        return tr("ETA");
    case Lag:
        return tr("Lag");
    case Throttled:
        return tr("Throttled");
    case Postponed:
        return tr("Cut-over");
    default:
        return {};
    }
}

void MigrationListModel::setOwn(const Own &own) {
    m_own = own;
    if (!m_hasOwn) {
        beginInsertRows({}, 0, 0);
        m_rows.insert(m_rows.begin(), Row{Kind::Own, own.server, nullptr, {}, {}});
        m_hasOwn = true;
        endInsertRows();
        pruneRecorded();
        return;
    }
    m_rows.front().server = own.server;
    Q_EMIT dataChanged(index(0, 0), index(0, ColumnCount - 1));
    pruneRecorded();
}

void MigrationListModel::addFeed(MigrationFeed *feed, const QString &server) {
    // A discovered row for the same migration becomes this feed's row.
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].kind == Kind::Discovered && m_rows[i].server == server &&
            m_rows[i].found.database == feed->database() && m_rows[i].found.table == feed->table()) {
            removeRow(i);
            break;
        }
    insertLive(Row{feed->canControl() ? Kind::Socket : Kind::HelperTables, server, feed, {}, {}});
    connect(feed, &MigrationFeed::snapshotAdded, this, [this, feed] { refresh(feed); });
    connect(feed, &MigrationFeed::linkChanged, this, [this, feed] { refresh(feed); });
    connect(feed, &QObject::destroyed, this, [this] {
        for (size_t i = 0; i < m_rows.size(); ++i)
            if ((m_rows[i].kind == Kind::Socket || m_rows[i].kind == Kind::HelperTables) && !m_rows[i].feed) {
                removeRow(i);
                return;
            }
    });
}

void MigrationListModel::setDiscovered(const QString &server,
                                       const QList<engine::inspect::DiscoveredMigration> &found) {
    for (size_t i = m_rows.size(); i-- > 0;)
        if (m_rows[i].kind == Kind::Discovered && m_rows[i].server == server)
            removeRow(i);
    for (const auto &migration : found) {
        const bool watched = std::any_of(m_rows.begin(), m_rows.end(), [&](const Row &row) {
            if (row.server != server)
                return false;
            if (row.kind == Kind::Own)
                return m_own.database == migration.database && m_own.table == migration.table;
            return row.feed && row.feed->database() == migration.database &&
                   row.feed->table() == migration.table;
        });
        if (watched)
            continue;
        insertLive(Row{Kind::Discovered, server, nullptr, migration, {}});
    }
    pruneRecorded();
}

void MigrationListModel::setRecorded(const QList<engine::history::HistoryEntry> &entries) {
    const size_t first = liveEnd();
    if (first < m_rows.size()) {
        beginRemoveRows({}, int(first), int(m_rows.size()) - 1);
        m_rows.erase(m_rows.begin() + qsizetype(first), m_rows.end());
        endRemoveRows();
    }
    if (entries.isEmpty())
        return;
    beginInsertRows({}, int(first), int(first) + int(entries.size()) - 1);
    for (const auto &e : entries) {
        Recorded recorded{e.id,
                          e.database,
                          e.table,
                          HistoryPage::outcomeText(e),
                          e.startedAt,
                          e.durationMillis(),
                          e.outcome == engine::history::Outcome::Running,
                          e.outcome == engine::history::Outcome::Succeeded && !e.dryRun};
        m_rows.push_back(Row{Kind::Recorded, e.inspectedEndpoint, nullptr, {}, recorded});
    }
    endInsertRows();
    pruneRecorded();
}

size_t MigrationListModel::liveEnd() const {
    const auto first = std::find_if(m_rows.begin(), m_rows.end(),
                                    [](const Row &row) { return row.kind == Kind::Recorded; });
    return size_t(first - m_rows.begin());
}

void MigrationListModel::insertLive(Row row) {
    const size_t at = liveEnd();
    beginInsertRows({}, int(at), int(at));
    m_rows.insert(m_rows.begin() + qsizetype(at), std::move(row));
    endInsertRows();
}

void MigrationListModel::pruneRecorded() {
    const auto liveOf = [this](const QString &database, const QString &table) {
        return std::any_of(m_rows.begin(), m_rows.end(), [&](const Row &row) {
            if (row.kind == Kind::Discovered)
                return row.found.database == database && row.found.table == table;
            return row.feed && row.feed->database() == database && row.feed->table() == table;
        });
    };
    // The newest record of the own migration's table is that migration: the journal lists newest first.
    bool ownRecordSeen = !m_hasOwn;
    for (size_t i = liveEnd(); i < m_rows.size();) {
        const Recorded &r = m_rows[i].recorded;
        bool drop = false;
        if (!ownRecordSeen && r.database == m_own.database && r.table == m_own.table)
            drop = ownRecordSeen = true;
        else if (r.noEnd)
            drop = liveOf(r.database, r.table);
        if (drop)
            removeRow(i);
        else
            ++i;
    }
}

int MigrationListModel::rowOf(const MigrationFeed *feed) const {
    for (size_t i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].feed == feed)
            return int(i);
    return -1;
}

void MigrationListModel::refresh(const MigrationFeed *feed) {
    if (const int row = rowOf(feed); row >= 0)
        Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    pruneRecorded(); // the first reading names the feed's table
}

void MigrationListModel::removeRow(size_t at) {
    beginRemoveRows({}, int(at), int(at));
    if (m_rows[at].kind == Kind::Own)
        m_hasOwn = false;
    m_rows.erase(m_rows.begin() + qsizetype(at));
    endRemoveRows();
}

QStringList MigrationListModel::activeDescriptions() const {
    QStringList lines;
    for (const Row &row : m_rows) {
        if (row.kind == Kind::Own && m_own.running)
            lines << tr("%1.%2 on %3 (run by this console)").arg(m_own.database, m_own.table, row.server);
        else if (row.feed && row.feed->link() == MigrationFeed::Link::Live)
            lines << tr("%1 on %2 (%3, watched; it keeps running)")
                         .arg(row.feed->title(), row.server, row.feed->engineName());
    }
    return lines;
}

QVariant MigrationListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const Row &row = m_rows[size_t(index.row())];
    if (role == Qt::DisplayRole)
        return row.kind == Kind::Recorded ? displayRecorded(row, index.column()) : display(row, index.column());
    if (role == Qt::ToolTipRole && row.kind == Kind::Recorded)
        return tr("Recorded in the history journal. Double-click for its report.");
    if (role == Qt::ToolTipRole && row.feed && row.feed->link() == MigrationFeed::Link::Lost)
        return tr("No answer: %1").arg(row.feed->linkProblem());
    if (role == Qt::ToolTipRole && row.kind == Kind::Discovered && index.column() == Lag)
        return tr("The age of its newest heartbeat, by the server's clock");
    if (role == Qt::TextAlignmentRole && (index.column() == Progress || index.column() == Lag))
        return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant MigrationListModel::displayRecorded(const Row &row, int column) const {
    const Recorded &r = row.recorded;
    switch (column) {
    case Table:
        return u"%1.%2"_s.arg(r.database, r.table);
    case Server:
        return row.server;
    case Engine:
        return u"shadowswap"_s;
    case Source:
        if (r.elapsedMillis <= 0)
            return tr("history, started %1").arg(QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat));
        return tr("history, started %1, took %2")
            .arg(QLocale().toString(r.startedAt.toLocalTime(), QLocale::ShortFormat),
                 StateStrip::duration(r.elapsedMillis));
    case State:
        return r.outcome;
    case Progress:
        return r.done ? u"100.0%"_s : QString();
    default:
        return {};
    }
}

QVariant MigrationListModel::display(const Row &row, int column) const {
    const QLocale locale;
    if (row.kind == Kind::Discovered) {
        const auto &m = row.found;
        switch (column) {
        case Table:
            return u"%1.%2"_s.arg(m.database, m.table);
        case Server:
            return row.server;
        case Engine:
            return m.engine;
        case Source:
            return tr("discovered (double-click to watch)");
        case State:
            return m.state.isEmpty() ? tr("unknown") : m.state;
        case Progress:
            return u"~%1%"_s.arg(QString::number(m.copyPercent(), 'f', 1));
        case Lag:
            return m.heartbeatAgeMillis < 0 ? tr("no heartbeat") : LagText::seconds(m.heartbeatAgeMillis);
        case Throttled:
            return m.isThrottled() ? m.throttle : QString();
        default:
            return {};
        }
    }
    engine::migration::ProgressSnapshot s;
    bool postponed = false;
    QString eta;
    if (row.kind == Kind::Own) {
        s = m_own.snapshot;
        postponed = m_own.postponed;
        eta = s.etaSeconds < 0    ? QString()
              : s.etaSeconds == 0 ? tr("due")
                                  : StateStrip::duration(s.etaSeconds * 1000);
    } else if (row.feed) {
        s = row.feed->latest();
        postponed = s.state == MigrationState::Postponed;
        eta = row.feed->etaText();
    }
    switch (column) {
    case Table:
        if (row.kind == Kind::Own)
            return u"%1.%2"_s.arg(m_own.database, m_own.table);
        return row.feed ? row.feed->title() : QString();
    case Server:
        return row.server;
    case Engine:
        if (row.kind == Kind::Own)
            return u"shadowswap"_s;
        return row.feed ? row.feed->engineName() : QString();
    case Source:
        if (row.kind == Kind::Own)
            return tr("this console");
        if (!row.feed)
            return {};
        if (row.feed->link() == MigrationFeed::Link::Lost)
            return tr("%1 (no answer)").arg(row.feed->source());
        return row.feed->source();
    case State:
        if (row.feed && !row.feed->hasReading())
            return row.feed->link() == MigrationFeed::Link::Lost ? tr("no answer") : tr("connecting");
        return StateStrip::stateText(s.state);
    case Progress:
        return u"%1%"_s.arg(QString::number(s.copyPercent, 'f', 1));
    case Eta:
        return eta;
    case Lag:
        return LagText::seconds(std::max(s.streamLagMillis, s.replicaLagMillis));
    case Throttled:
        return s.throttled ? (s.throttleReason.isEmpty() ? tr("yes") : s.throttleReason) : QString();
    case Postponed:
        return postponed ? tr("postponed") : QString();
    default:
        return {};
    }
}

} // namespace ui
