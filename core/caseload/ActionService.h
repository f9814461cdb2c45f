#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"

#include <vector>

namespace confer {

class Session;

// Actions (taskings) agreed at the panel: an owner agency and person, a due date, a status and a
// trail of updates.
class ActionService final {
public:
    explicit ActionService(Session& session);

    struct NewAction {
        QString description;
        AgencyId ownerAgencyId;
        QString ownerPerson;
        std::optional<QDate> dueDate;
    };
    Result<CaseAction> add(CaseId caseId, const NewAction& action);
    Status update(ActionId actionId, CaseAction::Status status, const QString& text);
    Result<std::vector<CaseAction>> forCase(CaseId caseId);
    Result<std::vector<ActionUpdate>> updates(ActionId actionId);
    // "My agency's actions": open first, then by due date; only cases the user may see.
    Result<std::vector<CaseAction>> forAgency(AgencyId agencyId, bool isOpenOnly);

private:
    Session& m_session;
};

} // namespace confer
