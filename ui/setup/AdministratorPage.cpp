#include "setup/AdministratorPage.h"

#include "accounts/PassphraseEntry.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace confer {

AdministratorPage::AdministratorPage(QWidget* parent)
    : QWizardPage(parent)
    , m_login(FormFields::lineEdit(QStringLiteral("adminLogin"), tr("Login"), 64, this))
    , m_displayName(FormFields::lineEdit(QStringLiteral("adminDisplayName"), tr("Full name"), 200, this))
    , m_bindToDevice(new QCheckBox(tr("&Bind this store to this computer's keychain (recommended)"), this))
    , m_unboundWarning(new QLabel(this))
    , m_error(new ErrorLine(QStringLiteral("setupError"), this))
{
    setObjectName(QStringLiteral("administratorPage"));
    setTitle(tr("Administrator account"));
    setSubTitle(tr("The administrator adds the other people who use Confer and can reset their "
                   "passphrases. You can add more administrators later."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Create store"));

    m_login->setPlaceholderText(tr("for example: chair1 or aj"));

    QFormLayout* form = FormFields::form();
    form->setLabelAlignment(Qt::AlignLeft);
    FormFields::addRow(form, tr("&Login:"), m_login);
    form->addRow(QString(), FormFields::text(tr("The login is listed on the unlock screen, outside the "
                                                "encrypted store: use initials or a role rather than a full "
                                                "name."),
                                             Tone::Muted, this));
    FormFields::addRow(form, tr("F&ull name:"), m_displayName);
    m_passphrase = new PassphraseEntry(form, this, tr("&Passphrase"));

    m_bindToDevice->setObjectName(QStringLiteral("bindToDevice"));
    m_bindToDevice->setAccessibleName(tr("Bind this store to this computer's keychain"));
    m_bindToDevice->setChecked(true);

    m_unboundWarning->setObjectName(QStringLiteral("unboundWarning"));
    m_unboundWarning->setAccessibleName(tr("Warning about an unbound store"));
    m_unboundWarning->setWordWrap(true);
    m_unboundWarning->setText(
        tr("<b>Not recommended.</b> Without the keychain, anyone who has a copy of the store's files and a "
           "passphrase can open the store on any computer. Keep it bound unless the store must move "
           "between computers."));
    m_unboundWarning->setVisible(false);
    applyTone(m_unboundWarning, Tone::Warning);

    m_error->setAccessibleName(tr("Setup error"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(8);
    layout->addLayout(form);
    layout->addWidget(m_bindToDevice);
    layout->addWidget(m_unboundWarning);
    layout->addWidget(m_error);
    layout->addStretch(1);

    connect(m_login, &QLineEdit::textChanged, this, [this](const QString& login) {
        m_passphrase->setLogin(login.trimmed());
        emit completeChanged();
    });
    connect(m_displayName, &QLineEdit::textChanged, this, &AdministratorPage::completeChanged);
    connect(m_passphrase, &PassphraseEntry::changed, this, &AdministratorPage::completeChanged);
    connect(m_bindToDevice, &QCheckBox::toggled, this,
            [this](bool isChecked) { m_unboundWarning->setVisible(!isChecked); });
}

void AdministratorPage::initializePage()
{
    m_login->setFocus();
}

bool AdministratorPage::isComplete() const
{
    return !login().isEmpty() && !displayName().isEmpty() && m_passphrase->isAcceptable();
}

QString AdministratorPage::login() const
{
    return m_login->text().trimmed();
}

QString AdministratorPage::displayName() const
{
    return m_displayName->text().trimmed();
}

QString AdministratorPage::passphrase() const
{
    return m_passphrase->passphrase();
}

bool AdministratorPage::isDeviceBindingChosen() const
{
    return m_bindToDevice->isChecked();
}

void AdministratorPage::showCreationError(const QString& message)
{
    m_error->showMessage(tr("The store was not created. %1").arg(message));
}

void AdministratorPage::forgetPassphrase()
{
    m_passphrase->clear();
    m_error->setVisible(false);
}

} // namespace confer
