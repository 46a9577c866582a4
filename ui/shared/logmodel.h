#pragma once

#include <QAbstractListModel>
#include <QDateTime>
#include <QSortFilterProxyModel>

#include <memory>
#include <vector>

namespace ui {

class LogSink;

struct LogRecord {
    QDateTime time;
    int level = 2; // spdlog's levels: 0 trace, 1 debug, 2 info, 3 warn, 4 error, 5 critical
    QString message;
};

// The engine's log records, newest last, at most `capacity` (the oldest are dropped). Lives in the GUI thread;
// records from other threads arrive through LogSink, queued and in batches.
class LogModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { LevelRole = Qt::UserRole, TimeRole, MessageRole };

    explicit LogModel(int capacity = 10000, QObject *parent = nullptr);
    ~LogModel() override;

    // A sink to hand to engine::logging::addSink(); it stops delivering once this model is gone.
    [[nodiscard]] std::shared_ptr<LogSink> sink();

    void append(const std::vector<LogRecord> &records);
    void clear();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    static QString levelName(int level);

private:
    int m_capacity;
    std::vector<LogRecord> m_records;
    std::shared_ptr<LogSink> m_sink;
};

// Shows records at or above a minimum level.
class LogFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit LogFilterModel(QObject *parent = nullptr);
    void setMinimumLevel(int level);
    [[nodiscard]] int minimumLevel() const { return m_minimumLevel; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    int m_minimumLevel = 2;
};

} // namespace ui
