#include "demo/DemoMeetings.h"

#include "common/Clock.h"
#include "demo/DemoDice.h"
#include "demo/DemoPartners.h"
#include "demo/DemoSignature.h"
#include "demo/DemoTables.h"
#include "meetings/AgendaBuilder.h"
#include "meetings/Attendance.h"
#include "meetings/Declarations.h"
#include "meetings/MeetingDecisions.h"
#include "meetings/MeetingRoom.h"
#include "meetings/MeetingService.h"
#include "session/Session.h"

#include <algorithm>

namespace confer {

namespace {

// Panels meet on working days.
QDate workingDayOnOrBefore(QDate date)
{
    while (date.dayOfWeek() > 5)
        date = date.addDays(-1);
    return date;
}

QDate workingDayOnOrAfter(QDate date)
{
    while (date.dayOfWeek() > 5)
        date = date.addDays(1);
    return date;
}

QDateTime at(const QDate& date, int hour, int minute)
{
    return QDateTime(date, QTime(hour, minute), Qt::LocalTime).toUTC();
}

// A manual clock only moves forward.
void moveOn(ManualClock& clock, int minutes)
{
    clock.advanceSeconds(qint64(minutes) * 60);
}

void moveTo(ManualClock& clock, const QDateTime& utc)
{
    const qint64 ms = clock.nowUtc().msecsTo(utc);
    if (ms > 0)
        clock.advanceMs(ms);
}

AttendeeDetails detailsOf(const Attendee& attendee)
{
    return {attendee.name,
            attendee.agencyName.isEmpty() ? QStringLiteral("Independent") : attendee.agencyName,
            attendee.role};
}

} // namespace

DemoMeetings::DemoMeetings(Session& session, const PanelKindRegistry& kinds, DemoDice& dice, QDate today)
    : m_session(session)
    , m_kinds(kinds)
    , m_dice(dice)
    , m_today(today)
{}

Status DemoMeetings::add(const DemoPanel& panel, DemoPartnership::Outcome& outcome)
{
    for (int ago = PastMeetings; ago >= 1; --ago) {
        const QDate date =
            workingDayOnOrBefore(m_today.addDays(-ago * DaysBetweenMeetings + m_dice.between(0, 3)));
        if (Status held = hold(panel, date); !held.ok())
            return held;
        ++outcome.meetings;
    }
    for (int ahead = 0; ahead < UpcomingMeetings; ++ahead) {
        const QDate date =
            workingDayOnOrAfter(m_today.addDays(7 + ahead * DaysBetweenMeetings + m_dice.between(0, 6)));
        ManualClock clock(m_session.clock().nowUtc());
        if (auto planned = plan(panel, date, clock, m_dice.between(3, 5)); !planned.ok())
            return planned.error();
        ++outcome.meetings;
    }
    return {};
}

// Planned three weeks ahead: the panel's members invited, actions carried forward, then the minutes of the
// last meeting and the cases the builder offers first.
Result<MeetingId> DemoMeetings::plan(const DemoPanel& panel, const QDate& date, ManualClock& clock, int cases)
{
    MeetingService meetings(m_session, m_kinds, clock);
    MeetingService::Details details;
    details.panelId = panel.panel.id;
    details.date = date;
    details.startsAt = QTime(10, 0);
    details.endsAt = QTime(12, 0);
    details.place = DemoTables::word(m_dice.pick(DemoTables::MeetingPlaces));
    if (m_dice.chance(0.4))
        details.videoLink =
            QStringLiteral("https://meet.example.org/panel-%1").arg(m_dice.between(1000, 9999));
    auto meeting = meetings.plan(details);
    if (!meeting.ok())
        return meeting.error();
    if (Status left = leaveOutTheDemoRunner(meeting->id, panel); !left.ok())
        return left.error();
    AgendaBuilder agenda(m_session, m_kinds, clock);
    auto minutes =
        agenda.addBusiness(meeting->id, QStringLiteral("Minutes and actions of the last meeting"), 10);
    if (!minutes.ok())
        return minutes.error();
    if (Status moved = agenda.move(minutes->id, 1); !moved.ok())
        return moved.error();
    auto offered = agenda.suggestions(meeting->id);
    if (!offered.ok())
        return offered.error();
    const int count = std::min(cases, int(offered->size()));
    for (int i = 0; i < count; ++i) {
        static constexpr int TimeBoxes[] = {10, 15, 20};
        if (auto added =
                agenda.addCase(meeting->id, (*offered)[std::size_t(i)].caseId, m_dice.pick(TimeBoxes));
            !added.ok())
            return added.error();
    }
    return meeting->id;
}

// The person filling the demonstration is on every demo panel to see its cases, not to attend its meetings.
Status DemoMeetings::leaveOutTheDemoRunner(MeetingId meetingId, const DemoPanel& panel)
{
    const UserId me = m_session.currentUser().id;
    if (panel.panel.chairUserId == me)
        return {};
    Attendance attendance(m_session, m_kinds);
    auto attendees = attendance.attendees(meetingId);
    if (!attendees.ok())
        return attendees.error();
    for (const Attendee& attendee : *attendees) {
        if (attendee.userId == me)
            return attendance.withdrawInvitation(attendee.id);
    }
    return {};
}

Status DemoMeetings::hold(const DemoPanel& panel, const QDate& date)
{
    ManualClock clock(at(date.addDays(-21), 9, 0));
    auto meetingId = plan(panel, date, clock, m_dice.between(3, 5));
    if (!meetingId.ok())
        return meetingId.error();
    Attendance attendance(m_session, m_kinds, clock);
    auto invited = attendance.attendees(*meetingId);
    if (!invited.ok())
        return invited.error();
    // One member sends apologies now and then; one joins by video.
    bool hasApologies = false;
    bool hasRemote = false;
    for (const Attendee& attendee : *invited) {
        if (attendee.userId == panel.panel.chairUserId)
            continue;
        if (!hasApologies && m_dice.chance(0.25)) {
            hasApologies = true;
            if (Status sent = attendance.sendApologies(attendee.id, m_dice.chance(0.5)); !sent.ok())
                return sent;
        } else if (!hasRemote && m_dice.chance(0.3)) {
            hasRemote = true;
            if (Status remote = attendance.setRemote(attendee.id, true); !remote.ok())
                return remote;
        }
    }
    if (m_dice.chance(0.5)) {
        if (Status guest = inviteGuest(*meetingId, clock); !guest.ok())
            return guest;
    }
    moveTo(clock, at(date, 9, 58));
    if (Status opened = MeetingService(m_session, m_kinds, clock).open(*meetingId); !opened.ok())
        return opened;
    if (Status taken = takeDeclarations(*meetingId, clock); !taken.ok())
        return taken;
    if (Status discussed = discuss(*meetingId, clock); !discussed.ok())
        return discussed;
    return MeetingService(m_session, m_kinds, clock).close(*meetingId);
}

Status DemoMeetings::inviteGuest(MeetingId meetingId, ManualClock& clock)
{
    auto agenda = AgendaBuilder(m_session, m_kinds, clock).agenda(meetingId);
    if (!agenda.ok())
        return agenda.error();
    std::vector<AgendaItemId> caseItems;
    for (const AgendaItem& item : *agenda) {
        if (item.isCase())
            caseItems.push_back(item.id);
    }
    if (caseItems.empty())
        return {};
    const DemoTables::GuestSeed& seed = m_dice.pick(DemoTables::Guests);
    Attendance::Invitee guest;
    guest.kind = Attendee::Kind::Guest;
    guest.name = DemoTables::word(m_dice.chance(0.5) ? m_dice.pick(DemoTables::FemaleFirstNames)
                                                     : m_dice.pick(DemoTables::MaleFirstNames)) +
                 QLatin1Char(' ') + DemoTables::word(m_dice.pick(DemoTables::Surnames));
    guest.agencyName = DemoTables::word(seed.agency);
    guest.role = DemoTables::word(seed.role);
    guest.agendaItemId = caseItems[std::size_t(m_dice.between(0, int(caseItems.size()) - 1))];
    return Attendance(m_session, m_kinds, clock).invite(meetingId, guest);
}

Status DemoMeetings::welcomeGuests(MeetingId meetingId, AgendaItemId itemId, ManualClock& clock,
                                   bool isLeaving)
{
    Attendance attendance(m_session, m_kinds, clock);
    auto attendees = attendance.attendees(meetingId);
    if (!attendees.ok())
        return attendees.error();
    for (const Attendee& attendee : *attendees) {
        if (attendee.agendaItemId != itemId)
            continue;
        if (isLeaving) {
            if (Status left = attendance.leave(attendee.id); !left.ok())
                return left;
            continue;
        }
        if (Status arrived = attendance.arrive(attendee.id); !arrived.ok())
            return arrived;
        auto signedIn = Declarations(m_session, clock)
                            .signTypedAndWitnessed(attendee.id, detailsOf(attendee), attendee.name);
        if (!signedIn.ok())
            return signedIn.error();
    }
    return {};
}

// Everyone there signs as they arrive: most on the screen (a signature of their own, DemoSignature), now and
// then by typing their name, a remote member aloud; the chair witnesses those two. A guest for one item
// types.
Status DemoMeetings::takeDeclarations(MeetingId meetingId, ManualClock& clock)
{
    Attendance attendance(m_session, m_kinds, clock);
    Declarations declarations(m_session, clock);
    auto attendees = attendance.attendees(meetingId);
    if (!attendees.ok())
        return attendees.error();
    for (const Attendee& attendee : *attendees) {
        if (attendee.hasSentApologies || attendee.agendaItemId)
            continue;
        moveOn(clock, m_dice.between(1, 2));
        if (Status arrived = attendance.arrive(attendee.id); !arrived.ok())
            return arrived;
        Status signedIn;
        if (attendee.isRemote)
            signedIn = declarations.recordSpokenAgreement(attendee.id, detailsOf(attendee));
        else if (m_dice.chance(0.15))
            signedIn = declarations.signTypedAndWitnessed(attendee.id, detailsOf(attendee), attendee.name);
        else
            signedIn =
                declarations.signDrawn(attendee.id, detailsOf(attendee), DemoSignature::of(attendee.name));
        if (!signedIn.ok())
            return signedIn;
    }
    return {};
}

// Each item in turn, within its time box; now and then an action agreed, which the next meeting carries
// forward while it stays open. A guest for one case comes for that item, signs, and leaves after it.
Status DemoMeetings::discuss(MeetingId meetingId, ManualClock& clock)
{
    AgendaBuilder builder(m_session, m_kinds, clock);
    MeetingRoom room(m_session, m_kinds, clock);
    auto agenda = builder.agenda(meetingId);
    if (!agenda.ok())
        return agenda.error();
    std::optional<AgencyId> ownerAgency;
    if (auto attendees = Attendance(m_session, m_kinds).attendees(meetingId); attendees.ok()) {
        for (const Attendee& attendee : *attendees) {
            if (attendee.isPresent() && attendee.agencyId)
                ownerAgency = attendee.agencyId;
        }
    }
    for (const AgendaItem& item : *agenda) {
        moveOn(clock, 1);
        if (Status guests = welcomeGuests(meetingId, item.id, clock, false); !guests.ok())
            return guests;
        if (Status opened = room.openItem(item.id); !opened.ok())
            return opened;
        if (item.isCase() && ownerAgency && m_dice.chance(0.4)) {
            ActionService::NewAction action;
            action.description = DemoTables::word(m_dice.pick(DemoTables::MeetingActions));
            action.ownerAgencyId = *ownerAgency;
            action.ownerPerson = QStringLiteral("");
            action.dueDate = clock.nowUtc().date().addDays(m_dice.between(14, 35));
            if (auto agreed = MeetingDecisions(m_session, m_kinds).agreeAction(item.id, action); !agreed.ok())
                return agreed.error();
        }
        moveOn(clock, item.timeBoxMinutes.value_or(10));
        if (Status finished = room.finishItem(item.id); !finished.ok())
            return finished;
        if (Status guests = welcomeGuests(meetingId, item.id, clock, true); !guests.ok())
            return guests;
    }
    return {};
}

} // namespace confer
