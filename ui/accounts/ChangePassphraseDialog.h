#pragma once

#include "shell/FormDialog.h"

class QLineEdit;

namespace confer {

class AccountService;
class PassphraseEntry;

// The signed-in person changes their own passphrase: the current one, then the new one twice.
class ChangePassphraseDialog final : public FormDialog {
    Q_OBJECT
public:
    ChangePassphraseDialog(AccountService& accounts, const QString& login, QWidget* parent = nullptr);

private:
    Status submit() override;
    bool isComplete() const override;

    AccountService& m_accounts;
    QLineEdit* m_current;
    PassphraseEntry* m_passphrase;
};

} // namespace confer
