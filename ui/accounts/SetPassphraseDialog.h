#pragma once

#include "accounts/User.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace confer {

class AccountService;
class PassphraseEntry;

// An administrator gives someone a new passphrase: to reset a forgotten one, or to enable a
// disabled account again (whose key slot was removed when it was disabled).
class SetPassphraseDialog final : public QDialog {
    Q_OBJECT
public:
    enum class Purpose { Reset, Enable };

    SetPassphraseDialog(Purpose purpose, const User& user, AccountService& accounts,
                        QWidget* parent = nullptr);

    void accept() override;

    PassphraseEntry& passphraseEntry() const { return *m_passphrase; }
    QPushButton* okButton() const { return m_ok; }
    QString errorText() const;

private:
    void updateOkButton();

    Purpose m_purpose;
    User m_user;
    AccountService& m_accounts;
    PassphraseEntry* m_passphrase;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
    QCheckBox* m_mayBeKnown = nullptr; // reset only
};

} // namespace confer
