#include "partnership/PanelsModel.h"

#include "caseload/Caseload.h"

#include <QColor>

namespace confer {

PanelsModel::PanelsModel(Caseload& caseload, QObject* parent)
    : RowsModel({tr("Panel"), tr("Kind"), tr("Chair"), tr("Members")}, parent)
    , m_caseload(&caseload)
{}

Status PanelsModel::refresh()
{
    if (!m_caseload)
        return Status::success();
    auto summaries = m_caseload->panels.summaries();
    if (!summaries.ok())
        return summaries.error();
    setRows(std::move(summaries).value());
    return Status::success();
}

void PanelsModel::clear()
{
    setRows({});
    m_caseload = nullptr;
}

const Panel* PanelsModel::panelAt(int row) const
{
    const Row* found = rowAt(row);
    return found ? &found->panel : nullptr;
}

int PanelsModel::rowOf(qint64 panelId) const
{
    return rowWhere([panelId](const Row& row) { return row.panel.id == panelId; });
}

QVariant PanelsModel::data(const QModelIndex& index, int role) const
{
    const Row* found = rowAt(index.row());
    if (!found)
        return {};
    const Row& row = *found;
    if (role == PanelIdRole)
        return row.panel.id;
    if (role == Qt::ForegroundRole && row.panel.isArchived)
        return QColor(0x6b, 0x75, 0x80);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return row.panel.isArchived ? tr("%1 (archived)").arg(row.panel.name) : row.panel.name;
    case KindColumn:
        return row.kindName;
    case ChairColumn:
        if (row.chairName.isEmpty())
            return role == Qt::AccessibleTextRole ? tr("No chair") : QStringLiteral("\u2014");
        return row.chairName;
    case MembersColumn:
        return row.memberCount == 1 ? tr("1 member") : tr("%1 members").arg(row.memberCount);
    default:
        return {};
    }
}

} // namespace confer
