// Stage moves are allowed by one rule: what the kind's definition allows (PanelKind::checkMove) and the
// gates its transition requires, each a check registered in a StageGateRegistry. The stage tab's
// options are judged by the same checks, so the reason shown beside a step and the refusal of that
// step are always the same sentence.
#include "CaseloadFixture.h"
#include "caseload/ConsentGate.h"
#include "meetings/StandardStageGates.h"
#include "partnership/StageGateRegistry.h"
#include "session/Session.h"

using namespace confer;
using namespace confer::test;

namespace {

// Stands in for a gate this build does not have, "the risk assessment is agreed": the test opens it by hand.
class RiskAssessedGate final : public StageGate {
public:
    explicit RiskAssessedGate(const bool& isAssessed)
        : m_isAssessed(isAssessed)
    {}
    QString key() const override { return QStringLiteral("riskAssessed"); }
    Status check(const GateContext& context) const override
    {
        if (m_isAssessed)
            return {};
        return makeError(ErrorCode::InvalidInput,
                         QStringLiteral("The risk assessment is not agreed yet, so the case cannot move into "
                                        "“%1”.")
                             .arg(context.stepLabel));
    }

private:
    const bool& m_isAssessed;
};

class StageGateTest : public CaseloadFixture {
protected:
    struct Expected {
        QString stage;
        bool isAllowed = true;
    };

    // For every step offered from the case's stage: a blocked step is refused with exactly the reason
    // shown, and changes nothing; an allowed one passes every check of the move (it is not taken).
    void expectOptionsAgreeWithMoves(CaseService& cases, CaseId caseId)
    {
        auto options = cases.stageOptions(caseId);
        ASSERT_TRUE(options.ok()) << options.error().message.toStdString();
        const CaseRecord before = *cases.open(caseId);
        const size_t events = auditEvents().size();
        for (const CaseService::StageOption& option : *options) {
            if (option.isAllowed) {
                EXPECT_TRUE(option.blockedBecause.isEmpty()) << option.stage.toStdString();
                continue;
            }
            EXPECT_FALSE(option.blockedBecause.isEmpty()) << option.stage.toStdString();
            const Status moved =
                cases.moveStage(caseId, option.stage, reasonFor(before.panelId, option.stage));
            ASSERT_FALSE(moved.ok()) << option.stage.toStdString();
            EXPECT_EQ(moved.error().code, ErrorCode::InvalidInput);
            EXPECT_EQ(moved.error().message, option.blockedBecause) << option.stage.toStdString();
        }
        EXPECT_EQ(auditEvents().size(), events) << "a refused move writes nothing";
        EXPECT_EQ(cases.open(caseId)->stage, before.stage);
    }

    // A reason the definition accepts for moving into stage, so only the gates can refuse.
    QString reasonFor(PanelId panelId, const QString& stage) const
    {
        const StageDefinition* definition = kindOf(panelId).stage(stage);
        if (definition && !definition->reasons.isEmpty())
            return definition->reasons.first().key;
        return QStringLiteral("Agreed at panel");
    }

    Status consent(CaseService& cases, CaseId caseId, Consent::State state)
    {
        Consent entry;
        entry.state = state;
        entry.onDate = today();
        entry.scope = QStringLiteral("Mentoring support; sharing with school and police");
        return cases.recordConsent(caseId, entry);
    }
};

} // namespace

TEST_F(StageGateTest, TheStageTabsReasonIsTheMovesRefusal_InEveryConsentState)
{
    signInAs(member.login);
    CaseService cases = caseService();
    // One Channel case in each consent state, at both stages a consent gate guards a way out of.
    for (const std::optional<Consent::State> state :
         {std::optional<Consent::State>(), std::optional(Consent::State::Given),
          std::optional(Consent::State::Refused), std::optional(Consent::State::Withdrawn)}) {
        const CaseRecord record = createCase(channelPanelId, QStringLiteral("Rowan Tate"));
        for (const char* stage : {"screening", "adopted"})
            ASSERT_TRUE(cases.moveStage(record.id, QString::fromLatin1(stage)).ok()) << stage;
        if (state) {
            ASSERT_TRUE(consent(cases, record.id, *state).ok());
        }
        expectOptionsAgreeWithMoves(cases, record.id);
        if (state == Consent::State::Given) {
            for (const char* stage : {"support", "review"})
                ASSERT_TRUE(cases.moveStage(record.id, QString::fromLatin1(stage)).ok()) << stage;
            ASSERT_TRUE(consent(cases, record.id, Consent::State::Withdrawn).ok());
            expectOptionsAgreeWithMoves(cases, record.id);
        }
    }
    // And the ungated kinds, from their first stage.
    for (PanelId panelId : {mapsPanelId, channelPanelId}) {
        const CaseRecord record = createCase(panelId, QStringLiteral("Alex Reed"));
        expectOptionsAgreeWithMoves(cases, record.id);
    }
}

TEST_F(StageGateTest, TheConsentGateIsTheRegisteredCheckOfTheShippedKinds)
{
    const StageGate* gate = standardStageGates().gate(ConsentGate::gateKey());
    ASSERT_NE(gate, nullptr);
    EXPECT_EQ(standardStageGates().keys(),
              (QStringList{ConsentGate::gateKey(), QStringLiteral("declarationsSigned")}));
    for (const PanelKind& kind : kinds->kinds()) {
        for (const Transition& move : kind.transitions) {
            for (const QString& key : move.requiredGates)
                EXPECT_NE(standardStageGates().gate(key), nullptr) << kind.key.toStdString();
        }
    }
    // A kind that does not show the consent record cannot use it: the move could never be taken.
    EXPECT_TRUE(
        gate->unusableBy(*kinds->kind(QStringLiteral("channel")), QStringLiteral("transition 1")).isEmpty());
    EXPECT_TRUE(gate->unusableBy(*kinds->kind(QStringLiteral("maps")), QStringLiteral("transition 1"))
                    .contains(QStringLiteral("usesConsent")));
}

// A new gate is one class and one registration: the kind that names it loads only where it is
// registered, the stage tab and the move both use it, and it can stand beside consent on one step.
TEST_F(StageGateTest, ANewGateIsRegisteredOnce_AndGuardsTheMoveAndExplainsItself)
{
    const QString gatedKinds = QStringLiteral(CONFER_CASELOAD_TEST_DATA "/gated");
    auto unknown = PanelKindRegistry::load(standardStageGates(), {gatedKinds});
    ASSERT_FALSE(unknown.ok()) << "a gate this build does not register is refused when the kind loads";
    EXPECT_TRUE(unknown.error().message.contains(QStringLiteral("“riskAssessed”")))
        << unknown.error().message.toStdString();

    bool isAssessed = false;
    StageGateRegistry gates;
    gates.add(std::make_unique<ConsentGate>());
    gates.add(std::make_unique<RiskAssessedGate>(isAssessed));
    auto loaded = PanelKindRegistry::load(gates, {gatedKinds});
    ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
    const PanelKindRegistry& withGate = *loaded;
    auto panel = PanelService(session(), withGate)
                     .create(QStringLiteral("Durham RMP"), QStringLiteral("rmp"), chair.id);
    ASSERT_TRUE(panel.ok()) << panel.error().message.toStdString();
    signInAs(chair.login);
    CaseService cases(session(), withGate);
    CaseService::NewCase request = newCase(mapsPanelId, QStringLiteral("Kai Morton"));
    request.panelId = panel->id;
    request.fields.clear();
    auto created = cases.create(request);
    ASSERT_TRUE(created.ok()) << created.error().message.toStdString();

    auto options = cases.stageOptions(created->id);
    ASSERT_TRUE(options.ok());
    ASSERT_EQ(options->size(), 2u);
    EXPECT_FALSE((*options)[0].isAllowed);
    EXPECT_EQ(
        (*options)[0].blockedBecause,
        QStringLiteral("The risk assessment is not agreed yet, so the case cannot move into “Active”."));
    EXPECT_TRUE((*options)[1].isAllowed) << "closing is not gated";
    const Status refused = cases.moveStage(created->id, QStringLiteral("active"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().message, (*options)[0].blockedBecause);

    isAssessed = true;
    EXPECT_TRUE(cases.stageOptions(created->id)->front().isAllowed);
    ASSERT_TRUE(cases.moveStage(created->id, QStringLiteral("active")).ok());
    // Two gates on one step: each must hold, consent is asked first as the definition lists it.
    auto support = cases.stageOptions(created->id)->front();
    EXPECT_EQ(support.blockedBecause,
              QStringLiteral("A case cannot move into “Support” without recorded consent."));
    ASSERT_TRUE(consent(cases, created->id, Consent::State::Given).ok());
    isAssessed = false;
    EXPECT_FALSE(cases.moveStage(created->id, QStringLiteral("support")).ok());
    isAssessed = true;
    EXPECT_TRUE(cases.moveStage(created->id, QStringLiteral("support")).ok());
}
