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
        qint64 ownerAgencyId = 0;
        QString ownerPerson;
        std::optional<QDate> dueDate;
    };
    Result<CaseAction> add(qint64 caseId, const NewAction& action);
    Status update(qint64 actionId, CaseAction::Status status, const QString& text);
    Result<std::vector<CaseAction>> forCase(qint64 caseId);
    Result<std::vector<ActionUpdate>> updates(qint64 actionId);
    // "My agency's actions": open first, then by due date; only cases the user may see.
    Result<std::vector<CaseAction>> forAgency(qint64 agencyId, bool isOpenOnly);

private:
    Session& m_session;
};

} // namespace confer
