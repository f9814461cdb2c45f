#pragma once

#include "common/Result.h"
#include "crypto/PassphraseKdf.h"
#include "keys/KeySlotFile.h"

#include <QByteArray>
#include <QString>

namespace confer {

// Sealing and opening the store key. The key-encryption key is
// BLAKE2b-256(key = device secret, message = "confer-slot-v2" || Argon2id(passphrase, salt)) for a
// device-bound store, and unkeyed BLAKE2b-256 of the same message otherwise. It seals the user's
// X25519 secret key; the associated data binds it to the store id, slot id, login, device binding,
// device secret id, KDF parameters and public key (docs/keyslot-format.md gives the exact bytes).
class KeySlotCrypto final {
public:
    // deviceSecret (32 bytes) and deviceSecretId are required for a device-bound store and ignored
    // otherwise. InvalidInput when the params are below the policy's floor.
    // storeCommitment (storeCommitment()) is sealed into the slot; a slot sealed without one opens no store.
    static Result<KeySlot> seal(const SecureBytes& storeKey, const QString& storeId, bool isDeviceBound,
                                const QString& login, const QString& passphrase,
                                const SecureBytes* deviceSecret, const QString& deviceSecretId,
                                const KdfParams& params, const KdfPolicy& policy,
                                const QByteArray& storeCommitment = {});
    // BLAKE2b-256 keyed with the audit key over "confer-store-commit-v2" ‖ store id.
    static QByteArray storeCommitment(const QString& storeId, const SecureBytes& auditKey);
    // Constant time; false for an empty or different commitment.
    static bool belongsToStore(const KeySlot& slot, const QByteArray& storeCommitment);
    static bool recoveryBelongsToStore(const RecoverySlot& slot, const SecureBytes& recoveryKey,
                                       const QByteArray& storeCommitment);
    // The user's secret key. WrongCredentials for a wrong passphrase or device secret, or a tampered
    // slot; Crypto only when this computer lacks the memory the slot's KDF parameters ask for.
    static Result<SecureBytes> openUserKey(const KeySlot& slot, const QString& storeId, bool isDeviceBound,
                                           const QString& passphrase, const SecureBytes* deviceSecret);
    // The store key from a box sealed to publicKey (a slot's current or pending box).
    static Result<SecureBytes> openStoreKeyBox(const QByteArray& box, const QByteArray& publicKey,
                                               const SecureBytes& secretKey, const QString& storeId);
    // Seals a store key to a public key (a user's or the recovery key's).
    static Result<QByteArray> sealStoreKeyBox(const SecureBytes& storeKey, const QByteArray& publicKey,
                                              const QString& storeId);
    // Passphrase, device secret and the slot's current box in one call: the store key.
    static Result<SecureBytes> open(const KeySlot& slot, const QString& storeId, bool isDeviceBound,
                                    const QString& passphrase, const SecureBytes* deviceSecret);

    // recoveryKey is RecoveryKey::bytes() (32 bytes). openRecoverySecretKey: WrongCredentials for any
    // failure (checked against the slot's public key).
    static Result<RecoverySlot> sealRecovery(const SecureBytes& storeKey, const QString& storeId,
                                             const SecureBytes& recoveryKey,
                                             const QByteArray& storeCommitment = {});
    static Result<SecureBytes> openRecoverySecretKey(const RecoverySlot& slot,
                                                     const SecureBytes& recoveryKey);
    static Result<SecureBytes> openRecovery(const RecoverySlot& slot, const QString& storeId,
                                            const SecureBytes& recoveryKey);
};

} // namespace confer
