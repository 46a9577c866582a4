#pragma once

#include "migrationfeed.h"

#include <inspect/migrationdiscovery.h>
#include <model/progress.h>
#include <QAbstractTableModel>
#include <QPointer>
#include <vector>

namespace ui {

// Every migration the console knows of, across servers, as one table: the one it runs itself, those it
// watches through a control socket or helper tables, and those discovery found but nobody opened yet. A thin
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
    enum class Kind { Own, Socket, HelperTables, Discovered };

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

    [[nodiscard]] Kind kindAt(int row) const { return m_rows.at(size_t(row)).kind; }
    [[nodiscard]] MigrationFeed *feedAt(int row) const { return m_rows.at(size_t(row)).feed; }
    [[nodiscard]] const engine::inspect::DiscoveredMigration &discoveredAt(int row) const {
        return m_rows.at(size_t(row)).found;
    }
    [[nodiscard]] QString serverAt(int row) const { return m_rows.at(size_t(row)).server; }
    [[nodiscard]] int rowOf(const MigrationFeed *feed) const;
    // "shop.orders on db1:3306 (this console)" for every migration still running or live.
    [[nodiscard]] QStringList activeDescriptions() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row {
        Kind kind;
        QString server;
        QPointer<MigrationFeed> feed;
        engine::inspect::DiscoveredMigration found;
    };
    [[nodiscard]] QVariant display(const Row &row, int column) const;
    void refresh(const MigrationFeed *feed);
    void removeRow(size_t index);

    std::vector<Row> m_rows;
    Own m_own;
    bool m_hasOwn = false;
};

} // namespace ui
