#pragma once

#include "common/Id.h"
#include "common/Result.h"
#include "demo/DemoPartnership.h"

#include <QDate>
#include <QString>

namespace confer {

class DemoDice;
class ManualClock;
class PanelKindRegistry;
class Session;
struct DemoPanel;

// Gives each demonstration panel a history of meetings and its next ones, through the meeting services as a
// coordinator would: past meetings every four weeks, closed, each with an agenda from the panel's caseload
// (carried-forward actions and due reviews first), the members present or sending apologies, a guest for one
// case now and then, every declaration taken (signed on screen, typed and witnessed, or agreed aloud by a
// remote member), the items discussed and actions agreed; then upcoming planned meetings with their agendas.
// A past meeting is recorded with a clock set to its own day, so its times read as they would have.
class DemoMeetings final {
public:
    DemoMeetings(Session& session, const PanelKindRegistry& kinds, DemoDice& dice, QDate today);

    static constexpr int PastMeetings = 3;
    static constexpr int UpcomingMeetings = 2;
    static constexpr int DaysBetweenMeetings = 28;

    Status add(const DemoPanel& panel, DemoPartnership::Outcome& outcome);

private:
    Status hold(const DemoPanel& panel, const QDate& date);
    Result<MeetingId> plan(const DemoPanel& panel, const QDate& date, ManualClock& clock, int cases);
    Status takeDeclarations(MeetingId meetingId, ManualClock& clock);
    Status discuss(MeetingId meetingId, ManualClock& clock);
    Status leaveOutTheDemoRunner(MeetingId meetingId, const DemoPanel& panel);
    Status inviteGuest(MeetingId meetingId, ManualClock& clock);
    // A guest for one item comes for it and signs, and leaves after it.
    Status welcomeGuests(MeetingId meetingId, AgendaItemId itemId, ManualClock& clock, bool isLeaving);

    Session& m_session;
    const PanelKindRegistry& m_kinds;
    DemoDice& m_dice;
    const QDate m_today;
};

} // namespace confer
