#include "accounts/PassphrasePolicy.h"

#include <gtest/gtest.h>

using confer::PassphrasePolicy;

TEST(PassphrasePolicy, ElevenCharactersAreTooFewTwelveAreEnough)
{
    EXPECT_FALSE(PassphrasePolicy::check(QStringLiteral("kettle lamp")).ok());
    EXPECT_TRUE(PassphrasePolicy::check(QStringLiteral("kettle lamps")).ok());
}

TEST(PassphrasePolicy, LengthCountsCharactersNotBytes)
{
    // Twelve Welsh and Greek letters are twelve characters, whatever their UTF-8 length.
    EXPECT_TRUE(PassphrasePolicy::check(QStringLiteral("ŵŷâêîôûαβγδε")).ok());
    EXPECT_FALSE(PassphrasePolicy::check(QStringLiteral("ŵŷâêîôûαβγδ")).ok());
    // Emoji outside the BMP count once each.
    EXPECT_TRUE(PassphrasePolicy::check(QStringLiteral("🦉🦉🌲🌲 owls in pines")).ok());
}

TEST(PassphrasePolicy, LongPassphrasesAndAnyCharactersAreAllowed)
{
    EXPECT_TRUE(PassphrasePolicy::check(QStringLiteral("the panel meets on wednesdays at the fire station "
                                                       "in peterlee, bring biscuits"))
                    .ok());
    EXPECT_TRUE(PassphrasePolicy::check(QStringLiteral("Ça marche! ¿Sí? 🙂 tab\there")).ok());
    EXPECT_FALSE(PassphrasePolicy::check(QString(2000, QLatin1Char('k'))).ok());
}

TEST(PassphrasePolicy, NoCompositionRules)
{
    EXPECT_TRUE(PassphrasePolicy::check(QStringLiteral("all lower case words here")).ok());
    EXPECT_TRUE(PassphrasePolicy::check(QStringLiteral("nodigitsnospacesnosymbols")).ok());
}

TEST(PassphrasePolicy, CommonPasswordsAreRefusedEvenDressedUp)
{
    for (const char* common : {"password1234", "Password1234!", "qwertyuiop123", "123456789012",
                               "iloveyou1234", "passwordpassword", "correct horse battery staple",
                               "monkeymonkey12", "aaaaaaaaaaaa", "Liverpool1234", "1q2w3e4r5t6y"}) {
        EXPECT_FALSE(PassphrasePolicy::check(QString::fromUtf8(common)).ok()) << common;
    }
}

TEST(PassphrasePolicy, RefusalSaysWhatToChange)
{
    auto status = PassphrasePolicy::check(QStringLiteral("short"));
    ASSERT_FALSE(status.ok());
    EXPECT_TRUE(status.error().message.contains(QLatin1String("12")));
    EXPECT_EQ(status.error().code, confer::ErrorCode::InvalidInput);
}

TEST(PassphrasePolicy, UserNameDressedUpIsRefused)
{
    EXPECT_FALSE(PassphrasePolicy::check(QStringLiteral("j.okonkwo2026"), QStringLiteral("j.okonkwo")).ok());
    EXPECT_TRUE(
        PassphrasePolicy::check(QStringLiteral("badminton club on friday"), QStringLiteral("admin")).ok());
}

TEST(PassphrasePolicy, RandomDigitsAreNotRefusedForLackingLetters)
{
    EXPECT_TRUE(PassphrasePolicy::check(QStringLiteral("839201748392")).ok());
    EXPECT_TRUE(PassphrasePolicy::check(QStringLiteral("%7$2!9@4#6&1")).ok());
}

TEST(PassphrasePolicy, WithoutALoginNothingIsSaidAboutUserNames)
{
    auto status = PassphrasePolicy::check(QStringLiteral("password1234"));
    ASSERT_FALSE(status.ok());
    EXPECT_FALSE(status.error().message.contains(QLatin1String("user name")));
}
