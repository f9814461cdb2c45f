// A meeting belongs to a panel and goes planned -> open -> closed, or planned -> cancelled (issue 8).
#include "MeetingsFixture.h"
#include "session/Session.h"

namespace confer::test {

namespace {

class MeetingLifecycleTest : public MeetingsFixture {
protected:
    void SetUp() override
    {
        MeetingsFixture::SetUp();
        if (HasFatalFailure())
            return;
        signInAs(chair.login);
    }

    MeetingStatus statusOf(MeetingId meetingId) { return meetings().meetings.summary(meetingId)->status; }
};

} // namespace

TEST_F(MeetingLifecycleTest, PlanningAMeetingInvitesThePanelsMembers_AndNumbersItPerKindAndYear)
{
    const Meeting first = planMeeting(mapsPanelId, today().addDays(7));
    EXPECT_EQ(first.reference, QStringLiteral("MAPS-M-2026-001"));
    EXPECT_EQ(first.status, MeetingStatus::Planned);
    EXPECT_EQ(first.chairUserId, chair.id) << "the panel's chair by default";
    EXPECT_EQ(first.panelName, QStringLiteral("Easington MAPS"));
    EXPECT_EQ(planMeeting(mapsPanelId, today().addDays(35)).reference, QStringLiteral("MAPS-M-2026-002"));
    EXPECT_EQ(planMeeting(channelPanelId).reference, QStringLiteral("CHANNEL-M-2026-001"));
    EXPECT_EQ(auditCount(QStringLiteral("meeting.plan"), AuditRecord::ofMeeting(first.reference)), 1);

    auto invited = meetings().attendance.attendees(first.id);
    ASSERT_TRUE(invited.ok());
    QStringList names;
    for (const Attendee& attendee : *invited) {
        EXPECT_EQ(attendee.kind, Attendee::Kind::Member);
        EXPECT_FALSE(attendee.isPresent());
        names << attendee.name;
    }
    names.sort();
    EXPECT_EQ(names, (QStringList{QStringLiteral("Casey Coordinator"), QStringLiteral("Chris Chair"),
                                  QStringLiteral("Morgan Member")}));
}

TEST_F(MeetingLifecycleTest, AMeetingNeedsItsDateTimesAndWhereItIsHeld_AndAChairWhoLeadsThePanel)
{
    MeetingService::Details details = detailsFor(mapsPanelId, today());
    details.endsAt = QTime(9, 0);
    EXPECT_EQ(meetings().meetings.plan(details).error().code, ErrorCode::InvalidInput);
    details = detailsFor(mapsPanelId, today());
    details.place = QStringLiteral("  ");
    EXPECT_EQ(meetings().meetings.plan(details).error().code, ErrorCode::InvalidInput);
    details.videoLink = QStringLiteral("https://meet.example.org/maps");
    EXPECT_TRUE(meetings().meetings.plan(details).ok()) << "a video link is a place to meet";
    details.chairUserId = member.id;
    auto notALead = meetings().meetings.plan(details);
    ASSERT_FALSE(notALead.ok());
    EXPECT_TRUE(notALead.error().message.contains(QStringLiteral("chair or one of its coordinators")));
    details.chairUserId = coordinator.id;
    EXPECT_EQ(meetings().meetings.plan(details)->chairUserId, coordinator.id);
}

TEST_F(MeetingLifecycleTest, AMeetingOpensOnItsDay_ClosesAfterwards_AndOnlyAPlannedOneIsCancelled)
{
    const Meeting tomorrow = planMeeting(mapsPanelId, today().addDays(1));
    const Status early = meetings().meetings.open(tomorrow.id);
    ASSERT_FALSE(early.ok());
    EXPECT_EQ(statusOf(tomorrow.id), MeetingStatus::Planned);
    advanceDays(1);
    ASSERT_TRUE(meetings().meetings.open(tomorrow.id).ok());
    EXPECT_EQ(statusOf(tomorrow.id), MeetingStatus::Open);
    auto opened = meetings().meetings.meeting(tomorrow.id);
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(opened->openedUtc, store.clock.nowUtc());
    EXPECT_TRUE(opened->declarationTextId.has_value()) << "opening starts sign-in: the text is fixed";
    EXPECT_FALSE(meetings().meetings.open(tomorrow.id).ok());
    EXPECT_FALSE(meetings().meetings.cancel(tomorrow.id, QStringLiteral("Room double-booked")).ok());
    ASSERT_TRUE(meetings().meetings.close(tomorrow.id).ok());
    EXPECT_EQ(statusOf(tomorrow.id), MeetingStatus::Closed);
    EXPECT_FALSE(meetings().meetings.close(tomorrow.id).ok());

    const Meeting later = planMeeting(mapsPanelId, today().addDays(28));
    EXPECT_EQ(meetings().meetings.cancel(later.id, QStringLiteral(" ")).error().code,
              ErrorCode::InvalidInput);
    ASSERT_TRUE(meetings().meetings.cancel(later.id, QStringLiteral("Chair unwell")).ok());
    EXPECT_EQ(statusOf(later.id), MeetingStatus::Cancelled);
    EXPECT_EQ(meetings().meetings.meeting(later.id)->cancelReason, QStringLiteral("Chair unwell"));
    EXPECT_FALSE(meetings().meetings.open(later.id).ok());
    for (const char* action : {"meeting.open", "meeting.close", "meeting.cancel"})
        EXPECT_EQ(auditCount(QString::fromLatin1(action)), 1) << action;
}

TEST_F(MeetingLifecycleTest, OnlyAPlannedMeetingsDetailsChange)
{
    const Meeting meeting = planMeeting(mapsPanelId, today().addDays(7));
    MeetingService::Details moved = detailsFor(mapsPanelId, today().addDays(8));
    moved.place = QStringLiteral("Peterlee Leisure Centre");
    ASSERT_TRUE(meetings().meetings.change(meeting.id, moved).ok());
    auto changed = meetings().meetings.meeting(meeting.id);
    EXPECT_EQ(changed->date, today().addDays(8));
    EXPECT_EQ(changed->place, QStringLiteral("Peterlee Leisure Centre"));
    EXPECT_EQ(changed->reference, meeting.reference);
    ASSERT_TRUE(meetings().meetings.cancel(meeting.id, QStringLiteral("Moved online")).ok());
    EXPECT_FALSE(meetings().meetings.change(meeting.id, moved).ok());
}

TEST_F(MeetingLifecycleTest, OneItemIsDiscussedAtATime_AndClosingTheMeetingFinishesIt)
{
    const Meeting meeting = planMeeting(mapsPanelId);
    auto first = meetings().agenda.addBusiness(meeting.id, QStringLiteral("Minutes of the last meeting"), 10);
    auto second = meetings().agenda.addBusiness(meeting.id, QStringLiteral("Any other business"));
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_FALSE(meetings().room.openItem(first->id).ok()) << "the meeting is not open yet";
    ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
    ASSERT_TRUE(meetings().room.openItem(first->id).ok());
    const Status another = meetings().room.openItem(second->id);
    ASSERT_FALSE(another.ok());
    EXPECT_EQ(another.error().message, QStringLiteral("Finish item 1 before opening another."));
    EXPECT_EQ((*meetings().room.currentItem(meeting.id))->id, first->id);
    ASSERT_TRUE(meetings().room.finishItem(first->id).ok());
    ASSERT_TRUE(meetings().room.openItem(second->id).ok());
    ASSERT_TRUE(meetings().meetings.close(meeting.id).ok());
    auto agenda = meetings().agenda.agenda(meeting.id);
    ASSERT_TRUE(agenda.ok());
    for (const AgendaItem& item : *agenda) {
        EXPECT_EQ(item.status, AgendaItem::Status::Done);
        EXPECT_TRUE(item.finishedUtc.has_value());
    }
    EXPECT_FALSE(meetings().room.currentItem(meeting.id)->has_value());
}

} // namespace confer::test
