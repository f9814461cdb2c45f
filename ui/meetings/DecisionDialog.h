#pragma once

#include "caseload/CaseLifecycle.h"
#include "meetings/MeetingDecisions.h"
#include "shell/FormDialog.h"

#include <vector>

class QComboBox;
class QPlainTextEdit;
class QRadioButton;

namespace confer {

// The panel's decision on the case being discussed: the stage it moves to (the case service's options,
// a step not possible shown with why), the reason, who proposed it, whether the panel agreed, and any
// dissent. MeetingDecisions records it; an agreed move changes the case's stage.
class DecisionDialog final : public FormDialog {
    Q_OBJECT
public:
    // present: who may propose (the attendees present).
    DecisionDialog(MeetingDecisions& decisions, AgendaItemId itemId,
                   const std::vector<CaseLifecycle::StageOption>& options,
                   const std::vector<Attendee>& present, QWidget* parent);

protected:
    Status submit() override;
    bool isComplete() const override;

private:
    MeetingDecisions& m_decisions;
    AgendaItemId m_itemId;
    QComboBox* m_stage;
    QPlainTextEdit* m_reason;
    QComboBox* m_proposer;
    QRadioButton* m_agreed;
    QRadioButton* m_notAgreed;
    QPlainTextEdit* m_dissent;
};

} // namespace confer
