#pragma once

#include "audit/AuditAction.h"
#include "common/Result.h"
#include "meetings/MeetingTypes.h"

#include <vector>

namespace confer {

class Database;
class PanelKindRegistry;
class Clock;
class Session;

// Each panel's confidentiality declaration, versioned (Thurrock 8.1 Method A: "a disclosure and
// confidentiality statement will be read out and signed by all present"). A panel starts from its kind's
// default text; an administrator's edit makes a new version and the old ones stay. Every version carries the
// SHA-256 of its exact text, so a declaration names the words signed and anyone can check them.
class DeclarationTexts final {
public:
    DeclarationTexts(Session& session, const PanelKindRegistry& kinds);
    // With a clock of its own instead of the session's: what "now" is for what it records (the demo
    // records meetings held in the past).
    DeclarationTexts(Session& session, const PanelKindRegistry& kinds, const Clock& clock);

    // The text a meeting opened now would use: the latest stored version, or (id 0, version 0) the kind's
    // default until the panel has one stored. Members and administrators.
    Result<DeclarationText> current(PanelId panelId);
    // Every stored version, oldest first.
    Result<std::vector<DeclarationText>> versions(PanelId panelId);
    // Administrators: stores the text as the panel's next version (audited); the same text as the current
    // version changes nothing.
    Result<DeclarationText> edit(PanelId panelId, const QString& text);

    // For MeetingService::open: the id of the version to fix on a meeting, storing the kind's default as
    // version 1 when the panel has none yet. No access check: the caller has made one.
    Result<DeclarationTextId> versionForMeeting(PanelId panelId);
    // One stored version by id, with no access check (for the services that have made one).
    static Result<DeclarationText> byId(Database& db, DeclarationTextId textId);

private:
    Result<DeclarationText> store(PanelId panelId, const QString& text);
    Status requireReader(PanelId panelId, AuditAction attemptedAction);

    Session& m_session;
    const Clock& m_clock;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
