// The four shipped definitions have what issue 3 and the protocols ask of each panel kind.
#include "PanelKindTestSupport.h"

#include <QSet>

namespace confer::test {
namespace {

using namespace Qt::StringLiterals;

using Type = FieldDefinition::Type;

class ShippedKinds : public ShippedKindsTest {};

TEST_F(ShippedKinds, Registry_HoldsExactlyTheFourShippedKinds)
{
    QSet<QString> keys;
    for (const PanelKind& each : registry->kinds())
        keys.insert(each.key);
    EXPECT_EQ(keys, (QSet<QString>{u"maps"_s, u"iom"_s, u"meam"_s, u"channel"_s}));
    EXPECT_EQ(registry->kinds().size(), 4);
    EXPECT_EQ(registry->kind(QStringLiteral("svp")), nullptr);
}

TEST_F(ShippedKinds, EveryKind_HasItsOwnDeclarationPrefixAndOpenInitialStage)
{
    QSet<QString> prefixes;
    QSet<QString> declarations;
    for (const PanelKind& each : registry->kinds()) {
        SCOPED_TRACE(each.key.toStdString());
        EXPECT_FALSE(each.name.isEmpty());
        EXPECT_GT(each.declarationText.size(), 600) << "a realistic declaration, not a placeholder";
        EXPECT_TRUE(each.declarationText.contains(QStringLiteral("OFFICIAL-SENSITIVE")));
        EXPECT_TRUE(each.declarationText.contains(QStringLiteral("opinion"))) << "Thurrock 5.3.1 d)";
        prefixes.insert(each.referencePrefix);
        declarations.insert(each.declarationText);
        ASSERT_NE(each.stage(each.initialStage), nullptr);
        EXPECT_FALSE(each.stage(each.initialStage)->isClosed);
    }
    EXPECT_EQ(prefixes.size(), 4) << "each kind's references are distinguishable";
    EXPECT_EQ(declarations.size(), 4) << "each panel's declaration is specific to it";
}

TEST_F(ShippedKinds, EveryKind_RefusesAnEmptyCaseNamingARequiredField)
{
    for (const PanelKind& each : registry->kinds()) {
        SCOPED_TRACE(each.key.toStdString());
        const QStringList required = requiredFieldKeys(each);
        ASSERT_FALSE(required.isEmpty());
        const Status checked = each.validateFields({});
        ASSERT_FALSE(checked.ok());
        EXPECT_EQ(checked.error().code, ErrorCode::InvalidInput);
        EXPECT_TRUE(checked.error().message.contains(each.field(required.first())->label))
            << messageOf(checked);
    }
}

// --- MAPS (Durham 5.5) ---

TEST_F(ShippedKinds, Maps_CoversPeopleHouseholdsAndLocations)
{
    EXPECT_EQ(kind(u"maps"_s).subjectTypes, (QStringList{u"person"_s, u"household"_s, u"location"_s}));
}

TEST_F(ShippedKinds, Maps_IssueTypeIsARequiredChoiceOfTheProtocolsIssues)
{
    const FieldDefinition* issue = kind(u"maps"_s).field(QStringLiteral("issueType"));
    ASSERT_NE(issue, nullptr);
    EXPECT_EQ(issue->type, Type::Choice);
    EXPECT_TRUE(issue->isRequired);
    EXPECT_EQ(choiceKeys(issue->choices),
              (QStringList{u"asb"_s, u"hateCrime"_s, u"substanceMisuse"_s, u"streetDrinking"_s,
                           u"vulnerability"_s, u"criminalExploitation"_s, u"environmental"_s, u"other"_s}));
    EXPECT_TRUE(kind(u"maps"_s).validateFields({{u"issueType"_s, u"streetDrinking"_s}}).ok());
    EXPECT_FALSE(kind(u"maps"_s).validateFields({{u"issueType"_s, u"burglary"_s}}).ok());
}

TEST_F(ShippedKinds, Maps_MovesThroughItsStagesAndBackFromMonitoring)
{
    const PanelKind& maps = kind(u"maps"_s);
    EXPECT_EQ(stageKeys(maps),
              (QStringList{u"referred"_s, u"accepted"_s, u"active"_s, u"monitoring"_s, u"closed"_s}));
    EXPECT_EQ(maps.initialStage, QStringLiteral("referred"));
    EXPECT_TRUE(walks(maps, {u"referred"_s, u"accepted"_s, u"active"_s, u"monitoring"_s, u"active"_s,
                             u"monitoring"_s, u"closed"_s}));
    EXPECT_TRUE(walks(maps, {u"referred"_s, u"closed"_s})) << "a referral that is not accepted";
}

TEST_F(ShippedKinds, Maps_RefusesSkippingStagesAndReopening)
{
    const PanelKind& maps = kind(u"maps"_s);
    EXPECT_FALSE(maps.checkMove(QStringLiteral("referred"), QStringLiteral("active"), {}).ok());
    EXPECT_FALSE(maps.checkMove(QStringLiteral("referred"), QStringLiteral("monitoring"), {}).ok());
    EXPECT_FALSE(maps.checkMove(QStringLiteral("closed"), QStringLiteral("active"), {}).ok());
    EXPECT_FALSE(maps.checkMove(QStringLiteral("monitoring"), QStringLiteral("accepted"), {}).ok());
    EXPECT_TRUE(maps.nextStages(QStringLiteral("closed")).isEmpty());
}

TEST_F(ShippedKinds, Maps_ClosingNeedsOneOfTheClosureReasons)
{
    const PanelKind& maps = kind(u"maps"_s);
    const StageDefinition* closed = maps.stage(QStringLiteral("closed"));
    ASSERT_NE(closed, nullptr);
    EXPECT_TRUE(closed->isClosed);
    EXPECT_EQ(choiceKeys(closed->reasons),
              (QStringList{u"resolved"_s, u"reduced"_s, u"noEngagement"_s, u"movedAway"_s, u"referredOn"_s,
                           u"notAccepted"_s, u"other"_s}));
    const QString active = QStringLiteral("active");
    const QString close = QStringLiteral("closed");
    const Status withoutReason = maps.checkMove(active, close, {});
    ASSERT_FALSE(withoutReason.ok());
    EXPECT_TRUE(withoutReason.error().message.contains(QStringLiteral("Closed"))) << messageOf(withoutReason);
    EXPECT_FALSE(maps.checkMove(active, close, QStringLiteral("they seemed fine")).ok());
    EXPECT_TRUE(maps.checkMove(active, close, QStringLiteral("reduced")).ok());
}

TEST_F(ShippedKinds, Maps_IsReviewedAtEachMeeting)
{
    EXPECT_TRUE(kind(u"maps"_s).reviewAtEachMeeting);
    EXPECT_EQ(kind(u"maps"_s).reviewEveryDays, 28);
    EXPECT_FALSE(kind(u"maps"_s).usesConsent);
}

// --- IOM (Durham 5.8) ---

TEST_F(ShippedKinds, Iom_RecordsCohortPathwaysLeadsAndDates)
{
    const PanelKind& iom = kind(u"iom"_s);
    EXPECT_EQ(iom.subjectTypes, QStringList{u"person"_s});
    const FieldDefinition* cohort = iom.field(QStringLiteral("cohort"));
    ASSERT_NE(cohort, nullptr);
    EXPECT_TRUE(cohort->isRequired);
    EXPECT_EQ(choiceKeys(cohort->choices), (QStringList{u"fixed"_s, u"flex"_s, u"free"_s}));
    const FieldDefinition* pathways = iom.field(QStringLiteral("pathwayNeeds"));
    ASSERT_NE(pathways, nullptr);
    EXPECT_EQ(pathways->type, Type::MultiChoice);
    EXPECT_EQ(choiceKeys(pathways->choices),
              (QStringList{u"accommodation"_s, u"educationEmployment"_s, u"health"_s, u"drugsAlcohol"_s,
                           u"finance"_s, u"family"_s, u"attitudes"_s}));
    for (const QString& key : {u"policeLead"_s, u"probationLead"_s}) {
        ASSERT_NE(iom.field(key), nullptr) << key.toStdString();
        EXPECT_EQ(iom.field(key)->type, Type::Text) << key.toStdString();
    }
    for (const QString& key : {u"custodyDate"_s, u"releaseDate"_s, u"licenceEndDate"_s}) {
        ASSERT_NE(iom.field(key), nullptr) << key.toStdString();
        EXPECT_EQ(iom.field(key)->type, Type::Date) << key.toStdString();
    }
    // The case's RAG risk is the IOM tier; a second RAG field would let the two disagree.
    EXPECT_EQ(iom.field(QStringLiteral("tier")), nullptr);
}

TEST_F(ShippedKinds, Iom_SelectionAndDeselectionNeedReasons)
{
    const PanelKind& iom = kind(u"iom"_s);
    EXPECT_FALSE(iom.checkMove(QStringLiteral("proposed"), QStringLiteral("selected"), {}).ok());
    EXPECT_TRUE(iom.checkMove(QStringLiteral("proposed"), QStringLiteral("selected"),
                              QStringLiteral("Three burglaries since release"))
                    .ok());
    const StageDefinition* deselected = iom.stage(QStringLiteral("deselected"));
    ASSERT_NE(deselected, nullptr);
    EXPECT_TRUE(deselected->needsReason);
    EXPECT_TRUE(choiceKeys(deselected->reasons).contains(QStringLiteral("desisted")));
    EXPECT_FALSE(
        iom.checkMove(QStringLiteral("managed"), QStringLiteral("deselected"), QStringLiteral("bored")).ok());
    EXPECT_TRUE(
        iom.checkMove(QStringLiteral("managed"), QStringLiteral("deselected"), QStringLiteral("desisted"))
            .ok());
    const StageDefinition* notSelected = iom.stage(QStringLiteral("notSelected"));
    ASSERT_NE(notSelected, nullptr);
    EXPECT_TRUE(notSelected->isClosed && notSelected->needsReason);
}

TEST_F(ShippedKinds, Iom_FollowsThePersonBetweenCustodyAndCommunity)
{
    const PanelKind& iom = kind(u"iom"_s);
    EXPECT_TRUE(walks(iom, {u"proposed"_s, u"selected"_s, u"managed"_s, u"custody"_s, u"managed"_s,
                            u"deselected"_s, u"closed"_s}));
    EXPECT_TRUE(walks(
        iom, {u"proposed"_s, u"selected"_s, u"custody"_s, u"deselected"_s, u"selected"_s, u"managed"_s}))
        << "re-selection after de-selection";
    EXPECT_TRUE(walks(iom, {u"proposed"_s, u"notSelected"_s}));
    EXPECT_FALSE(iom.checkMove(QStringLiteral("proposed"), QStringLiteral("managed"), {}).ok())
        << "no management without a selection decision";
    EXPECT_FALSE(iom.checkMove(QStringLiteral("managed"), QStringLiteral("closed"), {}).ok())
        << "de-selection, with its reason, comes before closure";
}

// --- MEAM (Durham 5.6) ---

TEST_F(ShippedKinds, Meam_RecordsCoordinatorNeedsScoreAndOffer)
{
    const PanelKind& meam = kind(u"meam"_s);
    EXPECT_EQ(meam.subjectTypes, QStringList{u"person"_s});
    ASSERT_NE(meam.field(QStringLiteral("coordinator")), nullptr);
    const FieldDefinition* needs = meam.field(QStringLiteral("needs"));
    ASSERT_NE(needs, nullptr);
    EXPECT_EQ(needs->type, Type::MultiChoice);
    EXPECT_EQ(choiceKeys(needs->choices),
              (QStringList{u"homelessness"_s, u"substanceMisuse"_s, u"offending"_s, u"mentalHealth"_s}));
    const FieldDefinition* score = meam.field(QStringLiteral("ndtScore"));
    ASSERT_NE(score, nullptr);
    EXPECT_EQ(score->type, Type::Number);
    EXPECT_TRUE(score->isTimeSeries);
    EXPECT_EQ(score->minimum, 0.0);
    EXPECT_EQ(score->maximum, 48.0);
    EXPECT_TRUE(score->help.contains(QStringLiteral("48")));
    const FieldDefinition* offer = meam.field(QStringLiteral("referralOffer"));
    ASSERT_NE(offer, nullptr);
    EXPECT_EQ(offer->type, Type::LongText);
    EXPECT_TRUE(offer->isRequired) << "a MEAM referral comes with an offer";
}

TEST_F(ShippedKinds, Meam_RefusesAReferralWithoutAnOffer)
{
    const PanelKind& meam = kind(u"meam"_s);
    const QVariantMap withoutOffer{{u"needs"_s, QStringList{u"homelessness"_s, u"mentalHealth"_s}}};
    const Status refused = meam.validateFields(withoutOffer);
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("Offer from the referring agency")))
        << messageOf(refused);
    QVariantMap withOffer = withoutOffer;
    withOffer.insert(QStringLiteral("referralOffer"), QStringLiteral("A named housing support worker"));
    EXPECT_TRUE(meam.validateFields(withOffer).ok());
}

TEST_F(ShippedKinds, Meam_MovesFromCoordinatedSupportToMovingOn)
{
    const PanelKind& meam = kind(u"meam"_s);
    EXPECT_EQ(stageKeys(meam),
              (QStringList{u"referred"_s, u"accepted"_s, u"active"_s, u"movingOn"_s, u"closed"_s}));
    EXPECT_TRUE(walks(meam, {u"referred"_s, u"accepted"_s, u"active"_s, u"movingOn"_s, u"active"_s,
                             u"movingOn"_s, u"closed"_s}));
    EXPECT_FALSE(meam.checkMove(QStringLiteral("referred"), QStringLiteral("movingOn"), {}).ok());
    EXPECT_FALSE(meam.checkMove(QStringLiteral("accepted"), QStringLiteral("movingOn"), {}).ok());
}

// --- Channel (Durham 5.10) ---

TEST_F(ShippedKinds, Channel_RecordsWhetherThePersonKnowsOfTheReferral)
{
    const PanelKind& channel = kind(u"channel"_s);
    EXPECT_EQ(channel.subjectTypes, QStringList{u"person"_s});
    const FieldDefinition* aware = channel.field(QStringLiteral("personAware"));
    ASSERT_NE(aware, nullptr);
    EXPECT_EQ(aware->type, Type::Boolean);
    EXPECT_TRUE(aware->isRequired);
    EXPECT_TRUE(channel.validateFields({{u"personAware"_s, false}}).ok())
        << "not knowing is a recorded answer";
    EXPECT_FALSE(channel.validateFields({}).ok());
}

TEST_F(ShippedKinds, Channel_GoesFromReferralThroughScreeningToThePanelsDecision)
{
    const PanelKind& channel = kind(u"channel"_s);
    EXPECT_EQ(channel.initialStage, QStringLiteral("referred"));
    EXPECT_EQ(channel.nextStages(QStringLiteral("referred")), QStringList{u"screening"_s});
    EXPECT_TRUE(walks(channel, {u"referred"_s, u"screening"_s, u"adopted"_s}));
    EXPECT_TRUE(walks(channel, {u"referred"_s, u"screening"_s, u"notAdopted"_s}));
    EXPECT_FALSE(channel.checkMove(QStringLiteral("referred"), QStringLiteral("adopted"), {}).ok())
        << "police screening comes first";
    const StageDefinition* notAdopted = channel.stage(QStringLiteral("notAdopted"));
    ASSERT_NE(notAdopted, nullptr);
    EXPECT_TRUE(notAdopted->isClosed);
    EXPECT_TRUE(notAdopted->needsReason);
    EXPECT_TRUE(notAdopted->reasons.isEmpty()) << "the signposting is written, not picked";
    EXPECT_FALSE(
        channel.checkMove(QStringLiteral("screening"), QStringLiteral("notAdopted"), QStringLiteral(" "))
            .ok());
}

TEST_F(ShippedKinds, Channel_EveryMoveIntoSupportRequiresConsent)
{
    const PanelKind& channel = kind(u"channel"_s);
    EXPECT_TRUE(channel.usesConsent);
    const Transition* fromAdopted = channel.transition(QStringLiteral("adopted"), QStringLiteral("support"));
    ASSERT_NE(fromAdopted, nullptr);
    EXPECT_EQ(fromAdopted->requiredGates, QStringList{u"consent"_s});
    int movesIntoSupport = 0;
    for (const Transition& move : channel.transitions) {
        if (move.to == u"support"_s) {
            ++movesIntoSupport;
            EXPECT_TRUE(move.requiredGates.contains(QStringLiteral("consent"))) << move.from.toStdString();
        } else {
            EXPECT_TRUE(move.requiredGates.isEmpty())
                << move.from.toStdString() << " -> " << move.to.toStdString();
        }
    }
    EXPECT_EQ(movesIntoSupport, 2) << "from adopted, and back from review";
    EXPECT_FALSE(channel.checkMove(QStringLiteral("screening"), QStringLiteral("support"), {}).ok())
        << "support only after the panel adopts the case";
}

TEST_F(ShippedKinds, Channel_SchedulesReviewsSixAndTwelveMonthsAfterExit)
{
    const PanelKind& channel = kind(u"channel"_s);
    ASSERT_TRUE(channel.reviewsOnEnter.contains(QStringLiteral("exit")));
    const QList<ScheduledReview> reviews = channel.reviewsOnEnter.value(QStringLiteral("exit"));
    ASSERT_EQ(reviews.size(), 2);
    EXPECT_EQ(reviews.at(0).afterMonths, 6);
    EXPECT_EQ(reviews.at(1).afterMonths, 12);
    EXPECT_FALSE(reviews.at(0).label.isEmpty());
    EXPECT_NE(reviews.at(0).label, reviews.at(1).label);
    EXPECT_EQ(channel.reviewsOnEnter.size(), 1) << "no other stage schedules reviews";
}

TEST_F(ShippedKinds, Channel_ExitsOnlyAfterAReviewAndClosesAfterExit)
{
    const PanelKind& channel = kind(u"channel"_s);
    EXPECT_TRUE(walks(channel, {u"referred"_s, u"screening"_s, u"adopted"_s, u"support"_s, u"review"_s,
                                u"support"_s, u"review"_s, u"exit"_s, u"closed"_s}));
    EXPECT_FALSE(channel.stage(QStringLiteral("exit"))->isClosed) << "exited cases still await their reviews";
    EXPECT_FALSE(channel.checkMove(QStringLiteral("support"), QStringLiteral("exit"), {}).ok());
    EXPECT_FALSE(channel.checkMove(QStringLiteral("exit"), QStringLiteral("support"), {}).ok())
        << "renewed concern is a new referral";
    EXPECT_TRUE(
        channel
            .checkMove(QStringLiteral("adopted"), QStringLiteral("closed"), QStringLiteral("consentRefused"))
            .ok());
}

} // namespace
} // namespace confer::test
