#include "partnership/PanelsModel.h"

#include "caseload/Caseload.h"

#include <QColor>

namespace confer {

PanelsModel::PanelsModel(Caseload& caseload, QObject* parent)
    : QAbstractTableModel(parent)
    , m_caseload(&caseload)
{}

Status PanelsModel::refresh()
{
    if (!m_caseload)
        return Status::success();
    auto summaries = m_caseload->panels.summaries();
    if (!summaries.ok())
        return summaries.error();
    beginResetModel();
    m_rows = std::move(summaries).value();
    endResetModel();
    return Status::success();
}

void PanelsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_caseload = nullptr;
    endResetModel();
}

const Panel* PanelsModel::panelAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return nullptr;
    return &m_rows[std::size_t(row)].panel;
}

int PanelsModel::rowOf(qint64 panelId) const
{
    for (std::size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].panel.id == panelId)
            return int(i);
    }
    return -1;
}

int PanelsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PanelsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PanelsModel::data(const QModelIndex& index, int role) const
{
    if (index.row() < 0 || index.row() >= int(m_rows.size()))
        return {};
    const PanelSummary& row = m_rows[std::size_t(index.row())];
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

QVariant PanelsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Panel");
    case KindColumn:
        return tr("Kind");
    case ChairColumn:
        return tr("Chair");
    case MembersColumn:
        return tr("Members");
    default:
        return {};
    }
}

} // namespace confer
