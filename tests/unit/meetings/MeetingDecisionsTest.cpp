// Decisions are made at meetings (issue 8): stage moves the panel kind marks as panel decisions need this
// panel's chair or a coordinator; made in a meeting, they are recorded against the agenda item (who proposed,
// that the panel agreed, dissent noted), through the case's one stage-move path.
#include "MeetingsFixture.h"
#include "session/Session.h"

namespace confer::test {

namespace {

class MeetingDecisionsTest : public MeetingsFixture {
protected:
    void SetUp() override
    {
        MeetingsFixture::SetUp();
        if (HasFatalFailure())
            return;
        signInAs(chair.login);
        referred = createCase(mapsPanelId, QStringLiteral("Harper Lowes"));
        meeting = planMeeting(mapsPanelId);
        item = addCaseItem(meeting.id, referred.id);
        ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
        chairAttendee = attendeeOf(meeting.id, chair.id);
        memberAttendee = attendeeOf(meeting.id, member.id);
        arriveAndSign(chairAttendee);
        arriveAndSign(memberAttendee);
        ASSERT_TRUE(meetings().room.openItem(item).ok());
    }

    MeetingDecisions::Proposal proposal(const char* toStage, const QString& reason = {})
    {
        MeetingDecisions::Proposal proposal;
        proposal.toStage = QString::fromLatin1(toStage);
        proposal.reason = reason;
        proposal.proposerAttendeeId = memberAttendee;
        return proposal;
    }

    QString stageOf(CaseId caseId) { return caseService().open(caseId)->stage; }

    CaseRecord referred;
    Meeting meeting;
    AgendaItemId item;
    AttendeeId chairAttendee;
    AttendeeId memberAttendee;
};

} // namespace

TEST_F(MeetingDecisionsTest, AnAgreedDecisionMovesTheCase_AndIsRecordedAgainstTheItemWithProposerAndDissent)
{
    MeetingDecisions::Proposal adopt = proposal("accepted");
    adopt.dissent = QStringLiteral("Housing would rather wait a month.");
    auto decided = meetings().decisions.record(item, adopt);
    ASSERT_TRUE(decided.ok()) << decided.error().message.toStdString();
    EXPECT_EQ(decided->agendaItemId, item);
    EXPECT_EQ(decided->caseId, referred.id);
    EXPECT_EQ(decided->caseReference, referred.reference);
    EXPECT_EQ(decided->fromStage, QStringLiteral("referred"));
    EXPECT_EQ(decided->toStage, QStringLiteral("accepted"));
    EXPECT_EQ(decided->proposerName, QStringLiteral("Morgan Member"));
    EXPECT_TRUE(decided->isAgreed);
    EXPECT_EQ(decided->dissent, adopt.dissent);
    EXPECT_EQ(stageOf(referred.id), QStringLiteral("accepted"));
    EXPECT_EQ(auditCount(QStringLiteral("case.stage"), AuditRecord::ofCase(referred.reference)), 1);
    EXPECT_EQ(auditCount(QStringLiteral("meeting.decision"), AuditRecord::ofMeeting(meeting.reference)), 1);
    auto all = meetings().decisions.ofMeeting(meeting.id);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 1u);
    EXPECT_EQ(all->front().id, decided->id);
}

TEST_F(MeetingDecisionsTest, ADecisionThePanelDoesNotAgreeIsRecorded_AndChangesNothing)
{
    MeetingDecisions::Proposal close = proposal("closed", QStringLiteral("resolved"));
    close.isAgreed = false;
    auto decided = meetings().decisions.record(item, close);
    ASSERT_TRUE(decided.ok()) << decided.error().message.toStdString();
    EXPECT_FALSE(decided->isAgreed);
    EXPECT_EQ(stageOf(referred.id), QStringLiteral("referred"));
    EXPECT_EQ(auditCount(QStringLiteral("case.stage"), AuditRecord::ofCase(referred.reference)), 0);
}

TEST_F(MeetingDecisionsTest, TheMovesOwnRulesStillApply_AndARefusedMoveRecordsNoDecision)
{
    const Status noReason = meetings().decisions.record(item, proposal("closed"));
    ASSERT_FALSE(noReason.ok());
    EXPECT_EQ(noReason.error().message, QStringLiteral("Moving a case to “Closed” needs a reason."));
    EXPECT_FALSE(meetings().decisions.record(item, proposal("monitoring")).ok())
        << "not a move from referred";
    EXPECT_TRUE(meetings().decisions.ofMeeting(meeting.id)->empty());
    EXPECT_EQ(auditCount(QStringLiteral("meeting.decision")), 0);
    EXPECT_EQ(stageOf(referred.id), QStringLiteral("referred"));
}

TEST_F(MeetingDecisionsTest,
       DecisionsBelongToTheCaseItemBeingDiscussed_ProposedBySomeonePresent_RecordedByALead)
{
    MeetingDecisions::Proposal byAbsentee = proposal("accepted");
    byAbsentee.proposerAttendeeId = attendeeOf(meeting.id, coordinator.id); // not arrived
    EXPECT_EQ(meetings().decisions.record(item, byAbsentee).error().code, ErrorCode::InvalidInput);

    signInAs(member.login);
    const Status notALead = meetings().decisions.record(item, proposal("accepted"));
    ASSERT_FALSE(notALead.ok());
    EXPECT_EQ(notALead.error().code, ErrorCode::AccessDenied);

    signInAs(coordinator.login);
    ASSERT_TRUE(meetings().room.finishItem(item).ok());
    EXPECT_EQ(meetings().decisions.record(item, proposal("accepted")).error().message,
              QStringLiteral("Decisions are recorded against the case item being discussed."));
    ASSERT_TRUE(meetings().room.openItem(item).ok());
    EXPECT_TRUE(meetings().decisions.record(item, proposal("accepted")).ok()) << "a coordinator of the panel";
}

} // namespace confer::test
