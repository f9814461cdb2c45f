#pragma once

#include "accounts/User.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPushButton;

namespace confer {

class AccountService;

// An administrator changes one person's role. The core refuses to demote the last administrator.
class ChangeRoleDialog final : public QDialog {
    Q_OBJECT
public:
    ChangeRoleDialog(const User& user, AccountService& accounts, QWidget* parent = nullptr);

    void accept() override;

    QComboBox* roleBox() const { return m_role; }
    QString errorText() const;

private:
    User m_user;
    AccountService& m_accounts;
    QComboBox* m_role;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
};

} // namespace confer
