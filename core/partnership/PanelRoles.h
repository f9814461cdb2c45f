#pragma once

#include "common/Id.h"
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
    bool leads(PanelId panelId) const;
    bool leads(PanelId panelId, UserId userId) const;

    // The panel's coordinators, by user id; for its members and administrators.
    Result<std::vector<UserId>> coordinatorIds(PanelId panelId) const;
    Status addCoordinator(PanelId panelId, UserId userId);
    Status removeCoordinator(PanelId panelId, UserId userId);

private:
    Session& m_session;
};

} // namespace confer
