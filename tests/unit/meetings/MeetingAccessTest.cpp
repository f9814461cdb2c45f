// Who sees what (issue 8): an administrator who is not a member sees a meeting's reference, panel, date and
// status only; agendas, attendance and declarations are for the panel's members; planning, opening and
// closing are for the panel's chair and coordinators. Not allowed and unknown give the same sentence.
#include "MeetingsFixture.h"
#include "session/Session.h"

namespace confer::test {

namespace {

const QString NotAvailable = QStringLiteral("This meeting is not available to you.");
const MeetingId Unknown(9999); // no such meeting
const QString LeadsOnly =
    QStringLiteral("Only the chair or a coordinator of the meeting's panel can do that.");

class MeetingAccessTest : public MeetingsFixture {
protected:
    void SetUp() override
    {
        MeetingsFixture::SetUp();
        if (HasFatalFailure())
            return;
        signInAs(chair.login);
        maps = planMeeting(mapsPanelId);
        iom = planMeeting(iomPanelId);
    }

    // Refused with exactly this sentence, and the refusal is the newest audit event, naming what was tried.
    void expectRefused(const Status& status, const QString& sentence, const QString& record,
                       const char* attempted)
    {
        ASSERT_FALSE(status.ok()) << attempted << " was allowed";
        EXPECT_EQ(status.error().code, ErrorCode::AccessDenied) << attempted;
        EXPECT_EQ(status.error().message, sentence) << attempted;
        const auto last = lastAuditEvent();
        ASSERT_TRUE(last);
        EXPECT_EQ(last->action, QStringLiteral("access.denied")) << attempted;
        EXPECT_EQ(last->record, record) << attempted;
        EXPECT_TRUE(last->detail.startsWith(QString::fromLatin1(attempted))) << last->detail.toStdString();
    }

    QStringList listedReferences()
    {
        auto listed = meetings().meetings.meetings();
        EXPECT_TRUE(listed.ok());
        QStringList references;
        for (const MeetingSummary& summary : *listed)
            references << summary.reference;
        return references;
    }

    Meeting maps;
    Meeting iom;
};

} // namespace

TEST_F(MeetingAccessTest, AnAdministratorWhoIsNotAMemberSeesReferencePanelDateAndStatusOnly)
{
    signInAsAdmin();
    EXPECT_EQ(listedReferences(), (QStringList{iom.reference, maps.reference})) << "every panel's, by date";
    auto summary = meetings().meetings.summary(maps.id);
    ASSERT_TRUE(summary.ok());
    EXPECT_EQ(summary->panelName, QStringLiteral("Easington MAPS"));
    EXPECT_EQ(summary->date, today());
    EXPECT_EQ(summary->status, MeetingStatus::Planned);

    const QString record = AuditRecord::ofMeeting(maps.reference);
    expectRefused(meetings().meetings.meeting(maps.id), NotAvailable, record, "meeting.view");
    expectRefused(meetings().agenda.agenda(maps.id), NotAvailable, record, "meeting.view");
    expectRefused(meetings().attendance.attendees(maps.id), NotAvailable, record, "meeting.view");
    expectRefused(meetings().declarations.ofMeeting(maps.id), NotAvailable, record, "meeting.view");
    expectRefused(meetings().decisions.ofMeeting(maps.id), NotAvailable, record, "meeting.view");
    expectRefused(meetings().meetings.open(maps.id), LeadsOnly, record, "meeting.open");
    expectRefused(meetings().meetings.plan(detailsFor(mapsPanelId, today())), LeadsOnly,
                  AuditRecord::ofPanel(mapsPanelId), "meeting.plan");
}

TEST_F(MeetingAccessTest, SomeoneOnAnotherPanelCannotTellAMeetingTheyMayNotSeeFromOneThatDoesNotExist)
{
    signInAs(outsider.login); // County Durham IOM only
    EXPECT_EQ(listedReferences(), QStringList{iom.reference});
    const Status hidden = meetings().meetings.summary(maps.id);
    expectRefused(hidden, NotAvailable, AuditRecord::ofMeeting(maps.reference), "meeting.view");
    const Status unknown = meetings().meetings.summary(Unknown);
    expectRefused(unknown, NotAvailable, AuditRecord::ofMissingMeeting(Unknown), "meeting.view");
    // The same for the leads' calls.
    expectRefused(meetings().meetings.close(maps.id), LeadsOnly, AuditRecord::ofMeeting(maps.reference),
                  "meeting.close");
    expectRefused(meetings().meetings.close(Unknown), LeadsOnly, AuditRecord::ofMissingMeeting(Unknown),
                  "meeting.close");
    expectRefused(meetings().agenda.addBusiness(Unknown, QStringLiteral("Minutes")), LeadsOnly,
                  AuditRecord::ofMissingMeeting(Unknown), "meeting.agenda");
    EXPECT_TRUE(meetings().meetings.meeting(iom.id).ok()) << "a member reads their own panel's meetings";
}

TEST_F(MeetingAccessTest, MembersReadEverything_OnlyTheChairAndCoordinatorsPlanOpenRunAndClose)
{
    signInAs(member.login); // Easington MAPS, not a coordinator of it
    const int viewsBefore =
        auditCount(QStringLiteral("meeting.view"), AuditRecord::ofMeeting(maps.reference));
    EXPECT_TRUE(meetings().meetings.meeting(maps.id).ok());
    EXPECT_TRUE(meetings().agenda.agenda(maps.id).ok());
    EXPECT_TRUE(meetings().attendance.attendees(maps.id).ok());
    EXPECT_TRUE(meetings().declarations.ofMeeting(maps.id).ok());
    EXPECT_TRUE(meetings().attendance.quorum(maps.id).ok());
    EXPECT_EQ(auditCount(QStringLiteral("meeting.view"), AuditRecord::ofMeeting(maps.reference)),
              viewsBefore + 4)
        << "each read of the meeting's contents is audited";
    const QString record = AuditRecord::ofMeeting(maps.reference);
    expectRefused(meetings().meetings.open(maps.id), LeadsOnly, record, "meeting.open");
    expectRefused(meetings().agenda.addBusiness(maps.id, QStringLiteral("Minutes")), LeadsOnly, record,
                  "meeting.agenda");
    expectRefused(meetings().agenda.suggestions(maps.id), LeadsOnly, record, "meeting.agenda");
    expectRefused(meetings().meetings.plan(detailsFor(mapsPanelId, today())), LeadsOnly,
                  AuditRecord::ofPanel(mapsPanelId), "meeting.plan");

    signInAs(coordinator.login);
    ASSERT_TRUE(meetings().meetings.open(maps.id).ok());
    ASSERT_TRUE(meetings().meetings.close(maps.id).ok());
    EXPECT_TRUE(meetings().meetings.plan(detailsFor(mapsPanelId, today().addDays(28))).ok());
}

} // namespace confer::test
