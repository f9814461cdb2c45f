#pragma once

#include "common/Result.h"
#include "meetings/MeetingTypes.h"

#include <optional>

namespace confer {

class PanelKindRegistry;
class Clock;
class Session;

// The running of an open meeting, one agenda item at a time. Opening a case item asks the registered gates
// (DeclarationGate: everyone present has signed, or the chair has said why not), the same checks a stage
// move asks, so the rule lives in one place and not in the meeting room. Only one item is open at a time.
class MeetingRoom final {
public:
    MeetingRoom(Session& session, const PanelKindRegistry& kinds);
    // With a clock of its own instead of the session's: what "now" is for what it records (the demo
    // records meetings held in the past).
    MeetingRoom(Session& session, const PanelKindRegistry& kinds, const Clock& clock);

    Status openItem(AgendaItemId itemId);
    Status finishItem(AgendaItemId itemId);
    // The item being discussed, if any.
    Result<std::optional<AgendaItem>> currentItem(MeetingId meetingId);

    // The gates an agenda item asks before it opens, by key (the registry holds them).
    static QStringList itemGates();

private:
    Status checkItemGates(MeetingId meetingId, AgendaItemId itemId, CaseId caseId,
                          const QString& label) const;

    Session& m_session;
    const Clock& m_clock;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
