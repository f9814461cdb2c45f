#include "crypto/RecoveryKey.h"

#include <QRegularExpression>

#include <gtest/gtest.h>

using namespace confer;

namespace {
// Bytes 0x00..0x1f, encoded by an independent implementation of docs/keyslot-format.md (Python:
// Crockford base32 of key || first 3 bytes of BLAKE2b-128("confer-recovery-check-v1" || key)).
const QString KnownText =
    QStringLiteral("000G-40R4-0M30-E209-185G-R38E-1W81-24GK-2GAH-C5RR-34D1-P70X-3RFW-TEND");
const QString Alphabet = QStringLiteral("0123456789ABCDEFGHJKMNPQRSTVWXYZ");

SecureBytes knownBytes()
{
    SecureBytes bytes(32);
    for (int i = 0; i < 32; ++i)
        bytes.data()[i] = static_cast<unsigned char>(i);
    return bytes;
}

void expectNotAKey(const QString& text)
{
    auto parsed = RecoveryKey::parse(text);
    ASSERT_FALSE(parsed.ok()) << text.toStdString();
    EXPECT_EQ(parsed.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(parsed.error().message, QStringLiteral("This is not a valid recovery key; check each group."));
}
} // namespace

TEST(RecoveryKey, DisplayIsGroupsOfCrockfordCharacters)
{
    const RecoveryKey key = RecoveryKey::generate();
    const QString text = key.displayText();
    const QStringList groups = text.split(QLatin1Char('-'));
    ASSERT_EQ(groups.size(), RecoveryKey::GroupCount);
    for (const QString& group : groups)
        EXPECT_TRUE(QRegularExpression(QStringLiteral("^[0-9A-HJKMNP-TV-Z]{4}$")).match(group).hasMatch())
            << group.toStdString();
    EXPECT_EQ(key.bytes().size(), 32u);
}

TEST(RecoveryKey, KnownKeyHasItsDocumentedDisplayText)
{
    auto parsed = RecoveryKey::parse(KnownText);
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(parsed->bytes().equals(knownBytes()));
    EXPECT_EQ(parsed->displayText(), KnownText);
}

TEST(RecoveryKey, GeneratedKeyRoundTripsThroughItsText)
{
    const RecoveryKey key = RecoveryKey::generate();
    auto parsed = RecoveryKey::parse(key.displayText());
    ASSERT_TRUE(parsed.ok());
    EXPECT_TRUE(parsed->bytes().equals(key.bytes()));
    EXPECT_FALSE(RecoveryKey::generate().bytes().equals(key.bytes()));
}

TEST(RecoveryKey, ParsingForgivesCaseSpacingAndLookAlikes)
{
    QString sloppy = KnownText.toLower();
    sloppy.replace(QLatin1Char('-'), QStringLiteral("  "));
    sloppy.replace(QLatin1Char('0'), QLatin1Char('o'));         // O for zero
    sloppy.replace(QStringLiteral("1w"), QStringLiteral("Lw")); // L for one
    sloppy.replace(QLatin1Char('1'), QLatin1Char('I'));         // I for one
    ASSERT_TRUE(sloppy.contains(QLatin1Char('o')) && sloppy.contains(QLatin1Char('L')) &&
                sloppy.contains(QLatin1Char('I')));
    const QStringList variants{sloppy, KnownText.toLower().remove(QLatin1Char('-')),
                               QString(QStringLiteral("\n") + KnownText + QStringLiteral("\t"))};
    for (const QString& text : variants) {
        auto parsed = RecoveryKey::parse(text);
        ASSERT_TRUE(parsed.ok()) << text.toStdString();
        EXPECT_TRUE(parsed->bytes().equals(knownBytes()));
    }
}

TEST(RecoveryKey, EverySingleMistypedCharacterIsCaught)
{
    int checked = 0;
    for (qsizetype i = 0; i < KnownText.size(); ++i) {
        if (KnownText[i] == QLatin1Char('-'))
            continue;
        for (const QChar replacement : Alphabet) {
            if (replacement == KnownText[i])
                continue;
            QString typo = KnownText;
            typo[i] = replacement;
            ASSERT_FALSE(RecoveryKey::parse(typo).ok()) << typo.toStdString();
            ++checked;
        }
    }
    EXPECT_EQ(checked, RecoveryKey::GroupCount * RecoveryKey::GroupLength * 31);
}

TEST(RecoveryKey, SwappedNeighboursAreCaught)
{
    const QString compact = QString(KnownText).remove(QLatin1Char('-'));
    for (qsizetype i = 0; i + 1 < compact.size(); ++i) {
        if (compact[i] == compact[i + 1])
            continue;
        QString swapped = compact;
        std::swap(swapped[i], swapped[i + 1]);
        EXPECT_FALSE(RecoveryKey::parse(swapped).ok()) << swapped.toStdString();
    }
}

TEST(RecoveryKey, WrongLengthIsRefused)
{
    expectNotAKey(KnownText.chopped(1));
    expectNotAKey(KnownText + QLatin1Char('0'));
    expectNotAKey(KnownText + QStringLiteral("-0000"));
    expectNotAKey(QString());
    expectNotAKey(QStringLiteral("----"));
}

TEST(RecoveryKey, CharactersOutsideTheAlphabetAreRefused)
{
    QString withU = KnownText;
    withU[0] = QLatin1Char('U'); // Crockford leaves U out
    expectNotAKey(withU);
    QString withStar = KnownText;
    withStar[1] = QLatin1Char('*');
    expectNotAKey(withStar);
    QString withAccent = KnownText;
    withAccent[2] = QChar(0x00C9);
    expectNotAKey(withAccent);
}

TEST(RecoveryKey, GroupsAreNumberedFromOne)
{
    auto key = RecoveryKey::parse(KnownText);
    ASSERT_TRUE(key.ok());
    EXPECT_EQ(key->group(1), QStringLiteral("000G"));
    EXPECT_EQ(key->group(3), QStringLiteral("0M30"));
    EXPECT_EQ(key->group(RecoveryKey::GroupCount), QStringLiteral("TEND"));
    EXPECT_TRUE(key->group(0).isEmpty());
    EXPECT_TRUE(key->group(RecoveryKey::GroupCount + 1).isEmpty());
    for (int group : RecoveryKey::confirmationGroups()) {
        EXPECT_GE(group, 1);
        EXPECT_LE(group, RecoveryKey::GroupCount);
    }
}
