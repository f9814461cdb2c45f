#include "crypto/Sha256.h"

#include <gtest/gtest.h>

using namespace confer;

// FIPS 180-2 test vectors: the digest Confer records must be the one anyone can recompute with
// sha256sum, so it is checked against the published values rather than against libsodium itself.
TEST(Sha256, MatchesThePublishedVectors)
{
    EXPECT_EQ(Sha256::hexOf(QByteArray()),
              QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    EXPECT_EQ(Sha256::hexOf(QByteArrayLiteral("abc")),
              QStringLiteral("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
    EXPECT_EQ(Sha256::hexOf(QByteArrayLiteral("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")),
              QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
}

TEST(Sha256, DigestIsThirtyTwoBytesOfTheHexShown)
{
    const QByteArray bytes("%PDF-1.4 and the rest of a file", 31);
    const QByteArray digest = Sha256::of(bytes);
    EXPECT_EQ(digest.size(), Sha256::Size);
    EXPECT_EQ(QString::fromLatin1(digest.toHex()), Sha256::hexOf(bytes));
}

TEST(Sha256, EmbeddedZeroBytesCount)
{
    EXPECT_NE(Sha256::of(QByteArray("a\0b", 3)), Sha256::of(QByteArray("a", 1)));
}
