#pragma once

#include "common/Result.h"
#include "crypto/PassphraseKdf.h"
#include "crypto/SealedBox.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <optional>

namespace confer {

// One user's sealed copy of the store key (docs/keyslot-format.md).
struct KeySlot {
    QString slotId; // 32 hex characters, random
    QString login;
    QByteArray salt; // Argon2id salt, 16 bytes
    KdfParams kdf;
    QString deviceSecretId; // which device secret sealed it ("" when not device-bound); a slot
                            // sealed under a replaced secret needs an administrator's reset
    Sealed sealed;
};

// The recovery key's sealed copy of the store key; needs no device secret.
struct RecoverySlot {
    Sealed sealed;
};

// The audit chain head, kept outside the store so truncation or an older copy is detected.
struct AuditAnchor {
    qint64 sequence = 0;
    QByteArray hash; // 32 bytes; an HMAC under the audit key, so it cannot be forged without the store key
};

// The key-slot file that sits beside the store: versioned JSON, written atomically.
struct KeySlotFile {
    static constexpr int FormatVersion = 1;

    QString storeId; // 32 hex characters; also names the device secret in the keychain
    bool isDeviceBound = true;
    QString deviceSecretId; // id of the device secret now in the keychain (random, 32 hex)
    KdfParams defaultKdf;   // tuned at setup; used for every new slot
    // One per user. Not called `slots`: that word is a Qt keyword macro and vanishes.
    QList<KeySlot> userSlots;
    std::optional<RecoverySlot> recovery;
    AuditAnchor auditAnchor;

    // Logins match without regard to case, as AccountService treats them.
    const KeySlot* slotFor(const QString& login) const;
    QStringList logins() const;
    // Replaces the slot of the same login (any case), or adds it.
    void upsertSlot(const KeySlot& slot);
    // False when the login had no slot.
    bool removeSlot(const QString& login);

    // 16 random bytes as 32 lowercase hex characters: the form of storeId, deviceSecretId and slotId.
    static QString randomId();

    // NotFound when there is no file; StoreCorrupt when it is not a version-1 key-slot file.
    static Result<KeySlotFile> load(const QString& path);
    // Atomic replace (write beside, fsync, rename): a crash leaves the old file or the new one.
    // Owner-only permissions (0600). Refuses (InvalidInput) to write what load() would refuse.
    Status save(const QString& path) const;

    static Result<KeySlotFile> fromJson(const QByteArray& json);
    QByteArray toJson() const;
};

// Sealing and opening the store key. The key-encryption key is
// BLAKE2b-256(key = device secret, message = "confer-slot-v1" || Argon2id(passphrase, salt)) for a
// device-bound store, and unkeyed BLAKE2b-256 of the same message otherwise. The associated data
// binds the slot to its store id, slot id, login, device binding, device secret id and KDF
// parameters (docs/keyslot-format.md gives the exact bytes).
class KeySlotCrypto final {
public:
    // deviceSecret (32 bytes) and deviceSecretId (the file's current one) are required for a
    // device-bound store and ignored otherwise; the id is sealed into the slot, so set it here, never
    // afterwards. InvalidInput when the params are below the policy's floor.
    static Result<KeySlot> seal(const SecureBytes& storeKey, const QString& storeId, bool isDeviceBound,
                                const QString& login, const QString& passphrase,
                                const SecureBytes* deviceSecret, const QString& deviceSecretId,
                                const KdfParams& params, const KdfPolicy& policy);
    // WrongCredentials for a wrong passphrase or device secret, or a tampered slot; Crypto only when
    // this computer lacks the memory the slot's KDF parameters ask for.
    static Result<SecureBytes> open(const KeySlot& slot, const QString& storeId, bool isDeviceBound,
                                    const QString& passphrase, const SecureBytes* deviceSecret);

    // recoveryKey is RecoveryKey::bytes() (32 bytes). openRecovery: WrongCredentials for any failure.
    static Result<RecoverySlot> sealRecovery(const SecureBytes& storeKey, const QString& storeId,
                                             const SecureBytes& recoveryKey);
    static Result<SecureBytes> openRecovery(const RecoverySlot& slot, const QString& storeId,
                                            const SecureBytes& recoveryKey);
};

} // namespace confer
