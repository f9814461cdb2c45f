// Declarations (issue 8): signed on the chair's screen; an attendee who cannot use a pointer types their
// name, witnessed by the chair; a remote attendee's spoken agreement is recorded by the chair as witnessed; a
// refusal is recorded. Each keeps meeting, attendee, agency, role, the text version and its hash, time (UTC),
// strokes and method.
#include "MeetingsFixture.h"
#include "meetings/Signature.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

namespace confer::test {

namespace {

class WitnessedDeclarationsTest : public MeetingsFixture {
protected:
    void SetUp() override
    {
        MeetingsFixture::SetUp();
        if (HasFatalFailure())
            return;
        signInAs(chair.login);
        meeting = planMeeting(mapsPanelId);
        chairAttendee = attendeeOf(meeting.id, chair.id);
        memberAttendee = attendeeOf(meeting.id, member.id);
        ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
        text = *meetings().declarations.textOf(meeting.id);
    }

    Meeting meeting;
    AttendeeId chairAttendee;
    AttendeeId memberAttendee;
    DeclarationText text;
};

} // namespace

TEST_F(WitnessedDeclarationsTest, ADrawnDeclarationKeepsTheStrokesTheTextVersionItsHashAndTheTime)
{
    store.clock.advanceSeconds(90);
    const AttendeeDetails details{QStringLiteral("Chris Chair"), QStringLiteral("Durham County Council"),
                                  QStringLiteral("Chair")};
    auto signedIn = meetings().declarations.signDrawn(chairAttendee, details, someStrokes());
    ASSERT_TRUE(signedIn.ok()) << signedIn.error().message.toStdString();
    EXPECT_EQ(signedIn->meetingId, meeting.id);
    EXPECT_EQ(signedIn->attendeeId, chairAttendee);
    EXPECT_EQ(signedIn->attendeeName, details.name);
    EXPECT_EQ(signedIn->agencyName, details.agencyName);
    EXPECT_EQ(signedIn->role, details.role);
    EXPECT_EQ(signedIn->textId, text.id.value_or(DeclarationTextId(0)));
    EXPECT_EQ(signedIn->textVersion, 1);
    EXPECT_EQ(signedIn->textSha256, text.sha256);
    EXPECT_EQ(signedIn->method, Declaration::Method::Drawn);
    EXPECT_EQ(signedIn->strokes, someStrokes());
    EXPECT_FALSE(signedIn->witnessUserId.has_value()) << "a drawn signature needs no witness";
    EXPECT_EQ(signedIn->atUtc, store.clock.nowUtc());
    EXPECT_EQ(signedIn->atUtc.timeSpec(), Qt::UTC);
    EXPECT_EQ(attendee(meeting.id, chairAttendee).arrivedUtc, store.clock.nowUtc())
        << "signing in is arriving";
    EXPECT_EQ(attendee(meeting.id, chairAttendee).signIn, SignInState::Signed);
    const auto audited = auditEvents();
    const auto sign = std::find_if(audited.rbegin(), audited.rend(), [](const AuditEvent& e) {
        return e.action == QLatin1String("declaration.sign");
    });
    ASSERT_NE(sign, audited.rend());
    EXPECT_TRUE(sign->detail.contains(QStringLiteral("drawn"))) << sign->detail.toStdString();
    EXPECT_TRUE(sign->detail.contains(text.sha256));
    auto all = meetings().declarations.ofMeeting(meeting.id);
    ASSERT_TRUE(all.ok());
    ASSERT_EQ(all->size(), 1u);
    EXPECT_EQ(all->front().strokes, someStrokes());

    EXPECT_EQ(meetings().declarations.signDrawn(memberAttendee, details, QByteArray()).error().code,
              ErrorCode::InvalidInput)
        << "an empty pad";
    EXPECT_FALSE(
        meetings()
            .declarations.signDrawn(memberAttendee, {QStringLiteral("Morgan Member"), {}, {}}, someStrokes())
            .ok())
        << "the agency is part of the declaration";
}

TEST_F(WitnessedDeclarationsTest, ATypedNameIsRecordedAsWitnessedByTheChair)
{
    EXPECT_FALSE(
        meetings()
            .declarations
            .signTypedAndWitnessed(memberAttendee, detailsOf(meeting.id, memberAttendee), QStringLiteral(" "))
            .ok());
    auto typed = meetings().declarations.signTypedAndWitnessed(
        memberAttendee, detailsOf(meeting.id, memberAttendee), QStringLiteral("Morgan Member"));
    ASSERT_TRUE(typed.ok()) << typed.error().message.toStdString();
    EXPECT_EQ(typed->method, Declaration::Method::TypedAndWitnessed);
    EXPECT_EQ(typed->typedName, QStringLiteral("Morgan Member"));
    EXPECT_TRUE(typed->strokes.isEmpty());
    EXPECT_EQ(typed->witnessUserId, chair.id);
    EXPECT_EQ(typed->witnessName, QStringLiteral("Chris Chair"));
    EXPECT_EQ(declarationMethodDisplayName(*typed->method),
              QStringLiteral("Name typed, witnessed by the chair"));
}

TEST_F(WitnessedDeclarationsTest, ARemoteAttendeesSpokenAgreementIsRecordedAsWitnessed_AndOnlyARemoteOnes)
{
    const Status inTheRoom =
        meetings().declarations.recordSpokenAgreement(memberAttendee, detailsOf(meeting.id, memberAttendee));
    ASSERT_FALSE(inTheRoom.ok());
    EXPECT_EQ(inTheRoom.error().code, ErrorCode::InvalidInput);
    ASSERT_TRUE(meetings().attendance.setRemote(memberAttendee, true).ok());
    auto spoken =
        meetings().declarations.recordSpokenAgreement(memberAttendee, detailsOf(meeting.id, memberAttendee));
    ASSERT_TRUE(spoken.ok()) << spoken.error().message.toStdString();
    EXPECT_EQ(spoken->method, Declaration::Method::SpokenAndWitnessed);
    EXPECT_EQ(spoken->witnessUserId, chair.id);
    EXPECT_EQ(attendee(meeting.id, memberAttendee).signedBy, Declaration::Method::SpokenAndWitnessed);
    EXPECT_TRUE(declarationMethodDisplayName(*spoken->method).contains(QStringLiteral("remote")));
}

TEST_F(WitnessedDeclarationsTest, SigningAfterARefusalReplacesIt_AndNoDeclarationIsEverChanged)
{
    ASSERT_TRUE(
        meetings().declarations.recordRefusal(memberAttendee, detailsOf(meeting.id, memberAttendee)).ok());
    EXPECT_EQ(attendee(meeting.id, memberAttendee).signIn, SignInState::Refused);
    arriveAndSign(memberAttendee);
    EXPECT_EQ(attendee(meeting.id, memberAttendee).signIn, SignInState::Signed);
    auto all = meetings().declarations.ofMeeting(meeting.id);
    ASSERT_EQ(all->size(), 2u) << "the refusal is kept";
    EXPECT_TRUE(all->front().isRefusal);

    auto rewrite =
        session().database().prepare(QStringLiteral("UPDATE declarations SET attendee_name = 'x'"));
    ASSERT_TRUE(rewrite.ok());
    EXPECT_FALSE(rewrite->run().ok());
}

TEST_F(WitnessedDeclarationsTest, DeclarationsAreTakenOnTheChairsScreenWhileTheMeetingIsOpen)
{
    signInAs(member.login);
    const Status notTheChair = meetings().declarations.signDrawn(
        memberAttendee, detailsOf(meeting.id, memberAttendee), someStrokes());
    ASSERT_FALSE(notTheChair.ok());
    EXPECT_EQ(notTheChair.error().code, ErrorCode::AccessDenied);

    signInAs(chair.login);
    ASSERT_TRUE(meetings().meetings.close(meeting.id).ok());
    EXPECT_EQ(
        meetings()
            .declarations.signDrawn(memberAttendee, detailsOf(meeting.id, memberAttendee), someStrokes())
            .error()
            .code,
        ErrorCode::InvalidInput);
    const Meeting planned = planMeeting(mapsPanelId, today().addDays(7));
    const AttendeeId early = attendeeOf(planned.id, member.id);
    EXPECT_FALSE(meetings().declarations.signDrawn(early, detailsOf(planned.id, early), someStrokes()).ok())
        << "sign-in starts when the meeting opens";
}

namespace {

QByteArray strokesOf(const std::vector<Signature::Stroke>& strokes)
{
    return Signature(strokes).encode();
}

} // namespace

TEST_F(WitnessedDeclarationsTest, AnEmptyTinyOrUnreadableDrawingIsRefusedWithASentence_AndNothingChanges)
{
    const auto details = detailsOf(meeting.id, memberAttendee);
    const auto eventsBefore = auditEvents().size();
    const struct {
        const char* what;
        QByteArray strokes;
        const char* sentenceStart;
    } refused[] = {
        {"no bytes", QByteArray(), "Nothing has been signed yet"},
        {"no strokes", strokesOf({}), "Nothing has been signed yet"},
        {"a dot", strokesOf({{{50, 50, 0.5}}}), "This signature is too small"},
        {"a tick", strokesOf({{{50, 50, 0.5}, {60, 62, 0.5}, {80, 30, 0.5}}}), "This signature is too small"},
        {"not a signature", QByteArrayLiteral("CSG\x01 strokes as the signature pad encodes them"),
         "This signature could not be read"},
        {"another magic", QByteArrayLiteral("PNG\x01\x00\x00"), "This signature could not be read"},
    };
    for (const auto& drawing : refused) {
        auto signedIn = meetings().declarations.signDrawn(memberAttendee, details, drawing.strokes);
        ASSERT_FALSE(signedIn.ok()) << drawing.what;
        EXPECT_EQ(signedIn.error().code, ErrorCode::InvalidInput) << drawing.what;
        EXPECT_TRUE(signedIn.error().message.startsWith(QLatin1String(drawing.sentenceStart)))
            << drawing.what << ": " << signedIn.error().message.toStdString();
    }
    EXPECT_EQ(attendee(meeting.id, memberAttendee).signIn, SignInState::NotYet);
    EXPECT_FALSE(attendee(meeting.id, memberAttendee).arrivedUtc.has_value())
        << "a refused drawing is no arrival";
    EXPECT_TRUE(meetings().declarations.ofMeeting(meeting.id)->empty());
    const auto audited = auditEvents();
    for (std::size_t i = eventsBefore; i < audited.size(); ++i)
        EXPECT_FALSE(audited[i].action.startsWith(QLatin1String("declaration.")))
            << audited[i].action.toStdString();
}

TEST_F(WitnessedDeclarationsTest, ADrawingOfInitialsIsKeptAsDrawn)
{
    // Two strokes, "JS"-sized: about 2 cm across, with more than 100 px of ink.
    const QByteArray initials = strokesOf({{{10, 10, 0.5}, {10, 50, 0.6}, {0, 60, 0.4}},
                                           {{60, 10, 0.5}, {40, 20, 0.5}, {60, 40, 0.6}, {40, 60, 0.5}}});
    auto signedIn =
        meetings().declarations.signDrawn(memberAttendee, detailsOf(meeting.id, memberAttendee), initials);
    ASSERT_TRUE(signedIn.ok()) << signedIn.error().message.toStdString();
    EXPECT_EQ(signedIn->strokes, initials);
    EXPECT_EQ(*Signature::decode(signedIn->strokes), *Signature::decode(initials));
}

} // namespace confer::test
