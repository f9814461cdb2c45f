// The agenda (issue 8): built by the chair from the panel's cases, with cases whose review is due or overdue
// and cases with open actions offered first; ordered; each item with a time box if wanted. Actions still open
// from the previous meeting of the panel are carried forward onto the agenda.
#include "MeetingsFixture.h"
#include "session/Session.h"

namespace confer::test {

namespace {

class AgendaBuilderTest : public MeetingsFixture {
protected:
    void SetUp() override
    {
        MeetingsFixture::SetUp();
        if (HasFatalFailure())
            return;
        signInAs(chair.login);
    }

    void setReview(CaseId caseId, const QDate& date)
    {
        const CaseRecord record = *caseService().open(caseId);
        CaseService::Details details;
        details.risk = record.risk;
        details.leadAgencyId = record.leadAgencyId;
        details.leadProfessional = record.leadProfessional;
        details.nextReview = date;
        details.marking = record.marking;
        details.fields = record.fields;
        details.referralReason = record.referralReason;
        ASSERT_TRUE(caseService().updateDetails(caseId, details).ok());
    }

    CaseAction addAction(CaseId caseId, const QString& description)
    {
        auto added = ActionService(session()).add(
            caseId, {description, policeId, QStringLiteral(""), today().addDays(14)});
        EXPECT_TRUE(added.ok());
        return added.ok() ? *added : CaseAction{};
    }

    // A case created now, its review set to `review`.
    CaseId caseReviewedOn(const QString& name, const QDate& review)
    {
        const CaseId id = createCase(mapsPanelId, name).id;
        setReview(id, review);
        return id;
    }

    QStringList referencesOf(const std::vector<AgendaSuggestion>& suggestions)
    {
        QStringList references;
        for (const AgendaSuggestion& suggestion : suggestions)
            references << suggestion.caseReference;
        return references;
    }
};

} // namespace

TEST_F(AgendaBuilderTest, DueAndOverdueReviewsAndOpenActionsAreOfferedFirst)
{
    const CaseId later = caseReviewedOn(QStringLiteral("Alex Later"), today().addDays(40));
    const CaseId withActions = caseReviewedOn(QStringLiteral("Blake Actions"), today().addDays(40));
    addAction(withActions, QStringLiteral("Arrange a joint visit"));
    const CaseId due = caseReviewedOn(QStringLiteral("Casey Due"), today().addDays(5));
    const CaseId overdue = caseReviewedOn(QStringLiteral("Drew Overdue"), today().addDays(-3));
    const CaseId closed = createCase(mapsPanelId, QStringLiteral("Emery Closed")).id;
    ASSERT_TRUE(caseService().moveStage(closed, QStringLiteral("closed"), QStringLiteral("resolved")).ok());
    createCase(iomPanelId, QStringLiteral("Frankie Other Panel"));

    const Meeting meeting = planMeeting(mapsPanelId, today().addDays(7));
    auto offered = meetings().agenda.suggestions(meeting.id);
    ASSERT_TRUE(offered.ok()) << offered.error().message.toStdString();
    ASSERT_EQ(offered->size(), 4u) << "the panel's open cases only";
    EXPECT_EQ((*offered)[0].caseId, overdue);
    EXPECT_EQ((*offered)[0].reason, AgendaItem::Reason::ReviewOverdue);
    EXPECT_EQ((*offered)[1].caseId, due);
    EXPECT_EQ((*offered)[1].reason, AgendaItem::Reason::ReviewDue) << "due by the meeting's day";
    EXPECT_EQ((*offered)[2].caseId, withActions);
    EXPECT_EQ((*offered)[2].reason, AgendaItem::Reason::OpenActions);
    EXPECT_EQ((*offered)[2].openActions, 1);
    EXPECT_EQ((*offered)[3].caseId, later);
    EXPECT_EQ((*offered)[3].reason, AgendaItem::Reason::Chosen);

    // Added, an item keeps its reason; it is offered no more.
    auto item = meetings().agenda.addCase(meeting.id, due, 15);
    ASSERT_TRUE(item.ok());
    EXPECT_EQ(item->reason, AgendaItem::Reason::ReviewDue);
    EXPECT_EQ(item->timeBoxMinutes, 15);
    EXPECT_EQ(item->subjectName, QStringLiteral("Casey Due"));
    EXPECT_EQ(meetings().agenda.suggestions(meeting.id)->size(), 3u);
    EXPECT_FALSE(meetings().agenda.addCase(meeting.id, due).ok()) << "one item per case";
    EXPECT_FALSE(meetings().agenda.addCase(meeting.id, closed).ok()) << "a closed case";
}

TEST_F(AgendaBuilderTest, ActionsStillOpenFromThePreviousMeetingAreCarriedForwardOntoTheNextAgenda)
{
    const CaseId visited = createCase(mapsPanelId, QStringLiteral("Harper Lowes")).id;
    const CaseId finished = createCase(mapsPanelId, QStringLiteral("Jordan Smith")).id;
    const Meeting previous = planMeeting(mapsPanelId);
    const AgendaItemId visitedItem = addCaseItem(previous.id, visited);
    const AgendaItemId finishedItem = addCaseItem(previous.id, finished);
    ASSERT_TRUE(meetings().meetings.open(previous.id).ok());
    arriveAndSign(attendeeOf(previous.id, chair.id));
    CaseAction open;
    CaseAction done;
    for (auto [item, description, kept] :
         {std::tuple{visitedItem, "Arrange a home visit", &open},
          std::tuple{finishedItem, "Refer to the recovery service", &done}}) {
        ASSERT_TRUE(meetings().room.openItem(item).ok());
        auto agreed =
            meetings().decisions.agreeAction(item, {QString::fromLatin1(description), policeId,
                                                    QStringLiteral("PC Moss"), today().addDays(14)});
        ASSERT_TRUE(agreed.ok()) << agreed.error().message.toStdString();
        *kept = *agreed;
        ASSERT_TRUE(meetings().room.finishItem(item).ok());
    }
    ASSERT_TRUE(meetings().meetings.close(previous.id).ok());
    ASSERT_TRUE(
        ActionService(session()).update(done.id, CaseAction::Status::Done, QStringLiteral("Seen")).ok());
    // An action agreed outside a meeting is open work, not carried forward.
    addAction(finished, QStringLiteral("Check the tenancy"));

    const Meeting next = planMeeting(mapsPanelId, today().addDays(14)); // before their reviews fall due
    auto agenda = meetings().agenda.agenda(next.id);
    ASSERT_TRUE(agenda.ok());
    ASSERT_EQ(agenda->size(), 1u) << "planning put the carried-forward case on the agenda";
    const AgendaItem& carried = agenda->front();
    EXPECT_EQ(carried.caseId, visited);
    EXPECT_EQ(carried.reason, AgendaItem::Reason::CarriedForward);
    EXPECT_EQ(carried.position, 1);
    ASSERT_EQ(carried.carriedActions.size(), 1u);
    EXPECT_EQ(carried.carriedActions.front().actionId, open.id);
    EXPECT_EQ(carried.carriedActions.front().description, QStringLiteral("Arrange a home visit"));
    EXPECT_EQ(carried.carriedActions.front().ownerAgencyName, QStringLiteral("Durham Constabulary"));
    auto offered = meetings().agenda.suggestions(next.id);
    ASSERT_FALSE(offered->empty());
    EXPECT_EQ(offered->front().caseId, finished);
    EXPECT_EQ(offered->front().reason, AgendaItem::Reason::OpenActions);
}

TEST_F(AgendaBuilderTest, TheChairOrdersTheAgendaAndGivesItemsTimeBoxes)
{
    const CaseId first = createCase(mapsPanelId, QStringLiteral("Alex First")).id;
    const CaseId second = createCase(mapsPanelId, QStringLiteral("Blake Second")).id;
    const Meeting meeting = planMeeting(mapsPanelId, today().addDays(7));
    const AgendaItemId a = addCaseItem(meeting.id, first);
    const AgendaItemId b = addCaseItem(meeting.id, second);
    auto minutes =
        meetings().agenda.addBusiness(meeting.id, QStringLiteral("Minutes of the last meeting"), 10);
    ASSERT_TRUE(minutes.ok());
    EXPECT_EQ(minutes->reason, AgendaItem::Reason::Business);
    EXPECT_FALSE(minutes->isCase());
    ASSERT_TRUE(meetings().agenda.move(minutes->id, 1).ok());
    EXPECT_FALSE(meetings().agenda.move(minutes->id, 4).ok());
    EXPECT_FALSE(meetings().agenda.setTimeBox(a, 0).ok());
    EXPECT_FALSE(meetings().agenda.setTimeBox(a, AgendaBuilder::LongestTimeBoxMinutes + 1).ok());
    ASSERT_TRUE(meetings().agenda.setTimeBox(a, 20).ok());
    ASSERT_TRUE(meetings().agenda.remove(b).ok());
    auto agenda = meetings().agenda.agenda(meeting.id);
    ASSERT_TRUE(agenda.ok());
    ASSERT_EQ(agenda->size(), 2u);
    EXPECT_EQ((*agenda)[0].id, minutes->id);
    EXPECT_EQ((*agenda)[0].position, 1);
    EXPECT_EQ((*agenda)[1].id, a);
    EXPECT_EQ((*agenda)[1].position, 2);
    EXPECT_EQ((*agenda)[1].timeBoxMinutes, 20);
    EXPECT_GE(auditCount(QStringLiteral("meeting.agenda"), AuditRecord::ofMeeting(meeting.reference)), 6);

    // Once discussed, an item stays on the agenda.
    advanceDays(7);
    ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
    ASSERT_TRUE(meetings().room.openItem(minutes->id).ok());
    EXPECT_FALSE(meetings().agenda.remove(minutes->id).ok());
}

} // namespace confer::test
