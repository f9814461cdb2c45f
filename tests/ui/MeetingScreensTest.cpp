// The meeting screens driven the way a chair and a coordinator drive them (issue 8): the meetings list, the
// planner and the live meeting room, with real clicks and key presses, checked through the services and the
// audit trail. The partnership is MeetingsFixture's (chair.one chairs every panel; member.one sits on
// Easington MAPS and coordinates the Channel panel; the administrator sits on none).
#include "MeetingsFixture.h"
#include "ShellTestSupport.h"
#include "caseload/Caseload.h"
#include "meetings/DecisionDialog.h"
#include "meetings/MeetingPlanner.h"
#include "meetings/MeetingRoomView.h"
#include "meetings/Meetings.h"
#include "meetings/MeetingsModel.h"
#include "meetings/MeetingsPage.h"
#include "meetings/PlanMeetingDialog.h"
#include "meetings/ReasonDialog.h"
#include "session/Session.h"
#include "support/FindChild.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

#include <memory>

namespace confer::test {
namespace {

void settle()
{
    processDeferredDeletes();
    QCoreApplication::processEvents();
}

template <typename Dialog>
Dialog* openDialog(QWidget* root)
{
    settle();
    for (Dialog* dialog : root->findChildren<Dialog*>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

void click(QWidget* parent, const QString& buttonName)
{
    auto* button = child<QPushButton>(parent, buttonName);
    ASSERT_TRUE(button->isVisible() && button->isEnabled())
        << buttonName.toStdString() << ": " << button->toolTip().toStdString();
    QTest::mouseClick(button, Qt::LeftButton);
    settle();
}

// Clicks the row of a list whose text starts with `text`.
void chooseRow(QListWidget* list, const QString& text)
{
    const auto found = list->findItems(text, Qt::MatchStartsWith);
    ASSERT_FALSE(found.isEmpty()) << "no row " << text.toStdString();
    list->scrollToItem(found.first());
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(found.first()).center());
}

void chooseRow(QTableWidget* table, const QString& name)
{
    const auto found = table->findItems(name, Qt::MatchStartsWith);
    ASSERT_FALSE(found.isEmpty()) << "no row " << name.toStdString();
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualItemRect(found.first()).center());
}

class MeetingScreensTest : public MeetingsFixture {
protected:
    void SetUp() override
    {
        MeetingsFixture::SetUp();
        host = std::make_unique<QWidget>();
        host->resize(1400, 900);
        showActive(*host);
    }

    void TearDown() override
    {
        closeScreens();
        host.reset();
    }

    // Signs in and gives the screens the session's services, as the workspace does on unlock.
    void actAs(const QString& login)
    {
        closeScreens();
        signInAs(login);
        caseload = std::make_unique<Caseload>(session(), *kinds);
        services = std::make_unique<Meetings>(session(), *kinds);
    }

    void closeScreens()
    {
        delete screen.data();
        settle();
        services.reset();
        caseload.reset();
    }

    template <typename Screen, typename... Args>
    Screen* show(Args&&... args)
    {
        delete screen.data();
        auto* shown = new Screen(*caseload, *services, std::forward<Args>(args)..., host.get());
        shown->resize(host->size());
        shown->show();
        screen = shown;
        settle();
        return shown;
    }

    MeetingsPage* showList()
    {
        auto* page = show<MeetingsPage>();
        page->refresh();
        return page;
    }

    // A meeting of panelId today, with one case item, opened; the chair has arrived and signed.
    AgendaItemId openMeetingWithCase(PanelId panelId, const CaseRecord& subject)
    {
        meeting = planMeeting(panelId);
        const AgendaItemId item = addCaseItem(meeting.id, subject.id);
        EXPECT_TRUE(meetings().meetings.open(meeting.id).ok());
        arriveAndSign(attendeeOf(meeting.id, chair.id));
        return item;
    }

    std::unique_ptr<QWidget> host;
    std::unique_ptr<Caseload> caseload;
    std::unique_ptr<Meetings> services;
    QPointer<QWidget> screen;
    Meeting meeting;
};

TEST_F(MeetingScreensTest, TheChairPlansAMeeting_WithTheOfferedCasesInTheBuildersOrder_AndATimeBox)
{
    actAs(chair.login);
    createCase(mapsPanelId, QStringLiteral("Harper Lowes"));
    createCase(mapsPanelId, QStringLiteral("Robin Teal"));
    MeetingsPage* page = showList();
    auto* panels = child<QComboBox>(page, QStringLiteral("meetingsPanelFilter"));
    panels->setCurrentIndex(panels->findText(QStringLiteral("Easington MAPS")));
    QSignalSpy plannerRequested(page, &MeetingsPage::plannerRequested);
    click(page, QStringLiteral("planMeetingButton"));
    auto* dialog = openDialog<PlanMeetingDialog>(host.get());
    ASSERT_NE(dialog, nullptr);
    child<QLineEdit>(dialog, QStringLiteral("planPlaceEdit"))->setFocus();
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("planPlaceEdit")),
                     QStringLiteral("Peterlee Hub"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    settle();
    ASSERT_EQ(plannerRequested.count(), 1);
    const auto meetingId = plannerRequested.first().first().value<MeetingId>();

    auto* planner = show<MeetingPlanner>(meetingId);
    auto offered = meetings().agenda.suggestions(meetingId);
    ASSERT_TRUE(offered.ok());
    ASSERT_EQ(offered->size(), 2u);
    auto* offeredList = child<QListWidget>(planner, QStringLiteral("offeredCases"));
    ASSERT_EQ(offeredList->count(), 2);
    for (int row = 0; row < 2; ++row) {
        const AgendaSuggestion& suggestion = (*offered)[std::size_t(row)];
        EXPECT_TRUE(offeredList->item(row)->text().startsWith(suggestion.caseReference));
        EXPECT_TRUE(offeredList->item(row)->text().contains(agendaReasonDisplayName(suggestion.reason)));
    }
    chooseRow(offeredList, offered->front().caseReference);
    click(planner, QStringLiteral("addOfferedButton"));
    chooseRow(child<QListWidget>(planner, QStringLiteral("plannerAgenda")), QStringLiteral("1."));
    auto* timeBox = child<QSpinBox>(planner, QStringLiteral("timeBoxSpin"));
    timeBox->setValue(20);
    click(planner, QStringLiteral("setTimeBoxButton"));

    auto agenda = meetings().agenda.agenda(meetingId);
    ASSERT_TRUE(agenda.ok());
    ASSERT_EQ(agenda->size(), 1u);
    EXPECT_EQ(agenda->front().caseId, offered->front().caseId);
    EXPECT_EQ(agenda->front().timeBoxMinutes, 20);
    EXPECT_EQ(meetings().meetings.meeting(meetingId)->place, QStringLiteral("Peterlee Hub"));
    EXPECT_EQ(shownError(planner, QStringLiteral("plannerError")), QString());
}

TEST_F(MeetingScreensTest, AMemberWhoIsNotTheChairOrACoordinator_CannotPlanTheirPanelsMeetings)
{
    actAs(member.login);
    MeetingsPage* page = showList();
    auto* panels = child<QComboBox>(page, QStringLiteral("meetingsPanelFilter"));
    auto* plan = child<QPushButton>(page, QStringLiteral("planMeetingButton"));
    panels->setCurrentIndex(panels->findText(QStringLiteral("Easington MAPS")));
    EXPECT_FALSE(plan->isEnabled());
    EXPECT_EQ(plan->toolTip(),
              QStringLiteral("Only the chair or a coordinator of the panel can plan its meetings."));
    page->openPlanDialog();
    EXPECT_EQ(openDialog<PlanMeetingDialog>(host.get()), nullptr);
    // A coordinator of the Channel panel plans that panel's meetings.
    panels->setCurrentIndex(panels->findText(QStringLiteral("County Durham Channel Panel")));
    EXPECT_TRUE(plan->isEnabled());
}

TEST_F(MeetingScreensTest, OpeningACaseItemNamesWhoHasNotSigned_AndGoingOnWithAReasonOpensItAndIsAudited)
{
    actAs(chair.login);
    const CaseRecord subject = createCase(mapsPanelId, QStringLiteral("Harper Lowes"));
    const AgendaItemId item = openMeetingWithCase(mapsPanelId, subject);
    ASSERT_TRUE(meetings().attendance.arrive(attendeeOf(meeting.id, member.id)).ok());
    auto* room = show<MeetingRoomView>(meeting.id);
    chooseRow(child<QListWidget>(room, QStringLiteral("roomAgenda")), QStringLiteral("1."));
    click(room, QStringLiteral("openItemButton"));
    EXPECT_TRUE(shownError(room, QStringLiteral("itemError")).contains(member.displayName))
        << shownError(room, QStringLiteral("itemError")).toStdString();
    EXPECT_EQ(meetings().room.currentItem(meeting.id)->has_value(), false);

    click(room, QStringLiteral("overrideSignatureButton"));
    auto* dialog = openDialog<ReasonDialog>(host.get());
    ASSERT_NE(dialog, nullptr);
    auto* reason = child<QPlainTextEdit>(dialog, QStringLiteral("reasonEdit"));
    reason->setFocus();
    QTest::keyClicks(reason, QStringLiteral("Signing on paper, to be scanned after the meeting."));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    settle();
    auto current = meetings().room.currentItem(meeting.id);
    ASSERT_TRUE(current.ok() && current->has_value());
    EXPECT_EQ((*current)->id, item);
    EXPECT_EQ(auditCount(QStringLiteral("declaration.override")), 1);
    EXPECT_EQ(shownError(room, QStringLiteral("itemError")), QString());
}

TEST_F(MeetingScreensTest, ADecisionAgreedAtTheItemMovesTheCasesStage)
{
    actAs(chair.login);
    const CaseRecord subject = createCase(mapsPanelId, QStringLiteral("Harper Lowes"));
    const AgendaItemId item = openMeetingWithCase(mapsPanelId, subject);
    arriveAndSign(attendeeOf(meeting.id, member.id));
    ASSERT_TRUE(meetings().room.openItem(item).ok());
    auto* room = show<MeetingRoomView>(meeting.id);
    click(room, QStringLiteral("recordDecisionButton"));
    auto* dialog = openDialog<DecisionDialog>(host.get());
    ASSERT_NE(dialog, nullptr);
    auto* stage = child<QComboBox>(dialog, QStringLiteral("decisionStageBox"));
    stage->setCurrentIndex(stage->findData(QStringLiteral("accepted")));
    auto* proposer = child<QComboBox>(dialog, QStringLiteral("decisionProposerBox"));
    proposer->setCurrentIndex(proposer->findText(member.displayName, Qt::MatchStartsWith));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    settle();
    EXPECT_EQ(caseService().open(subject.id)->stage, QStringLiteral("accepted"));
    auto decisions = meetings().decisions.ofMeeting(meeting.id);
    ASSERT_TRUE(decisions.ok());
    ASSERT_EQ(decisions->size(), 1u);
    EXPECT_EQ(decisions->front().proposerName, member.displayName);
    EXPECT_TRUE(shownText(room, QStringLiteral("itemDecisions")).contains(QStringLiteral("Agreed")));
}

TEST_F(MeetingScreensTest, TheQuorumWarningShowsWhenThePoliceLeaveAChannelMeeting_AndGoesWhenTheyReturn)
{
    actAs(chair.login); // Durham County Council: the local authority
    meeting = planMeeting(channelPanelId);
    ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
    ASSERT_TRUE(meetings().attendance.arrive(attendeeOf(meeting.id, chair.id)).ok());
    ASSERT_TRUE(meetings().attendance.arrive(attendeeOf(meeting.id, member.id)).ok()); // the police
    auto* room = show<MeetingRoomView>(meeting.id);
    EXPECT_EQ(shownText(room, QStringLiteral("quorumBanner")), QString());

    auto* attendance = child<QTableWidget>(room, QStringLiteral("attendanceTable"));
    chooseRow(attendance, member.displayName);
    click(room, QStringLiteral("leaveButton"));
    EXPECT_EQ(shownText(room, QStringLiteral("quorumBanner")),
              QStringLiteral("Not quorate: nobody present from Police."));

    chooseRow(attendance, member.displayName);
    click(room, QStringLiteral("arriveButton"));
    EXPECT_EQ(shownText(room, QStringLiteral("quorumBanner")), QString());
}

TEST_F(MeetingScreensTest, AnAdministratorWhoIsNotAMember_SeesOnlyReferencePanelDateAndStatus)
{
    actAs(chair.login);
    meeting = planMeeting(mapsPanelId, today().addDays(7));
    actAs(QString::fromLatin1(TestSession::AdminLogin));
    MeetingsPage* page = showList();
    auto* model = modelOf<MeetingsModel>(page, QStringLiteral("meetingsTable"));
    ASSERT_EQ(model->rowCount(), 1);
    auto cell = [&](int column) { return model->index(0, column).data().toString(); };
    EXPECT_EQ(cell(MeetingsModel::ReferenceColumn), meeting.reference);
    EXPECT_EQ(cell(MeetingsModel::PanelColumn), QStringLiteral("Easington MAPS"));
    EXPECT_FALSE(cell(MeetingsModel::DateColumn).isEmpty());
    EXPECT_EQ(cell(MeetingsModel::StatusColumn), meetingStatusDisplayName(MeetingStatus::Planned));
    for (int column : {MeetingsModel::TimeColumn, MeetingsModel::WhereColumn, MeetingsModel::ChairColumn})
        EXPECT_EQ(cell(column), QString()) << column;
    for (const QLabel* label : page->findChildren<QLabel*>())
        EXPECT_FALSE(label->text().contains(QStringLiteral("County Hall")));
    EXPECT_EQ(auditCount(QStringLiteral("access.denied")), 0) << "listing asks nothing it may not";
}

TEST_F(MeetingScreensTest, TheRoomAsksForSignInWithItsMeetingsId)
{
    actAs(chair.login);
    meeting = planMeeting(mapsPanelId);
    ASSERT_TRUE(meetings().meetings.open(meeting.id).ok());
    auto* room = show<MeetingRoomView>(meeting.id);
    QSignalSpy signIn(room, &MeetingRoomView::signInRequested);
    click(room, QStringLiteral("handOverButton"));
    ASSERT_EQ(signIn.count(), 1);
    EXPECT_EQ(signIn.first().first().value<MeetingId>(), meeting.id);
}

} // namespace
} // namespace confer::test
