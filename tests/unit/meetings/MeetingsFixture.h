#pragma once

#include "CaseloadFixture.h"
#include "meetings/Meetings.h"

#include <QByteArray>

#include <optional>

namespace confer::test {

// The caseload tests' partnership (CaseloadFixture: chair.one chairs all four panels, member.one sits on
// Easington MAPS and coordinates the Channel panel, outsider sits on the IOM panel only), with:
//
//   agency                 sector
//   Durham Constabulary    police
//   Durham County Council  local authority
//   Probation Service      probation
//
//   user          role         agency     member of
//   coord.one     coordinator  probation  Easington MAPS, a coordinator of it
//
// The administrator is signed in after SetUp, as in CaseloadFixture. The clock stands at Monday
// 5 January 2026, 09:00 UTC.
class MeetingsFixture : public CaseloadFixture {
protected:
    void SetUp() override;

    // The meeting services for the signed-in session and the shipped kinds.
    Meetings meetings() { return Meetings(session(), *kinds); }

    // Planned as the signed-in user (who must lead the panel), today unless a date is given; the test fails
    // if that is refused.
    Meeting planMeeting(PanelId panelId, std::optional<QDate> date = std::nullopt);
    MeetingService::Details detailsFor(PanelId panelId, const QDate& date) const;
    // The attendee of a meeting who is that user; 0 (and a test failure) when there is none.
    AttendeeId attendeeOf(MeetingId meetingId, UserId userId);
    Attendee attendee(MeetingId meetingId, AttendeeId attendeeId);
    // Adds a case item for caseId and returns its id.
    AgendaItemId addCaseItem(MeetingId meetingId, CaseId caseId);
    // The attendee arrives and signs on the pad (with stand-in strokes); the test fails if refused.
    void arriveAndSign(AttendeeId attendeeId);
    AttendeeDetails detailsOf(MeetingId meetingId, AttendeeId attendeeId);
    // A signature as the signature pad encodes it, large enough to be kept.
    static QByteArray someStrokes();

    User coordinator; // coord.one
};

} // namespace confer::test
