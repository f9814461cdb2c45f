#pragma once

#include "caseload/CaseloadTypes.h"

#include <QAbstractTableModel>

#include <vector>

namespace confer {

// The actions given to one agency, as ActionService::forAgency() orders them (open first, then by
// due date), with overdue ones marked.
class MyActionsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { CaseColumn, ActionColumn, OwnerColumn, DueColumn, StatusColumn, ColumnCount };
    static constexpr int CaseIdRole = Qt::UserRole + 1;
    static constexpr int IsOverdueRole = Qt::UserRole + 2;

    explicit MyActionsModel(QObject* parent = nullptr);

    void setActions(std::vector<CaseAction> actions);
    void clear();
    const CaseAction* actionAt(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    std::vector<CaseAction> m_actions;
};

} // namespace confer
