#include "accounts/SetPassphraseDialog.h"

#include "accounts/AccountService.h"
#include "accounts/PassphraseEntry.h"
#include "shell/CoreCall.h"
#include "shell/Tone.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

SetPassphraseDialog::SetPassphraseDialog(Purpose purpose, const User& user, AccountService& accounts,
                                         QWidget* parent)
    : QDialog(parent)
    , m_purpose(purpose)
    , m_user(user)
    , m_accounts(accounts)
    , m_error(new QLabel(this))
{
    const bool isEnabling = purpose == Purpose::Enable;
    const QString title = isEnabling ? tr("Enable account") : tr("Reset passphrase");
    setWindowTitle(title);
    setAccessibleName(title);
    setMinimumWidth(500);

    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(isEnabling ? tr("%1 (%2) will be able to sign in again with this new passphrase.")
                                    .arg(user.displayName, user.login)
                              : tr("%1 (%2) will sign in with this new passphrase; the old one stops "
                                   "working at once.")
                                    .arg(user.displayName, user.login));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_passphrase = new PassphraseEntry(form, this, tr("&New passphrase"));
    m_passphrase->setLogin(user.login);

    // Only a reset can be about a passphrase someone else may know; enabling starts from no slot at all.
    if (!isEnabling) {
        m_mayBeKnown = new QCheckBox(tr("The old passphrase may be known to someone else"), this);
        m_mayBeKnown->setObjectName(QStringLiteral("mayBeKnownCheck"));
        const QString why =
            tr("Confer then also changes the store's own key, so that the old passphrase opens no "
               "copy of the store made from now on. This takes a moment.");
        m_mayBeKnown->setToolTip(why);
        form->addRow(QString(), m_mayBeKnown);
        auto* whyLabel = new QLabel(why, this);
        whyLabel->setWordWrap(true);
        applyTone(whyLabel, Tone::Muted);
        form->addRow(QString(), whyLabel);
    }

    auto* note = new QLabel(tr("Tell them the passphrase in person or by phone, never by email."), this);
    note->setWordWrap(true);
    applyTone(note, Tone::Muted);

    m_error->setObjectName(QStringLiteral("setPassphraseError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(isEnabling ? tr("&Enable account") : tr("&Reset passphrase"));
    m_ok->setAccessibleName(title);
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &SetPassphraseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SetPassphraseDialog::reject);
    connect(m_passphrase, &PassphraseEntry::changed, this, &SetPassphraseDialog::updateOkButton);
    updateOkButton();
}

QString SetPassphraseDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void SetPassphraseDialog::updateOkButton()
{
    m_ok->setEnabled(m_passphrase->isAcceptable());
}

void SetPassphraseDialog::accept()
{
    if (!m_passphrase->isAcceptable())
        return;
    const Status status = [&] {
        CoreCall call;
        return m_purpose == Purpose::Enable
                   ? m_accounts.setDisabled(m_user.id, false, m_passphrase->passphrase())
                   : m_accounts.resetPassphrase(m_user.id, m_passphrase->passphrase(),
                                                m_mayBeKnown->isChecked()
                                                    ? AccountService::ResetReason::MayBeKnown
                                                    : AccountService::ResetReason::Forgotten);
    }();
    if (!status.ok()) {
        m_error->setText(status.error().message);
        m_error->setVisible(true);
        return;
    }
    m_passphrase->clear();
    QDialog::accept();
}

} // namespace confer
