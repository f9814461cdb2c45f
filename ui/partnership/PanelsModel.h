#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"
#include "shell/RowsModel.h"

namespace confer {

struct Caseload;

// The partnership's panels for administrators: name, kind, chair and how many members, from
// PanelService. Names and membership only: never a case.
class PanelsModel final : public RowsModel<PanelSummary> {
    Q_OBJECT
public:
    enum Column { NameColumn, KindColumn, ChairColumn, MembersColumn, ColumnCount };
    static constexpr int PanelIdRole = Qt::UserRole + 1;

    explicit PanelsModel(Caseload& caseload, QObject* parent = nullptr);

    Status refresh();
    // Drops every row and forgets the services; called before the session goes.
    void clear();
    const Panel* panelAt(int row) const;
    int rowOf(qint64 panelId) const;

    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

private:
    using Row = PanelSummary; // PanelService::summaries()
    Caseload* m_caseload;
};

} // namespace confer
