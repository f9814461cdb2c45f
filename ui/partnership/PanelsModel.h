#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"

#include <QAbstractTableModel>

#include <vector>

namespace confer {

struct Caseload;

// The partnership's panels for administrators: name, kind, chair and how many members, from
// PanelService. Names and membership only: never a case.
class PanelsModel final : public QAbstractTableModel {
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

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    Caseload* m_caseload;
    std::vector<PanelSummary> m_rows;
};

} // namespace confer
