#include "CaseloadFixture.h"
#include "session/Session.h"

using namespace confer;
using namespace confer::test;

namespace {

// Channel (Durham 5.10): referral, screening, adoption, consent, support, reviews, exit, and reviews
// 6 and 12 months after exit.
class ChannelCaseTest : public CaseloadFixture {
protected:
    void SetUp() override
    {
        CaseloadFixture::SetUp();
        if (HasFatalFailure())
            return;
        signInAs(member.login);
        record = createCase(channelPanelId, QStringLiteral("Rowan Tate"));
        for (const char* stage : {"screening", "adopted"})
            ASSERT_TRUE(caseService().moveStage(record.id, QString::fromLatin1(stage)).ok()) << stage;
    }

    Status consent(Consent::State state, Consent::GivenBy by = Consent::GivenBy::Individual,
                   const QString& name = {})
    {
        Consent entry;
        entry.state = state;
        entry.givenBy = by;
        entry.givenByName = name;
        entry.onDate = today();
        entry.scope = QStringLiteral("Mentoring support; sharing with school and police");
        return caseService().recordConsent(record.id, entry);
    }
    std::optional<CaseService::StageOption> option(const QString& stage)
    {
        auto options = caseService().stageOptions(record.id);
        if (!options.ok())
            return std::nullopt;
        for (const auto& each : *options) {
            if (each.stage == stage)
                return each;
        }
        return std::nullopt;
    }

    CaseRecord record;
};

} // namespace

TEST_F(ChannelCaseTest, ChannelCase_CannotEnterSupportWithoutConsent)
{
    const auto support = option(QStringLiteral("support"));
    ASSERT_TRUE(support);
    EXPECT_FALSE(support->isAllowed);
    EXPECT_EQ(support->blockedBecause,
              QStringLiteral("A case cannot move into “Support plan” without recorded consent."));
    const size_t events = auditEvents().size();
    auto refused = caseService().moveStage(record.id, QStringLiteral("support"));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(refused.error().message, support->blockedBecause);
    EXPECT_EQ(auditEvents().size(), events);
    EXPECT_EQ(caseService().open(record.id)->stage, QStringLiteral("adopted"));
}

TEST_F(ChannelCaseTest, SupportIsAllowedOnceConsentIsGivenAndRefusedAgainAfterItIsWithdrawn)
{
    ASSERT_TRUE(consent(Consent::State::Given).ok());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("case.consent"));
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("given by individual"));
    EXPECT_TRUE(option(QStringLiteral("support"))->isAllowed);
    ASSERT_TRUE(caseService().moveStage(record.id, QStringLiteral("support")).ok());
    ASSERT_TRUE(caseService().moveStage(record.id, QStringLiteral("review")).ok());

    advanceDays(20);
    ASSERT_TRUE(consent(Consent::State::Withdrawn).ok());
    const auto back = option(QStringLiteral("support"));
    ASSERT_TRUE(back);
    EXPECT_FALSE(back->isAllowed);
    EXPECT_EQ(back->blockedBecause,
              QStringLiteral("A case cannot move into “Support plan”: consent has been withdrawn."));
    EXPECT_FALSE(caseService().moveStage(record.id, QStringLiteral("support")).ok());
    EXPECT_EQ(caseService().open(record.id)->stage, QStringLiteral("review"));
    // Closing is still open to the panel.
    EXPECT_TRUE(caseService()
                    .moveStage(record.id, QStringLiteral("closed"), QStringLiteral("consentWithdrawn"))
                    .ok());

    auto history = caseService().consents(record.id);
    ASSERT_TRUE(history.ok());
    ASSERT_EQ(history->size(), 2u);
    EXPECT_EQ((*history)[0].state, Consent::State::Given);
    EXPECT_EQ((*history)[1].state, Consent::State::Withdrawn);
    EXPECT_EQ((*history)[1].onDate, today());
}

TEST_F(ChannelCaseTest, RefusedConsentKeepsTheCaseOutOfSupport)
{
    ASSERT_TRUE(consent(Consent::State::Refused).ok());
    const auto support = option(QStringLiteral("support"));
    EXPECT_FALSE(support->isAllowed);
    EXPECT_EQ(support->blockedBecause,
              QStringLiteral("A case cannot move into “Support plan”: consent was refused."));
    EXPECT_FALSE(caseService().moveStage(record.id, QStringLiteral("support")).ok());
}

TEST_F(ChannelCaseTest, UnderEighteenConsentIsAParentOrGuardiansDecision)
{
    CaseService::NewCase request = newCase(channelPanelId, QStringLiteral("Sam Young"));
    request.subject.dateOfBirth = today().addYears(-18).addDays(1); // 18 tomorrow
    auto child = caseService().create(request);
    ASSERT_TRUE(child.ok()) << child.error().message.toStdString();
    record = *child;
    for (const char* stage : {"screening", "adopted"})
        ASSERT_TRUE(caseService().moveStage(record.id, QString::fromLatin1(stage)).ok());

    const size_t events = auditEvents().size();
    auto byChild = consent(Consent::State::Given);
    ASSERT_FALSE(byChild.ok());
    EXPECT_EQ(byChild.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(byChild.error().message.contains(QStringLiteral("under 18")));
    EXPECT_FALSE(consent(Consent::State::Given, Consent::GivenBy::ParentGuardian).ok())
        << "the parent is named";
    EXPECT_EQ(auditEvents().size(), events);
    EXPECT_TRUE(caseService().consents(record.id)->empty());

    ASSERT_TRUE(
        consent(Consent::State::Given, Consent::GivenBy::ParentGuardian, QStringLiteral("Pat Young")).ok());
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("given by parent_guardian")); // no name
    EXPECT_EQ(caseService().consents(record.id)->front().givenByName, QStringLiteral("Pat Young"));
    EXPECT_TRUE(caseService().moveStage(record.id, QStringLiteral("support")).ok());

    advanceDays(1); // now 18: their own decision
    EXPECT_TRUE(consent(Consent::State::Withdrawn).ok());
}

TEST_F(ChannelCaseTest, ConsentNeedsADateUpToTodayAndAScopeWhenGiven)
{
    Consent entry;
    entry.state = Consent::State::Given;
    entry.onDate = today().addDays(1);
    entry.scope = QStringLiteral("Support");
    EXPECT_FALSE(caseService().recordConsent(record.id, entry).ok());
    entry.onDate = today();
    entry.scope = QStringLiteral(" ");
    EXPECT_FALSE(caseService().recordConsent(record.id, entry).ok());
    EXPECT_TRUE(caseService().consents(record.id)->empty());
}

TEST_F(ChannelCaseTest, ReviewsSixAndTwelveMonthsAfterExitAreScheduledAtExit)
{
    ASSERT_TRUE(consent(Consent::State::Given).ok());
    for (const char* stage : {"support", "review"}) {
        advanceDays(30);
        ASSERT_TRUE(caseService().moveStage(record.id, QString::fromLatin1(stage)).ok()) << stage;
    }
    EXPECT_TRUE(caseService().scheduledReviews(record.id)->empty()) << "nothing before exit";

    advanceDays(40);
    const QDate exitDate = today();
    ASSERT_TRUE(caseService().moveStage(record.id, QStringLiteral("exit")).ok());
    auto reviews = caseService().scheduledReviews(record.id);
    ASSERT_TRUE(reviews.ok());
    ASSERT_EQ(reviews->size(), 2u);
    EXPECT_EQ((*reviews)[0].label, QStringLiteral("6-month review after exit"));
    EXPECT_EQ((*reviews)[0].dueDate, exitDate.addMonths(6));
    EXPECT_EQ((*reviews)[1].label, QStringLiteral("12-month review after exit"));
    EXPECT_EQ((*reviews)[1].dueDate, exitDate.addMonths(12));
    EXPECT_EQ(exitDate, QDate(2026, 4, 15)); // 2026-01-05 + 100 days: dues 2026-10-15 and 2027-04-15
    EXPECT_FALSE((*reviews)[0].completedOn);
    EXPECT_EQ(caseService().open(record.id)->nextReview, std::optional<QDate>(exitDate.addDays(28)));

    // Completing the 6-month review records its date and outcome, once.
    advanceDays(183);
    const ReviewId sixMonth = (*reviews)[0].id;
    EXPECT_FALSE(caseService().completeReview(sixMonth, today(), QStringLiteral(" ")).ok());
    EXPECT_FALSE(caseService().completeReview(sixMonth, today().addDays(1), QStringLiteral("Settled")).ok());
    ASSERT_TRUE(caseService().completeReview(sixMonth, today(), QStringLiteral("No further concerns")).ok());
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("case.review"));
    EXPECT_EQ(lastAuditEvent()->detail, QStringLiteral("review:%1").arg(sixMonth.value()));
    EXPECT_FALSE(caseService().completeReview(sixMonth, today(), QStringLiteral("Again")).ok());
    const auto after = *caseService().scheduledReviews(record.id);
    EXPECT_EQ(after[0].completedOn, std::optional<QDate>(today()));
    EXPECT_EQ(after[0].outcome, QStringLiteral("No further concerns"));
    EXPECT_FALSE(after[1].completedOn);
}

TEST_F(ChannelCaseTest, NotAdoptedNeedsTheSignpostingReason)
{
    const CaseRecord other = createCase(channelPanelId, QStringLiteral("Alex Reed"));
    ASSERT_TRUE(caseService().moveStage(other.id, QStringLiteral("screening")).ok());
    EXPECT_FALSE(caseService().moveStage(other.id, QStringLiteral("notAdopted")).ok());
    ASSERT_TRUE(
        caseService()
            .moveStage(other.id, QStringLiteral("notAdopted"), QStringLiteral("Signposted to Early Help"))
            .ok());
    EXPECT_FALSE(caseService().open(other.id)->nextReview);
}

TEST_F(ChannelCaseTest, KindsWithoutConsentDoNotRecordIt)
{
    const CaseRecord mapsCase = createCase(mapsPanelId);
    Consent entry;
    entry.onDate = today();
    entry.scope = QStringLiteral("Support");
    auto refused = caseService().recordConsent(mapsCase.id, entry);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
}
