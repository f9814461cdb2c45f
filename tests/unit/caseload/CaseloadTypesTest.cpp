#include "caseload/CaseloadTypes.h"

#include <gtest/gtest.h>

using namespace confer;

// Keys are what the schema's CHECK constraints accept; a typo here would only show as a failed insert.
TEST(CaseloadTypes, KeysMatchTheSchemaAndReadBack)
{
    EXPECT_EQ(markingKey(Marking::OfficialSensitive), QStringLiteral("official-sensitive"));
    EXPECT_EQ(riskKey(Risk::Unassessed), QStringLiteral("unassessed"));
    EXPECT_EQ(subjectTypeKey(Subject::Type::Location), QStringLiteral("location"));
    EXPECT_EQ(actionStatusKey(CaseAction::Status::NotPossible), QStringLiteral("not_possible"));
    EXPECT_EQ(agencyKindKey(Agency::Kind::CooperatingBody), QStringLiteral("cooperating_body"));
    EXPECT_EQ(consentStateKey(Consent::State::Withdrawn), QStringLiteral("withdrawn"));
    EXPECT_EQ(consentGivenByKey(Consent::GivenBy::ParentGuardian), QStringLiteral("parent_guardian"));

    for (Marking marking : {Marking::Official, Marking::OfficialSensitive})
        EXPECT_EQ(markingFromKey(markingKey(marking)), marking);
    for (Risk risk : {Risk::Unassessed, Risk::Green, Risk::Amber, Risk::Red})
        EXPECT_EQ(riskFromKey(riskKey(risk)), risk);
    for (auto type : {Subject::Type::Person, Subject::Type::Household, Subject::Type::Location})
        EXPECT_EQ(subjectTypeFromKey(subjectTypeKey(type)), type);
    for (auto status : {CaseAction::Status::Open, CaseAction::Status::Done, CaseAction::Status::NotPossible,
                        CaseAction::Status::NotDone})
        EXPECT_EQ(actionStatusFromKey(actionStatusKey(status)), status);
    for (auto kind : {Agency::Kind::ResponsibleAuthority, Agency::Kind::CooperatingBody, Agency::Kind::Other})
        EXPECT_EQ(agencyKindFromKey(agencyKindKey(kind)), kind);
    for (auto state : {Consent::State::Given, Consent::State::Refused, Consent::State::Withdrawn})
        EXPECT_EQ(consentStateFromKey(consentStateKey(state)), state);
    for (auto givenBy : {Consent::GivenBy::Individual, Consent::GivenBy::ParentGuardian})
        EXPECT_EQ(consentGivenByFromKey(consentGivenByKey(givenBy)), givenBy);
}

TEST(CaseloadTypes, UnknownKeysAreRefused)
{
    EXPECT_FALSE(markingFromKey(QStringLiteral("secret")));
    EXPECT_FALSE(riskFromKey(QStringLiteral("RED")));
    EXPECT_FALSE(subjectTypeFromKey(QString()));
    EXPECT_FALSE(actionStatusFromKey(QStringLiteral("closed")));
    EXPECT_FALSE(agencyKindFromKey(QStringLiteral("police")));
    EXPECT_FALSE(consentStateFromKey(QStringLiteral("Given")));
    EXPECT_FALSE(consentGivenByFromKey(QStringLiteral("parent")));
}

TEST(CaseloadTypes, MarkingIsShownInCapitals)
{
    EXPECT_EQ(markingDisplayName(Marking::OfficialSensitive), QStringLiteral("OFFICIAL-SENSITIVE"));
    EXPECT_EQ(markingDisplayName(Marking::Official), QStringLiteral("OFFICIAL"));
}
