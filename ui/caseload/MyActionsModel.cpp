#include "caseload/MyActionsModel.h"

#include "caseload/CaseloadLook.h"
#include "shell/IdData.h"

#include <QColor>
#include <QFont>
#include <QLocale>

namespace confer {

namespace {
QString shortDate(const QDate& date)
{
    return QLocale().toString(date, QStringLiteral("d MMM yyyy"));
}
} // namespace

MyActionsModel::MyActionsModel(QObject* parent)
    : RowsModel({tr("Case"), tr("Action"), tr("Owner"), tr("Due"), tr("Status")}, parent)
{}

QVariant MyActionsModel::data(const QModelIndex& index, int role) const
{
    const CaseAction* action = actionAt(index.row());
    if (!action)
        return {};
    const bool isOverdueCell = index.column() == DueColumn && action->isOverdue;
    const bool isFinished = action->status != CaseAction::Status::Open;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case CaseColumn:
            return action->caseReference;
        case ActionColumn:
            return action->description;
        case OwnerColumn:
            return action->ownerPerson.isEmpty() ? QStringLiteral("\u2014") : action->ownerPerson;
        case DueColumn:
            if (!action->dueDate)
                return role == Qt::AccessibleTextRole ? tr("No due date") : QStringLiteral("\u2014");
            if (isOverdueCell && role == Qt::AccessibleTextRole)
                return tr("Overdue: was due %1").arg(shortDate(*action->dueDate));
            return shortDate(*action->dueDate);
        case StatusColumn:
            return actionStatusDisplayName(action->status);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == ActionColumn)
            return action->description;
        if (isOverdueCell)
            return tr("Overdue: it was due on %1.").arg(shortDate(*action->dueDate));
        return {};
    case Qt::ForegroundRole:
        if (isOverdueCell)
            return CaseloadLook::overdue();
        if (isFinished)
            return QColor(0x6b, 0x75, 0x80);
        return {};
    case Qt::FontRole:
        if (isOverdueCell || index.column() == CaseColumn) {
            QFont font;
            font.setWeight(QFont::DemiBold);
            return font;
        }
        return {};
    case Qt::DecorationRole:
        if (isOverdueCell)
            return CaseloadLook::overdueIcon();
        return {};
    case CaseIdRole:
        return idData(action->caseId);
    case IsOverdueRole:
        return action->isOverdue;
    default:
        return {};
    }
}

} // namespace confer
