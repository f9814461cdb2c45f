#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace confer {

class AccountService;
class PassphraseEntry;

// The signed-in person changes their own passphrase: the current one, then the new one twice.
class ChangePassphraseDialog final : public QDialog {
    Q_OBJECT
public:
    ChangePassphraseDialog(AccountService& accounts, const QString& login, QWidget* parent = nullptr);

    void accept() override;

    QLineEdit* currentEdit() const { return m_current; }
    PassphraseEntry& passphraseEntry() const { return *m_passphrase; }
    QPushButton* okButton() const { return m_ok; }
    QString errorText() const;

private:
    void updateOkButton();

    AccountService& m_accounts;
    QLineEdit* m_current;
    PassphraseEntry* m_passphrase;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
};

} // namespace confer
