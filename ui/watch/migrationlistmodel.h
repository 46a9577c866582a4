#pragma once

#include "migrationfeed.h"

#include <history/historyrecord.h>
#include <inspect/migrationdiscovery.h>
#include <model/progress.h>
#include <QAbstractTableModel>
#include <QDateTime>
#include <QPointer>
#include <vector>

namespace ui {

// Every migration the console knows of, across servers, as one table: the one it runs itself, those it
// watches through a control socket or helper tables, those discovery found but nobody opened yet, and, after
// them, the past ones the history journal holds. A migration is listed once: a journal record with no end
// gives way to a live row of the same table (it is that run), and so does the record of the console's own. A thin
// adapter: rows read the feeds' latest snapshots; no widgets (tests run it without a display). GUI thread.
class MigrationListModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        Table,
        Server,
        Engine,
        Source,
        State,
        Progress,
        Eta,
        Lag,
        Throttled,
        Postponed,
        ColumnCount
    };
    enum class Kind { Own, Socket, HelperTables, Discovered, Recorded };

    explicit MigrationListModel(QObject *parent = nullptr);

    // The console's own migration (at most one); `running` false keeps it listed with its final state.
    struct Own {
        QString database, table, server;
        engine::migration::ProgressSnapshot snapshot;
        bool postponed = false;
        bool running = false;
    };
    void setOwn(const Own &own);
    // Lists the feed until it is destroyed; its row follows its readings.
    void addFeed(MigrationFeed *feed, const QString &server);
    // Replaces what discovery found on `server`; migrations already watched there are not listed twice.
    void setDiscovered(const QString &server, const QList<engine::inspect::DiscoveredMigration> &found);

    // Replaces the journal's migrations (newest first), listed after the live ones.
    void setRecorded(const QList<engine::history::HistoryEntry> &entries);

    [[nodiscard]] Kind kindAt(int row) const { return m_rows.at(size_t(row)).kind; }
    [[nodiscard]] MigrationFeed *feedAt(int row) const { return m_rows.at(size_t(row)).feed; }
    [[nodiscard]] const engine::inspect::DiscoveredMigration &discoveredAt(int row) const {
        return m_rows.at(size_t(row)).found;
    }
    // The journal id of a Recorded row.
    [[nodiscard]] qint64 recordedIdAt(int row) const { return m_rows.at(size_t(row)).recorded.id; }
    [[nodiscard]] QString serverAt(int row) const { return m_rows.at(size_t(row)).server; }
    [[nodiscard]] int rowOf(const MigrationFeed *feed) const;
    // "shop.orders on db1:3306 (this console)" for every migration still running or live.
    [[nodiscard]] QStringList activeDescriptions() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    // What a row of the journal shows; the rest stays in the journal.
    struct Recorded {
        qint64 id = 0;
        QString database, table, outcome;
        QDateTime startedAt;
        qint64 elapsedMillis = 0;
        bool noEnd = false;
        bool done = false;
    };
    struct Row {
        Kind kind;
        QString server;
        QPointer<MigrationFeed> feed;
        engine::inspect::DiscoveredMigration found;
        Recorded recorded;
    };
    [[nodiscard]] QVariant display(const Row &row, int column) const;
    [[nodiscard]] QVariant displayRecorded(const Row &row, int column) const;
    void refresh(const MigrationFeed *feed);
    void removeRow(size_t index);
    // Where live rows end and the journal's begin.
    [[nodiscard]] size_t liveEnd() const;
    void insertLive(Row row);
    // Drops the journal rows a live row stands for (see the class comment).
    void pruneRecorded();

    std::vector<Row> m_rows;
    Own m_own;
    bool m_hasOwn = false;
};

} // namespace ui
