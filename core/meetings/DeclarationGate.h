#pragma once

#include "partnership/StageGate.h"

namespace confer {

// "declarationsSigned": everyone present at the meeting has signed its confidentiality declaration, or the
// chair has recorded why the meeting goes on without them (Thurrock 8.1 Method A: "read out and signed by
// all present"; Durham 5.10: Channel's declaration is agreed by all participating agencies). Opening a case
// agenda item asks it (MeetingRoom::openItem); a panel kind may also require it on a transition, which then
// can only be taken at a meeting. It names who has not signed, so the chair knows whom to ask.
class DeclarationGate final : public StageGate {
public:
    static QString gateKey() { return QStringLiteral("declarationsSigned"); }

    QString key() const override { return gateKey(); }
    Status check(const GateContext& context) const override;
};

} // namespace confer
