// Before a case item is opened, everyone present must have signed the declaration; an unsigned attendee is
// named and the chair must either get the signature or record an override with a reason (issue 8; Thurrock
// 8.1 Method A). The rule is a registered stage gate (DeclarationGate), not a special case of the meeting
// room.
#include "MeetingsFixture.h"
#include "caseload/ConsentGate.h"
#include "meetings/DeclarationGate.h"
#include "partnership/StageGateRegistry.h"
#include "session/Session.h"

namespace confer::test {

namespace {

class SignInGateTest : public MeetingsFixture {
protected:
    void SetUp() override
    {
        MeetingsFixture::SetUp();
        if (HasFatalFailure())
            return;
        signInAs(chair.login);
        first = createCase(mapsPanelId, QStringLiteral("Harper Lowes"));
        second = createCase(mapsPanelId, QStringLiteral("Jordan Smith"));
        meeting = planMeeting(mapsPanelId);
        firstItem = addCaseItem(meeting.id, first.id);
        secondItem = addCaseItem(meeting.id, second.id);
        ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
        chairAttendee = attendeeOf(meeting.id, chair.id);
        memberAttendee = attendeeOf(meeting.id, member.id);
        coordinatorAttendee = attendeeOf(meeting.id, coordinator.id);
    }

    void arrive(AttendeeId attendeeId) { ASSERT_TRUE(meetings().attendance.arrive(attendeeId).ok()); }

    QString sentenceFor(const CaseRecord& record, const QString& who)
    {
        return QStringLiteral(
                   "Before “%1” is discussed, everyone present must sign the declaration (%2). Get their "
                   "signature, or record why the meeting goes on without it.")
            .arg(record.reference, who);
    }

    CaseRecord first;
    CaseRecord second;
    Meeting meeting;
    AgendaItemId firstItem;
    AgendaItemId secondItem;
    AttendeeId chairAttendee;
    AttendeeId memberAttendee;
    AttendeeId coordinatorAttendee;
};

} // namespace

TEST_F(SignInGateTest, ACaseItemDoesNotOpenUntilEveryonePresentHasSigned_AndTheUnsignedAreNamed)
{
    arriveAndSign(chairAttendee);
    arrive(memberAttendee);
    const Status refused = meetings().room.openItem(firstItem);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(refused.error().message,
              sentenceFor(first, QStringLiteral("not signed yet: Morgan Member (Durham Constabulary)")))
        << "the coordinator has not arrived, so is not waited for";
    auto outstanding = meetings().declarations.outstanding(meeting.id);
    ASSERT_TRUE(outstanding.ok());
    ASSERT_EQ(outstanding->size(), 1u);
    EXPECT_EQ(outstanding->front().attendeeId, memberAttendee);
    EXPECT_FALSE((*meetings().room.currentItem(meeting.id)).has_value());

    // Other business is not case discussion.
    auto minutes = meetings().agenda.addBusiness(meeting.id, QStringLiteral("Minutes of the last meeting"));
    ASSERT_TRUE(minutes.ok());
    ASSERT_TRUE(meetings().room.openItem(minutes->id).ok());
    ASSERT_TRUE(meetings().room.finishItem(minutes->id).ok());

    arriveAndSign(memberAttendee);
    ASSERT_TRUE(meetings().room.openItem(firstItem).ok());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("meeting.item.open"));
    EXPECT_TRUE(lastAuditEvent()->detail.contains(AuditRecord::ofCase(first.reference)));

    // Someone arriving late is asked before the next case.
    arrive(coordinatorAttendee);
    ASSERT_TRUE(meetings().room.finishItem(firstItem).ok());
    EXPECT_EQ(meetings().room.openItem(secondItem).error().message,
              sentenceFor(second, QStringLiteral("not signed yet: Casey Coordinator (Probation Service)")));
    arriveAndSign(coordinatorAttendee);
    EXPECT_TRUE(meetings().room.openItem(secondItem).ok());
}

TEST_F(SignInGateTest, TheChairMayGoOnWithoutASignature_GivingAReason_AndThatIsAudited)
{
    arriveAndSign(chairAttendee);
    arrive(memberAttendee);
    EXPECT_EQ(
        meetings().declarations.overrideMissingSignature(memberAttendee, QStringLiteral("  ")).error().code,
        ErrorCode::InvalidInput);
    EXPECT_FALSE(
        meetings().declarations.overrideMissingSignature(chairAttendee, QStringLiteral("Why not")).ok())
        << "the chair has signed";
    ASSERT_TRUE(meetings()
                    .declarations
                    .overrideMissingSignature(memberAttendee,
                                              QStringLiteral("Pad not working; signed the paper copy"))
                    .ok());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("declaration.override"));
    EXPECT_EQ(lastAuditEvent()->record, AuditRecord::ofMeeting(meeting.reference));
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("attendee:%1").arg(memberAttendee.value()))
        << "the reason stays in the store, not in the trail";
    EXPECT_EQ(attendee(meeting.id, memberAttendee).signIn, SignInState::Overridden);
    EXPECT_TRUE(meetings().room.openItem(firstItem).ok());
}

TEST_F(SignInGateTest, ARefusalIsRecorded_AndKeepsTheCaseItemsClosedWhileTheRefuserIsPresent)
{
    arriveAndSign(chairAttendee);
    arrive(memberAttendee);
    ASSERT_TRUE(meetings().attendance.sendApologies(coordinatorAttendee, true).ok());
    auto refusal =
        meetings().declarations.recordRefusal(memberAttendee, detailsOf(meeting.id, memberAttendee));
    ASSERT_TRUE(refusal.ok()) << refusal.error().message.toStdString();
    EXPECT_TRUE(refusal->isRefusal);
    EXPECT_FALSE(refusal->method.has_value());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("declaration.refuse"));
    EXPECT_EQ(attendee(meeting.id, memberAttendee).signIn, SignInState::Refused);
    EXPECT_EQ(meetings().room.openItem(firstItem).error().message,
              sentenceFor(first, QStringLiteral("refused to sign: Morgan Member (Durham Constabulary)")));

    store.clock.advanceSeconds(5 * 60);
    ASSERT_TRUE(meetings().attendance.leave(memberAttendee).ok());
    EXPECT_TRUE(meetings().room.openItem(firstItem).ok()) << "nobody present is left unsigned";
}

TEST_F(SignInGateTest, AGuestInvitedForOneItemSignsForThatItem)
{
    arriveAndSign(chairAttendee);
    Attendance::Invitee invitee;
    invitee.kind = Attendee::Kind::Guest;
    invitee.name = QStringLiteral("Jo Teacher");
    invitee.agencyName = QStringLiteral("Easington Academy");
    invitee.role = QStringLiteral("Designated safeguarding lead");
    invitee.agendaItemId = secondItem;
    auto guest = meetings().attendance.invite(meeting.id, invitee);
    ASSERT_TRUE(guest.ok()) << guest.error().message.toStdString();
    arrive(guest->id);
    EXPECT_TRUE(meetings().room.openItem(firstItem).ok()) << "the guest is here for the second item only";
    ASSERT_TRUE(meetings().room.finishItem(firstItem).ok());
    EXPECT_EQ(meetings().room.openItem(secondItem).error().message,
              sentenceFor(second, QStringLiteral("not signed yet: Jo Teacher (Easington Academy)")));
    arriveAndSign(guest->id);
    EXPECT_TRUE(meetings().room.openItem(secondItem).ok());
}

TEST_F(SignInGateTest, TheRuleIsTheRegisteredGate_AndWithoutItNoCaseItemOpens)
{
    arriveAndSign(chairAttendee);
    EXPECT_EQ(MeetingRoom::itemGates(), QStringList{DeclarationGate::gateKey()});
    ASSERT_NE(kinds->gates().gate(DeclarationGate::gateKey()), nullptr)
        << "standardStageGates() registers it";

    StageGateRegistry consentOnly;
    consentOnly.add(std::make_unique<ConsentGate>());
    auto withoutIt = PanelKindRegistry::load(consentOnly);
    ASSERT_TRUE(withoutIt.ok());
    const Status refused = MeetingRoom(session(), *withoutIt).openItem(firstItem);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("declarationsSigned"))) << "fails closed";
    EXPECT_TRUE(meetings().room.openItem(firstItem).ok());

    // A kind may require it on a step, which then is taken only at a meeting.
    const Status outside =
        DeclarationGate().check(GateContext{session().database(), first.id, QStringLiteral("Adopted"), {}});
    ASSERT_FALSE(outside.ok());
    EXPECT_EQ(outside.error().message,
              QStringLiteral("“Adopted” is decided at a panel meeting, once everyone present has signed the "
                             "declaration."));
}

} // namespace confer::test
