// PanelKind::validateFields and validateValue: what a case may record, in a sentence naming the field.
#include "PanelKindTestSupport.h"

#include <QDate>

#include <limits>

namespace confer::test {
namespace {

using namespace Qt::StringLiterals;

class FieldValidation : public ShippedKindsTest {
protected:
    // A complete, valid IOM case; each test spoils one value.
    static QVariantMap validIom()
    {
        return {{u"cohort"_s, u"flex"_s},
                {u"statutorySupervision"_s, true},
                {u"pathwayNeeds"_s, QStringList{u"accommodation"_s, u"drugsAlcohol"_s}},
                {u"policeLead"_s, u"PC Hardy"_s},
                {u"probationLead"_s, u"Sam Okafor"_s},
                {u"custodyDate"_s, QDate(2025, 2, 3)},
                {u"releaseDate"_s, u"2025-11-20"_s},
                {u"licenceEndDate"_s, u"2026-05-19"_s}};
    }

    static ::testing::AssertionResult refusedNaming(const Status& status, const QString& label)
    {
        if (status.ok())
            return ::testing::AssertionFailure() << "accepted";
        if (status.error().code != ErrorCode::InvalidInput)
            return ::testing::AssertionFailure() << "wrong code: " << messageOf(status);
        if (!status.error().message.contains(QStringLiteral("“%1”").arg(label)))
            return ::testing::AssertionFailure()
                   << "does not name " << label.toStdString() << ": " << messageOf(status);
        return ::testing::AssertionSuccess();
    }

    static QVariantMap with(QVariantMap values, const QString& key, const QVariant& value)
    {
        values.insert(key, value);
        return values;
    }
};

TEST_F(FieldValidation, ValidateFields_AcceptsACompleteCase)
{
    EXPECT_TRUE(kind(u"iom"_s).validateFields(validIom()).ok())
        << messageOf(kind(u"iom"_s).validateFields(validIom()));
}

TEST_F(FieldValidation, ValidateFields_AcceptsOptionalFieldsLeftEmpty)
{
    const QVariantMap onlyRequired{{u"cohort"_s, u"fixed"_s},
                                   {u"policeLead"_s, u""_s},
                                   {u"pathwayNeeds"_s, QStringList{}},
                                   {u"releaseDate"_s, QVariant()}};
    EXPECT_TRUE(kind(u"iom"_s).validateFields(onlyRequired).ok())
        << messageOf(kind(u"iom"_s).validateFields(onlyRequired));
}

TEST_F(FieldValidation, ValidateFields_RefusesAFieldTheKindDoesNotCollect)
{
    const Status refused = kind(u"iom"_s).validateFields(with(validIom(), u"religion"_s, u"none"_s));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("“religion”"))) << messageOf(refused);
}

TEST_F(FieldValidation, ValidateFields_RefusesAMissingRequiredField)
{
    QVariantMap values = validIom();
    values.remove(QStringLiteral("cohort"));
    EXPECT_TRUE(refusedNaming(kind(u"iom"_s).validateFields(values), QStringLiteral("Cohort")));
}

TEST_F(FieldValidation, ValidateFields_TreatsBlankTextAsMissing)
{
    const QVariantMap values{{u"needs"_s, QStringList{u"offending"_s}}, {u"referralOffer"_s, u"   \n"_s}};
    EXPECT_TRUE(refusedNaming(kind(u"meam"_s).validateFields(values),
                              QStringLiteral("Offer from the referring agency")));
}

TEST_F(FieldValidation, ValidateFields_RefusesAChoiceNotAmongTheChoices)
{
    const Status refused = kind(u"iom"_s).validateFields(with(validIom(), u"cohort"_s, u"purple"_s));
    EXPECT_TRUE(refusedNaming(refused, QStringLiteral("Cohort")));
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("Fixed, Flex, Free"))) << messageOf(refused);
    EXPECT_TRUE(refusedNaming(kind(u"iom"_s).validateFields(with(validIom(), u"cohort"_s, 1)),
                              QStringLiteral("Cohort")));
    EXPECT_TRUE(refusedNaming(kind(u"iom"_s).validateFields(with(validIom(), u"cohort"_s, u"Fixed"_s)),
                              QStringLiteral("Cohort")))
        << "the stored key, not the label";
}

TEST_F(FieldValidation, ValidateFields_DoesNotRepeatARefusedValue)
{
    // Messages reach logs and dialogs; what was typed may be about a person.
    const QString typed = QStringLiteral("Jordan Smith's cousin");
    const Status refused = kind(u"iom"_s).validateFields(with(validIom(), u"cohort"_s, typed));
    ASSERT_FALSE(refused.ok());
    EXPECT_FALSE(refused.error().message.contains(typed));
    EXPECT_FALSE(refused.error().detail.contains(typed));
}

TEST_F(FieldValidation, ValidateFields_AcceptsMultiChoiceAsStringListOrVariantList)
{
    EXPECT_TRUE(
        kind(u"iom"_s)
            .validateFields(with(validIom(), u"pathwayNeeds"_s, QVariantList{u"health"_s, u"family"_s}))
            .ok());
    EXPECT_TRUE(
        kind(u"iom"_s).validateFields(with(validIom(), u"pathwayNeeds"_s, QStringList{u"attitudes"_s})).ok());
}

TEST_F(FieldValidation, ValidateFields_RefusesABadMultiChoice)
{
    const QString label = QStringLiteral("Pathway needs");
    EXPECT_TRUE(refusedNaming(kind(u"iom"_s).validateFields(
                                  with(validIom(), u"pathwayNeeds"_s, QStringList{u"health"_s, u"gym"_s})),
                              label));
    EXPECT_TRUE(refusedNaming(kind(u"iom"_s).validateFields(
                                  with(validIom(), u"pathwayNeeds"_s, QStringList{u"health"_s, u"health"_s})),
                              label));
    EXPECT_TRUE(
        refusedNaming(kind(u"iom"_s).validateFields(with(validIom(), u"pathwayNeeds"_s, u"health"_s)), label))
        << "a selection is a list";
    EXPECT_TRUE(refusedNaming(
        kind(u"iom"_s).validateFields(with(validIom(), u"pathwayNeeds"_s, QVariantList{u"health"_s, 3})),
        label));
}

TEST_F(FieldValidation, ValidateFields_RefusesADateThatIsNotIso)
{
    const QString label = QStringLiteral("Release date");
    for (const QVariant& bad :
         {QVariant(u"20/11/2025"_s), QVariant(u"2025-02-30"_s), QVariant(u"2025-11-20T09:00:00"_s),
          QVariant(u"next week"_s), QVariant(20251120), QVariant(QDate())}) {
        SCOPED_TRACE(bad.toString().toStdString());
        EXPECT_TRUE(
            refusedNaming(kind(u"iom"_s).validateFields(with(validIom(), u"releaseDate"_s, bad)), label));
    }
    EXPECT_TRUE(kind(u"iom"_s).validateFields(with(validIom(), u"releaseDate"_s, QDate(2026, 3, 31))).ok());
    EXPECT_TRUE(kind(u"iom"_s).validateFields(with(validIom(), u"releaseDate"_s, u"2026-03-31"_s)).ok());
}

TEST_F(FieldValidation, ValidateValue_RefusesANumberThatIsNotANumber)
{
    const PanelKind& meam = kind(u"meam"_s);
    const QString label = QStringLiteral("New directions score");
    const QString score = QStringLiteral("ndtScore");
    EXPECT_TRUE(refusedNaming(meam.validateValue(score, u"high"_s), label));
    EXPECT_TRUE(refusedNaming(meam.validateValue(score, u"12abc"_s), label));
    EXPECT_TRUE(refusedNaming(meam.validateValue(score, true), label));
    EXPECT_TRUE(refusedNaming(meam.validateValue(score, std::numeric_limits<double>::quiet_NaN()), label));
    EXPECT_TRUE(meam.validateValue(score, 31).ok());
    EXPECT_TRUE(meam.validateValue(score, 30.5).ok());
    EXPECT_TRUE(meam.validateValue(score, u"27"_s).ok()) << "typed into an editor";
}

TEST_F(FieldValidation, ValidateValue_KeepsANumberInsideItsRange)
{
    const PanelKind& meam = kind(u"meam"_s);
    const QString score = QStringLiteral("ndtScore");
    const Status tooHigh = meam.validateValue(score, 49);
    EXPECT_TRUE(refusedNaming(tooHigh, QStringLiteral("New directions score")));
    EXPECT_TRUE(tooHigh.error().message.contains(QStringLiteral("48"))) << messageOf(tooHigh);
    EXPECT_FALSE(meam.validateValue(score, -1).ok());
    EXPECT_TRUE(meam.validateValue(score, 0).ok());
    EXPECT_TRUE(meam.validateValue(score, 48).ok());
}

TEST_F(FieldValidation, ValidateFields_RefusesABooleanGivenAsText)
{
    const QString label = QStringLiteral("Person aware of the referral");
    EXPECT_TRUE(refusedNaming(kind(u"channel"_s).validateFields({{u"personAware"_s, u"yes"_s}}), label));
    EXPECT_TRUE(refusedNaming(kind(u"channel"_s).validateFields({{u"personAware"_s, 1}}), label));
    EXPECT_TRUE(kind(u"channel"_s).validateFields({{u"personAware"_s, true}}).ok());
}

TEST_F(FieldValidation, ValidateFields_RefusesTextGivenAsANumber)
{
    EXPECT_TRUE(refusedNaming(kind(u"iom"_s).validateFields(with(validIom(), u"policeLead"_s, 4521)),
                              QStringLiteral("Police lead")));
}

TEST_F(FieldValidation, ValidateValue_RefusesAnUnknownFieldAndAllowsAnOptionalEmptyOne)
{
    EXPECT_FALSE(kind(u"meam"_s).validateValue(QStringLiteral("score"), 12).ok());
    EXPECT_TRUE(kind(u"meam"_s).validateValue(QStringLiteral("ndtScore"), QVariant()).ok());
    EXPECT_TRUE(refusedNaming(kind(u"meam"_s).validateValue(QStringLiteral("referralOffer"), QString()),
                              QStringLiteral("Offer from the referring agency")));
}

TEST_F(FieldValidation, CheckMove_RefusesUnknownStagesByName)
{
    const Status refused =
        kind(u"maps"_s).checkMove(QStringLiteral("referred"), QStringLiteral("archived"), {});
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("archived"))) << messageOf(refused);
    EXPECT_FALSE(kind(u"maps"_s)
                     .checkMove(QStringLiteral("limbo"), QStringLiteral("closed"), QStringLiteral("other"))
                     .ok());
}

TEST_F(FieldValidation, CheckMove_NamesBothStagesWhenTheMoveIsNotAllowed)
{
    const Status refused =
        kind(u"maps"_s).checkMove(QStringLiteral("referred"), QStringLiteral("monitoring"), {});
    ASSERT_FALSE(refused.ok());
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("“Referred”"))) << messageOf(refused);
    EXPECT_TRUE(refused.error().message.contains(QStringLiteral("“Monitoring”"))) << messageOf(refused);
}

} // namespace
} // namespace confer::test
