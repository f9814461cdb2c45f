#include "accounts/ChangeRoleDialog.h"

#include "accounts/AccountService.h"
#include "shell/CoreCall.h"
#include "shell/Tone.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace confer {

ChangeRoleDialog::ChangeRoleDialog(const User& user, AccountService& accounts, QWidget* parent)
    : QDialog(parent)
    , m_user(user)
    , m_accounts(accounts)
    , m_role(new QComboBox(this))
    , m_error(new QLabel(this))
{
    setWindowTitle(tr("Change role"));
    setAccessibleName(tr("Change role"));
    setMinimumWidth(440);

    auto* intro = new QLabel(this);
    intro->setTextFormat(Qt::PlainText);
    intro->setWordWrap(true);
    intro->setText(tr("Choose the role of %1 (%2).").arg(user.displayName, user.login));

    m_role->setObjectName(QStringLiteral("changeRoleBox"));
    m_role->setAccessibleName(tr("Role"));
    for (Role role : {Role::Member, Role::Coordinator, Role::Chair, Role::Administrator})
        m_role->addItem(roleDisplayName(role), int(role));
    m_role->setCurrentIndex(m_role->findData(int(user.role)));

    auto* form = new QFormLayout;
    auto* roleLabel = new QLabel(tr("&Role:"), this);
    roleLabel->setBuddy(m_role);
    form->addRow(roleLabel, m_role);

    auto* note = new QLabel(tr("Administrators manage accounts and settings. The change takes effect the "
                               "next time the person signs in."),
                            this);
    note->setWordWrap(true);
    applyTone(note, Tone::Muted);

    m_error->setObjectName(QStringLiteral("changeRoleError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(tr("&Change role"));
    m_ok->setAccessibleName(tr("Change role"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));

    auto* layout = new QVBoxLayout(this);
    layout->setSpacing(12);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &ChangeRoleDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &ChangeRoleDialog::reject);
}

QString ChangeRoleDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void ChangeRoleDialog::accept()
{
    const Role role = Role(m_role->currentData().toInt());
    if (role == m_user.role) {
        QDialog::accept();
        return;
    }
    const Status status = [&] {
        CoreCall call;
        return m_accounts.changeRole(m_user.id, role);
    }();
    if (!status.ok()) {
        m_error->setText(status.error().message);
        m_error->setVisible(true);
        return;
    }
    QDialog::accept();
}

} // namespace confer
