#include "accounts/AccountsPage.h"

#include "accounts/AccountService.h"
#include "accounts/AccountsModel.h"
#include "accounts/AddUserDialog.h"
#include "accounts/SetPassphraseDialog.h"
#include "accounts/UserChoiceDialog.h"
#include "session/Session.h"
#include "shell/CoreCall.h"
#include "shell/DialogPresenter.h"
#include "shell/ErrorLine.h"
#include "shell/FormFields.h"
#include "shell/PageHeader.h"
#include "shell/TableSetup.h"

#include <QHBoxLayout>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace confer {

AccountsPage::AccountsPage(Session& session, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_agencies(session)
    , m_model(new AccountsModel(session.accounts(), this))
    , m_table(new QTableView(this))
    , m_add(FormFields::button(tr("&Add user\u2026"), QStringLiteral("addUserButton"), tr("Add user"), this))
    , m_reset(FormFields::button(tr("Reset &passphrase\u2026"), QStringLiteral("resetPassphraseButton"),
                                 tr("Reset passphrase"), this))
    , m_role(FormFields::button(tr("Change &role\u2026"), QStringLiteral("changeRoleButton"),
                                tr("Change role"), this))
    , m_agency(FormFields::button(tr("A&gency\u2026"), QStringLiteral("changeAgencyButton"),
                                  tr("Change agency"), this))
    , m_disable(FormFields::button(tr("&Disable"), QStringLiteral("disableButton"),
                                   tr("Disable or enable the account"), this))
    , m_error(new ErrorLine(QStringLiteral("accountsError"), this))
{
    setObjectName(QStringLiteral("accountsPage"));
    m_table->setModel(m_model);
    TableSetup::apply(m_table, QStringLiteral("accountsTable"), tr("Accounts"));

    auto* actions = new QHBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_add);
    actions->addSpacing(12);
    for (QPushButton* button : {m_reset, m_role, m_agency, m_disable})
        actions->addWidget(button);
    actions->addStretch(1);

    QVBoxLayout* layout = PageHeader::layOut(
        this, tr("Accounts"),
        tr("The people who can sign in to this store. Each has their own passphrase; an administrator can "
           "reset it, change a role, or disable an account when someone leaves."));
    layout->addLayout(actions);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    connect(m_add, &QPushButton::clicked, this, &AccountsPage::addUser);
    connect(m_reset, &QPushButton::clicked, this, [this] {
        openForSelected([this](const User& user) {
            return new SetPassphraseDialog(SetPassphraseDialog::Purpose::Reset, user, m_session.accounts(),
                                           this);
        });
    });
    connect(m_role, &QPushButton::clicked, this, [this] {
        openForSelected(
            [this](const User& user) { return UserChoiceDialog::forRole(user, m_session.accounts(), this); });
    });
    connect(m_agency, &QPushButton::clicked, this, [this] {
        openForSelected(
            [this](const User& user) { return UserChoiceDialog::forAgency(user, m_agencies, this); });
    });
    connect(m_disable, &QPushButton::clicked, this, &AccountsPage::toggleDisabled);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &AccountsPage::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &AccountsPage::updateButtons);
    refresh();
}

void AccountsPage::refresh()
{
    const User* selected = selectedUser();
    const auto selectedId = selected ? std::optional(selected->id) : std::nullopt;
    const Status status = m_model->refresh();
    m_error->showStatus(status);
    if (!status.ok())
        return;
    m_table->resizeColumnsToContents();
    for (int column = 0; column < AccountsModel::ColumnCount - 1; ++column)
        m_table->setColumnWidth(column, qMax(m_table->columnWidth(column) + 32, 120));
    if (selectedId)
        selectUser(*selectedId);
    updateButtons();
}

void AccountsPage::clear()
{
    m_model->clear();
}

void AccountsPage::selectUser(UserId userId)
{
    TableSetup::selectRow(m_table, m_model->rowOf(userId));
}

const User* AccountsPage::selectedUser() const
{
    return m_model->userAt(TableSetup::selectedRow(m_table));
}

void AccountsPage::updateButtons()
{
    const User* user = selectedUser();
    const bool isSelf = user && user->id == m_session.currentUser().id;
    m_reset->setEnabled(user && !user->isDisabled && !isSelf);
    m_role->setEnabled(user && !user->isDisabled);
    m_agency->setEnabled(user && !user->isDisabled);
    // Disabling yourself would lock the store's only way in for this person: not offered.
    m_disable->setEnabled(user && !isSelf);
    m_disable->setText(user && user->isDisabled ? tr("&Enable\u2026") : tr("&Disable"));
    m_reset->setToolTip(isSelf ? tr("Use Change passphrase in your account menu for your own passphrase.")
                               : QString());
}

void AccountsPage::afterChange(std::optional<UserId> userId)
{
    refresh();
    if (userId)
        selectUser(*userId);
}

void AccountsPage::addUser()
{
    auto* dialog = new AddUserDialog(m_session.accounts(), this);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const auto added = dialog->addedUser();
        afterChange(added ? std::optional(added->id) : std::nullopt);
    });
    DialogPresenter::open(dialog);
}

void AccountsPage::openForSelected(const std::function<QDialog*(const User&)>& make)
{
    const User* user = selectedUser();
    if (!user)
        return;
    const UserId id = user->id;
    QDialog* dialog = make(*user);
    connect(dialog, &QDialog::accepted, this, [this, id] { afterChange(id); });
    DialogPresenter::open(dialog);
}

void AccountsPage::toggleDisabled()
{
    const User* user = selectedUser();
    if (!user)
        return;
    if (user->isDisabled) {
        openForSelected([this](const User& disabled) {
            return new SetPassphraseDialog(SetPassphraseDialog::Purpose::Enable, disabled,
                                           m_session.accounts(), this);
        });
        return;
    }
    const UserId id = user->id;
    auto* confirm = new QMessageBox(QMessageBox::Question, tr("Disable account"),
                                    tr("Disable the account of %1 (%2)?").arg(user->displayName, user->login),
                                    QMessageBox::NoButton, this);
    confirm->setInformativeText(
        tr("They will no longer be able to sign in. Their records stay in the store. "
           "Confer also changes the store's own key, so a copy of their old key opens "
           "nothing made from now on; this takes a moment. Enabling the account again "
           "needs a new passphrase."));
    confirm->setAccessibleName(tr("Disable account"));
    QPushButton* disableButton = confirm->addButton(tr("&Disable account"), QMessageBox::AcceptRole);
    disableButton->setAccessibleName(tr("Disable account"));
    confirm->addButton(QMessageBox::Cancel)->setAccessibleName(tr("Cancel"));
    confirm->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QMessageBox::buttonClicked, this, [this, id, disableButton](QAbstractButton* clicked) {
        if (clicked == disableButton)
            disable(id);
    });
    DialogPresenter::open(confirm);
}

void AccountsPage::disable(UserId userId)
{
    const Status status = [&] {
        CoreCall call;
        return m_session.accounts().setDisabled(userId, true);
    }();
    if (!status.ok()) {
        m_error->showStatus(status);
        return;
    }
    afterChange(userId);
}

} // namespace confer
