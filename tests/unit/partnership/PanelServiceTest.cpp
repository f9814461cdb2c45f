#include "CaseloadFixture.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <algorithm>

using namespace confer;
using namespace confer::test;

namespace {

class PanelServiceTest : public CaseloadFixture {
protected:
    std::vector<QString> visiblePanelNames()
    {
        std::vector<QString> names;
        auto panels = panelService().panels();
        EXPECT_TRUE(panels.ok());
        if (panels.ok()) {
            for (const Panel& panel : *panels)
                names.push_back(panel.name);
        }
        return names;
    }
    bool isMember(qint64 panelId, qint64 userId)
    {
        auto members = panelService().memberIds(panelId);
        return members.ok() && std::find(members->begin(), members->end(), userId) != members->end();
    }
};

} // namespace

TEST_F(PanelServiceTest, AdministratorCreatesAPanelOfAShippedKindAndItIsAudited)
{
    auto panel = panelService().create(QStringLiteral("Peterlee MAPS"), QStringLiteral("maps"), std::nullopt);
    ASSERT_TRUE(panel.ok()) << panel.error().message.toStdString();
    EXPECT_EQ(panel->kindKey, QStringLiteral("maps"));
    EXPECT_FALSE(panel->chairUserId);
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("panel.create"));
    EXPECT_EQ(lastAuditEvent()->record, QStringLiteral("panel:%1").arg(panel->id));
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("kind=maps"));
}

TEST_F(PanelServiceTest, UnknownKindDuplicateOrEmptyNameIsRefusedAndChangesNothing)
{
    const size_t eventsBefore = auditEvents().size();
    auto unknownKind = panelService().create(QStringLiteral("Knife Crime Panel"), QStringLiteral("svp"), {});
    ASSERT_FALSE(unknownKind.ok());
    EXPECT_EQ(unknownKind.error().code, ErrorCode::InvalidInput);
    auto duplicate = panelService().create(QStringLiteral("easington maps"), QStringLiteral("maps"), {});
    ASSERT_FALSE(duplicate.ok());
    EXPECT_EQ(duplicate.error().code, ErrorCode::Conflict);
    EXPECT_FALSE(panelService().create(QStringLiteral(" "), QStringLiteral("maps"), {}).ok());
    EXPECT_FALSE(panelService().create(QStringLiteral("Seaham MAPS"), QStringLiteral("maps"), 9999).ok());
    EXPECT_EQ(visiblePanelNames().size(), 4u);
    EXPECT_EQ(auditEvents().size(), eventsBefore);
}

TEST_F(PanelServiceTest, TheChairIsAlwaysAMember)
{
    auto panel = panelService().create(QStringLiteral("Seaham MAPS"), QStringLiteral("maps"), member.id);
    ASSERT_TRUE(panel.ok());
    EXPECT_TRUE(isMember(panel->id, member.id));
    auto removal = panelService().removeMember(panel->id, member.id);
    ASSERT_FALSE(removal.ok());
    EXPECT_EQ(removal.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(isMember(panel->id, member.id));

    ASSERT_TRUE(panelService().setChair(panel->id, outsider.id).ok());
    EXPECT_TRUE(isMember(panel->id, outsider.id));
    EXPECT_EQ(panelService().panel(panel->id)->chairUserId, std::optional<qint64>(outsider.id));
    EXPECT_TRUE(panelService().removeMember(panel->id, member.id).ok());
}

TEST_F(PanelServiceTest, MembershipChangesAreAuditedWithoutNames)
{
    ASSERT_TRUE(panelService().addMember(meamPanelId, member.id).ok());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("panel.member.add"));
    EXPECT_EQ(lastAuditEvent()->record, QStringLiteral("panel:%1").arg(meamPanelId));
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("user:%1").arg(member.id));
    const size_t eventsBefore = auditEvents().size();
    ASSERT_TRUE(panelService().addMember(meamPanelId, member.id).ok()); // already a member: no change
    EXPECT_EQ(auditEvents().size(), eventsBefore);

    ASSERT_TRUE(panelService().removeMember(meamPanelId, member.id).ok());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("panel.member.remove"));
    EXPECT_FALSE(isMember(meamPanelId, member.id));
    auto again = panelService().removeMember(meamPanelId, member.id);
    ASSERT_FALSE(again.ok());
    EXPECT_EQ(again.error().code, ErrorCode::NotFound);
}

TEST_F(PanelServiceTest, MembersSeeOnlyTheirOwnPanels)
{
    signInAs(member.login);
    EXPECT_EQ(visiblePanelNames(), (std::vector<QString>{QStringLiteral("County Durham Channel Panel"),
                                                         QStringLiteral("Easington MAPS")}));
    EXPECT_TRUE(panelService().panel(mapsPanelId).ok());
    auto other = panelService().panel(iomPanelId);
    ASSERT_FALSE(other.ok());
    EXPECT_EQ(other.error().code, ErrorCode::AccessDenied);
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("access.denied"));
    EXPECT_EQ(lastAuditEvent()->record, QStringLiteral("panel:%1").arg(iomPanelId));
    EXPECT_FALSE(panelService().memberIds(iomPanelId).ok());
}

TEST_F(PanelServiceTest, AdministratorSeesEveryPanelsNameAndMembers)
{
    EXPECT_EQ(visiblePanelNames().size(), 4u);
    EXPECT_TRUE(isMember(iomPanelId, outsider.id));
    EXPECT_FALSE(isMember(iomPanelId, adminId));
}

TEST_F(PanelServiceTest, OnlyAnAdministratorManagesPanelsAndEachRefusalIsAudited)
{
    signInAs(chair.login);
    auto created = panelService().create(QStringLiteral("Seaham MAPS"), QStringLiteral("maps"), {});
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ErrorCode::AccessDenied);
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("access.denied"));
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("panel.create"));
    EXPECT_FALSE(panelService().addMember(mapsPanelId, outsider.id).ok());
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("panel.member.add"));
    EXPECT_FALSE(panelService().removeMember(mapsPanelId, member.id).ok());
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("panel.member.remove"));
    EXPECT_FALSE(panelService().setChair(mapsPanelId, member.id).ok());
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("panel.chair"));
    EXPECT_TRUE(isMember(mapsPanelId, member.id));
    EXPECT_FALSE(isMember(mapsPanelId, outsider.id));
}

TEST_F(PanelServiceTest, RemovedMemberLosesTheCasesAtOnce)
{
    signInAs(member.login);
    const CaseRecord record = createCase(mapsPanelId);
    signInAsAdmin();
    ASSERT_TRUE(panelService().removeMember(mapsPanelId, member.id).ok());
    signInAs(member.login);
    auto opened = caseService().open(record.id);
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::AccessDenied);
}

TEST_F(PanelServiceTest, MyPanelsAreThePanelsISitOnAndAnAdministratorOnNoneHasNone)
{
    // The administrator manages every panel but sits on none: none of their cases are theirs to see.
    EXPECT_EQ(visiblePanelNames().size(), 4u);
    ASSERT_TRUE(panelService().myPanels().ok());
    EXPECT_TRUE(panelService().myPanels()->empty());

    signInAs(member.login);
    std::vector<QString> mine;
    const std::vector<Panel> panels = panelService().myPanels().value();
    for (const Panel& panel : panels)
        mine.push_back(panel.name);
    EXPECT_EQ(mine, (std::vector<QString>{QStringLiteral("County Durham Channel Panel"),
                                          QStringLiteral("Easington MAPS")}));
}

TEST_F(PanelServiceTest, AnArchivedPanelIsStillMineButNoLongerActive)
{
    auto archive =
        session().database().prepare(QStringLiteral("UPDATE panels SET is_archived = 1 WHERE id = :id"));
    ASSERT_TRUE(archive.ok());
    archive->bind(":id", mapsPanelId);
    ASSERT_TRUE(archive->run().ok());

    signInAs(member.login);
    const std::vector<Panel> mine = panelService().myPanels().value();
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_TRUE(std::any_of(mine.begin(), mine.end(),
                            [&](const Panel& panel) { return panel.id == mapsPanelId && panel.isArchived; }));
    const std::vector<Panel> active = panelService().myActivePanels().value();
    ASSERT_EQ(active.size(), 1u);
    EXPECT_EQ(active.front().id, channelPanelId);
}

TEST_F(PanelServiceTest, SummariesGiveEachPanelsKindChairAndMemberCountInOneRead)
{
    int statements = 0;
    session().database().setReadRecorder([&](const Database::StatementReads&) { ++statements; });
    auto summaries = panelService().summaries();
    session().database().setReadRecorder({});
    ASSERT_TRUE(summaries.ok());
    EXPECT_EQ(statements, 1) << "one statement however many panels there are";
    ASSERT_EQ(summaries->size(), 4u);
    for (const PanelSummary& summary : *summaries) {
        EXPECT_EQ(summary.kindName, kindOf(summary.panel.id).name);
        EXPECT_EQ(summary.chairName, chair.displayName);
        EXPECT_EQ(summary.memberCount, int(panelService().memberIds(summary.panel.id)->size()));
    }
    EXPECT_EQ(summaries->front().panel.name, QStringLiteral("County Durham Channel Panel")); // by name
}
