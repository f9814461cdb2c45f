#include "accounts/AccountsModel.h"

#include "accounts/AccountService.h"
#include "shell/IdData.h"

#include <QColor>
#include <QLocale>

namespace confer {

AccountsModel::AccountsModel(AccountService& accounts, QObject* parent)
    : RowsModel({tr("Name"), tr("Login"), tr("Role"), tr("Status"), tr("Added")}, parent)
    , m_accounts(&accounts)
{}

Status AccountsModel::refresh()
{
    if (!m_accounts)
        return Status::success();
    auto users = m_accounts->users();
    if (!users.ok())
        return users.error();
    setRows(std::move(users.value()));
    return Status::success();
}

void AccountsModel::clear()
{
    setRows({});
    m_accounts = nullptr;
}

int AccountsModel::rowOf(UserId userId) const
{
    return rowWhere([userId](const User& user) { return user.id == userId; });
}

QVariant AccountsModel::data(const QModelIndex& index, int role) const
{
    const User* user = userAt(index.row());
    if (!user)
        return {};
    if (role == UserIdRole)
        return idData(user->id);
    if (role == Qt::ForegroundRole && user->isDisabled)
        return QColor(0x6b, 0x75, 0x80);
    if (role != Qt::DisplayRole && role != Qt::AccessibleTextRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return user->displayName;
    case LoginColumn:
        return user->login;
    case RoleColumn:
        return roleDisplayName(user->role);
    case StateColumn:
        return user->isDisabled ? tr("Disabled") : tr("Active");
    case CreatedColumn:
        return QLocale().toString(user->createdUtc.toLocalTime().date(), QStringLiteral("d MMM yyyy"));
    default:
        return {};
    }
}

} // namespace confer
