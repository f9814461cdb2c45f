#include "casefile/StageMoveDialog.h"

#include "caseload/Caseload.h"
#include "shell/FormFields.h"

#include <QComboBox>
#include <QFormLayout>
#include <QPlainTextEdit>

namespace confer {

StageMoveDialog::StageMoveDialog(Caseload& caseload, CaseId caseId, const CaseService::StageOption& option,
                                 const StageDefinition* stage, QWidget* parent)
    : FormDialog(tr("Move to %1").arg(option.label), QStringLiteral("stageMoveError"), parent)
    , m_caseload(caseload)
    , m_caseId(caseId)
    , m_toStage(option.stage)
{
    setMinimumWidth(460);
    addText(tr("Moving the case to \u201c%1\u201d needs a reason, which is kept in its chronology.")
                .arg(option.label));
    QWidget* reason = nullptr;
    if (stage && !stage->reasons.isEmpty()) {
        m_reasonBox = FormFields::comboBox(QStringLiteral("stageReasonBox"), tr("Reason"), this);
        m_reasonBox->addItem(tr("Choose a reason"), QString());
        for (const FieldDefinition::Choice& choice : stage->reasons)
            m_reasonBox->addItem(choice.label, choice.key);
        reason = m_reasonBox;
    } else {
        m_reasonEdit = FormFields::textEdit(QStringLiteral("stageReasonEdit"), tr("Reason"), 4, this);
        reason = m_reasonEdit;
    }
    FormFields::addRow(addForm(), tr("&Reason:"), reason);
    setOkText(tr("&Move case"), tr("Move case"));
    updateOkButtonOn({reason});
}

QString StageMoveDialog::reason() const
{
    if (m_reasonBox)
        return m_reasonBox->currentData().toString();
    return m_reasonEdit->toPlainText().trimmed();
}

bool StageMoveDialog::isComplete() const
{
    return !reason().isEmpty();
}

Status StageMoveDialog::submit()
{
    return m_caseload.cases.moveStage(m_caseId, m_toStage, reason());
}

} // namespace confer
