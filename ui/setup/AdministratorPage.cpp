#include "setup/AdministratorPage.h"

#include "accounts/PassphraseEntry.h"
#include "shell/Tone.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace confer {

AdministratorPage::AdministratorPage(QWidget* parent)
    : QWizardPage(parent)
    , m_login(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_bindToDevice(new QCheckBox(tr("&Bind this store to this computer's keychain (recommended)"), this))
    , m_unboundWarning(new QLabel(this))
    , m_error(new QLabel(this))
{
    setTitle(tr("Administrator account"));
    setSubTitle(tr("The administrator adds the other people who use Confer and can reset their "
                   "passphrases. You can add more administrators later."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Create store"));

    m_login->setObjectName(QStringLiteral("adminLogin"));
    m_login->setAccessibleName(tr("Login"));
    m_login->setPlaceholderText(tr("for example: chair1 or aj"));
    m_login->setMaxLength(64);
    m_displayName->setObjectName(QStringLiteral("adminDisplayName"));
    m_displayName->setAccessibleName(tr("Full name"));
    m_displayName->setMaxLength(200);

    auto* loginHint = new QLabel(tr("The login is listed on the unlock screen, outside the encrypted store: "
                                    "use initials or a role rather than a full name."),
                                 this);
    loginHint->setWordWrap(true);
    applyTone(loginHint, Tone::Muted);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setLabelAlignment(Qt::AlignLeft);
    auto* loginLabel = new QLabel(tr("&Login:"), this);
    loginLabel->setBuddy(m_login);
    form->addRow(loginLabel, m_login);
    form->addRow(QString(), loginHint);
    auto* nameLabel = new QLabel(tr("F&ull name:"), this);
    nameLabel->setBuddy(m_displayName);
    form->addRow(nameLabel, m_displayName);
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

    m_error->setObjectName(QStringLiteral("setupError"));
    m_error->setAccessibleName(tr("Setup error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

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
    m_error->setText(tr("The store was not created. %1").arg(message));
    m_error->setVisible(true);
}

void AdministratorPage::forgetPassphrase()
{
    m_passphrase->clear();
    m_error->setVisible(false);
}

} // namespace confer
