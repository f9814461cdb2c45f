#include "accounts/ChangePassphraseDialog.h"

#include "accounts/AccountService.h"
#include "accounts/PassphraseEntry.h"
#include "shell/CoreCall.h"
#include "shell/Tone.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

ChangePassphraseDialog::ChangePassphraseDialog(AccountService& accounts, const QString& login,
                                               QWidget* parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_current(new QLineEdit(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Change passphrase"));
    setAccessibleName(tr("Change passphrase"));
    setMinimumWidth(500);

    m_current->setObjectName(QStringLiteral("currentPassphrase"));
    m_current->setAccessibleName(tr("Current passphrase"));
    m_current->setEchoMode(QLineEdit::Password);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* currentLabel = new QLabel(tr("C&urrent passphrase:"), this);
    currentLabel->setBuddy(m_current);
    form->addRow(currentLabel, m_current);
    m_passphrase = new PassphraseEntry(form, this, tr("&New passphrase"));
    m_passphrase->setLogin(login);

    m_error->setObjectName(QStringLiteral("changePassphraseError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Change passphrase"));
    m_ok->setAccessibleName(tr("Change passphrase"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ChangePassphraseDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangePassphraseDialog::reject);
    connect(m_current, &QLineEdit::textChanged, this, &ChangePassphraseDialog::updateOkButton);
    connect(m_passphrase, &PassphraseEntry::changed, this, &ChangePassphraseDialog::updateOkButton);
    updateOkButton();
}

QString ChangePassphraseDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ChangePassphraseDialog::updateOkButton()
{
    m_ok->setEnabled(!m_current->text().isEmpty() && m_passphrase->isAcceptable());
}

void ChangePassphraseDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    const Status status = [&] {
        CoreCall call;
        return m_accounts.changeOwnPassphrase(m_current->text(), m_passphrase->passphrase());
    }();
    if (!status.ok()) {
        m_error->setText(status.error().message);
        m_error->setVisible(true);
        m_current->clear();
        m_current->setFocus();
        return;
    }
    m_current->clear();
    m_passphrase->clear();
    QDialog::accept();
}

} // namespace confer
