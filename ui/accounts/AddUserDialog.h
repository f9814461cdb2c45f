#pragma once

#include "accounts/User.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace confer {

class AccountService;
class PassphraseEntry;

// An administrator adds a person: login, full name, role and an initial passphrase they tell the
// person directly. Bad input is shown in the dialog and changes nothing.
class AddUserDialog final : public QDialog {
    Q_OBJECT
public:
    explicit AddUserDialog(AccountService& accounts, QWidget* parent = nullptr);

    void accept() override;
    std::optional<User> addedUser() const { return m_added; }

    QLineEdit* loginEdit() const { return m_login; }
    QLineEdit* displayNameEdit() const { return m_displayName; }
    QComboBox* roleBox() const { return m_role; }
    PassphraseEntry& passphraseEntry() const { return *m_passphrase; }
    QPushButton* addButton() const { return m_ok; }
    QString errorText() const;

private:
    void updateOkButton();

    AccountService& m_accounts;
    QLineEdit* m_login;
    QLineEdit* m_displayName;
    QComboBox* m_role;
    PassphraseEntry* m_passphrase;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
    std::optional<User> m_added;
};

} // namespace confer
