#include "accounts/ChangePassphraseDialog.h"

#include "accounts/AccountService.h"
#include "accounts/PassphraseEntry.h"
#include "accounts/PassphrasePolicy.h"
#include "shell/FormFields.h"

#include <QFormLayout>
#include <QLineEdit>

namespace confer {

ChangePassphraseDialog::ChangePassphraseDialog(AccountService& accounts, const QString& login,
                                               QWidget* parent)
    : FormDialog(tr("Change passphrase"), QStringLiteral("changePassphraseError"), parent)
    , m_accounts(accounts)
    , m_current(FormFields::lineEdit(QStringLiteral("currentPassphrase"), tr("Current passphrase"),
                                     PassphrasePolicy::MaximumLength, this))
{
    setMinimumWidth(500);
    m_current->setEchoMode(QLineEdit::Password);

    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("C&urrent passphrase:"), m_current);
    m_passphrase = new PassphraseEntry(form, this, tr("&New passphrase"));
    m_passphrase->setLogin(login);
    setOkText(tr("&Change passphrase"), tr("Change passphrase"));

    connect(m_passphrase, &PassphraseEntry::changed, this, &ChangePassphraseDialog::updateOkButton);
    updateOkButtonOn({m_current});
}

bool ChangePassphraseDialog::isComplete() const
{
    return !m_current->text().isEmpty() && m_passphrase->isAcceptable();
}

Status ChangePassphraseDialog::submit()
{
    const Status status = m_accounts.changeOwnPassphrase(m_current->text(), m_passphrase->passphrase());
    // Either way the current passphrase leaves the screen; after a refusal it is typed again.
    m_current->clear();
    if (!status.ok()) {
        m_current->setFocus();
        return status;
    }
    m_passphrase->clear();
    return status;
}

} // namespace confer
