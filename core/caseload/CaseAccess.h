#pragma once

#include "audit/AuditAction.h"
#include "common/Result.h"

#include <QString>

namespace confer {

class Session;

// Need-to-know (Caldicott principle 4): a user may read or change a case only when they are a member
// of its panel (PanelMembership). Administrators manage panels but read no case unless they are members too.
// Every refusal is audited ("access.denied").
class CaseAccess final {
public:
    explicit CaseAccess(Session& session);

    // The panel of a case the user may see; NotFound and AccessDenied are indistinguishable to the
    // caller's user (both say the case is not available), but the audit records which.
    Result<qint64> requireCase(qint64 caseId, AuditAction attemptedAction);

private:
    Session& m_session;
};

} // namespace confer
