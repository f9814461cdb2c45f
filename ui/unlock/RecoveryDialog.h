#pragma once

#include "shell/FormDialog.h"

#include <memory>

class QComboBox;
class QLineEdit;

namespace confer {

class PassphraseEntry;
class Session;
class StoreOpener;

// Opens the store with the recovery key: binds it to this computer again and sets a new passphrase
// for one account (StoreOpener::recover). Other accounts then need an administrator's reset.
class RecoveryDialog final : public FormDialog {
    Q_OBJECT
public:
    explicit RecoveryDialog(StoreOpener& opener, QWidget* parent = nullptr);

    void selectLogin(const QString& login);
    std::unique_ptr<Session> takeSession();

private:
    Status submit() override;
    bool isComplete() const override;

    StoreOpener& m_opener;
    std::unique_ptr<Session> m_session;
    QLineEdit* m_key;
    QComboBox* m_login;
    PassphraseEntry* m_passphrase;
};

} // namespace confer
