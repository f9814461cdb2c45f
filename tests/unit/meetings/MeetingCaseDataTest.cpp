// Caldicott principle 4 at meetings: what a meeting shows of its cases (an agenda item's reference and
// subject, the actions carried forward, the cases offered for the agenda, the decisions) is read through
// CaseAccess::visibleCases, as every read of case data, checked on what the store compiles (CaseDataReads).
#include "CaseDataReads.h"
#include "MeetingsFixture.h"
#include "session/Session.h"

#include <QRegularExpression>

namespace confer::test {

namespace {

// A statement that reads a case, its subject or its actions without keeping to the user's visible cases.
// (Meeting tables that refer to a case, such as the agenda, are read under MeetingAccess: the panel's
// members, who are exactly those who see the panel's cases.)
QStringList caseBreaches(CaseDataReads& reads)
{
    QStringList found;
    for (const QString& breach : reads.breaches()) {
        const QString tables = breach.section(QStringLiteral(" without"), 0, 0);
        for (const char* table : {"cases", "subjects", "actions"}) {
            if (tables.contains(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QLatin1String(table))))) {
                found << breach;
                break;
            }
        }
    }
    return found;
}

class MeetingCaseDataTest : public MeetingsFixture {};

} // namespace

TEST_F(MeetingCaseDataTest, WhatAMeetingShowsOfItsCasesKeepsToTheCasesTheUserMaySee)
{
    signInAs(chair.login);
    const CaseRecord record = createCase(mapsPanelId, QStringLiteral("Harper Lowes"));
    createCase(mapsPanelId, QStringLiteral("Jordan Smith"));
    const Meeting meeting = planMeeting(mapsPanelId);
    const AgendaItemId item = addCaseItem(meeting.id, record.id);
    ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
    const AttendeeId chairAttendee = attendeeOf(meeting.id, chair.id);
    const AttendeeId memberAttendee = attendeeOf(meeting.id, member.id);
    arriveAndSign(chairAttendee);
    arriveAndSign(memberAttendee);
    ASSERT_TRUE(meetings().room.openItem(item).ok());
    ASSERT_TRUE(
        meetings()
            .decisions.agreeAction(item, {QStringLiteral("Visit"), policeId, QStringLiteral(""), today()})
            .ok());
    MeetingDecisions::Proposal adopt;
    adopt.toStage = QStringLiteral("accepted");
    adopt.proposerAttendeeId = memberAttendee;
    ASSERT_TRUE(meetings().decisions.record(item, adopt).ok());
    ASSERT_TRUE(meetings().meetings.close(meeting.id).ok());
    const Meeting next = planMeeting(mapsPanelId, today().addDays(14));

    for (const QString& login : {chair.login, member.login}) {
        signInAs(login);
        CaseDataReads reads(session());
        Meetings services = meetings();
        ASSERT_TRUE(services.agenda.agenda(meeting.id).ok());
        ASSERT_TRUE(services.agenda.agenda(next.id).ok());
        (void)services.agenda.suggestions(next.id);
        ASSERT_TRUE(services.decisions.ofMeeting(meeting.id).ok());
        (void)services.room.currentItem(meeting.id);
        reads.stop();
        EXPECT_GT(reads.caseDataStatementCount(), 0) << "the check saw the reads";
        EXPECT_TRUE(reads.caseDataTablesRead().contains(QStringLiteral("cases")));
        const QStringList breaches = caseBreaches(reads);
        EXPECT_TRUE(breaches.isEmpty()) << login.toStdString() << ":\n"
                                        << breaches.join(QLatin1Char('\n')).toStdString();
    }
}

} // namespace confer::test
