#pragma once

#include "accounts/User.h"
#include "shell/FormDialog.h"

#include <optional>

class QComboBox;
class QLineEdit;

namespace confer {

class AccountService;
class PassphraseEntry;

// An administrator adds a person: login, full name, role and an initial passphrase they tell the
// person directly. Bad input is shown in the dialog and changes nothing.
class AddUserDialog final : public FormDialog {
    Q_OBJECT
public:
    explicit AddUserDialog(AccountService& accounts, QWidget* parent = nullptr);

    std::optional<User> addedUser() const { return m_added; }

private:
    Status submit() override;
    bool isComplete() const override;

    AccountService& m_accounts;
    QLineEdit* m_login;
    QLineEdit* m_displayName;
    QComboBox* m_role;
    PassphraseEntry* m_passphrase;
    std::optional<User> m_added;
};

} // namespace confer
