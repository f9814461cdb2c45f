#pragma once

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;

namespace confer {

class PassphraseEntry;
class Session;
class StoreOpener;

// Opens the store with the recovery key: binds it to this computer again and sets a new passphrase
// for one account (StoreOpener::recover). Other accounts then need an administrator's reset.
class RecoveryDialog final : public QDialog {
    Q_OBJECT
public:
    explicit RecoveryDialog(StoreOpener& opener, QWidget* parent = nullptr);

    void selectLogin(const QString& login);
    std::unique_ptr<Session> takeSession();
    void accept() override;

    QLineEdit* recoveryKeyEdit() const { return m_key; }
    QComboBox* loginBox() const { return m_login; }
    PassphraseEntry& passphraseEntry() const { return *m_passphrase; }
    QString errorText() const;

private:
    void updateOkButton();

    StoreOpener& m_opener;
    std::unique_ptr<Session> m_session;
    QLineEdit* m_key;
    QComboBox* m_login;
    PassphraseEntry* m_passphrase;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
};

} // namespace confer
