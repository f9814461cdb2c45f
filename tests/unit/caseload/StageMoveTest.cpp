#include "CaseloadFixture.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

using namespace confer;
using namespace confer::test;

namespace {

class StageMoveTest : public CaseloadFixture {
protected:
    void SetUp() override
    {
        CaseloadFixture::SetUp();
        if (!HasFatalFailure())
            signInAs(chair.login); // a member of every panel
    }

    struct HistoryRow {
        QString from;
        QString to;
        QString reason;
    };
    std::vector<HistoryRow> history(CaseId caseId)
    {
        auto rows = session().database().prepare(QStringLiteral(
            "SELECT from_stage, to_stage, reason FROM case_stage_history WHERE case_id = :case ORDER BY id"));
        EXPECT_TRUE(rows.ok());
        std::vector<HistoryRow> result;
        if (!rows.ok())
            return result;
        rows->bind(":case", caseId);
        while (true) {
            auto hasRow = rows->step();
            if (!hasRow.ok() || !*hasRow)
                break;
            result.push_back({rows->columnText(0), rows->columnText(1), rows->columnText(2)});
        }
        return result;
    }
    QStringList optionKeys(CaseId caseId)
    {
        QStringList keys;
        auto options = caseService().stageOptions(caseId);
        EXPECT_TRUE(options.ok());
        if (options.ok()) {
            for (const auto& option : *options)
                keys << option.stage;
        }
        return keys;
    }
};

} // namespace

TEST_F(StageMoveTest, MapsCaseMovesAlongItsTransitionsAndEachMoveIsRecorded)
{
    const CaseRecord record = createCase(mapsPanelId);
    CaseService cases = caseService();
    for (const char* stage : {"accepted", "active", "monitoring", "active"}) {
        advanceDays(7);
        ASSERT_TRUE(cases.moveStage(record.id, QString::fromLatin1(stage)).ok()) << stage;
        const CaseRecord now = *cases.open(record.id);
        EXPECT_EQ(now.stage, QString::fromLatin1(stage));
        EXPECT_EQ(now.nextReview, std::optional<QDate>(today().addDays(28))) << "cadence from the move date";
    }
    ASSERT_TRUE(cases.moveStage(record.id, QStringLiteral("closed"), QStringLiteral("resolved")).ok());
    const CaseRecord closed = *cases.open(record.id);
    EXPECT_EQ(closed.stage, QStringLiteral("closed"));
    EXPECT_EQ(closed.stageReason, QStringLiteral("resolved"));
    EXPECT_FALSE(closed.nextReview) << "a closed case has no review due";

    const std::vector<HistoryRow> rows = history(record.id);
    ASSERT_EQ(rows.size(), 6u);
    EXPECT_TRUE(rows[0].from.isNull());
    EXPECT_EQ(rows[0].to, QStringLiteral("referred"));
    EXPECT_EQ(rows[3].from, QStringLiteral("active"));
    EXPECT_EQ(rows[3].to, QStringLiteral("monitoring"));
    EXPECT_EQ(rows[5].to, QStringLiteral("closed"));
    EXPECT_EQ(rows[5].reason, QStringLiteral("resolved"));
    EXPECT_EQ(auditCount(QStringLiteral("case.stage")), 5);
    EXPECT_TRUE(optionKeys(record.id).isEmpty()) << "MAPS has no way out of closed";
}

TEST_F(StageMoveTest, AMoveTheKindDoesNotAllowIsRefusedAndChangesNothing)
{
    const CaseRecord record = createCase(mapsPanelId);
    const size_t events = auditEvents().size();
    auto skip = caseService().moveStage(record.id, QStringLiteral("monitoring"));
    ASSERT_FALSE(skip.ok());
    EXPECT_EQ(skip.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(skip.error().message, QStringLiteral("A case cannot move from “Referred” to “Monitoring”."));
    EXPECT_FALSE(caseService().moveStage(record.id, QStringLiteral("referred")).ok()); // no move to itself
    EXPECT_FALSE(caseService().moveStage(record.id, QStringLiteral("support")).ok());  // another kind's stage
    EXPECT_EQ(auditEvents().size(), events);
    EXPECT_EQ(history(record.id).size(), 1u);
    const CaseRecord after = *caseService().open(record.id);
    EXPECT_EQ(after.stage, QStringLiteral("referred"));
    EXPECT_EQ(after.updatedUtc, record.updatedUtc);
}

TEST_F(StageMoveTest, ClosingNeedsAReasonFromTheKindsChoices)
{
    const CaseRecord record = createCase(mapsPanelId);
    CaseService cases = caseService();
    auto noReason = cases.moveStage(record.id, QStringLiteral("closed"));
    ASSERT_FALSE(noReason.ok());
    EXPECT_EQ(noReason.error().code, ErrorCode::InvalidInput);
    EXPECT_FALSE(cases.moveStage(record.id, QStringLiteral("closed"), QStringLiteral("fed up")).ok());
    EXPECT_EQ(cases.open(record.id)->stage, QStringLiteral("referred"));
    EXPECT_EQ(history(record.id).size(), 1u);
    ASSERT_TRUE(cases.moveStage(record.id, QStringLiteral("closed"), QStringLiteral("notAccepted")).ok());
    EXPECT_EQ(cases.open(record.id)->stageReason, QStringLiteral("notAccepted"));
}

TEST_F(StageMoveTest, IomSelectionNeedsAFreeTextReasonAndDeselectionOneOfItsReasons)
{
    const CaseRecord record = createCase(iomPanelId);
    CaseService cases = caseService();
    EXPECT_EQ(optionKeys(record.id),
              (QStringList{QStringLiteral("selected"), QStringLiteral("notSelected")}));
    EXPECT_FALSE(cases.moveStage(record.id, QStringLiteral("selected"), QStringLiteral("  ")).ok());
    ASSERT_TRUE(
        cases.moveStage(record.id, QStringLiteral("selected"), QStringLiteral("Prolific acquisitive")).ok());
    ASSERT_TRUE(cases.moveStage(record.id, QStringLiteral("managed")).ok());
    EXPECT_FALSE(cases.moveStage(record.id, QStringLiteral("closed")).ok()); // only after de-selection
    EXPECT_FALSE(cases.moveStage(record.id, QStringLiteral("deselected"), QStringLiteral("bored")).ok());
    ASSERT_TRUE(cases.moveStage(record.id, QStringLiteral("deselected"), QStringLiteral("desisted")).ok());
    ASSERT_TRUE(cases.moveStage(record.id, QStringLiteral("closed")).ok());
    EXPECT_EQ(history(record.id).back().from, QStringLiteral("deselected"));
}

TEST_F(StageMoveTest, MeamCaseMovesOnAndBackAndClosesWithAReason)
{
    const CaseRecord record = createCase(meamPanelId);
    CaseService cases = caseService();
    for (const char* stage : {"accepted", "active", "movingOn", "active", "movingOn"})
        ASSERT_TRUE(cases.moveStage(record.id, QString::fromLatin1(stage)).ok()) << stage;
    EXPECT_FALSE(cases.moveStage(record.id, QStringLiteral("referred")).ok());
    ASSERT_TRUE(cases.moveStage(record.id, QStringLiteral("closed"), QStringLiteral("movedOn")).ok());
}

TEST_F(StageMoveTest, StageOptionsOfferExactlyTheDefinedMovesWithTheirNeeds)
{
    const CaseRecord record = createCase(mapsPanelId);
    auto options = caseService().stageOptions(record.id);
    ASSERT_TRUE(options.ok());
    ASSERT_EQ(options->size(), 2u);
    EXPECT_EQ((*options)[0].stage, QStringLiteral("accepted"));
    EXPECT_EQ((*options)[0].label, QStringLiteral("Accepted"));
    EXPECT_TRUE((*options)[0].isAllowed);
    EXPECT_FALSE((*options)[0].needsReason);
    EXPECT_EQ((*options)[1].stage, QStringLiteral("closed"));
    EXPECT_TRUE((*options)[1].needsReason);
}

// From the first stage, every kind allows exactly the moves its definition lists (none of the four
// gates its first move).
TEST_F(StageMoveTest, EveryShippedKindAllowsExactlyItsDefinedMovesFromTheFirstStage)
{
    for (PanelId panelId : {mapsPanelId, iomPanelId, meamPanelId, channelPanelId}) {
        const PanelKind& kind = kindOf(panelId);
        for (const StageDefinition& stage : kind.stages) {
            const CaseRecord record = createCase(panelId);
            const QString reason =
                stage.reasons.isEmpty() ? QStringLiteral("Agreed at panel") : stage.reasons.first().key;
            const bool isDefined = kind.transition(kind.initialStage, stage.key) != nullptr;
            const Status moved = caseService().moveStage(record.id, stage.key, reason);
            EXPECT_EQ(moved.ok(), isDefined)
                << kind.key.toStdString() << ": " << kind.initialStage.toStdString() << " -> "
                << stage.key.toStdString();
            EXPECT_EQ(caseService().open(record.id)->stage, isDefined ? stage.key : kind.initialStage);
        }
    }
}
