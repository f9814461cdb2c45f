#pragma once

#include "common/Result.h"
#include "partnership/PartnershipTypes.h"

#include <vector>

namespace confer {

class PanelKindRegistry;
class Session;

// Panels and their membership. Administrators create panels and manage members; everyone sees the
// panels they belong to (administrators see all panels' names and members, never their cases).
class PanelService final {
public:
    PanelService(Session& session, const PanelKindRegistry& kinds);

    Result<std::vector<Panel>> panels() const; // visible to the current user
    // Need-to-know: the panels whose cases the signed-in user may see (the ones they sit on), archived
    // ones included, by name. An administrator who sits on none has none.
    Result<std::vector<Panel>> myPanels() const;
    // The user's panels that still have a live caseload, so take new cases: myPanels() less archived ones.
    Result<std::vector<Panel>> myActivePanels() const;
    // panels() as the panels page lists them, read at once: kind, chair and member count.
    Result<std::vector<PanelSummary>> summaries() const;
    Result<Panel> panel(qint64 id) const;
    Result<Panel> create(const QString& name, const QString& kindKey, std::optional<qint64> chairUserId);
    Status setChair(qint64 panelId, std::optional<qint64> chairUserId);
    Status addMember(qint64 panelId, qint64 userId);
    Status removeMember(qint64 panelId, qint64 userId);
    Result<std::vector<qint64>> memberIds(qint64 panelId) const;

private:
    Session& m_session;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
