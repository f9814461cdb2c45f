#include "partnership/PanelsModel.h"

#include "accounts/AccountService.h"
#include "caseload/Caseload.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "shell/IdData.h"

#include <QColor>
#include <QHash>

namespace confer {

PanelsModel::PanelsModel(Caseload& caseload, QObject* parent)
    : RowsModel({tr("Panel"), tr("Kind"), tr("Chair"), tr("Members")}, parent)
    , m_caseload(&caseload)
{}

Status PanelsModel::refresh()
{
    if (!m_caseload)
        return Status::success();
    auto panels = m_caseload->panels.panels();
    if (!panels.ok())
        return panels.error();
    auto users = m_caseload->session.accounts().users();
    if (!users.ok())
        return users.error();
    QHash<UserId, QString> names;
    for (const User& user : users.value())
        names.insert(user.id, user.displayName);

    std::vector<Row> rows;
    for (const Panel& panel : panels.value()) {
        Row row;
        row.panel = panel;
        const PanelKind* kind = m_caseload->kinds.kind(panel.kindKey);
        row.kindName = kind ? kind->name : panel.kindKey;
        row.chairName = panel.chairUserId ? names.value(*panel.chairUserId) : QString();
        auto members = m_caseload->panels.memberIds(panel.id);
        if (!members.ok())
            return members.error();
        row.memberCount = int(members->size());
        rows.push_back(std::move(row));
    }
    setRows(std::move(rows));
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

int PanelsModel::rowOf(PanelId panelId) const
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
        return idData(row.panel.id);
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
