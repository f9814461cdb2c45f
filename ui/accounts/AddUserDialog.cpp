#include "accounts/AddUserDialog.h"

#include "accounts/AccountService.h"
#include "accounts/PassphraseEntry.h"
#include "shell/FormFields.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>

namespace confer {

AddUserDialog::AddUserDialog(AccountService& accounts, QWidget* parent)
    : FormDialog(tr("Add user"), QStringLiteral("addUserError"), parent)
    , m_accounts(accounts)
    , m_login(FormFields::lineEdit(QStringLiteral("newUserLogin"), tr("Login"), 64, this))
    , m_displayName(FormFields::lineEdit(QStringLiteral("newUserDisplayName"), tr("Full name"), 200, this))
    , m_role(FormFields::comboBox(QStringLiteral("newUserRole"), tr("Role"), this))
{
    setMinimumWidth(520);
    for (Role role : {Role::Member, Role::Coordinator, Role::Chair, Role::Administrator})
        m_role->addItem(roleDisplayName(role), int(role));

    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("&Login:"), m_login);
    FormFields::addRow(form, tr("F&ull name:"), m_displayName);
    FormFields::addRow(form, tr("&Role:"), m_role);
    m_passphrase = new PassphraseEntry(form, this, tr("&Initial passphrase"));
    addText(tr("Tell the person their initial passphrase in person or by phone, never by email. They "
               "should change it the first time they sign in."),
            Tone::Muted);
    setOkText(tr("&Add user"), tr("Add user"));

    connect(m_login, &QLineEdit::textChanged, this,
            [this](const QString& login) { m_passphrase->setLogin(login.trimmed()); });
    connect(m_passphrase, &PassphraseEntry::changed, this, &AddUserDialog::updateOkButton);
    updateOkButtonOn({m_login, m_displayName});
}

bool AddUserDialog::isComplete() const
{
    return !m_login->text().trimmed().isEmpty() && !m_displayName->text().trimmed().isEmpty() &&
           m_passphrase->isAcceptable();
}

Status AddUserDialog::submit()
{
    AccountService::NewUser request;
    request.login = m_login->text().trimmed();
    request.displayName = m_displayName->text().trimmed();
    request.role = Role(m_role->currentData().toInt());
    request.initialPassphrase = m_passphrase->passphrase();
    auto added = m_accounts.addUser(request);
    if (!added.ok())
        return added.error();
    m_passphrase->clear();
    m_added = added.value();
    return Status::success();
}

} // namespace confer
