#include "unlock/RecoveryDialog.h"

#include "accounts/PassphraseEntry.h"
#include "crypto/RecoveryKey.h"
#include "session/Session.h"
#include "session/StoreOpener.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLineEdit>

namespace confer {

RecoveryDialog::RecoveryDialog(StoreOpener& opener, QWidget* parent)
    : FormDialog(tr("Open with the recovery key"), QStringLiteral("recoveryError"), parent)
    , m_opener(opener)
    , m_key(FormFields::lineEdit(QStringLiteral("recoveryKey"), tr("Recovery key"), FormFields::NoMaximum,
                                 this))
    , m_login(FormFields::comboBox(QStringLiteral("recoveryLogin"), tr("Account"), this))
{
    setMinimumWidth(560);
    errorLine()->setAccessibleName(tr("Recovery error"));
    addText(tr("The recovery key opens the store without this computer's keychain or a passphrase. Confer "
               "then binds the store to this computer and sets a new passphrase for the account you choose. "
               "Other accounts will need their passphrase reset by an administrator."));

    // The count comes from RecoveryKey, so the hint cannot drift from the key's real length.
    m_key->setPlaceholderText(tr("XXXX-XXXX-XXXX-\u2026 (%1 groups)").arg(RecoveryKey::GroupCount));
    m_key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_key->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_login->addItems(opener.logins());
    m_login->setEditable(m_login->count() == 0);

    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("Recovery &key:"), m_key);
    FormFields::addRow(form, tr("&Account:"), m_login);
    m_passphrase = new PassphraseEntry(form, this, tr("&New passphrase"));
    setOkText(tr("&Open store"), tr("Open store"));

    connect(m_login, &QComboBox::currentTextChanged, this, [this](const QString& login) {
        m_passphrase->setLogin(login);
        updateOkButton();
    });
    connect(m_passphrase, &PassphraseEntry::changed, this, &RecoveryDialog::updateOkButton);
    m_passphrase->setLogin(m_login->currentText());
    updateOkButtonOn({m_key});
}

void RecoveryDialog::selectLogin(const QString& login)
{
    if (const int index = m_login->findText(login); index >= 0)
        m_login->setCurrentIndex(index);
}

std::unique_ptr<Session> RecoveryDialog::takeSession()
{
    return std::move(m_session);
}

bool RecoveryDialog::isComplete() const
{
    return !m_key->text().trimmed().isEmpty() && !m_login->currentText().isEmpty() &&
           m_passphrase->isAcceptable();
}

Status RecoveryDialog::submit()
{
    auto opened = m_opener.recover(m_key->text(), m_login->currentText(), m_passphrase->passphrase());
    if (!opened.ok())
        return opened.error();
    m_key->clear();
    m_passphrase->clear();
    m_session = std::move(opened.value());
    return Status::success();
}

} // namespace confer
