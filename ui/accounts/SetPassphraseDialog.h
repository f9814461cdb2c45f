#pragma once

#include "accounts/User.h"
#include "shell/FormDialog.h"

class QCheckBox;

namespace confer {

class AccountService;
class PassphraseEntry;

// An administrator gives someone a new passphrase: to reset a forgotten one, or to enable a
// disabled account again (whose key slot was removed when it was disabled).
class SetPassphraseDialog final : public FormDialog {
    Q_OBJECT
public:
    enum class Purpose { Reset, Enable };

    SetPassphraseDialog(Purpose purpose, const User& user, AccountService& accounts,
                        QWidget* parent = nullptr);

private:
    Status submit() override;
    bool isComplete() const override;
    void addMayBeKnownRow(QFormLayout* form);

    Purpose m_purpose;
    User m_user;
    AccountService& m_accounts;
    PassphraseEntry* m_passphrase;
    QCheckBox* m_mayBeKnown = nullptr; // reset only
};

} // namespace confer
