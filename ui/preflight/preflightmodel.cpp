#include "preflightmodel.h"

#include <QIcon>
#include <QPainter>
#include <QPixmap>

#include <algorithm>

using namespace Qt::StringLiterals;
using engine::preflight::Severity;

namespace ui {

namespace {
QIcon severityIcon(Severity severity)
{
    static QIcon icons[3];
    QIcon &icon = icons[int(severity)];
    if (icon.isNull()) {
        QPixmap pixmap(32, 32);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const QColor colour = severity == Severity::Block ? QColor(0xd9, 0x30, 0x25)
            : severity == Severity::Warn                  ? QColor(0xf2, 0xa6, 0x00)
                                                          : QColor(0x1e, 0x8e, 0x3e);
        p.setBrush(colour);
        p.setPen(Qt::NoPen);
        p.drawEllipse(QRectF(2, 2, 28, 28));
        p.setPen(QPen(Qt::white, 4, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        if (severity == Severity::Ok) {
            p.drawPolyline(QPolygonF({QPointF(9, 16.5), QPointF(14, 21.5), QPointF(23, 11)}));
        } else if (severity == Severity::Warn) {
            p.drawLine(QPointF(16, 8), QPointF(16, 18));
            p.drawPoint(QPointF(16, 24));
        } else {
            p.drawLine(QPointF(10, 10), QPointF(22, 22));
            p.drawLine(QPointF(22, 10), QPointF(10, 22));
        }
        icon = QIcon(pixmap);
    }
    return icon;
}
} // namespace

PreflightModel::PreflightModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

QString PreflightModel::severityText(Severity severity)
{
    switch (severity) {
    case Severity::Ok: return tr("OK");
    case Severity::Warn: return tr("Warning");
    case Severity::Block: return tr("Blocks");
    }
    return {};
}

void PreflightModel::resetData(const engine::preflight::PreflightReport &report)
{
    beginResetModel();
    m_findings = report.findings;
    // Worst first; within a severity the report's order (checkIds()) stays.
    std::stable_sort(m_findings.begin(), m_findings.end(),
                     [](const auto &a, const auto &b) { return int(a.severity) > int(b.severity); });
    m_overridden.clear();
    endResetModel();
}

void PreflightModel::clearData()
{
    beginResetModel();
    m_findings.clear();
    m_overridden.clear();
    endResetModel();
}

void PreflightModel::setOverridden(const QStringList &ids)
{
    m_overridden = ids;
    if (!m_findings.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const engine::preflight::Finding *PreflightModel::finding(int row) const
{
    return row >= 0 && row < rowCount() ? &m_findings[size_t(row)] : nullptr;
}

int PreflightModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_findings.size());
}

int PreflightModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PreflightModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto &f = m_findings[size_t(index.row())];
    const bool overridden = f.severity == Severity::Block && m_overridden.contains(f.id, Qt::CaseInsensitive);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case SeverityColumn: return overridden ? tr("Overridden") : severityText(f.severity);
        case CheckColumn: return f.id;
        case FindingColumn: return f.title;
        case FixColumn: return f.fix.section(u'\n', 0, 0);
        }
        break;
    case Qt::DecorationRole:
        if (index.column() == SeverityColumn)
            return severityIcon(f.severity);
        break;
    case Qt::ToolTipRole:
        return f.detail.isEmpty() ? f.title : f.detail;
    case SeverityRole: return int(f.severity);
    case IdRole: return f.id;
    case DetailRole: return f.detail;
    case FixRole: return f.fix;
    }
    return {};
}

QVariant PreflightModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SeverityColumn: return tr("Severity");
    case CheckColumn: return tr("Check");
    case FindingColumn: return tr("Finding");
    case FixColumn: return tr("Fix");
    }
    return {};
}

} // namespace ui
