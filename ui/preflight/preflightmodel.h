#pragma once

#include <preflight/preflightreport.h>

#include <QAbstractTableModel>
#include <QStringList>

namespace ui {

// The findings of one preflight report, worst first. Needs no widgets (icons are painted with QtGui).
class PreflightModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { SeverityColumn, CheckColumn, FindingColumn, FixColumn, ColumnCount };
    enum Role { SeverityRole = Qt::UserRole, IdRole, DetailRole, FixRole };

    explicit PreflightModel(QObject *parent = nullptr);

    void resetData(const engine::preflight::PreflightReport &report);
    void clearData();
    void setOverridden(const QStringList &ids);
    [[nodiscard]] const engine::preflight::Finding *finding(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString severityText(engine::preflight::Severity severity);

private:
    std::vector<engine::preflight::Finding> m_findings;
    QStringList m_overridden;
};

} // namespace ui
