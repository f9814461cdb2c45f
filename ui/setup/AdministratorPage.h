#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QLineEdit;

namespace confer {

class ErrorLine;
class PassphraseEntry;

// The first administrator: login, full name, passphrase with live feedback, and whether the store
// is bound to this computer's keychain (recommended; turning it off is explained plainly).
class AdministratorPage final : public QWizardPage {
    Q_OBJECT
public:
    explicit AdministratorPage(QWidget* parent = nullptr);

    bool isComplete() const override;
    void initializePage() override;

    QString login() const;
    QString displayName() const;
    QString passphrase() const;
    bool isDeviceBindingChosen() const;

    void showCreationError(const QString& message);
    // After the store is created the passphrase has no business staying in a line edit.
    void forgetPassphrase();

private:
    QLineEdit* m_login;
    QLineEdit* m_displayName;
    PassphraseEntry* m_passphrase;
    QCheckBox* m_bindToDevice;
    QLabel* m_unboundWarning;
    ErrorLine* m_error;
};

} // namespace confer
