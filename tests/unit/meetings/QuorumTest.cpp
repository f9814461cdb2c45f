// Quorum (issue 8; Durham 5.10): each panel kind names the sectors a meeting needs; the meeting room warns
// while one is missing, and the minutes say so. Channel needs the local authority and the police.
#include "MeetingsFixture.h"
#include "session/Session.h"

namespace confer::test {

namespace {

class QuorumTest : public MeetingsFixture {
protected:
    void SetUp() override
    {
        MeetingsFixture::SetUp();
        if (HasFatalFailure())
            return;
        signInAs(chair.login); // Durham County Council: the local authority
        meeting = planMeeting(channelPanelId);
        ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
        chairAttendee = attendeeOf(meeting.id, chair.id);
        policeAttendee = attendeeOf(meeting.id, member.id);
    }

    QuorumCheck quorum()
    {
        auto check = meetings().attendance.quorum(meeting.id);
        EXPECT_TRUE(check.ok());
        return check.ok() ? *check : QuorumCheck{};
    }

    Meeting meeting;
    AttendeeId chairAttendee;
    AttendeeId policeAttendee;
};

} // namespace

TEST_F(QuorumTest, AChannelMeetingIsNotQuorateWithoutTheLocalAuthorityAndThePolice)
{
    QuorumCheck check = quorum();
    EXPECT_EQ(check.required, (QList<AgencySector>{AgencySector::LocalAuthority, AgencySector::Police}));
    EXPECT_FALSE(check.isQuorate());
    EXPECT_EQ(check.warning(), QStringLiteral("Not quorate: nobody present from Local authority, Police."));

    ASSERT_TRUE(meetings().attendance.arrive(chairAttendee).ok());
    EXPECT_EQ(quorum().missing, QList<AgencySector>{AgencySector::Police});
    ASSERT_TRUE(meetings().attendance.arrive(policeAttendee).ok());
    EXPECT_TRUE(quorum().isQuorate());
    EXPECT_TRUE(quorum().warning().isEmpty());

    store.clock.advanceSeconds(30 * 60);
    ASSERT_TRUE(meetings().attendance.leave(policeAttendee).ok());
    EXPECT_EQ(quorum().missing, QList<AgencySector>{AgencySector::Police}) << "the police left";
}

TEST_F(QuorumTest, ObserversAndGuestsForOneItemDoNotMakeAMeetingQuorate_AGuestForTheWholeMeetingDoes)
{
    ASSERT_TRUE(meetings().attendance.arrive(chairAttendee).ok());
    ASSERT_TRUE(meetings().attendance.sendApologies(policeAttendee, true).ok());
    Attendance::Invitee observer;
    observer.kind = Attendee::Kind::Observer;
    observer.name = QStringLiteral("Sam Student");
    observer.agencyId = policeId;
    observer.role = QStringLiteral("Student officer");
    auto watching = meetings().attendance.invite(meeting.id, observer);
    ASSERT_TRUE(watching.ok()) << watching.error().message.toStdString();
    ASSERT_TRUE(meetings().attendance.arrive(watching->id).ok());
    const CaseId caseId = createCase(channelPanelId, QStringLiteral("Rowan Tate")).id;
    Attendance::Invitee forOneItem = observer;
    forOneItem.kind = Attendee::Kind::Guest;
    forOneItem.name = QStringLiteral("Dee Prevent");
    forOneItem.role = QStringLiteral("Prevent officer");
    forOneItem.agendaItemId = addCaseItem(meeting.id, caseId);
    auto guest = meetings().attendance.invite(meeting.id, forOneItem);
    ASSERT_TRUE(guest.ok()) << guest.error().message.toStdString();
    ASSERT_TRUE(meetings().attendance.arrive(guest->id).ok());
    EXPECT_EQ(quorum().missing, QList<AgencySector>{AgencySector::Police});

    Attendance::Invitee wholeMeeting = forOneItem;
    wholeMeeting.name = QStringLiteral("Insp. Lee Hall");
    wholeMeeting.agendaItemId.reset();
    auto deputy = meetings().attendance.invite(meeting.id, wholeMeeting);
    ASSERT_TRUE(deputy.ok());
    ASSERT_TRUE(meetings().attendance.arrive(deputy->id).ok());
    EXPECT_TRUE(quorum().isQuorate());
}

} // namespace confer::test
