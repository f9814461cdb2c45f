#pragma once

#include "common/Result.h"

#include <vector>

namespace confer {

class Session;

// Who leads a panel: its chair (panels.chair_user_id, set through PanelService) and its coordinators.
// Together they plan, open and close the panel's meetings and make its panel decisions (adopt, select,
// de-select, close, exit: the transitions its kind marks "panelDecision"). Roles per account (User::role)
// say what someone may do across Confer; these say what they may do for one panel. Administrators name
// the coordinators, who must be members of the panel; every change is audited.
class PanelRoles final {
public:
    explicit PanelRoles(Session& session);

    // Whether the signed-in user is the panel's chair or one of its coordinators (false on a read failure:
    // fail closed).
    bool leads(qint64 panelId) const;
    bool leads(qint64 panelId, qint64 userId) const;

    // The panel's coordinators, by user id; for its members and administrators.
    Result<std::vector<qint64>> coordinatorIds(qint64 panelId) const;
    Status addCoordinator(qint64 panelId, qint64 userId);
    Status removeCoordinator(qint64 panelId, qint64 userId);

private:
    Session& m_session;
};

} // namespace confer
