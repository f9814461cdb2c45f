#include "casefile/UpdateActionDialog.h"

#include "caseload/Caseload.h"
#include "shell/FormFields.h"

#include <QComboBox>
#include <QLabel>
#include <QPlainTextEdit>

namespace confer {

UpdateActionDialog::UpdateActionDialog(Caseload& caseload, const CaseAction& action, QWidget* parent)
    : OutcomeDialog({tr("Update action"), QStringLiteral("updateActionError"),
                     QStringLiteral("actionUpdateText"), tr("Update"), tr("&Update:"), tr("&Save update")},
                    parent)
    , m_caseload(caseload)
    , m_actionId(action.id)
    , m_status(FormFields::comboBox(QStringLiteral("actionStatus"), tr("Status"), this))
{
    setMinimumWidth(520);
    QLabel* what = addText(action.description);
    QFont bold = what->font();
    bold.setWeight(QFont::DemiBold);
    what->setFont(bold);
    addText(action.ownerPerson.isEmpty() ? action.ownerAgencyName
                                         : tr("%1, %2").arg(action.ownerPerson, action.ownerAgencyName),
            Tone::Muted);
    for (CaseAction::Status status : {CaseAction::Status::Open, CaseAction::Status::Done,
                                      CaseAction::Status::NotPossible, CaseAction::Status::NotDone})
        m_status->addItem(actionStatusDisplayName(status), int(status));
    m_status->setCurrentIndex(m_status->findData(int(action.status)));
    outcomeEdit()->setPlaceholderText(tr("What has been done, or why it could not be"));
    addOutcomeForm(tr("&Status:"), m_status);
}

Status UpdateActionDialog::submit()
{
    return m_caseload.actions.update(m_actionId, CaseAction::Status(m_status->currentData().toInt()),
                                     outcome());
}

} // namespace confer
