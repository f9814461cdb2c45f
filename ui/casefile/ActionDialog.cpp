#include "casefile/ActionDialog.h"

#include "casefile/CaseChoices.h"
#include "casefile/OptionalDateEdit.h"
#include "caseload/Caseload.h"
#include "shell/FormFields.h"
#include "shell/IdData.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QPlainTextEdit>

namespace confer {

ActionDialog::ActionDialog(Caseload& caseload, CaseId caseId, const std::vector<Agency>& agencies,
                           const QDate& today, QWidget* parent)
    : FormDialog(tr("Add action"), QStringLiteral("actionError"), parent)
    , m_caseload(caseload)
    , m_caseId(caseId)
    , m_description(
          FormFields::textEdit(QStringLiteral("actionDescription"), tr("What is to be done"), 4, this))
    , m_agency(FormFields::comboBox(QStringLiteral("actionAgency"), tr("Owner agency"), this))
    , m_person(FormFields::lineEdit(QStringLiteral("actionPerson"), tr("Owner person"), 200, this))
    , m_due(new OptionalDateEdit(tr("Due date"), this))
{
    setMinimumWidth(540);
    CaseChoices::addAgencies(m_agency, agencies, tr("Choose the agency"));
    m_due->setObjectName(QStringLiteral("actionDue"));
    m_due->setSuggestedDate(today.addDays(14));
    m_due->setDate(today.addDays(14));

    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("&Action:"), m_description);
    FormFields::addRow(form, tr("Owner a&gency:"), m_agency);
    FormFields::addRow(form, tr("Owner &person:"), m_person);
    FormFields::addRow(form, tr("&Due:"), m_due);
    setOkText(tr("&Add action"), tr("Add action"));

    updateOkButtonOn({m_description, m_agency});
    m_description->setFocus();
}

bool ActionDialog::isComplete() const
{
    return !m_description->toPlainText().trimmed().isEmpty() && CaseChoices::chosenAgency(m_agency);
}

Status ActionDialog::submit()
{
    ActionService::NewAction action;
    action.description = m_description->toPlainText().trimmed();
    action.ownerAgencyId = *idFromData<AgencyId>(m_agency->currentData());
    action.ownerPerson = m_person->text().trimmed();
    action.dueDate = m_due->date();
    auto added = m_add ? m_add(action) : m_caseload.actions.add(m_caseId, action);
    if (added.ok())
        m_added = added.value();
    return added;
}

} // namespace confer
