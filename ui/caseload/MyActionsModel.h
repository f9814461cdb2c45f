#pragma once

#include "caseload/CaseloadTypes.h"
#include "shell/RowsModel.h"

namespace confer {

// The actions given to one agency, as ActionService::forAgency() orders them (open first, then by
// due date), with overdue ones marked.
class MyActionsModel final : public RowsModel<CaseAction> {
    Q_OBJECT
public:
    enum Column { CaseColumn, ActionColumn, OwnerColumn, DueColumn, StatusColumn, ColumnCount };
    static constexpr int CaseIdRole = Qt::UserRole + 1;
    static constexpr int IsOverdueRole = Qt::UserRole + 2;

    explicit MyActionsModel(QObject* parent = nullptr);

    void setActions(std::vector<CaseAction> actions) { setRows(std::move(actions)); }
    void clear() { setRows({}); }
    const CaseAction* actionAt(int row) const { return rowAt(row); }

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
};

} // namespace confer
