#pragma once

#include "common/Id.h"
#include "common/Result.h"

#include <QString>

namespace confer {

class Database;
struct PanelKind;

// What a gate is asked about: the case, on the store the caller reads it through, and the step the
// gate guards as the user sees it (today the stage a case would move into). When meetings come, opening
// an agenda item will ask the same gates with the meeting filled in (the "everyone present has signed
// the declaration" gate reads it), so one registered check serves a stage move and an agenda item alike.
struct GateContext {
    Database& db;
    CaseId caseId;
    QString stepLabel; // "Support plan"
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
