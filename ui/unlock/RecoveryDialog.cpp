#include "unlock/RecoveryDialog.h"

#include "accounts/PassphraseEntry.h"
#include "crypto/RecoveryKey.h"
#include "session/Session.h"
#include "session/StoreOpener.h"
#include "shell/CoreCall.h"
#include "shell/Tone.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

RecoveryDialog::RecoveryDialog(StoreOpener& opener, QWidget* parent)
    : QDialog(parent)
    , m_opener(opener)
    , m_key(new QLineEdit(this))
    , m_login(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Open with the recovery key"));
    setAccessibleName(tr("Open with the recovery key"));
    setMinimumWidth(560);

    auto* intro = new QLabel(
        tr("The recovery key opens the store without this computer's keychain or a passphrase. Confer "
           "then binds the store to this computer and sets a new passphrase for the account you choose. "
           "Other accounts will need their passphrase reset by an administrator."),
        this);
    intro->setWordWrap(true);

    m_key->setObjectName(QStringLiteral("recoveryKey"));
    m_key->setAccessibleName(tr("Recovery key"));
    // The count comes from RecoveryKey, so the hint cannot drift from the key's real length.
    m_key->setPlaceholderText(tr("XXXX-XXXX-XXXX-\u2026 (%1 groups)").arg(RecoveryKey::GroupCount));
    m_key->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_key->setEchoMode(QLineEdit::PasswordEchoOnEdit);
    m_login->setObjectName(QStringLiteral("recoveryLogin"));
    m_login->setAccessibleName(tr("Account"));
    m_login->addItems(opener.logins());
    m_login->setEditable(m_login->count() == 0);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* keyLabel = new QLabel(tr("Recovery &key:"), this);
    keyLabel->setBuddy(m_key);
    auto* loginLabel = new QLabel(tr("&Account:"), this);
    loginLabel->setBuddy(m_login);
    form->addRow(keyLabel, m_key);
    form->addRow(loginLabel, m_login);
    m_passphrase = new PassphraseEntry(form, this, tr("&New passphrase"));

    m_error->setObjectName(QStringLiteral("recoveryError"));
    m_error->setAccessibleName(tr("Recovery error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Open store"));
    m_ok->setAccessibleName(tr("Open store"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &RecoveryDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &RecoveryDialog::reject);
    connect(m_key, &QLineEdit::textChanged, this, &RecoveryDialog::updateOkButton);
    connect(m_login, &QComboBox::currentTextChanged, this, [this](const QString& login) {
        m_passphrase->setLogin(login);
        updateOkButton();
    });
    connect(m_passphrase, &PassphraseEntry::changed, this, &RecoveryDialog::updateOkButton);
    m_passphrase->setLogin(m_login->currentText());
    updateOkButton();
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

QString RecoveryDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void RecoveryDialog::updateOkButton()
{
    m_ok->setEnabled(!m_key->text().trimmed().isEmpty() && !m_login->currentText().isEmpty() &&
                     m_passphrase->isAcceptable());
}

void RecoveryDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    auto opened = [&] {
        CoreCall call;
        return m_opener.recover(m_key->text(), m_login->currentText(), m_passphrase->passphrase());
    }();
    if (!opened.ok()) {
        m_error->setText(opened.error().message);
        m_error->setVisible(true);
        return;
    }
    m_key->clear();
    m_passphrase->clear();
    m_session = std::move(opened.value());
    QDialog::accept();
}

} // namespace confer
