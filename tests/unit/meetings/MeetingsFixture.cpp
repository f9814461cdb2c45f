#include "MeetingsFixture.h"

#include "accounts/AccountService.h"
#include "meetings/Signature.h"
#include "partnership/PanelRoles.h"
#include "session/Session.h"

#include <algorithm>
#include <cmath>

namespace confer::test {

void MeetingsFixture::SetUp()
{
    CaseloadFixture::SetUp();
    if (HasFatalFailure())
        return;
    AgencyService agencies = agencyService();
    for (auto [id, sector] :
         {std::pair{policeId, AgencySector::Police}, std::pair{councilId, AgencySector::LocalAuthority},
          std::pair{probationId, AgencySector::Probation}}) {
        auto agency = agencies.agency(id);
        ASSERT_TRUE(agency.ok());
        agency->sector = sector;
        ASSERT_TRUE(agencies.update(*agency).ok());
    }
    auto added =
        session().accounts().addUser({QStringLiteral("coord.one"), QStringLiteral("Casey Coordinator"),
                                      Role::Coordinator, userPassphrase()});
    ASSERT_TRUE(added.ok()) << added.error().message.toStdString();
    coordinator = *added;
    ASSERT_TRUE(agencies.setUserAgency(coordinator.id, probationId).ok());
    ASSERT_TRUE(panelService().addMember(mapsPanelId, coordinator.id).ok());
    ASSERT_TRUE(PanelRoles(session()).addCoordinator(mapsPanelId, coordinator.id).ok());
}

MeetingService::Details MeetingsFixture::detailsFor(PanelId panelId, const QDate& date) const
{
    MeetingService::Details details;
    details.panelId = panelId;
    details.date = date;
    details.startsAt = QTime(10, 0);
    details.endsAt = QTime(12, 0);
    details.place = QStringLiteral("Committee Room 2, County Hall");
    return details;
}

Meeting MeetingsFixture::planMeeting(PanelId panelId, std::optional<QDate> date)
{
    auto planned = meetings().meetings.plan(detailsFor(panelId, date.value_or(today())));
    EXPECT_TRUE(planned.ok()) << (planned.ok() ? "" : planned.error().message.toStdString());
    return planned.ok() ? *planned : Meeting{};
}

AttendeeId MeetingsFixture::attendeeOf(MeetingId meetingId, UserId userId)
{
    auto list = meetings().attendance.attendees(meetingId);
    EXPECT_TRUE(list.ok());
    if (list.ok()) {
        for (const Attendee& each : *list) {
            if (each.userId == userId)
                return each.id;
        }
    }
    ADD_FAILURE() << "user " << userId << " is not an attendee of meeting " << meetingId;
    return AttendeeId(0);
}

Attendee MeetingsFixture::attendee(MeetingId meetingId, AttendeeId attendeeId)
{
    auto list = meetings().attendance.attendees(meetingId);
    EXPECT_TRUE(list.ok());
    if (list.ok()) {
        const auto found = std::find_if(list->cbegin(), list->cend(),
                                        [&](const Attendee& each) { return each.id == attendeeId; });
        if (found != list->cend())
            return *found;
    }
    ADD_FAILURE() << "no attendee " << attendeeId;
    return {};
}

AgendaItemId MeetingsFixture::addCaseItem(MeetingId meetingId, CaseId caseId)
{
    auto item = meetings().agenda.addCase(meetingId, caseId);
    EXPECT_TRUE(item.ok()) << (item.ok() ? "" : item.error().message.toStdString());
    return item.ok() ? item->id : AgendaItemId(0);
}

AttendeeDetails MeetingsFixture::detailsOf(MeetingId meetingId, AttendeeId attendeeId)
{
    const Attendee who = attendee(meetingId, attendeeId);
    return {who.name, who.agencyName, who.role};
}

void MeetingsFixture::arriveAndSign(AttendeeId attendeeId)
{
    auto meetingId = meetingrows::meetingOfAttendee(session().database(), attendeeId);
    ASSERT_TRUE(meetingId.ok() && *meetingId);
    auto signedIn =
        meetings().declarations.signDrawn(attendeeId, detailsOf(**meetingId, attendeeId), someStrokes());
    ASSERT_TRUE(signedIn.ok()) << signedIn.error().message.toStdString();
}

QByteArray MeetingsFixture::someStrokes()
{
    // A wave 200 px across and 40 px high: well over Signature's "too small" line.
    Signature::Stroke stroke;
    for (int x = 0; x <= 200; x += 5)
        stroke.push_back({qreal(20 + x), 60 + 20 * std::sin(x / 15.0), 0.4 + x / 500.0});
    return Signature({stroke}).encode();
}

} // namespace confer::test
