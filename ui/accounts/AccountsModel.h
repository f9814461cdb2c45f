#pragma once

#include "accounts/User.h"
#include "common/Result.h"

#include <QAbstractTableModel>

#include <vector>

namespace confer {

class AccountService;

// The accounts of the store, one row per user, read from AccountService::users().
class AccountsModel final : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { NameColumn, LoginColumn, RoleColumn, StateColumn, CreatedColumn, ColumnCount };
    static constexpr int UserIdRole = Qt::UserRole + 1;

    explicit AccountsModel(AccountService& accounts, QObject* parent = nullptr);

    Status refresh();
    // Drops every row and forgets the service; called before the session goes.
    void clear();

    const User* userAt(int row) const;
    int rowOf(UserId userId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    AccountService* m_accounts;
    std::vector<User> m_users;
};

} // namespace confer
