#include "logmodel.h"

#include "logsink.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

using namespace Qt::StringLiterals;

namespace ui {

LogModel::LogModel(int capacity, QObject *parent)
    : QAbstractListModel(parent)
    , m_capacity(std::max(1, capacity))
{
}

LogModel::~LogModel()
{
    if (m_sink)
        m_sink->detach();
}

std::shared_ptr<LogSink> LogModel::sink()
{
    if (!m_sink)
        m_sink = std::make_shared<LogSink>(this);
    return m_sink;
}

QString LogModel::levelName(int level)
{
    switch (level) {
    case 0: return tr("trace");
    case 1: return tr("debug");
    case 2: return tr("info");
    case 3: return tr("warning");
    case 4: return tr("error");
    case 5: return tr("critical");
    }
    return QString::number(level);
}

void LogModel::append(const std::vector<LogRecord> &records)
{
    if (records.empty())
        return;
    const qsizetype incoming = std::min<qsizetype>(qsizetype(records.size()), m_capacity);
    const qsizetype overflow = qsizetype(m_records.size()) + incoming - m_capacity;
    if (overflow > 0) {
        beginRemoveRows({}, 0, int(overflow - 1));
        m_records.erase(m_records.begin(), m_records.begin() + overflow);
        endRemoveRows();
    }
    const int first = int(m_records.size());
    beginInsertRows({}, first, first + int(incoming) - 1);
    m_records.insert(m_records.end(), records.end() - incoming, records.end());
    endInsertRows();
}

void LogModel::clear()
{
    beginResetModel();
    m_records.clear();
    endResetModel();
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const LogRecord &r = m_records[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return u"%1  %2  %3"_s.arg(r.time.toLocalTime().toString(u"HH:mm:ss.zzz"_s), levelName(r.level).leftJustified(8),
                                   r.message);
    case Qt::ForegroundRole:
        if (r.level >= 4)
            return QColor(0xd9, 0x30, 0x25);
        if (r.level == 3)
            return QColor(0xc2, 0x7c, 0x00);
        if (r.level <= 1)
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case LevelRole: return r.level;
    case TimeRole: return r.time;
    case MessageRole: return r.message;
    }
    return {};
}

LogFilterModel::LogFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
}

void LogFilterModel::setMinimumLevel(int level)
{
    if (level == m_minimumLevel)
        return;
    m_minimumLevel = level;
    invalidateFilter();
}

bool LogFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    return index.data(LogModel::LevelRole).toInt() >= m_minimumLevel;
}

} // namespace ui
