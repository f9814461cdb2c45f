// A fifth panel kind (a serious violence panel) added as nothing but a data file: data/svp.json.
#include "PanelKindTestSupport.h"

#include <QDate>

namespace confer::test {
namespace {

using namespace Qt::StringLiterals;

const QString TestData = QStringLiteral(CONFER_PARTNERSHIP_TEST_DATA);

class ExtraKind : public ::testing::Test {
protected:
    void SetUp() override
    {
        auto loaded = PanelKindRegistry::load(standardStageGates(), {TestData});
        ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
        registry.emplace(std::move(loaded).value());
        svp = registry->kind(u"svp"_s);
        ASSERT_NE(svp, nullptr);
    }

    std::optional<PanelKindRegistry> registry;
    const PanelKind* svp = nullptr;
};

TEST_F(ExtraKind, Registry_AddsTheFifthKindBesideTheShippedFour)
{
    EXPECT_EQ(registry->kinds().size(), 5);
    for (const QString& key : {u"maps"_s, u"iom"_s, u"meam"_s, u"channel"_s})
        EXPECT_NE(registry->kind(key), nullptr) << key.toStdString();
    EXPECT_EQ(svp->name, u"Serious violence panel"_s);
    EXPECT_EQ(svp->referencePrefix, u"SVP"_s);
    EXPECT_EQ(svp->subjectTypes, (QStringList{u"person"_s, u"location"_s}));
    EXPECT_EQ(svp->reviewEveryDays, 14);
    EXPECT_TRUE(svp->reviewAtEachMeeting);
    EXPECT_FALSE(svp->declarationText.isEmpty());
}

TEST_F(ExtraKind, FifthKind_MovesThroughItsOwnStages)
{
    EXPECT_EQ(svp->initialStage, u"referred"_s);
    EXPECT_EQ(svp->nextStages(u"referred"_s), (QStringList{u"assessed"_s, u"closed"_s}));
    EXPECT_TRUE(walks(*svp, {u"referred"_s, u"assessed"_s, u"intervention"_s, u"monitoring"_s,
                             u"intervention"_s, u"monitoring"_s, u"closed"_s}));
    EXPECT_FALSE(svp->checkMove(u"referred"_s, u"intervention"_s, {}).ok());
    EXPECT_FALSE(svp->checkMove(u"monitoring"_s, u"closed"_s, u"fine now"_s).ok())
        << "not one of its reasons";
}

TEST_F(ExtraKind, FifthKind_GatesItsInterventionOnConsentAndSchedulesACheckAfterClosure)
{
    EXPECT_TRUE(svp->usesConsent);
    const Transition* intoIntervention = svp->transition(u"assessed"_s, u"intervention"_s);
    ASSERT_NE(intoIntervention, nullptr);
    EXPECT_EQ(intoIntervention->requiredGates, QStringList{u"consent"_s});
    const QList<ScheduledReview> reviews = svp->reviewsOnEnter.value(u"closed"_s);
    ASSERT_EQ(reviews.size(), 1);
    EXPECT_EQ(reviews.first().afterMonths, 3);
}

TEST_F(ExtraKind, FifthKind_ValidatesEveryFieldType)
{
    const QVariantMap valid{{u"violenceType"_s, u"knife"_s},
                            {u"settings"_s, QStringList{u"school"_s, u"online"_s}},
                            {u"weaponRecovered"_s, true},
                            {u"incidentDate"_s, QDate(2026, 1, 2)},
                            {u"admissions"_s, 2},
                            {u"navigator"_s, u"Hospital youth worker"_s},
                            {u"summary"_s, u"Two admissions with stab wounds since November."_s}};
    EXPECT_TRUE(svp->validateFields(valid).ok()) << messageOf(svp->validateFields(valid));

    QVariantMap noDate = valid;
    noDate.remove(u"incidentDate"_s);
    const Status missing = svp->validateFields(noDate);
    ASSERT_FALSE(missing.ok());
    EXPECT_TRUE(missing.error().message.contains(u"“Date of the incident”"_s)) << messageOf(missing);

    QVariantMap badChoice = valid;
    badChoice.insert(u"violenceType"_s, u"firearm"_s);
    EXPECT_FALSE(svp->validateFields(badChoice).ok());
    EXPECT_FALSE(svp->validateValue(u"admissions"_s, -1).ok()) << "below its minimum";
    EXPECT_TRUE(svp->validateValue(u"admissions"_s, 4).ok());
}

TEST(ExtraKindRegistry, RefusesAnExtraKindThatRedefinesAShippedOne)
{
    const auto loaded = PanelKindRegistry::load(standardStageGates(), {TestData + u"/clash"_s});
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::Conflict);
    EXPECT_TRUE(loaded.error().message.contains(u"“maps”"_s)) << loaded.error().message.toStdString();
}

TEST(ExtraKindRegistry, RefusesABrokenExtraFileNamingIt)
{
    const auto loaded = PanelKindRegistry::load(standardStageGates(), {TestData + u"/broken"_s});
    ASSERT_FALSE(loaded.ok());
    EXPECT_TRUE(loaded.error().message.contains(u"duplicate-stage.json"_s))
        << loaded.error().message.toStdString();
}

TEST(ExtraKindRegistry, RefusesAMissingExtraFolder)
{
    const auto loaded = PanelKindRegistry::load(standardStageGates(), {TestData + u"/no-such-folder"_s});
    ASSERT_FALSE(loaded.ok());
    EXPECT_EQ(loaded.error().code, ErrorCode::NotFound);
}

} // namespace
} // namespace confer::test
