// A slot and the recovery slot say which store they belong to, so a store swapped for one whose key was
// sealed to the (public) keys is refused even though its key opens.
#include "crypto/PassphraseKdf.h"
#include "crypto/RecoveryKey.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotCrypto.h"
#include "keys/KeySlotFile.h"

#include <gtest/gtest.h>

using namespace confer;

namespace {

const QString StoreId = QStringLiteral("00112233445566778899aabbccddeeff");
const QString Passphrase = QStringLiteral("Durham panel stapler 2026");

TEST(StoreCommitment, DependsOnTheAuditKeyAndTheStoreId)
{
    const SecureBytes auditKey = SecureBytes::random(32);
    const QByteArray commitment = KeySlotCrypto::storeCommitment(StoreId, auditKey);
    EXPECT_EQ(commitment.size(), 32);
    EXPECT_EQ(KeySlotCrypto::storeCommitment(StoreId, auditKey), commitment);
    EXPECT_NE(KeySlotCrypto::storeCommitment(StoreId, SecureBytes::random(32)), commitment);
    EXPECT_NE(KeySlotCrypto::storeCommitment(QStringLiteral("ffeeddccbbaa99887766554433221100"), auditKey),
              commitment);
}

TEST(StoreCommitment, ASlotBelongsOnlyToTheStoreItWasSealedFor)
{
    const SecureBytes auditKey = SecureBytes::random(32);
    const QByteArray commitment = KeySlotCrypto::storeCommitment(StoreId, auditKey);
    const KdfPolicy policy = KdfPolicy::cheapForTests();
    auto slot = KeySlotCrypto::seal(SecureBytes::random(32), StoreId, false, QStringLiteral("alice"),
                                    Passphrase, nullptr, {}, policy.floor, policy, commitment);
    ASSERT_TRUE(slot.ok());
    EXPECT_TRUE(KeySlotCrypto::belongsToStore(*slot, commitment));
    EXPECT_FALSE(KeySlotCrypto::belongsToStore(
        *slot, KeySlotCrypto::storeCommitment(StoreId, SecureBytes::random(32))));
    EXPECT_FALSE(KeySlotCrypto::belongsToStore(*slot, QByteArray()));

    // The commitment is sealed: changing it in the file makes the slot refuse the right passphrase.
    KeySlot edited = *slot;
    edited.storeCommitment = KeySlotCrypto::storeCommitment(StoreId, SecureBytes::random(32));
    EXPECT_TRUE(KeySlotCrypto::open(*slot, StoreId, false, Passphrase, nullptr).ok());
    EXPECT_FALSE(KeySlotCrypto::open(edited, StoreId, false, Passphrase, nullptr).ok());

    // A slot sealed without a commitment belongs to no store.
    auto bare = KeySlotCrypto::seal(SecureBytes::random(32), StoreId, false, QStringLiteral("bob"),
                                    Passphrase, nullptr, {}, policy.floor, policy);
    ASSERT_TRUE(bare.ok());
    EXPECT_FALSE(KeySlotCrypto::belongsToStore(*bare, commitment));
}

TEST(StoreCommitment, TheRecoveryKeyBelongsOnlyToItsStore)
{
    const SecureBytes auditKey = SecureBytes::random(32);
    const QByteArray commitment = KeySlotCrypto::storeCommitment(StoreId, auditKey);
    const RecoveryKey recoveryKey = RecoveryKey::generate();
    auto slot =
        KeySlotCrypto::sealRecovery(SecureBytes::random(32), StoreId, recoveryKey.bytes(), commitment);
    ASSERT_TRUE(slot.ok());
    EXPECT_TRUE(KeySlotCrypto::recoveryBelongsToStore(*slot, recoveryKey.bytes(), commitment));
    EXPECT_FALSE(KeySlotCrypto::recoveryBelongsToStore(
        *slot, recoveryKey.bytes(), KeySlotCrypto::storeCommitment(StoreId, SecureBytes::random(32))));
    EXPECT_FALSE(KeySlotCrypto::recoveryBelongsToStore(*slot, RecoveryKey::generate().bytes(), commitment));
}

} // namespace
