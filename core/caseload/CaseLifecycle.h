#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"
#include "partnership/StageGate.h"

#include <vector>

namespace confer {

class PanelKindRegistry;
class Session;
struct PanelKind;
struct Transition;

// A case from referral to closure: creating it in its kind's first stage, and moving it along the
// transitions its kind defines. A move is allowed by one rule: the kind's definition
// (PanelKind::checkMove) and the gates its transition requires (StageGateRegistry), and the options
// offered for the stage tab are judged by the same checks, so the reason shown beside a step and the
// refusal of that step are the same sentence.
class CaseLifecycle final {
public:
    CaseLifecycle(Session& session, const PanelKindRegistry& kinds);

    struct NewCase {
        PanelId panelId;
        Subject subject; // a new subject (id 0) or an existing one (id set)
        QDate referralDate;
        QString referrer;
        std::optional<AgencyId> referringAgencyId;
        QString referralReason;
        std::optional<AgencyId> leadAgencyId;
        QString leadProfessional;
        Risk risk = Risk::Unassessed;
        Marking marking = Marking::OfficialSensitive;
        QVariantMap fields;
    };
    Result<CaseRecord> create(const NewCase& request);

    // A stage the kind allows from the case's current one, with any gate not yet met explained.
    struct StageOption {
        QString stage;
        QString label;
        bool isAllowed = true;
        QString blockedBecause; // e.g. "Consent has not been recorded."
        bool needsReason = false;
    };
    Result<std::vector<StageOption>> stageOptions(CaseId caseId);
    // Closing a case is a move into a closed stage. A move made at a meeting names its agenda item, which
    // the gates may read (MeetingDecisions records the decision against it).
    Status moveStage(CaseId caseId, const QString& toStage, const QString& reason = {},
                     const std::optional<MeetingItemRef>& atMeeting = {});

private:
    struct Opening {
        const PanelKind* kind = nullptr;
        Subject subject;
    };
    // Every check a new case must pass before anything is written.
    Result<Opening> checkNewCase(const NewCase& request);
    Result<CaseId> insertCase(const NewCase& request, const Opening& opening, const QString& reference,
                              const QString& nowUtc);
    // What a new case starts with besides its row: search entry, first stage, reviews, field history.
    Status recordOpening(CaseId caseId, const NewCase& request, const Opening& opening,
                         const QString& reference, const QString& nowUtc);
    // The gates of one transition, checked for one case: success, or the sentence that refuses it.
    Status checkGates(CaseId caseId, const Transition& transition, const QString& toLabel,
                      const std::optional<MeetingItemRef>& atMeeting) const;
    // A panel decision is the panel's chair's or a coordinator's to make: InvalidInput with the sentence
    // shown beside the step otherwise.
    Status checkDecider(PanelId panelId, const Transition& transition, const QString& toLabel) const;

    Session& m_session;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
