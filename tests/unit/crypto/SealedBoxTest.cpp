#include "crypto/SealedBox.h"

#include <gtest/gtest.h>

#include <cstring>

using namespace confer;

namespace {
SecureBytes bytesOf(const char* text)
{
    return SecureBytes(reinterpret_cast<const unsigned char*>(text), std::strlen(text));
}

const QByteArray Context("store 1234 / slot 5678");

void expectRefused(const Result<SecureBytes>& opened)
{
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::WrongCredentials);
}
} // namespace

TEST(SealedBox, OpensWhatItSealed)
{
    const SecureBytes key = SecureBytes::random(32);
    const SecureBytes secret = bytesOf("the store key, thirty-two bytes!");
    auto sealed = SealedBox::seal(key, secret, Context);
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(sealed->nonce.size(), 24);
    EXPECT_EQ(sealed->ciphertext.size(), static_cast<qsizetype>(secret.size()) + 16);
    EXPECT_FALSE(sealed->ciphertext.contains(QByteArray("thirty-two")));
    auto opened = SealedBox::open(key, *sealed, Context);
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->equals(secret));
}

TEST(SealedBox, SealingTwiceUsesFreshNonces)
{
    const SecureBytes key = SecureBytes::random(32);
    const SecureBytes secret = bytesOf("same value");
    auto first = SealedBox::seal(key, secret, Context);
    auto second = SealedBox::seal(key, secret, Context);
    ASSERT_TRUE(first.ok() && second.ok());
    EXPECT_NE(first->nonce, second->nonce);
    EXPECT_NE(first->ciphertext, second->ciphertext);
}

TEST(SealedBox, EmptyValueRoundTrips)
{
    const SecureBytes key = SecureBytes::random(32);
    auto sealed = SealedBox::seal(key, SecureBytes(), Context);
    ASSERT_TRUE(sealed.ok());
    EXPECT_EQ(sealed->ciphertext.size(), 16);
    auto opened = SealedBox::open(key, *sealed, Context);
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->isEmpty());
}

TEST(SealedBox, WrongKeyIsRefused)
{
    auto sealed = SealedBox::seal(SecureBytes::random(32), bytesOf("secret"), Context);
    ASSERT_TRUE(sealed.ok());
    expectRefused(SealedBox::open(SecureBytes::random(32), *sealed, Context));
}

TEST(SealedBox, EveryFlippedCiphertextByteIsRefused)
{
    const SecureBytes key = SecureBytes::random(32);
    auto sealed = SealedBox::seal(key, bytesOf("secret"), Context);
    ASSERT_TRUE(sealed.ok());
    for (qsizetype i = 0; i < sealed->ciphertext.size(); ++i) {
        Sealed tampered = *sealed;
        tampered.ciphertext[i] = static_cast<char>(tampered.ciphertext[i] ^ 0x01);
        SCOPED_TRACE(i);
        expectRefused(SealedBox::open(key, tampered, Context));
    }
}

TEST(SealedBox, FlippedNonceIsRefused)
{
    const SecureBytes key = SecureBytes::random(32);
    auto sealed = SealedBox::seal(key, bytesOf("secret"), Context);
    ASSERT_TRUE(sealed.ok());
    Sealed tampered = *sealed;
    tampered.nonce[23] = static_cast<char>(tampered.nonce[23] ^ 0x80);
    expectRefused(SealedBox::open(key, tampered, Context));
}

TEST(SealedBox, WrongAssociatedDataIsRefused)
{
    const SecureBytes key = SecureBytes::random(32);
    auto sealed = SealedBox::seal(key, bytesOf("secret"), Context);
    ASSERT_TRUE(sealed.ok());
    expectRefused(SealedBox::open(key, *sealed, QByteArray("store 1234 / slot 5679")));
    expectRefused(SealedBox::open(key, *sealed, QByteArray()));
}

TEST(SealedBox, TruncatedOrMisshapenBoxIsRefusedLikeAWrongKey)
{
    const SecureBytes key = SecureBytes::random(32);
    auto sealed = SealedBox::seal(key, bytesOf("secret"), Context);
    ASSERT_TRUE(sealed.ok());
    Sealed truncated = *sealed;
    truncated.ciphertext.chop(1);
    expectRefused(SealedBox::open(key, truncated, Context));
    Sealed tooShort = *sealed;
    tooShort.ciphertext = tooShort.ciphertext.left(15);
    expectRefused(SealedBox::open(key, tooShort, Context));
    Sealed shortNonce = *sealed;
    shortNonce.nonce.chop(1);
    expectRefused(SealedBox::open(key, shortNonce, Context));
}

TEST(SealedBox, SealRefusesAKeyOfTheWrongLength)
{
    auto sealed = SealedBox::seal(SecureBytes::random(16), bytesOf("secret"), Context);
    ASSERT_FALSE(sealed.ok());
    EXPECT_EQ(sealed.error().code, ErrorCode::InvalidInput);
}
