#include "TestStoreDir.h"
#include "crypto/RecoveryKey.h"
#include "keys/KeySlotFile.h"

#include <gtest/gtest.h>

using namespace confer;

namespace {
const QString Passphrase = QStringLiteral("a long enough passphrase");

class KeySlotCryptoTest : public ::testing::Test {
protected:
    const SecureBytes storeKey = SecureBytes::random(32);
    const SecureBytes deviceSecret = SecureBytes::random(32);
    const QString storeId = KeySlotFile::randomId();
    const QString deviceSecretId = KeySlotFile::randomId();
    const KdfPolicy policy = KdfPolicy::cheapForTests();

    KeySlot sealBound(const QString& login = QStringLiteral("alice"))
    {
        auto slot = KeySlotCrypto::seal(storeKey, storeId, true, login, Passphrase, &deviceSecret,
                                        deviceSecretId, policy.floor, policy);
        EXPECT_TRUE(slot.ok()) << (slot.ok() ? "" : slot.error().detail.toStdString());
        return slot.ok() ? *slot : KeySlot{};
    }

    KeySlot sealUnbound()
    {
        auto slot = KeySlotCrypto::seal(storeKey, storeId, false, QStringLiteral("alice"), Passphrase,
                                        nullptr, {}, policy.floor, policy);
        EXPECT_TRUE(slot.ok());
        return slot.ok() ? *slot : KeySlot{};
    }

    void expectOpens(const KeySlot& slot, bool isDeviceBound, const SecureBytes* secret)
    {
        auto opened = KeySlotCrypto::open(slot, storeId, isDeviceBound, Passphrase, secret);
        ASSERT_TRUE(opened.ok()) << opened.error().message.toStdString();
        EXPECT_TRUE(opened->equals(storeKey));
    }
};

void expectWrongCredentials(const Result<SecureBytes>& opened)
{
    ASSERT_FALSE(opened.ok());
    EXPECT_EQ(opened.error().code, ErrorCode::WrongCredentials);
}

// A version-1 file made by an independent implementation of docs/keyslot-format.md (Python over
// libsodium, with fixed salt and nonces). If this stops opening, the format changed: that needs a
// new version, never an edit to version 1.
const char* const SpecFileV1 = R"json({
    "format": "confer-keyslots",
    "version": 1,
    "storeId": "00112233445566778899aabbccddeeff",
    "deviceBound": true,
    "deviceSecretId": "ffeeddccbbaa99887766554433221100",
    "defaultKdf": {
        "opsLimit": 1,
        "memLimitBytes": 8388608
    },
    "slots": [
        {
            "slotId": "0123456789abcdef0123456789abcdef",
            "login": "alice",
            "salt": "EBESExQVFhcYGRobHB0eHw==",
            "kdf": {
                "opsLimit": 1,
                "memLimitBytes": 8388608
            },
            "deviceSecretId": "ffeeddccbbaa99887766554433221100",
            "nonce": "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3",
            "ciphertext": "kli7jg+x47h6Yz8kMDqeSo2DmScB/Bg77QHBORqZxPaDu0mC+3ZduQIBe5ucAigz"
        }
    ],
    "recovery": {
        "nonce": "YGFiY2RlZmdoaWprbG1ub3BxcnN0dXZ3",
        "ciphertext": "alFZlIkG/a2cA9oxUQhfJQhDYvlW6UoEFmEnAKQ5faWeoSm0GDkVO6A4ozB8wZI0"
    },
    "auditAnchor": {
        "sequence": 7,
        "hash": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="
    }
})json";

SecureBytes counting(unsigned char from)
{
    SecureBytes bytes(32);
    for (unsigned char i = 0; i < 32; ++i)
        bytes.data()[i] = static_cast<unsigned char>(from + i);
    return bytes;
}
} // namespace

TEST(KeySlotFormat, FileWrittenFromTheSpecOpens)
{
    auto file = KeySlotFile::fromJson(QByteArray(SpecFileV1));
    ASSERT_TRUE(file.ok()) << file.error().detail.toStdString();
    const SecureBytes deviceSecret = counting(0x40);
    const SecureBytes storeKey = counting(0xa0);
    const KeySlot* slot = file->slotFor(QStringLiteral("alice"));
    ASSERT_NE(slot, nullptr);
    auto opened = KeySlotCrypto::open(*slot, file->storeId, file->isDeviceBound,
                                      QStringLiteral("correct horse battery staple"), &deviceSecret);
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->equals(storeKey));

    // The recovery key 0x00..0x1f, as RecoveryKeyTest knows it by its text.
    auto recoveryKey = RecoveryKey::parse(
        QStringLiteral("000G-40R4-0M30-E209-185G-R38E-1W81-24GK-2GAH-C5RR-34D1-P70X-3RFW-TEND"));
    ASSERT_TRUE(recoveryKey.ok());
    ASSERT_TRUE(file->recovery.has_value());
    auto recovered = KeySlotCrypto::openRecovery(*file->recovery, file->storeId, recoveryKey->bytes());
    ASSERT_TRUE(recovered.ok());
    EXPECT_TRUE(recovered->equals(storeKey));
    EXPECT_EQ(file->auditAnchor.sequence, 7);
}

TEST_F(KeySlotCryptoTest, RightPassphraseAndDeviceSecretOpen)
{
    const KeySlot slot = sealBound();
    EXPECT_EQ(slot.login, QStringLiteral("alice"));
    EXPECT_EQ(slot.deviceSecretId, deviceSecretId);
    EXPECT_EQ(slot.kdf, policy.floor);
    EXPECT_EQ(slot.salt.size(), 16);
    EXPECT_EQ(slot.slotId.size(), 32);
    expectOpens(slot, true, &deviceSecret);
}

TEST_F(KeySlotCryptoTest, EachSealIsFresh)
{
    const KeySlot first = sealBound();
    const KeySlot second = sealBound();
    EXPECT_NE(first.slotId, second.slotId);
    EXPECT_NE(first.salt, second.salt);
    EXPECT_NE(first.sealed.nonce, second.sealed.nonce);
}

TEST_F(KeySlotCryptoTest, WrongPassphraseIsRefused)
{
    expectWrongCredentials(
        KeySlotCrypto::open(sealBound(), storeId, true, Passphrase + QLatin1Char('!'), &deviceSecret));
}

TEST_F(KeySlotCryptoTest, WrongDeviceSecretIsRefused)
{
    const SecureBytes otherSecret = SecureBytes::random(32);
    expectWrongCredentials(KeySlotCrypto::open(sealBound(), storeId, true, Passphrase, &otherSecret));
}

TEST_F(KeySlotCryptoTest, MissingDeviceSecretIsRefused)
{
    expectWrongCredentials(KeySlotCrypto::open(sealBound(), storeId, true, Passphrase, nullptr));
    const SecureBytes truncated(deviceSecret.data(), 16);
    expectWrongCredentials(KeySlotCrypto::open(sealBound(), storeId, true, Passphrase, &truncated));
}

TEST_F(KeySlotCryptoTest, EveryFailureLooksTheSame)
{
    const KeySlot slot = sealBound();
    const SecureBytes otherSecret = SecureBytes::random(32);
    KeySlot tampered = slot;
    tampered.kdf.opsLimit += 1;
    const auto wrongPassphrase =
        KeySlotCrypto::open(slot, storeId, true, QStringLiteral("nope nope nope"), &deviceSecret);
    const auto wrongSecret = KeySlotCrypto::open(slot, storeId, true, Passphrase, &otherSecret);
    const auto wrongSlot = KeySlotCrypto::open(tampered, storeId, true, Passphrase, &deviceSecret);
    ASSERT_FALSE(wrongPassphrase.ok() || wrongSecret.ok() || wrongSlot.ok());
    EXPECT_EQ(wrongPassphrase.error().message, wrongSecret.error().message);
    EXPECT_EQ(wrongPassphrase.error().message, wrongSlot.error().message);
    EXPECT_EQ(wrongSecret.error().code, wrongSlot.error().code);
}

TEST_F(KeySlotCryptoTest, SlotMovedToAnotherLoginIsRefused)
{
    KeySlot slot = sealBound(QStringLiteral("alice"));
    slot.login = QStringLiteral("mallory");
    expectWrongCredentials(KeySlotCrypto::open(slot, storeId, true, Passphrase, &deviceSecret));
    slot.login = QStringLiteral("Alice"); // the login as sealed, byte for byte
    expectWrongCredentials(KeySlotCrypto::open(slot, storeId, true, Passphrase, &deviceSecret));
}

TEST_F(KeySlotCryptoTest, SlotMovedToAnotherStoreIsRefused)
{
    expectWrongCredentials(
        KeySlotCrypto::open(sealBound(), KeySlotFile::randomId(), true, Passphrase, &deviceSecret));
}

TEST_F(KeySlotCryptoTest, TamperedKdfParametersAreRefused)
{
    const KeySlot slot = sealBound();
    KeySlot morePasses = slot;
    morePasses.kdf.opsLimit += 1;
    expectWrongCredentials(KeySlotCrypto::open(morePasses, storeId, true, Passphrase, &deviceSecret));
    KeySlot moreMemory = slot;
    moreMemory.kdf.memLimitBytes *= 2;
    expectWrongCredentials(KeySlotCrypto::open(moreMemory, storeId, true, Passphrase, &deviceSecret));
    KeySlot absurd = slot;
    absurd.kdf.opsLimit = 0;
    expectWrongCredentials(KeySlotCrypto::open(absurd, storeId, true, Passphrase, &deviceSecret));
    KeySlot hostile = slot;
    hostile.kdf.opsLimit = 1'000'000; // would hang the unlock if it were run
    expectWrongCredentials(KeySlotCrypto::open(hostile, storeId, true, Passphrase, &deviceSecret));
}

TEST_F(KeySlotCryptoTest, TamperedDeviceBindingIsRefused)
{
    // A bound slot opened as if the store were unbound: no device secret is needed to try.
    expectWrongCredentials(KeySlotCrypto::open(sealBound(), storeId, false, Passphrase, nullptr));
    // An unbound slot presented as bound.
    expectWrongCredentials(KeySlotCrypto::open(sealUnbound(), storeId, true, Passphrase, &deviceSecret));
}

TEST_F(KeySlotCryptoTest, TamperedSlotFieldsAreRefused)
{
    const KeySlot slot = sealBound();
    KeySlot otherSecretId = slot;
    otherSecretId.deviceSecretId = KeySlotFile::randomId();
    expectWrongCredentials(KeySlotCrypto::open(otherSecretId, storeId, true, Passphrase, &deviceSecret));
    KeySlot otherSlotId = slot;
    otherSlotId.slotId = KeySlotFile::randomId();
    expectWrongCredentials(KeySlotCrypto::open(otherSlotId, storeId, true, Passphrase, &deviceSecret));
    KeySlot otherSalt = slot;
    otherSalt.salt[0] = static_cast<char>(otherSalt.salt[0] ^ 1);
    expectWrongCredentials(KeySlotCrypto::open(otherSalt, storeId, true, Passphrase, &deviceSecret));
    KeySlot shortSalt = slot;
    shortSalt.salt.chop(1);
    expectWrongCredentials(KeySlotCrypto::open(shortSalt, storeId, true, Passphrase, &deviceSecret));
    KeySlot flipped = slot;
    flipped.sealed.ciphertext[3] = static_cast<char>(flipped.sealed.ciphertext[3] ^ 1);
    expectWrongCredentials(KeySlotCrypto::open(flipped, storeId, true, Passphrase, &deviceSecret));
}

TEST_F(KeySlotCryptoTest, UnboundStoreOpensWithoutADeviceSecret)
{
    const KeySlot slot = sealUnbound();
    EXPECT_TRUE(slot.deviceSecretId.isEmpty());
    expectOpens(slot, false, nullptr);
    expectOpens(slot, false, &deviceSecret); // a secret lying around is ignored, not mixed in
    expectWrongCredentials(
        KeySlotCrypto::open(slot, storeId, false, QStringLiteral("guess guess guess"), nullptr));
}

TEST_F(KeySlotCryptoTest, DeviceBoundSealNeedsTheSecretAndItsId)
{
    auto noSecret = KeySlotCrypto::seal(storeKey, storeId, true, QStringLiteral("alice"), Passphrase, nullptr,
                                        deviceSecretId, policy.floor, policy);
    ASSERT_FALSE(noSecret.ok());
    EXPECT_EQ(noSecret.error().code, ErrorCode::InvalidInput);
    auto noId = KeySlotCrypto::seal(storeKey, storeId, true, QStringLiteral("alice"), Passphrase,
                                    &deviceSecret, {}, policy.floor, policy);
    ASSERT_FALSE(noId.ok());
    EXPECT_EQ(noId.error().code, ErrorCode::InvalidInput);
}

TEST_F(KeySlotCryptoTest, SealRefusesParametersBelowThePolicyFloor)
{
    // The product policy judges the cheap test parameters exactly as it would judge a real request.
    auto slot =
        KeySlotCrypto::seal(storeKey, storeId, true, QStringLiteral("alice"), Passphrase, &deviceSecret,
                            deviceSecretId, KdfPolicy::cheapForTests().floor, KdfPolicy::product());
    ASSERT_FALSE(slot.ok());
    EXPECT_EQ(slot.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(slot.error().message,
              QStringLiteral("The key derivation settings are below Confer's minimum."));
    const KdfParams fewerPasses{policy.floor.opsLimit, policy.floor.memLimitBytes / 2};
    EXPECT_FALSE(KeySlotCrypto::seal(storeKey, storeId, true, QStringLiteral("alice"), Passphrase,
                                     &deviceSecret, deviceSecretId, fewerPasses, policy)
                     .ok());
}

// The one product-floor slot: what a real store's slot costs at the least.
TEST_F(KeySlotCryptoTest, ProductFloorSlotSealsAndOpens)
{
    const KdfPolicy product = KdfPolicy::product();
    auto slot = KeySlotCrypto::seal(storeKey, storeId, true, QStringLiteral("alice"), Passphrase,
                                    &deviceSecret, deviceSecretId, product.floor, product);
    ASSERT_TRUE(slot.ok());
    expectOpens(*slot, true, &deviceSecret);
}

TEST_F(KeySlotCryptoTest, SlotStillOpensAfterTheFileRoundTrip)
{
    test::TestStoreDir dir;
    KeySlotFile file;
    file.storeId = storeId;
    file.isDeviceBound = true;
    file.deviceSecretId = deviceSecretId;
    file.defaultKdf = policy.floor;
    file.upsertSlot(sealBound());
    auto recovery = KeySlotCrypto::sealRecovery(storeKey, storeId, SecureBytes::random(32));
    ASSERT_TRUE(recovery.ok());
    file.recovery = *recovery;
    const QString path = dir.file(QStringLiteral("keyslots.json"));
    ASSERT_TRUE(file.save(path).ok());
    auto loaded = KeySlotFile::load(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().detail.toStdString();
    const KeySlot* slot = loaded->slotFor(QStringLiteral("alice"));
    ASSERT_NE(slot, nullptr);
    auto opened =
        KeySlotCrypto::open(*slot, loaded->storeId, loaded->isDeviceBound, Passphrase, &deviceSecret);
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->equals(storeKey));
}

TEST_F(KeySlotCryptoTest, RecoverySlotOpensWithTheRightKeyOnly)
{
    const RecoveryKey recoveryKey = RecoveryKey::generate();
    auto slot = KeySlotCrypto::sealRecovery(storeKey, storeId, recoveryKey.bytes());
    ASSERT_TRUE(slot.ok());

    auto typedBack = RecoveryKey::parse(recoveryKey.displayText().toLower());
    ASSERT_TRUE(typedBack.ok());
    auto opened = KeySlotCrypto::openRecovery(*slot, storeId, typedBack->bytes());
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->equals(storeKey));

    expectWrongCredentials(KeySlotCrypto::openRecovery(*slot, storeId, RecoveryKey::generate().bytes()));
    expectWrongCredentials(KeySlotCrypto::openRecovery(*slot, KeySlotFile::randomId(), recoveryKey.bytes()));
    expectWrongCredentials(KeySlotCrypto::openRecovery(*slot, storeId, SecureBytes::random(16)));
    RecoverySlot flipped = *slot;
    flipped.sealed.ciphertext[0] = static_cast<char>(flipped.sealed.ciphertext[0] ^ 1);
    expectWrongCredentials(KeySlotCrypto::openRecovery(flipped, storeId, recoveryKey.bytes()));
}

TEST(KeySlotCryptoLifetime, NoGuardedBufferOutlivesItsOwner)
{
    const int before = SecureBytes::liveCount();
    {
        const KdfPolicy policy = KdfPolicy::cheapForTests();
        const SecureBytes storeKey = SecureBytes::random(32);
        const SecureBytes deviceSecret = SecureBytes::random(32);
        const QString storeId = KeySlotFile::randomId();
        auto slot = KeySlotCrypto::seal(storeKey, storeId, true, QStringLiteral("alice"), Passphrase,
                                        &deviceSecret, KeySlotFile::randomId(), policy.floor, policy);
        ASSERT_TRUE(slot.ok());
        auto opened = KeySlotCrypto::open(*slot, storeId, true, Passphrase, &deviceSecret);
        ASSERT_TRUE(opened.ok());
        EXPECT_FALSE(
            KeySlotCrypto::open(*slot, storeId, true, QStringLiteral("wrong wrong wrong"), &deviceSecret)
                .ok());
        const RecoveryKey recoveryKey = RecoveryKey::generate();
        auto recovery = KeySlotCrypto::sealRecovery(storeKey, storeId, recoveryKey.bytes());
        ASSERT_TRUE(recovery.ok());
        auto recovered = KeySlotCrypto::openRecovery(*recovery, storeId, recoveryKey.bytes());
        ASSERT_TRUE(recovered.ok());
        EXPECT_GT(SecureBytes::liveCount(), before);
    }
    EXPECT_EQ(SecureBytes::liveCount(), before);
}
