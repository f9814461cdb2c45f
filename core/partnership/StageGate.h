#pragma once

#include "common/Id.h"
#include "common/Result.h"

#include <QString>

#include <optional>

namespace confer {

class Database;
struct PanelKind;

// The agenda item of a meeting a step is taken at.
struct MeetingItemRef {
    MeetingId meetingId;
    AgendaItemId agendaItemId;
};

// What a gate is asked about: the case, on the store the caller reads it through, the step the gate
// guards as the user sees it (the stage a case would move into, or the agenda item about to be opened),
// and, when the step is taken at a meeting, the meeting and its item. Opening an agenda item asks the same
// registered gates as a stage move (the "everyone present has signed the declaration" gate reads the
// meeting), so one check serves both.
struct GateContext {
    Database& db;
    CaseId caseId;
    QString stepLabel; // "Support plan", "MAPS-2026-0042" (an agenda item)
    std::optional<MeetingItemRef> atMeeting;
};

// One condition a panel kind's transition may require ("requires": ["consent"]). The definition says
// that a step is gated; the gate decides, from the case, whether it may be taken now and, if not, says
// why in a sentence a chair can read. Gates are registered in a StageGateRegistry, and a kind naming a
// gate the registry does not hold is refused when it loads, so no step is ever guarded by a check this
// copy of Confer cannot make.
class StageGate {
public:
    virtual ~StageGate() = default;
    // The name definition files use; stable, never translated.
    virtual QString key() const = 0;
    // Load time: why a kind cannot use this gate ("the kind does not say \"usesConsent\": true"), or an
    // empty string when it can. `where` names the transition in the loader's sentence ("transition 3").
    virtual QString unusableBy(const PanelKind& kind, const QString& where) const;
    // Check time: success, or InvalidInput with the sentence that both refuses the step and explains,
    // beside the step, why it is not yet possible. A failure to read is returned as it is.
    virtual Status check(const GateContext& context) const = 0;
};

} // namespace confer
