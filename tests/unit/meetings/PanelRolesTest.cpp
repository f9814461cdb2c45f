// Roles per panel (issue 8): each panel has its chair and coordinators, who plan and run its meetings and
// make its panel decisions; administrators name the coordinators.
#include "partnership/PanelRoles.h"

#include "MeetingsFixture.h"
#include "session/Session.h"

namespace confer::test {

namespace {

class PanelRolesTest : public MeetingsFixture {};

} // namespace

TEST_F(PanelRolesTest, ThePanelsChairAndCoordinatorsLeadIt_ItsOtherMembersDoNot)
{
    PanelRoles roles(session());
    EXPECT_TRUE(roles.leads(mapsPanelId, chair.id));
    EXPECT_TRUE(roles.leads(mapsPanelId, coordinator.id));
    EXPECT_FALSE(roles.leads(mapsPanelId, member.id)) << "a member of the panel, not a coordinator of it";
    EXPECT_TRUE(roles.leads(channelPanelId, member.id)) << "a coordinator of the Channel panel";
    EXPECT_FALSE(roles.leads(iomPanelId, coordinator.id)) << "roles are per panel";
    EXPECT_FALSE(roles.leads(mapsPanelId, adminId)) << "managing panels is not leading one";
    auto coordinators = roles.coordinatorIds(mapsPanelId);
    ASSERT_TRUE(coordinators.ok());
    EXPECT_EQ(*coordinators, std::vector<UserId>{coordinator.id});
}

TEST_F(PanelRolesTest, OnlyAnAdministratorNamesACoordinator_WhoMustBeAMemberOfThePanel)
{
    const Status notMember = PanelRoles(session()).addCoordinator(iomPanelId, member.id);
    ASSERT_FALSE(notMember.ok());
    EXPECT_EQ(notMember.error().code, ErrorCode::InvalidInput);

    ASSERT_TRUE(PanelRoles(session()).addCoordinator(iomPanelId, outsider.id).ok());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("panel.coordinator.add"));
    EXPECT_EQ(lastAuditEvent()->record, AuditRecord::ofPanel(iomPanelId));
    const int events = int(auditEvents().size());
    ASSERT_TRUE(PanelRoles(session()).addCoordinator(iomPanelId, outsider.id).ok());
    EXPECT_EQ(int(auditEvents().size()), events) << "naming a coordinator twice changes nothing";

    signInAs(chair.login);
    const Status chairTries = PanelRoles(session()).addCoordinator(mapsPanelId, member.id);
    ASSERT_FALSE(chairTries.ok());
    EXPECT_EQ(chairTries.error().code, ErrorCode::AccessDenied);
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("access.denied"));
    EXPECT_TRUE(lastAuditEvent()->detail.startsWith(QStringLiteral("panel.coordinator.add")));
}

TEST_F(PanelRolesTest, LeavingThePanelEndsTheCoordinatorsRole)
{
    ASSERT_TRUE(panelService().removeMember(mapsPanelId, coordinator.id).ok());
    EXPECT_FALSE(PanelRoles(session()).leads(mapsPanelId, coordinator.id));
    ASSERT_TRUE(panelService().addMember(mapsPanelId, coordinator.id).ok());
    EXPECT_FALSE(PanelRoles(session()).leads(mapsPanelId, coordinator.id))
        << "membership alone is not the role";
    ASSERT_TRUE(PanelRoles(session()).removeCoordinator(channelPanelId, member.id).ok());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("panel.coordinator.remove"));
    EXPECT_EQ(PanelRoles(session()).removeCoordinator(channelPanelId, member.id).error().code,
              ErrorCode::NotFound);
}

// Adoption is a panel decision: today any member could adopt from the case view; now only the panel's chair
// or a coordinator, through the same stage-move path and with the same sentence in the stage tab and the
// refusal.
TEST_F(PanelRolesTest, APanelDecisionNeedsThisPanelsChairOrACoordinator)
{
    signInAs(member.login);
    const CaseRecord record = createCase(mapsPanelId, QStringLiteral("Harper Lowes"));
    auto options = caseService().stageOptions(record.id);
    ASSERT_TRUE(options.ok());
    const auto accepted =
        std::find_if(options->cbegin(), options->cend(),
                     [](const CaseService::StageOption& o) { return o.stage == QLatin1String("accepted"); });
    ASSERT_NE(accepted, options->cend());
    EXPECT_FALSE(accepted->isAllowed);
    EXPECT_EQ(accepted->blockedBecause,
              QStringLiteral("Moving a case to “Accepted” is a panel decision: only the panel's chair or a "
                             "coordinator can make it."));
    const Status refused = caseService().moveStage(record.id, QStringLiteral("accepted"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message, accepted->blockedBecause);
    EXPECT_EQ(caseService().open(record.id)->stage, QStringLiteral("referred"));

    signInAs(coordinator.login);
    ASSERT_TRUE(caseService().moveStage(record.id, QStringLiteral("accepted")).ok());
    // Not every move is a panel decision: a member moves an accepted case on to active.
    signInAs(member.login);
    EXPECT_TRUE(caseService().moveStage(record.id, QStringLiteral("active")).ok());
}

TEST_F(PanelRolesTest, TheShippedKindsMarkAdoptSelectDeselectCloseAndExitAsPanelDecisions)
{
    auto isDecision = [&](const char* kind, const char* from, const char* to) {
        const Transition* move = kinds->kind(QString::fromLatin1(kind))
                                     ->transition(QString::fromLatin1(from), QString::fromLatin1(to));
        EXPECT_NE(move, nullptr) << kind << " " << from << "->" << to;
        return move && move->isPanelDecision;
    };
    EXPECT_TRUE(isDecision("maps", "referred", "accepted"));
    EXPECT_TRUE(isDecision("maps", "monitoring", "closed"));
    EXPECT_FALSE(isDecision("maps", "active", "monitoring"));
    EXPECT_TRUE(isDecision("iom", "proposed", "selected"));
    EXPECT_TRUE(isDecision("iom", "managed", "deselected"));
    EXPECT_FALSE(isDecision("iom", "managed", "custody"));
    EXPECT_TRUE(isDecision("channel", "screening", "adopted"));
    EXPECT_TRUE(isDecision("channel", "review", "exit"));
    EXPECT_FALSE(isDecision("channel", "adopted", "support"));
    EXPECT_TRUE(isDecision("meam", "referred", "accepted"));
}

} // namespace confer::test
