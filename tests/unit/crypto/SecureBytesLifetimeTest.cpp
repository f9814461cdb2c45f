#include "crypto/PassphraseKdf.h"
#include "crypto/RecoveryKey.h"
#include "crypto/SealedBox.h"

#include <gtest/gtest.h>

using namespace confer;

// Every guarded buffer the crypto code makes (keys, intermediate hashes, parse buffers) is released
// when its owner dies, failures included: nothing is left for a memory scan to find.
TEST(SecureBytesLifetime, CryptoOperationsLeaveNoGuardedBuffersBehind)
{
    const int before = SecureBytes::liveCount();
    {
        const SecureBytes passphrase = SecureBytes::fromPassphrase(QStringLiteral("correct horse battery"));
        auto key = PassphraseKdf::derive(passphrase, QByteArray(16, 's'), KdfPolicy::cheapForTests().floor);
        ASSERT_TRUE(key.ok());
        auto sealed = SealedBox::seal(*key, passphrase, QByteArray("ad"));
        ASSERT_TRUE(sealed.ok());
        auto opened = SealedBox::open(*key, *sealed, QByteArray("ad"));
        ASSERT_TRUE(opened.ok());
        EXPECT_FALSE(SealedBox::open(SecureBytes::random(32), *sealed, QByteArray("ad")).ok());

        const RecoveryKey recovery = RecoveryKey::generate();
        auto parsed = RecoveryKey::parse(recovery.displayText());
        ASSERT_TRUE(parsed.ok());
        EXPECT_FALSE(RecoveryKey::parse(recovery.displayText().chopped(1)).ok());
        EXPECT_FALSE(recovery.group(2).isEmpty());
        EXPECT_GT(SecureBytes::liveCount(), before);
    }
    EXPECT_EQ(SecureBytes::liveCount(), before);
}

TEST(SecureBytesLifetime, WipeReleasesEarly)
{
    const int before = SecureBytes::liveCount();
    SecureBytes key = SecureBytes::random(32);
    EXPECT_EQ(SecureBytes::liveCount(), before + 1);
    key.wipe();
    EXPECT_EQ(SecureBytes::liveCount(), before);
    EXPECT_TRUE(key.isEmpty());
}
