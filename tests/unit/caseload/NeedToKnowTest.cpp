#include "CaseloadFixture.h"
#include "session/Session.h"

using namespace confer;
using namespace confer::test;

namespace {

const QString NotAvailable = QStringLiteral("This case is not available to you.");

// Need-to-know (Caldicott 4) through every CaseService call, for someone on another panel and for
// an administrator who manages the panel but is not a member of it.
class NeedToKnowTest
    : public CaseloadFixture
    , public ::testing::WithParamInterface<const char*> {
protected:
    void SetUp() override
    {
        CaseloadFixture::SetUp();
        if (HasFatalFailure())
            return;
        signInAs(member.login);
        mapsCase = createCase(mapsPanelId, QStringLiteral("Harper Lowes"));
        channelCase = createCase(channelPanelId, QStringLiteral("Rowan Tate"));
        CaseService cases = caseService();
        for (const char* stage : {"screening", "adopted"})
            ASSERT_TRUE(cases.moveStage(channelCase.id, QString::fromLatin1(stage)).ok());
        Consent consent;
        consent.onDate = today();
        consent.scope = QStringLiteral("Mentoring support");
        ASSERT_TRUE(cases.recordConsent(channelCase.id, consent).ok());
        for (const char* stage : {"support", "review", "exit"})
            ASSERT_TRUE(cases.moveStage(channelCase.id, QString::fromLatin1(stage)).ok());
        auto reviews = cases.scheduledReviews(channelCase.id);
        ASSERT_TRUE(reviews.ok());
        ASSERT_FALSE(reviews->empty());
        reviewId = reviews->front().id;
        mapsCase = *cases.open(mapsCase.id);
        signInAs(QString::fromLatin1(GetParam()));
    }

    // The call was refused with the generic sentence, and the refusal is the newest audit event.
    void expectDenied(const Status& status, const QString& record, const QString& attempted)
    {
        ASSERT_FALSE(status.ok()) << attempted.toStdString() << " was allowed";
        EXPECT_EQ(status.error().code, ErrorCode::AccessDenied) << attempted.toStdString();
        const auto last = lastAuditEvent();
        ASSERT_TRUE(last);
        EXPECT_EQ(last->action, QStringLiteral("access.denied")) << attempted.toStdString();
        EXPECT_EQ(last->record, record) << attempted.toStdString();
        EXPECT_TRUE(last->detail.startsWith(attempted)) << last->detail.toStdString();
        ++denials;
    }
    void expectCaseDenied(const Status& status, CaseId caseId, const QString& attempted)
    {
        if (!status.ok()) {
            EXPECT_EQ(status.error().message, NotAvailable) << attempted.toStdString();
        }
        // Audit records name a case by its reference, refusals included.
        const QString reference = caseId == mapsCase.id ? mapsCase.reference : channelCase.reference;
        expectDenied(status, QStringLiteral("case:%1").arg(reference), attempted);
    }

    CaseRecord mapsCase;
    CaseRecord channelCase;
    ReviewId reviewId;
    int denials = 0;
};

} // namespace

TEST_P(NeedToKnowTest, EveryCaseServiceCallIsRefusedAndEachRefusalIsAudited)
{
    CaseService cases = caseService();
    const int deniedBefore = auditCount(QStringLiteral("access.denied"));

    expectCaseDenied(cases.open(mapsCase.id), mapsCase.id, QStringLiteral("case.view"));
    CaseService::Details details;
    details.risk = Risk::Red;
    details.fields = mapsCase.fields;
    expectCaseDenied(cases.updateDetails(mapsCase.id, details), mapsCase.id, QStringLiteral("case.update"));
    Subject renamed = mapsCase.subject;
    renamed.name = QStringLiteral("Someone Else");
    expectCaseDenied(cases.updateSubject(mapsCase.id, renamed), mapsCase.id,
                     QStringLiteral("subject.update"));
    expectCaseDenied(
        cases.recordFieldValue(mapsCase.id, QStringLiteral("issueType"), QStringLiteral("asb"), today()),
        mapsCase.id, QStringLiteral("case.field"));
    expectCaseDenied(cases.stageOptions(mapsCase.id), mapsCase.id, QStringLiteral("case.stages"));
    expectCaseDenied(cases.moveStage(mapsCase.id, QStringLiteral("accepted")), mapsCase.id,
                     QStringLiteral("case.stage"));
    Consent withdrawn;
    withdrawn.state = Consent::State::Withdrawn;
    withdrawn.onDate = today();
    expectCaseDenied(cases.recordConsent(channelCase.id, withdrawn), channelCase.id,
                     QStringLiteral("case.consent"));
    expectCaseDenied(cases.consents(channelCase.id), channelCase.id, QStringLiteral("case.consent.read"));
    expectCaseDenied(cases.scheduledReviews(channelCase.id), channelCase.id, QStringLiteral("case.reviews"));
    expectCaseDenied(cases.completeReview(reviewId, today(), QStringLiteral("Settled")), channelCase.id,
                     QStringLiteral("case.review"));
    expectDenied(cases.create(newCase(mapsPanelId)), QStringLiteral("panel:%1").arg(mapsPanelId.value()),
                 QStringLiteral("case.create"));
    EXPECT_EQ(auditCount(QStringLiteral("access.denied")) - deniedBefore, denials);
    EXPECT_EQ(denials, 11);
    EXPECT_EQ(auditCount(QStringLiteral("case.view")), 1); // the member's own, in SetUp

    // Nothing the refused calls asked for happened.
    signInAs(member.login);
    CaseService memberCases = caseService();
    const CaseRecord mapsAfter = *memberCases.open(mapsCase.id);
    EXPECT_EQ(mapsAfter.stage, QStringLiteral("referred"));
    EXPECT_EQ(mapsAfter.risk, mapsCase.risk);
    EXPECT_EQ(mapsAfter.subject.name, QStringLiteral("Harper Lowes"));
    EXPECT_EQ(memberCases.consents(channelCase.id)->size(), 1u);
    EXPECT_FALSE(memberCases.scheduledReviews(channelCase.id)->front().completedOn);
}

INSTANTIATE_TEST_SUITE_P(NonMembers, NeedToKnowTest, ::testing::Values("admin", "outsider"),
                         [](const auto& nonMember) { return std::string(nonMember.param); });

class NeedToKnowMemberTest : public CaseloadFixture {};

TEST_F(NeedToKnowMemberTest, AMemberCanMakeEveryCall)
{
    signInAs(member.login);
    CaseService cases = caseService();
    const CaseRecord record = createCase(channelPanelId);
    ASSERT_TRUE(cases.open(record.id).ok());
    CaseService::Details details;
    details.risk = Risk::Amber;
    details.fields = record.fields;
    EXPECT_TRUE(cases.updateDetails(record.id, details).ok());
    Subject subject = record.subject;
    subject.aliases = QStringLiteral("JS");
    EXPECT_TRUE(cases.updateSubject(record.id, subject).ok());
    EXPECT_TRUE(cases.stageOptions(record.id).ok());
    EXPECT_TRUE(cases.moveStage(record.id, QStringLiteral("screening")).ok());
    EXPECT_TRUE(cases.scheduledReviews(record.id).ok());
    EXPECT_EQ(auditCount(QStringLiteral("access.denied")), 0);
}

TEST_F(NeedToKnowMemberTest, AMissingCaseLooksExactlyLikeAForbiddenOneButTheAuditKnowsWhich)
{
    signInAs(chair.login);
    const CaseRecord iomCase = createCase(iomPanelId);
    signInAs(member.login);
    auto forbidden = caseService().open(iomCase.id);
    const QString forbiddenDetail = lastAuditEvent()->detail;
    auto missing = caseService().open(CaseId(iomCase.id.value() + 1000));
    const QString missingDetail = lastAuditEvent()->detail;
    ASSERT_FALSE(forbidden.ok());
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(forbidden.error().code, missing.error().code);
    EXPECT_EQ(forbidden.error().message, missing.error().message);
    EXPECT_NE(forbiddenDetail, missingDetail);
}

TEST_F(NeedToKnowMemberTest, ASubjectOnTwoPanelsIsSeenOnlyThroughThePanelsOneBelongsTo)
{
    signInAs(chair.login); // a member of every panel
    const CaseRecord mapsCase = createCase(mapsPanelId, QStringLiteral("Avery Quinn"));
    CaseService::NewCase iomRequest = newCase(iomPanelId);
    iomRequest.subject = Subject{};
    iomRequest.subject.id = mapsCase.subject.id;
    auto iomCase = caseService().create(iomRequest);
    ASSERT_TRUE(iomCase.ok()) << iomCase.error().message.toStdString();
    EXPECT_EQ(iomCase->subject.id, mapsCase.subject.id);
    EXPECT_EQ(iomCase->subject.name, QStringLiteral("Avery Quinn"));

    signInAs(outsider.login); // IOM only
    EXPECT_TRUE(caseService().open(iomCase->id).ok());
    EXPECT_FALSE(caseService().open(mapsCase.id).ok());
}

TEST_F(NeedToKnowMemberTest, AnExistingSubjectFromAnotherPanelCannotBeAttached)
{
    signInAs(member.login);
    const CaseRecord mapsCase = createCase(mapsPanelId, QStringLiteral("Harper Lowes"));
    signInAs(outsider.login); // IOM only
    CaseService::NewCase request = newCase(iomPanelId);
    request.subject = Subject{};
    request.subject.id = mapsCase.subject.id;
    const size_t casesBefore = auditCount(QStringLiteral("case.create"));
    auto created = caseService().create(request);
    ASSERT_FALSE(created.ok());
    EXPECT_EQ(created.error().code, ErrorCode::AccessDenied);
    EXPECT_FALSE(created.error().message.contains(QStringLiteral("Harper")));
    EXPECT_EQ(lastAuditEvent()->action, QStringLiteral("access.denied"));
    EXPECT_EQ(lastAuditEvent()->record, QStringLiteral("subject:%1").arg(mapsCase.subject.id->value()));
    EXPECT_EQ(static_cast<size_t>(auditCount(QStringLiteral("case.create"))), casesBefore);
}
