#pragma once

#include "common/Result.h"
#include "crypto/PassphraseKdf.h"
#include "crypto/SealedBox.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace confer {

// The audit chain head at some moment: sequence, hash and the commit that wrote it. The hash is an
// HMAC under the store's audit key, so a head cannot be forged for a store one cannot open.
struct AuditHead {
    qint64 sequence = 0;
    QByteArray hash; // 32 bytes; empty only before the first event
    qint64 commit = 0;

    bool operator==(const AuditHead&) const = default;
};

// One user's way to the store key (docs/keyslot-format.md). The passphrase (and on a bound store the
// device secret) opens the user's own X25519 secret key; the store key is sealed to the user's public
// key. Sealing to a public key is what lets a key rotation give every remaining user the new store
// key without knowing their passphrases.
struct KeySlot {
    QString slotId; // 32 hex characters, random
    QString login;
    QByteArray salt; // Argon2id salt, 16 bytes
    KdfParams kdf;
    QString deviceSecretId;        // which device secret sealed it ("" when not device-bound)
    Sealed userSecretKey;          // the user's X25519 secret key under the passphrase key
    QByteArray publicKey;          // the user's X25519 public key, 32 bytes
    QByteArray storeKeyBox;        // crypto_box_seal(store id ‖ store key) to publicKey
    QByteArray pendingStoreKeyBox; // during a key rotation only: the next store key, else empty
    // Which store this slot belongs to: a commitment to the store's audit key (which never changes), in
    // the sealed data. Anyone can seal some key to the public key; only the real store matches this.
    QByteArray storeCommitment;
};

// The recovery key's way to the store key: the recovery key is the seed of an X25519 key pair.
struct RecoverySlot {
    QByteArray publicKey;
    QByteArray storeKeyBox;
    QByteArray pendingStoreKeyBox;
    // BLAKE2b keyed from the recovery key over the store commitment: the recovery key opens only the
    // store it was issued for, not one whose key someone sealed to the (public) recovery key.
    QByteArray storeCheck;
};

// The key-slot file that sits beside the store, in two copies (KeySlotCopies). Versioned JSON; the
// whole file is MAC'd under the store's audit key, so an edited copy is caught once the store opens.
struct KeySlotFile {
    static constexpr int FormatVersion = 2;

    QString storeId; // 32 hex characters; also names the device secret in the keychain
    bool isDeviceBound = true;
    QString deviceSecretId; // id of the device secret now in the keychain (random, 32 hex)
    KdfParams defaultKdf;   // tuned at setup; used for every new slot
    // Counts key changes; the store records the generation it expects, so an older copy is refused.
    qint64 generation = 1;
    // One per user. Not called `slots`: that word is a Qt keyword macro and vanishes.
    QList<KeySlot> userSlots;
    std::optional<RecoverySlot> recovery;
    // The audit head when this generation was written: a store or anchor behind it is refused.
    AuditHead auditHead;
    QByteArray mac; // HMAC-SHA256 under the audit key of everything above

    const KeySlot* slotFor(const QString& login) const;
    QStringList logins() const;
    // Replaces the slot of the same login (any case), or adds it.
    void upsertSlot(const KeySlot& slot);
    // False when the login had no slot.
    bool removeSlot(const QString& login);
    bool hasPendingKey() const;

    // Computes mac under the audit key; verifyMac checks it in constant time.
    void sign(const SecureBytes& auditKey);
    bool verifyMac(const SecureBytes& auditKey) const;

    // 16 random bytes as 32 lowercase hex characters: the form of storeId, deviceSecretId and slotId.
    static QString randomId();

    // NotFound when there is no file; StoreCorrupt when it is not a version-2 key-slot file;
    // InvalidInput for a symlink.
    static Result<KeySlotFile> load(const QString& path);
    // Through SafeFile: the old file stays byte-identical unless the new one is whole and parses.
    Status save(const QString& path) const;

    static Result<KeySlotFile> fromJson(const QByteArray& json);
    QByteArray toJson() const;
};

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
