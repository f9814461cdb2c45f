#include "accounts/SetPassphraseDialog.h"

#include "accounts/AccountService.h"
#include "accounts/PassphraseEntry.h"
#include "shell/FormFields.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>

namespace confer {

SetPassphraseDialog::SetPassphraseDialog(Purpose purpose, const User& user, AccountService& accounts,
                                         QWidget* parent)
    : FormDialog(purpose == Purpose::Enable ? tr("Enable account") : tr("Reset passphrase"),
                 QStringLiteral("setPassphraseError"), parent)
    , m_purpose(purpose)
    , m_user(user)
    , m_accounts(accounts)
{
    const bool isEnabling = purpose == Purpose::Enable;
    setMinimumWidth(500);
    addText(isEnabling ? tr("%1 (%2) will be able to sign in again with this new passphrase.")
                             .arg(user.displayName, user.login)
                       : tr("%1 (%2) will sign in with this new passphrase; the old one stops working at "
                            "once.")
                             .arg(user.displayName, user.login));
    QFormLayout* form = addForm();
    m_passphrase = new PassphraseEntry(form, this, tr("&New passphrase"));
    m_passphrase->setLogin(user.login);
    // Only a reset can be about a passphrase someone else may know; enabling starts from no slot at all.
    if (!isEnabling)
        addMayBeKnownRow(form);
    addText(tr("Tell them the passphrase in person or by phone, never by email."), Tone::Muted);
    setOkText(isEnabling ? tr("&Enable account") : tr("&Reset passphrase"), windowTitle());

    connect(m_passphrase, &PassphraseEntry::changed, this, &SetPassphraseDialog::updateOkButton);
    updateOkButton();
}

void SetPassphraseDialog::addMayBeKnownRow(QFormLayout* form)
{
    m_mayBeKnown = new QCheckBox(tr("The old passphrase may be known to someone else"), this);
    m_mayBeKnown->setObjectName(QStringLiteral("mayBeKnownCheck"));
    const QString why = tr("Confer then also changes the store's own key, so that the old passphrase opens "
                           "no copy of the store made from now on. This takes a moment.");
    m_mayBeKnown->setToolTip(why);
    form->addRow(QString(), m_mayBeKnown);
    form->addRow(QString(), FormFields::text(why, Tone::Muted, this));
}

bool SetPassphraseDialog::isComplete() const
{
    return m_passphrase->isAcceptable();
}

Status SetPassphraseDialog::submit()
{
    const Status status =
        m_purpose == Purpose::Enable
            ? m_accounts.setDisabled(m_user.id, false, m_passphrase->passphrase())
            : m_accounts.resetPassphrase(m_user.id, m_passphrase->passphrase(),
                                         m_mayBeKnown->isChecked() ? AccountService::ResetReason::MayBeKnown
                                                                   : AccountService::ResetReason::Forgotten);
    if (status.ok())
        m_passphrase->clear();
    return status;
}

} // namespace confer
