#include "accounts/AccountsModel.h"

#include "accounts/AccountService.h"
#include "shell/IdData.h"

#include <QColor>
#include <QLocale>

namespace confer {

AccountsModel::AccountsModel(AccountService& accounts, QObject* parent)
    : QAbstractTableModel(parent)
    , m_accounts(&accounts)
{}

Status AccountsModel::refresh()
{
    if (!m_accounts)
        return Status::success();
    auto users = m_accounts->users();
    if (!users.ok())
        return users.error();
    beginResetModel();
    m_users = std::move(users.value());
    endResetModel();
    return Status::success();
}

void AccountsModel::clear()
{
    beginResetModel();
    m_users.clear();
    m_accounts = nullptr;
    endResetModel();
}

const User* AccountsModel::userAt(int row) const
{
    if (row < 0 || row >= int(m_users.size()))
        return nullptr;
    return &m_users[std::size_t(row)];
}

int AccountsModel::rowOf(UserId userId) const
{
    for (std::size_t i = 0; i < m_users.size(); ++i) {
        if (m_users[i].id == userId)
            return int(i);
    }
    return -1;
}

int AccountsModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int AccountsModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
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

QVariant AccountsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Name");
    case LoginColumn:
        return tr("Login");
    case RoleColumn:
        return tr("Role");
    case StateColumn:
        return tr("Status");
    case CreatedColumn:
        return tr("Added");
    default:
        return {};
    }
}

} // namespace confer
