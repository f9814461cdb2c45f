#include "accounts/AccountsPage.h"

#include "accounts/AccountService.h"
#include "accounts/AccountsModel.h"
#include "accounts/AddUserDialog.h"
#include "accounts/ChangeAgencyDialog.h"
#include "accounts/ChangeRoleDialog.h"
#include "accounts/SetPassphraseDialog.h"
#include "session/Session.h"
#include "shell/CoreCall.h"
#include "shell/DialogPresenter.h"
#include "shell/PageHeader.h"
#include "shell/Tone.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace confer {

AccountsPage::AccountsPage(Session& session, QAction* lockAction, QWidget* parent)
    : QWidget(parent)
    , m_session(session)
    , m_agencies(session)
    , m_lockAction(lockAction)
    , m_model(new AccountsModel(session.accounts(), this))
    , m_table(new QTableView(this))
    , m_add(new QPushButton(tr("&Add user\u2026"), this))
    , m_reset(new QPushButton(tr("Reset &passphrase\u2026"), this))
    , m_role(new QPushButton(tr("Change &role\u2026"), this))
    , m_agency(new QPushButton(tr("A&gency\u2026"), this))
    , m_disable(new QPushButton(tr("&Disable"), this))
    , m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("accountsPage"));
    auto* header = new PageHeader(
        tr("Accounts"),
        tr("The people who can sign in to this store. Each has their own passphrase; an administrator can "
           "reset it, change a role, or disable an account when someone leaves."),
        this);

    m_add->setObjectName(QStringLiteral("addUserButton"));
    m_add->setAccessibleName(tr("Add user"));
    m_reset->setObjectName(QStringLiteral("resetPassphraseButton"));
    m_reset->setAccessibleName(tr("Reset passphrase"));
    m_role->setObjectName(QStringLiteral("changeRoleButton"));
    m_role->setAccessibleName(tr("Change role"));
    m_agency->setObjectName(QStringLiteral("changeAgencyButton"));
    m_agency->setAccessibleName(tr("Change agency"));
    m_disable->setObjectName(QStringLiteral("disableButton"));
    m_disable->setAccessibleName(tr("Disable or enable the account"));

    m_table->setObjectName(QStringLiteral("accountsTable"));
    m_table->setAccessibleName(tr("Accounts"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 14);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);

    m_error->setObjectName(QStringLiteral("accountsError"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setVisible(false);
    applyTone(m_error, Tone::Bad);

    auto* actions = new QHBoxLayout;
    actions->setSpacing(8);
    actions->addWidget(m_add);
    actions->addSpacing(12);
    actions->addWidget(m_reset);
    actions->addWidget(m_role);
    actions->addWidget(m_agency);
    actions->addWidget(m_disable);
    actions->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(14);
    layout->addWidget(header);
    layout->addLayout(actions);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);

    connect(m_add, &QPushButton::clicked, this, &AccountsPage::addUser);
    connect(m_reset, &QPushButton::clicked, this, &AccountsPage::resetPassphrase);
    connect(m_role, &QPushButton::clicked, this, &AccountsPage::changeRole);
    connect(m_agency, &QPushButton::clicked, this, &AccountsPage::changeAgency);
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
    if (const Status status = m_model->refresh(); !status.ok()) {
        showError(status.error().message);
        return;
    }
    m_error->setVisible(false);
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
    const int row = m_model->rowOf(userId);
    if (row >= 0)
        m_table->selectRow(row);
}

const User* AccountsPage::selectedUser() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->userAt(rows.first().row());
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

void AccountsPage::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(true);
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
    DialogPresenter::open(dialog, m_lockAction);
}

void AccountsPage::resetPassphrase()
{
    const User* user = selectedUser();
    if (!user)
        return;
    const UserId id = user->id;
    auto* dialog =
        new SetPassphraseDialog(SetPassphraseDialog::Purpose::Reset, *user, m_session.accounts(), this);
    connect(dialog, &QDialog::accepted, this, [this, id] { afterChange(id); });
    DialogPresenter::open(dialog, m_lockAction);
}

void AccountsPage::changeRole()
{
    const User* user = selectedUser();
    if (!user)
        return;
    const UserId id = user->id;
    auto* dialog = new ChangeRoleDialog(*user, m_session.accounts(), this);
    connect(dialog, &QDialog::accepted, this, [this, id] { afterChange(id); });
    DialogPresenter::open(dialog, m_lockAction);
}

void AccountsPage::changeAgency()
{
    const User* user = selectedUser();
    if (!user)
        return;
    const UserId id = user->id;
    auto* dialog = new ChangeAgencyDialog(*user, m_agencies, this);
    connect(dialog, &QDialog::accepted, this, [this, id] { afterChange(id); });
    DialogPresenter::open(dialog, m_lockAction);
}

void AccountsPage::toggleDisabled()
{
    const User* user = selectedUser();
    if (!user)
        return;
    const UserId id = user->id;
    if (user->isDisabled) {
        auto* dialog =
            new SetPassphraseDialog(SetPassphraseDialog::Purpose::Enable, *user, m_session.accounts(), this);
        connect(dialog, &QDialog::accepted, this, [this, id] { afterChange(id); });
        DialogPresenter::open(dialog, m_lockAction);
        return;
    }

    auto* confirm = new QMessageBox(QMessageBox::Question, tr("Disable account"),
                                    tr("Disable the account of %1 (%2)?").arg(user->displayName, user->login),
                                    QMessageBox::NoButton, this);
    confirm->setInformativeText(
        tr("They will no longer be able to sign in. Their records stay in the store. "
           "Confer also changes the store's own key, so a copy of their old key opens "
           "nothing made from now on; this takes a moment. Enabling the account again "
           "needs a new passphrase."));
    confirm->setAccessibleName(tr("Disable account"));
    QPushButton* disable = confirm->addButton(tr("&Disable account"), QMessageBox::AcceptRole);
    disable->setAccessibleName(tr("Disable account"));
    confirm->addButton(QMessageBox::Cancel)->setAccessibleName(tr("Cancel"));
    confirm->setDefaultButton(QMessageBox::Cancel);
    connect(confirm, &QMessageBox::buttonClicked, this, [this, id, disable](QAbstractButton* clicked) {
        if (clicked != disable)
            return;
        const Status status = [&] {
            CoreCall call;
            return m_session.accounts().setDisabled(id, true);
        }();
        if (!status.ok()) {
            showError(status.error().message);
            return;
        }
        afterChange(id);
    });
    DialogPresenter::open(confirm, m_lockAction);
}

} // namespace confer
