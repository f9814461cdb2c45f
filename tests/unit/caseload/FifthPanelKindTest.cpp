#include "CaseloadFixture.h"
#include "meetings/StandardStageGates.h"
#include "session/Session.h"

using namespace confer;
using namespace confer::test;

namespace {

// A serious violence panel added as nothing but a definition file (data/svp.json): the services
// handle it end to end with no code of its own.
class FifthPanelKindTest : public CaseloadFixture {
protected:
    void SetUp() override
    {
        CaseloadFixture::SetUp();
        if (HasFatalFailure())
            return;
        auto loaded =
            PanelKindRegistry::load(standardStageGates(), {QStringLiteral(CONFER_CASELOAD_TEST_DATA)});
        ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
        withSvp.emplace(std::move(loaded).value());
    }

    std::optional<PanelKindRegistry> withSvp;
};

} // namespace

TEST_F(FifthPanelKindTest, ASeriousViolencePanelWorksEndToEndFromItsDefinitionFileAlone)
{
    ASSERT_NE(withSvp->kind(QStringLiteral("svp")), nullptr);
    EXPECT_EQ(withSvp->kinds().size(), kinds->kinds().size() + 1);
    EXPECT_EQ(kinds->kind(QStringLiteral("svp")), nullptr) << "the shipped kinds stay four";

    // The administrator sets the panel up.
    PanelService panels(session(), *withSvp);
    auto panel = panels.create(QStringLiteral("County Durham Serious Violence Panel"), QStringLiteral("svp"),
                               chair.id);
    ASSERT_TRUE(panel.ok()) << panel.error().message.toStdString();
    ASSERT_TRUE(panels.addMember(panel->id, member.id).ok());

    // A member works a case through every stage.
    signInAs(member.login);
    CaseService cases(session(), *withSvp);
    CaseService::NewCase request = newCase(mapsPanelId, QStringLiteral("Kai Morton"));
    request.panelId = panel->id;
    request.fields = {{QStringLiteral("violenceType"), QStringLiteral("knife")},
                      {QStringLiteral("hotspot"), QStringLiteral("Market Place")}};
    auto created = cases.create(request);
    ASSERT_TRUE(created.ok()) << created.error().message.toStdString();
    EXPECT_EQ(created->reference, QStringLiteral("SVP-2026-0001"));
    EXPECT_EQ(created->stage, QStringLiteral("referred"));
    EXPECT_EQ(created->nextReview, std::optional<QDate>(today().addDays(14))); // its own cadence

    CaseService::NewCase missingField = request;
    missingField.fields.remove(QStringLiteral("violenceType"));
    EXPECT_FALSE(cases.create(missingField).ok());
    CaseService::NewCase household = request;
    household.subject.type = Subject::Type::Household;
    household.subject.dateOfBirth.reset();
    EXPECT_FALSE(cases.create(household).ok()) << "people and places only";

    EXPECT_FALSE(cases.moveStage(created->id, QStringLiteral("monitoring")).ok());
    ASSERT_TRUE(cases.moveStage(created->id, QStringLiteral("assessed")).ok());
    ASSERT_TRUE(cases.moveStage(created->id, QStringLiteral("intervention")).ok());
    advanceDays(30);
    const QDate monitoringFrom = today();
    ASSERT_TRUE(cases.moveStage(created->id, QStringLiteral("monitoring")).ok());
    auto reviews = cases.scheduledReviews(created->id);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 1u);
    EXPECT_EQ(reviews->front().label, QStringLiteral("3-month review in monitoring"));
    EXPECT_EQ(reviews->front().dueDate, monitoringFrom.addMonths(3));
    EXPECT_FALSE(cases.moveStage(created->id, QStringLiteral("closed"), QStringLiteral("bored")).ok());
    ASSERT_TRUE(cases.moveStage(created->id, QStringLiteral("closed"), QStringLiteral("riskReduced")).ok());

    const CaseRecord closed = *cases.open(created->id);
    EXPECT_EQ(closed.stage, QStringLiteral("closed"));
    EXPECT_EQ(closed.stageReason, QStringLiteral("riskReduced"));
    EXPECT_FALSE(closed.nextReview);
    EXPECT_EQ(closed.fields.value(QStringLiteral("hotspot")).toString(), QStringLiteral("Market Place"));
    EXPECT_EQ(auditCount(QStringLiteral("case.stage"), QStringLiteral("case:SVP-2026-0001")), 4);

    // Need-to-know holds for the new kind as for any other.
    signInAs(outsider.login);
    EXPECT_FALSE(CaseService(session(), *withSvp).open(created->id).ok());
}
