#pragma once

#include "common/Result.h"
#include "meetings/MeetingRows.h"
#include "meetings/MeetingTypes.h"

#include <optional>
#include <vector>

namespace confer {

class PanelKindRegistry;
class Clock;
class Session;

// A meeting's agenda, built by the chair from the panel's open cases. Offered first, in this order: cases
// with actions agreed at earlier meetings and still open (carried forward, and put on the agenda when the
// meeting is planned), cases whose review is overdue, cases whose review falls due by the meeting's day
// (ReviewDue's one rule), cases with open actions; then the rest of the open caseload. Items are ordered,
// may have a time box, and other business can be added. The chair and coordinators change it while the
// meeting is planned or open; the panel's members read it.
class AgendaBuilder final {
public:
    AgendaBuilder(Session& session, const PanelKindRegistry& kinds);
    // With a clock of its own instead of the session's: what "now" is for what it records (the demo
    // records meetings held in the past).
    AgendaBuilder(Session& session, const PanelKindRegistry& kinds, const Clock& clock);

    // In order, with each case's reference and subject, and the actions carried forward to it. Audited as a
    // read.
    Result<std::vector<AgendaItem>> agenda(MeetingId meetingId);
    // The panel's open cases not yet on the agenda, in the order above.
    Result<std::vector<AgendaSuggestion>> suggestions(MeetingId meetingId);

    // At the end of the agenda, with the reason the builder would give it.
    Result<AgendaItem> addCase(MeetingId meetingId, CaseId caseId, std::optional<int> timeBoxMinutes = {});
    Result<AgendaItem> addBusiness(MeetingId meetingId, const QString& title,
                                   std::optional<int> timeBoxMinutes = {});
    Status move(AgendaItemId itemId, int newPosition); // 1 is the top
    Status remove(AgendaItemId itemId);                // an item not yet opened
    Status setTimeBox(AgendaItemId itemId, std::optional<int> minutes);
    // Puts every case with actions carried forward on the agenda (MeetingService::plan does this).
    Status carryForward(MeetingId meetingId);

    static constexpr int LongestTimeBoxMinutes = 480;

private:
    Result<std::vector<AgendaSuggestion>> candidates(const meetingrows::MeetingFacts& meeting);
    Result<AgendaItemId> insertItem(const meetingrows::MeetingFacts& meeting, std::optional<CaseId> caseId,
                                    const QString& title, AgendaItem::Reason reason,
                                    std::optional<int> timeBox);
    Result<meetingrows::MeetingFacts> requireEditable(const Result<meetingrows::MeetingFacts>& meeting);
    Status renumber(MeetingId meetingId, const std::vector<AgendaItemId>& itemIds);
    Result<AgendaItem> itemById(const meetingrows::MeetingFacts& meeting, AgendaItemId itemId);

    Session& m_session;
    const Clock& m_clock;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
