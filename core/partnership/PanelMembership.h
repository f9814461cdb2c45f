#pragma once

#include "audit/AuditAction.h"
#include "common/Result.h"

#include <QString>

namespace confer {

class Session;

// Whether the signed-in user sits on a panel: the partnership half of need-to-know (Caldicott principle 4).
// Administrators manage panels but are refused here unless they are members too; every refusal is audited.
class PanelMembership final {
public:
    explicit PanelMembership(Session& session);

    bool isMember(qint64 panelId) const;
    Status requireMember(qint64 panelId, AuditAction attemptedAction, const QString& record);
    // The ids of the panels the user sits on, as a subquery (`SELECT panel_id ...`) for the statements that
    // must keep to them: CaseAccess::visibleCases and PanelService::myPanels.
    QString memberPanelsQuery() const;

private:
    Session& m_session;
};

} // namespace confer
