#include "accounts/AddUserDialog.h"

#include "accounts/AccountService.h"
#include "accounts/PassphraseEntry.h"
#include "shell/CoreCall.h"
#include "shell/Tone.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

AddUserDialog::AddUserDialog(AccountService& accounts, QWidget* parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_login(new QLineEdit(this))
    , m_displayName(new QLineEdit(this))
    , m_role(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Add user"));
    setAccessibleName(tr("Add user"));
    setMinimumWidth(520);

    m_login->setObjectName(QStringLiteral("newUserLogin"));
    m_login->setAccessibleName(tr("Login"));
    m_login->setMaxLength(64);
    m_displayName->setObjectName(QStringLiteral("newUserDisplayName"));
    m_displayName->setAccessibleName(tr("Full name"));
    m_displayName->setMaxLength(200);
    m_role->setObjectName(QStringLiteral("newUserRole"));
    m_role->setAccessibleName(tr("Role"));
    for (Role role : {Role::Member, Role::Coordinator, Role::Chair, Role::Administrator})
        m_role->addItem(roleDisplayName(role), int(role));

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* loginLabel = new QLabel(tr("&Login:"), this);
    loginLabel->setBuddy(m_login);
    auto* nameLabel = new QLabel(tr("F&ull name:"), this);
    nameLabel->setBuddy(m_displayName);
    auto* roleLabel = new QLabel(tr("&Role:"), this);
    roleLabel->setBuddy(m_role);
    form->addRow(loginLabel, m_login);
    form->addRow(nameLabel, m_displayName);
    form->addRow(roleLabel, m_role);
    m_passphrase = new PassphraseEntry(form, this, tr("&Initial passphrase"));

    auto* note = new QLabel(tr("Tell the person their initial passphrase in person or by phone, never by "
                               "email. They should change it the first time they sign in."),
                            this);
    note->setWordWrap(true);
    applyTone(note, Tone::Muted);

    m_error->setObjectName(QStringLiteral("addUserError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Add user"));
    m_ok->setAccessibleName(tr("Add user"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &AddUserDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AddUserDialog::reject);
    connect(m_login, &QLineEdit::textChanged, this, [this](const QString& login) {
        m_passphrase->setLogin(login.trimmed());
        updateOkButton();
    });
    connect(m_displayName, &QLineEdit::textChanged, this, &AddUserDialog::updateOkButton);
    connect(m_passphrase, &PassphraseEntry::changed, this, &AddUserDialog::updateOkButton);
    updateOkButton();
}

QString AddUserDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void AddUserDialog::updateOkButton()
{
    m_ok->setEnabled(!m_login->text().trimmed().isEmpty() && !m_displayName->text().trimmed().isEmpty() &&
                     m_passphrase->isAcceptable());
}

void AddUserDialog::accept()
{
    if (!m_ok->isEnabled())
        return;
    AccountService::NewUser request;
    request.login = m_login->text().trimmed();
    request.displayName = m_displayName->text().trimmed();
    request.role = Role(m_role->currentData().toInt());
    request.initialPassphrase = m_passphrase->passphrase();
    auto added = [&] {
        CoreCall call;
        return m_accounts.addUser(request);
    }();
    if (!added.ok()) {
        m_error->setText(added.error().message);
        m_error->setVisible(true);
        return;
    }
    m_passphrase->clear();
    m_added = added.value();
    QDialog::accept();
}

} // namespace confer
