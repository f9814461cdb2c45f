#include "keys/KeySlotCrypto.h"

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

    Result<SecureBytes> openBound(const KeySlot& slot)
    {
        return KeySlotCrypto::open(slot, storeId, true, Passphrase, &deviceSecret);
    }
};

void expectWrongCredentials(const Result<SecureBytes>& opened, const char* why = "")
{
    ASSERT_FALSE(opened.ok()) << why;
    EXPECT_EQ(opened.error().code, ErrorCode::WrongCredentials) << why;
}

QByteArray flipped(QByteArray bytes, qsizetype at)
{
    bytes[at] = static_cast<char>(bytes[at] ^ 1);
    return bytes;
}
} // namespace

TEST_F(KeySlotCryptoTest, RightPassphraseAndDeviceSecretOpen)
{
    const KeySlot slot = sealBound();
    EXPECT_EQ(slot.login, QStringLiteral("alice"));
    EXPECT_EQ(slot.deviceSecretId, deviceSecretId);
    EXPECT_EQ(slot.kdf, policy.floor);
    EXPECT_EQ(slot.salt.size(), 16);
    EXPECT_EQ(slot.slotId.size(), 32);
    EXPECT_EQ(slot.publicKey.size(), 32);
    EXPECT_EQ(slot.userSecretKey.nonce.size(), 24);
    EXPECT_EQ(slot.userSecretKey.ciphertext.size(), 32 + 16);
    EXPECT_EQ(slot.storeKeyBox.size(), 16 + 32 + 48);
    EXPECT_TRUE(slot.pendingStoreKeyBox.isEmpty());
    expectOpens(slot, true, &deviceSecret);
}

TEST_F(KeySlotCryptoTest, UserKeyIsTheSecretHalfOfTheSlotsPublicKey)
{
    const KeySlot slot = sealBound();
    auto userKey = KeySlotCrypto::openUserKey(slot, storeId, true, Passphrase, &deviceSecret);
    ASSERT_TRUE(userKey.ok());
    EXPECT_EQ(userKey->size(), 32u);
    // Whatever is sealed to the slot's public key opens with it: the current box, and a fresh one.
    auto current = KeySlotCrypto::openStoreKeyBox(slot.storeKeyBox, slot.publicKey, *userKey, storeId);
    ASSERT_TRUE(current.ok());
    EXPECT_TRUE(current->equals(storeKey));
    const SecureBytes nextKey = SecureBytes::random(32);
    auto box = KeySlotCrypto::sealStoreKeyBox(nextKey, slot.publicKey, storeId);
    ASSERT_TRUE(box.ok());
    auto next = KeySlotCrypto::openStoreKeyBox(*box, slot.publicKey, *userKey, storeId);
    ASSERT_TRUE(next.ok());
    EXPECT_TRUE(next->equals(nextKey));
}

TEST_F(KeySlotCryptoTest, PendingKeyOfARotationOpensWithoutThePassphraseHavingBeenKnown)
{
    // A rotation seals the next store key to every user's public key; the user opens it later.
    KeySlot slot = sealBound();
    const SecureBytes nextKey = SecureBytes::random(32);
    auto pending = KeySlotCrypto::sealStoreKeyBox(nextKey, slot.publicKey, storeId);
    ASSERT_TRUE(pending.ok());
    slot.pendingStoreKeyBox = *pending;
    auto userKey = KeySlotCrypto::openUserKey(slot, storeId, true, Passphrase, &deviceSecret);
    ASSERT_TRUE(userKey.ok()) << "the pending box is not part of the sealed key's associated data";
    auto opened = KeySlotCrypto::openStoreKeyBox(slot.pendingStoreKeyBox, slot.publicKey, *userKey, storeId);
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->equals(nextKey));
    expectOpens(slot, true, &deviceSecret); // open() still gives the current key
}

TEST_F(KeySlotCryptoTest, EachSealIsFresh)
{
    const KeySlot first = sealBound();
    const KeySlot second = sealBound();
    EXPECT_NE(first.slotId, second.slotId);
    EXPECT_NE(first.salt, second.salt);
    EXPECT_NE(first.userSecretKey.nonce, second.userSecretKey.nonce);
    EXPECT_NE(first.publicKey, second.publicKey);
    EXPECT_NE(first.storeKeyBox, second.storeKeyBox);
    auto again = KeySlotCrypto::sealStoreKeyBox(storeKey, first.publicKey, storeId);
    ASSERT_TRUE(again.ok());
    EXPECT_NE(*again, first.storeKeyBox); // an ephemeral key per box
}

TEST_F(KeySlotCryptoTest, WrongPassphraseIsRefused)
{
    const KeySlot slot = sealBound();
    expectWrongCredentials(
        KeySlotCrypto::open(slot, storeId, true, Passphrase + QLatin1Char('!'), &deviceSecret));
    expectWrongCredentials(
        KeySlotCrypto::openUserKey(slot, storeId, true, Passphrase + QLatin1Char('!'), &deviceSecret));
    expectWrongCredentials(KeySlotCrypto::open(slot, storeId, true, QString(), &deviceSecret),
                           "empty passphrase");
}

TEST_F(KeySlotCryptoTest, WrongDeviceSecretIsRefused)
{
    const SecureBytes otherSecret = SecureBytes::random(32);
    const KeySlot slot = sealBound();
    expectWrongCredentials(KeySlotCrypto::open(slot, storeId, true, Passphrase, &otherSecret));
    expectWrongCredentials(KeySlotCrypto::openUserKey(slot, storeId, true, Passphrase, &otherSecret));
}

TEST_F(KeySlotCryptoTest, MissingDeviceSecretIsRefused)
{
    const KeySlot slot = sealBound();
    expectWrongCredentials(KeySlotCrypto::open(slot, storeId, true, Passphrase, nullptr));
    const SecureBytes truncated(deviceSecret.data(), 16);
    expectWrongCredentials(KeySlotCrypto::open(slot, storeId, true, Passphrase, &truncated));
    expectWrongCredentials(KeySlotCrypto::openUserKey(slot, storeId, true, Passphrase, nullptr));
}

TEST_F(KeySlotCryptoTest, EveryFailureLooksTheSame)
{
    const KeySlot slot = sealBound();
    const SecureBytes otherSecret = SecureBytes::random(32);
    KeySlot tampered = slot;
    tampered.kdf.opsLimit += 1;
    KeySlot badBox = slot;
    badBox.storeKeyBox = flipped(badBox.storeKeyBox, 40);
    const auto wrongPassphrase =
        KeySlotCrypto::open(slot, storeId, true, QStringLiteral("nope nope nope"), &deviceSecret);
    const auto wrongSecret = KeySlotCrypto::open(slot, storeId, true, Passphrase, &otherSecret);
    const auto wrongSlot = KeySlotCrypto::open(tampered, storeId, true, Passphrase, &deviceSecret);
    const auto wrongBox = KeySlotCrypto::open(badBox, storeId, true, Passphrase, &deviceSecret);
    ASSERT_FALSE(wrongPassphrase.ok() || wrongSecret.ok() || wrongSlot.ok() || wrongBox.ok());
    EXPECT_EQ(wrongPassphrase.error().message, wrongSecret.error().message);
    EXPECT_EQ(wrongPassphrase.error().message, wrongSlot.error().message);
    EXPECT_EQ(wrongPassphrase.error().message, wrongBox.error().message);
    EXPECT_EQ(wrongSecret.error().code, wrongSlot.error().code);
    EXPECT_EQ(wrongSecret.error().code, wrongBox.error().code);
}

TEST_F(KeySlotCryptoTest, SlotMovedToAnotherLoginIsRefused)
{
    KeySlot slot = sealBound(QStringLiteral("alice"));
    slot.login = QStringLiteral("mallory");
    expectWrongCredentials(openBound(slot));
    slot.login = QStringLiteral("Alice"); // the login as sealed, byte for byte
    expectWrongCredentials(openBound(slot));
}

TEST_F(KeySlotCryptoTest, SlotMovedToAnotherStoreIsRefused)
{
    const KeySlot slot = sealBound();
    const QString otherStore = KeySlotFile::randomId();
    expectWrongCredentials(KeySlotCrypto::open(slot, otherStore, true, Passphrase, &deviceSecret));
    expectWrongCredentials(KeySlotCrypto::openUserKey(slot, otherStore, true, Passphrase, &deviceSecret));
}

TEST_F(KeySlotCryptoTest, StoreKeyBoxMovedToAnotherStoreIsRefused)
{
    // The user key opens (say the same user's slot was copied whole), but the box names its store.
    const KeySlot slot = sealBound();
    auto userKey = KeySlotCrypto::openUserKey(slot, storeId, true, Passphrase, &deviceSecret);
    ASSERT_TRUE(userKey.ok());
    const QString otherStore = KeySlotFile::randomId();
    expectWrongCredentials(
        KeySlotCrypto::openStoreKeyBox(slot.storeKeyBox, slot.publicKey, *userKey, otherStore));
    auto foreignBox = KeySlotCrypto::sealStoreKeyBox(storeKey, slot.publicKey, otherStore);
    ASSERT_TRUE(foreignBox.ok());
    KeySlot withForeignBox = slot;
    withForeignBox.storeKeyBox = *foreignBox;
    expectWrongCredentials(openBound(withForeignBox));
}

TEST_F(KeySlotCryptoTest, StoreKeyBoxOfAnotherUserIsRefused)
{
    const KeySlot alice = sealBound(QStringLiteral("alice"));
    const KeySlot bob = sealBound(QStringLiteral("bob"));
    KeySlot aliceWithBobsBox = alice;
    aliceWithBobsBox.storeKeyBox = bob.storeKeyBox;
    expectWrongCredentials(openBound(aliceWithBobsBox));
    auto aliceKey = KeySlotCrypto::openUserKey(alice, storeId, true, Passphrase, &deviceSecret);
    ASSERT_TRUE(aliceKey.ok());
    expectWrongCredentials(
        KeySlotCrypto::openStoreKeyBox(bob.storeKeyBox, bob.publicKey, *aliceKey, storeId));
}

TEST_F(KeySlotCryptoTest, DamagedStoreKeyBoxIsRefused)
{
    const KeySlot slot = sealBound();
    for (qsizetype at :
         {qsizetype(0), qsizetype(31), qsizetype(32), qsizetype(60), slot.storeKeyBox.size() - 1}) {
        KeySlot damaged = slot;
        damaged.storeKeyBox = flipped(slot.storeKeyBox, at);
        expectWrongCredentials(openBound(damaged), "flipped byte");
    }
    KeySlot shortBox = slot;
    shortBox.storeKeyBox.chop(1);
    expectWrongCredentials(openBound(shortBox), "short box");
    KeySlot longBox = slot;
    longBox.storeKeyBox.append('\0');
    expectWrongCredentials(openBound(longBox), "long box");
    KeySlot noBox = slot;
    noBox.storeKeyBox.clear();
    expectWrongCredentials(openBound(noBox), "no box");
}

TEST_F(KeySlotCryptoTest, TamperedKdfParametersAreRefused)
{
    const KeySlot slot = sealBound();
    KeySlot morePasses = slot;
    morePasses.kdf.opsLimit += 1;
    expectWrongCredentials(openBound(morePasses));
    KeySlot moreMemory = slot;
    moreMemory.kdf.memLimitBytes *= 2;
    expectWrongCredentials(openBound(moreMemory));
    KeySlot absurd = slot;
    absurd.kdf.opsLimit = 0;
    expectWrongCredentials(openBound(absurd));
    KeySlot hostile = slot;
    hostile.kdf.opsLimit = 1'000'000; // would hang the unlock if it were run
    expectWrongCredentials(openBound(hostile));
}

TEST_F(KeySlotCryptoTest, TamperedDeviceBindingIsRefused)
{
    // A bound slot opened as if the store were unbound: no device secret is needed to try.
    expectWrongCredentials(KeySlotCrypto::open(sealBound(), storeId, false, Passphrase, nullptr));
    expectWrongCredentials(KeySlotCrypto::open(sealBound(), storeId, false, Passphrase, &deviceSecret));
    // An unbound slot presented as bound.
    expectWrongCredentials(KeySlotCrypto::open(sealUnbound(), storeId, true, Passphrase, &deviceSecret));
}

TEST_F(KeySlotCryptoTest, TamperedSlotFieldsAreRefused)
{
    const KeySlot slot = sealBound();
    KeySlot otherSecretId = slot;
    otherSecretId.deviceSecretId = KeySlotFile::randomId();
    expectWrongCredentials(openBound(otherSecretId), "device secret id");
    KeySlot otherSlotId = slot;
    otherSlotId.slotId = KeySlotFile::randomId();
    expectWrongCredentials(openBound(otherSlotId), "slot id");
    KeySlot otherSalt = slot;
    otherSalt.salt = flipped(otherSalt.salt, 0);
    expectWrongCredentials(openBound(otherSalt), "salt");
    KeySlot shortSalt = slot;
    shortSalt.salt.chop(1);
    expectWrongCredentials(openBound(shortSalt), "short salt");
    KeySlot otherNonce = slot;
    otherNonce.userSecretKey.nonce = flipped(otherNonce.userSecretKey.nonce, 7);
    expectWrongCredentials(openBound(otherNonce), "nonce");
    KeySlot flippedCiphertext = slot;
    flippedCiphertext.userSecretKey.ciphertext = flipped(flippedCiphertext.userSecretKey.ciphertext, 3);
    expectWrongCredentials(openBound(flippedCiphertext), "ciphertext");
    KeySlot flippedTag = slot;
    flippedTag.userSecretKey.ciphertext = flipped(flippedTag.userSecretKey.ciphertext, 47);
    expectWrongCredentials(openBound(flippedTag), "tag");
    KeySlot shortCiphertext = slot;
    shortCiphertext.userSecretKey.ciphertext.chop(1);
    expectWrongCredentials(openBound(shortCiphertext), "short ciphertext");
}

TEST_F(KeySlotCryptoTest, SwappedPublicKeyIsRefused)
{
    // Someone who writes the file puts in a key pair of their own and seals the store key to it: the
    // public key is bound to the sealed secret key, so the slot no longer opens.
    const KeySlot slot = sealBound();
    const KeySlot other = sealBound(QStringLiteral("mallory"));
    KeySlot swapped = slot;
    swapped.publicKey = other.publicKey;
    swapped.storeKeyBox = other.storeKeyBox;
    expectWrongCredentials(openBound(swapped));
    expectWrongCredentials(KeySlotCrypto::openUserKey(swapped, storeId, true, Passphrase, &deviceSecret));
    KeySlot flippedKey = slot;
    flippedKey.publicKey = flipped(flippedKey.publicKey, 0);
    expectWrongCredentials(openBound(flippedKey));
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
    const SecureBytes shortSecret(deviceSecret.data(), 16);
    auto shortOne = KeySlotCrypto::seal(storeKey, storeId, true, QStringLiteral("alice"), Passphrase,
                                        &shortSecret, deviceSecretId, policy.floor, policy);
    ASSERT_FALSE(shortOne.ok());
    EXPECT_EQ(shortOne.error().code, ErrorCode::InvalidInput);
}

TEST_F(KeySlotCryptoTest, SealRefusesAMissingLoginOrAMisSizedKey)
{
    auto noLogin = KeySlotCrypto::seal(storeKey, storeId, true, QString(), Passphrase, &deviceSecret,
                                       deviceSecretId, policy.floor, policy);
    ASSERT_FALSE(noLogin.ok());
    EXPECT_EQ(noLogin.error().code, ErrorCode::InvalidInput);
    const SecureBytes shortKey = SecureBytes::random(16);
    auto badKey = KeySlotCrypto::seal(shortKey, storeId, true, QStringLiteral("alice"), Passphrase,
                                      &deviceSecret, deviceSecretId, policy.floor, policy);
    ASSERT_FALSE(badKey.ok());
    EXPECT_EQ(badKey.error().code, ErrorCode::InvalidInput);
}

TEST_F(KeySlotCryptoTest, StoreKeyBoxSealRefusesBadInput)
{
    const KeySlot slot = sealBound();
    const SecureBytes shortKey = SecureBytes::random(16);
    auto badKey = KeySlotCrypto::sealStoreKeyBox(shortKey, slot.publicKey, storeId);
    ASSERT_FALSE(badKey.ok());
    EXPECT_EQ(badKey.error().code, ErrorCode::InvalidInput);
    auto badPublicKey = KeySlotCrypto::sealStoreKeyBox(storeKey, slot.publicKey.left(31), storeId);
    ASSERT_FALSE(badPublicKey.ok());
    EXPECT_EQ(badPublicKey.error().code, ErrorCode::InvalidInput);
    auto badStoreId = KeySlotCrypto::sealStoreKeyBox(storeKey, slot.publicKey, QStringLiteral("not an id"));
    ASSERT_FALSE(badStoreId.ok());
    EXPECT_EQ(badStoreId.error().code, ErrorCode::InvalidInput);
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
    const KdfParams lessMemory{policy.floor.opsLimit, policy.floor.memLimitBytes / 2};
    EXPECT_FALSE(KeySlotCrypto::seal(storeKey, storeId, true, QStringLiteral("alice"), Passphrase,
                                     &deviceSecret, deviceSecretId, lessMemory, policy)
                     .ok());
    const KdfParams fewerPasses{policy.floor.opsLimit - 1, policy.floor.memLimitBytes};
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
    const SecureBytes auditKey = SecureBytes::random(32);
    KeySlotFile file;
    file.storeId = storeId;
    file.isDeviceBound = true;
    file.deviceSecretId = deviceSecretId;
    file.defaultKdf = policy.floor;
    file.upsertSlot(sealBound());
    const RecoveryKey recoveryKey = RecoveryKey::generate();
    auto recovery = KeySlotCrypto::sealRecovery(storeKey, storeId, recoveryKey.bytes());
    ASSERT_TRUE(recovery.ok());
    file.recovery = *recovery;
    file.sign(auditKey);
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    ASSERT_TRUE(file.save(path).ok());
    auto loaded = KeySlotFile::load(path);
    ASSERT_TRUE(loaded.ok()) << loaded.error().detail.toStdString();
    EXPECT_TRUE(loaded->verifyMac(auditKey));
    const KeySlot* slot = loaded->slotFor(QStringLiteral("alice"));
    ASSERT_NE(slot, nullptr);
    auto opened =
        KeySlotCrypto::open(*slot, loaded->storeId, loaded->isDeviceBound, Passphrase, &deviceSecret);
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->equals(storeKey));
    ASSERT_TRUE(loaded->recovery.has_value());
    auto recovered = KeySlotCrypto::openRecovery(*loaded->recovery, loaded->storeId, recoveryKey.bytes());
    ASSERT_TRUE(recovered.ok());
    EXPECT_TRUE(recovered->equals(storeKey));
}

TEST_F(KeySlotCryptoTest, RecoverySlotOpensWithTheRightKeyOnly)
{
    const RecoveryKey recoveryKey = RecoveryKey::generate();
    auto slot = KeySlotCrypto::sealRecovery(storeKey, storeId, recoveryKey.bytes());
    ASSERT_TRUE(slot.ok());
    EXPECT_EQ(slot->publicKey.size(), 32);
    EXPECT_EQ(slot->storeKeyBox.size(), 96);
    EXPECT_TRUE(slot->pendingStoreKeyBox.isEmpty());

    auto typedBack = RecoveryKey::parse(recoveryKey.displayText().toLower());
    ASSERT_TRUE(typedBack.ok());
    auto opened = KeySlotCrypto::openRecovery(*slot, storeId, typedBack->bytes());
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->equals(storeKey));

    expectWrongCredentials(KeySlotCrypto::openRecovery(*slot, storeId, RecoveryKey::generate().bytes()),
                           "other key");
    expectWrongCredentials(KeySlotCrypto::openRecovery(*slot, KeySlotFile::randomId(), recoveryKey.bytes()),
                           "other store");
    expectWrongCredentials(KeySlotCrypto::openRecovery(*slot, storeId, SecureBytes::random(16)), "short key");
    RecoverySlot flippedBox = *slot;
    flippedBox.storeKeyBox = flipped(flippedBox.storeKeyBox, 0);
    expectWrongCredentials(KeySlotCrypto::openRecovery(flippedBox, storeId, recoveryKey.bytes()),
                           "damaged box");
    RecoverySlot flippedKey = *slot;
    flippedKey.publicKey = flipped(flippedKey.publicKey, 0);
    expectWrongCredentials(KeySlotCrypto::openRecovery(flippedKey, storeId, recoveryKey.bytes()),
                           "damaged public key");

    const auto wrong = KeySlotCrypto::openRecovery(*slot, storeId, RecoveryKey::generate().bytes());
    ASSERT_FALSE(wrong.ok());
    EXPECT_EQ(wrong.error().message, QStringLiteral("This recovery key does not open this store."));
}

TEST_F(KeySlotCryptoTest, RecoverySecretKeyIsCheckedAgainstThePublicKey)
{
    const RecoveryKey recoveryKey = RecoveryKey::generate();
    auto slot = KeySlotCrypto::sealRecovery(storeKey, storeId, recoveryKey.bytes());
    ASSERT_TRUE(slot.ok());
    auto secretKey = KeySlotCrypto::openRecoverySecretKey(*slot, recoveryKey.bytes());
    ASSERT_TRUE(secretKey.ok());
    EXPECT_EQ(secretKey->size(), 32u);
    expectWrongCredentials(KeySlotCrypto::openRecoverySecretKey(*slot, RecoveryKey::generate().bytes()));
    expectWrongCredentials(KeySlotCrypto::openRecoverySecretKey(*slot, SecureBytes::random(31)));

    // The recovery key pair is derived, so sealing again gives the same public key but a new box, and
    // a pending key of a rotation opens with the same secret key.
    auto again = KeySlotCrypto::sealRecovery(storeKey, storeId, recoveryKey.bytes());
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(again->publicKey, slot->publicKey);
    EXPECT_NE(again->storeKeyBox, slot->storeKeyBox);
    const SecureBytes nextKey = SecureBytes::random(32);
    auto pending = KeySlotCrypto::sealStoreKeyBox(nextKey, slot->publicKey, storeId);
    ASSERT_TRUE(pending.ok());
    auto opened = KeySlotCrypto::openStoreKeyBox(*pending, slot->publicKey, *secretKey, storeId);
    ASSERT_TRUE(opened.ok());
    EXPECT_TRUE(opened->equals(nextKey));

    // The recovery key is not used as the seed directly: it differs from any user key pair.
    auto otherKey = KeySlotCrypto::sealRecovery(storeKey, storeId, RecoveryKey::generate().bytes());
    ASSERT_TRUE(otherKey.ok());
    EXPECT_NE(otherKey->publicKey, slot->publicKey);
}

TEST_F(KeySlotCryptoTest, SealRecoveryRefusesAMisSizedKey)
{
    auto slot = KeySlotCrypto::sealRecovery(storeKey, storeId, SecureBytes::random(16));
    ASSERT_FALSE(slot.ok());
    EXPECT_EQ(slot.error().code, ErrorCode::InvalidInput);
    auto noStoreKey = KeySlotCrypto::sealRecovery(SecureBytes(), storeId, SecureBytes::random(32));
    ASSERT_FALSE(noStoreKey.ok());
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
        auto userKey = KeySlotCrypto::openUserKey(*slot, storeId, true, Passphrase, &deviceSecret);
        ASSERT_TRUE(userKey.ok());
        auto box = KeySlotCrypto::sealStoreKeyBox(storeKey, slot->publicKey, storeId);
        ASSERT_TRUE(box.ok());
        auto fromBox = KeySlotCrypto::openStoreKeyBox(*box, slot->publicKey, *userKey, storeId);
        ASSERT_TRUE(fromBox.ok());
        EXPECT_FALSE(
            KeySlotCrypto::open(*slot, storeId, true, QStringLiteral("wrong wrong wrong"), &deviceSecret)
                .ok());
        EXPECT_FALSE(
            KeySlotCrypto::openStoreKeyBox(*box, slot->publicKey, *userKey, KeySlotFile::randomId()).ok());
        const RecoveryKey recoveryKey = RecoveryKey::generate();
        auto recovery = KeySlotCrypto::sealRecovery(storeKey, storeId, recoveryKey.bytes());
        ASSERT_TRUE(recovery.ok());
        auto recovered = KeySlotCrypto::openRecovery(*recovery, storeId, recoveryKey.bytes());
        ASSERT_TRUE(recovered.ok());
        auto recoverySecret = KeySlotCrypto::openRecoverySecretKey(*recovery, recoveryKey.bytes());
        ASSERT_TRUE(recoverySecret.ok());
        EXPECT_FALSE(KeySlotCrypto::openRecovery(*recovery, storeId, RecoveryKey::generate().bytes()).ok());
        EXPECT_GT(SecureBytes::liveCount(), before);
    }
    EXPECT_EQ(SecureBytes::liveCount(), before);
}
