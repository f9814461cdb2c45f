#include "meetings/DecisionDialog.h"

#include "shell/FormFields.h"
#include "shell/IdData.h"

#include <QComboBox>
#include <QFormLayout>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QStandardItemModel>

namespace confer {

DecisionDialog::DecisionDialog(MeetingDecisions& decisions, AgendaItemId itemId,
                               const std::vector<CaseLifecycle::StageOption>& options,
                               const std::vector<Attendee>& present, QWidget* parent)
    : FormDialog(tr("Record decision"), QStringLiteral("decisionError"), parent)
    , m_decisions(decisions)
    , m_itemId(itemId)
    , m_stage(FormFields::comboBox(QStringLiteral("decisionStageBox"), tr("Move to stage"), this))
    , m_reason(FormFields::textEdit(QStringLiteral("decisionReasonEdit"), tr("Reason"), 3, this))
    , m_proposer(FormFields::comboBox(QStringLiteral("decisionProposerBox"), tr("Proposed by"), this))
    , m_agreed(new QRadioButton(tr("A&greed"), this))
    , m_notAgreed(new QRadioButton(tr("&Not agreed"), this))
    , m_dissent(FormFields::textEdit(QStringLiteral("decisionDissentEdit"), tr("Dissent"), 2, this))
{
    setObjectName(QStringLiteral("decisionDialog"));
    m_agreed->setObjectName(QStringLiteral("decisionAgreed"));
    m_agreed->setAccessibleName(tr("Agreed"));
    m_notAgreed->setObjectName(QStringLiteral("decisionNotAgreed"));
    m_notAgreed->setAccessibleName(tr("Not agreed"));
    m_agreed->setChecked(true);
    auto* model = qobject_cast<QStandardItemModel*>(m_stage->model());
    for (const CaseLifecycle::StageOption& option : options) {
        m_stage->addItem(option.label, option.stage);
        if (!option.isAllowed && model) {
            // Shown, not chosen: the panel sees the step exists and why it cannot be taken yet.
            QStandardItem* item = model->item(m_stage->count() - 1);
            item->setEnabled(false);
            item->setToolTip(option.blockedBecause);
        }
    }
    for (int index = 0; index < m_stage->count(); ++index) {
        if (model && model->item(index)->isEnabled()) {
            m_stage->setCurrentIndex(index);
            break;
        }
    }
    for (const Attendee& attendee : present)
        m_proposer->addItem(attendee.agencyName.isEmpty()
                                ? attendee.name
                                : tr("%1 (%2)").arg(attendee.name, attendee.agencyName),
                            idData(attendee.id));
    m_dissent->setPlaceholderText(tr("As said; never the subject's name"));

    QFormLayout* form = addForm();
    FormFields::addRow(form, tr("Move to &stage:"), m_stage);
    FormFields::addRow(form, tr("&Reason:"), m_reason);
    FormFields::addRow(form, tr("&Proposed by:"), m_proposer);
    FormFields::addRow(form, tr("The panel:"),
                       FormFields::radioRow(tr("The panel"), {m_agreed, m_notAgreed}, this));
    FormFields::addRow(form, tr("&Dissent:"), m_dissent);
    setOkText(tr("Record"), tr("Record the decision"));
    updateOkButtonOn({m_stage, m_proposer});
}

bool DecisionDialog::isComplete() const
{
    return m_stage->currentIndex() >= 0 && m_proposer->currentIndex() >= 0;
}

Status DecisionDialog::submit()
{
    const auto proposer = idFromData<AttendeeId>(m_proposer->currentData());
    if (!proposer)
        return Status::success();
    MeetingDecisions::Proposal proposal;
    proposal.toStage = m_stage->currentData().toString();
    proposal.reason = m_reason->toPlainText().trimmed();
    proposal.proposerAttendeeId = *proposer;
    proposal.isAgreed = m_agreed->isChecked();
    proposal.dissent = m_dissent->toPlainText().trimmed();
    return m_decisions.record(m_itemId, proposal);
}

} // namespace confer
