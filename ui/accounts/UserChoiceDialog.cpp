#include "accounts/UserChoiceDialog.h"

#include "accounts/AccountService.h"
#include "partnership/AgencyService.h"
#include "shell/FormFields.h"
#include "shell/IdData.h"

#include <QComboBox>
#include <QFormLayout>

namespace confer {

UserChoiceDialog::UserChoiceDialog(const Wording& wording, Save save, QWidget* parent)
    : FormDialog(wording.title, wording.name + QStringLiteral("Error"), parent)
    , m_choice(FormFields::comboBox(wording.name + QStringLiteral("Box"), wording.choiceName, this))
    , m_save(std::move(save))
{
    setObjectName(wording.name + QStringLiteral("Dialog"));
    setMinimumWidth(440);
    addText(wording.intro);
    FormFields::addRow(addForm(), wording.label, m_choice);
    addText(wording.note, Tone::Muted);
    setOkText(wording.okText, QString(wording.okText).remove(QLatin1Char('&')));
}

UserChoiceDialog* UserChoiceDialog::forRole(const User& user, AccountService& accounts, QWidget* parent)
{
    const Wording wording{QStringLiteral("changeRole"),
                          tr("Change role"),
                          tr("Choose the role of %1 (%2).").arg(user.displayName, user.login),
                          tr("&Role:"),
                          tr("Role"),
                          tr("Administrators manage accounts and settings. The change takes effect the next "
                             "time the person signs in."),
                          tr("&Change role")};
    auto* dialog = new UserChoiceDialog(
        wording,
        [&accounts, user](const QVariant& chosen) {
            const Role role = Role(chosen.toInt());
            return role == user.role ? Status::success() : accounts.changeRole(user.id, role);
        },
        parent);
    for (Role role : {Role::Member, Role::Coordinator, Role::Chair, Role::Administrator})
        dialog->m_choice->addItem(roleDisplayName(role), int(role));
    dialog->m_choice->setCurrentIndex(dialog->m_choice->findData(int(user.role)));
    return dialog;
}

UserChoiceDialog* UserChoiceDialog::forAgency(const User& user, AgencyService& agencies, QWidget* parent)
{
    const Wording wording{QStringLiteral("changeAgency"),
                          tr("Change agency"),
                          tr("Choose the agency %1 (%2) works for.").arg(user.displayName, user.login),
                          tr("&Agency:"),
                          tr("Agency"),
                          tr("Notes this person writes are recorded as coming from this agency, which keeps "
                             "ownership of them."),
                          tr("&Save agency")};
    auto* dialog = new UserChoiceDialog(
        wording,
        [&agencies, userId = user.id](const QVariant& chosen) {
            return agencies.setUserAgency(userId, idFromData<AgencyId>(chosen));
        },
        parent);
    QComboBox* box = dialog->m_choice;
    box->addItem(tr("No agency"), QVariant());
    if (auto all = agencies.agencies(); all.ok()) {
        for (const Agency& agency : *all)
            box->addItem(agency.name, idData(agency.id));
    }
    if (auto current = agencies.agencyOfUser(user.id); current.ok() && current->has_value())
        box->setCurrentIndex(std::max(0, box->findData(idData(**current))));
    return dialog;
}

Status UserChoiceDialog::submit()
{
    return m_save(m_choice->currentData());
}

} // namespace confer
