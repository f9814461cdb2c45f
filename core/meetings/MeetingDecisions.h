#pragma once

#include "audit/AuditAction.h"
#include "caseload/ActionService.h"
#include "common/Result.h"
#include "meetings/MeetingTypes.h"

#include <vector>

namespace confer {

class PanelKindRegistry;
class Session;

// What the panel decides at a meeting, recorded against the agenda item being discussed: a stage move (who
// proposed it, that the panel agreed, any dissent), and the actions agreed. An agreed move is made through
// the case's one stage-move path (CaseService::moveStage: the kind's transitions, its gates, and for a panel
// decision the panel's chair or a coordinator), with the meeting's item in the gates' context; a move the
// panel does not agree is recorded and makes no change. Actions agreed here are carried forward to the
// panel's next meeting while they stay open.
class MeetingDecisions final {
public:
    MeetingDecisions(Session& session, const PanelKindRegistry& kinds);

    struct Proposal {
        QString toStage;
        QString reason;                // as the target stage asks for one
        AttendeeId proposerAttendeeId; // someone present at the meeting
        bool isAgreed = true;
        QString dissent; // noted as said, never names the subject
    };
    Result<PanelDecision> record(AgendaItemId itemId, const Proposal& proposal);
    Result<CaseAction> agreeAction(AgendaItemId itemId, const ActionService::NewAction& action);
    // Every decision of the meeting, in the order made. Audited as a read.
    Result<std::vector<PanelDecision>> ofMeeting(MeetingId meetingId);

private:
    struct OpenItem;
    Result<OpenItem> requireOpenCaseItem(AgendaItemId itemId, AuditAction attemptedAction);
    Result<DecisionId> insertDecision(const OpenItem& item, const Proposal& proposal,
                                      const QString& fromStage, const QString& storedReason);

    Session& m_session;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
