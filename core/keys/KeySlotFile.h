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
    KdfParams defaultKdf; // tuned at setup; used for every new slot
    QList<KeySlot> slots;
    std::optional<RecoverySlot> recovery;
    AuditAnchor auditAnchor;

    const KeySlot* slotFor(const QString& login) const;
    QStringList logins() const;

    static Result<KeySlotFile> load(const QString& path);
    // Atomic replace (write beside, fsync, rename): a crash leaves the old file or the new one.
    Status save(const QString& path) const;

    static Result<KeySlotFile> fromJson(const QByteArray& json);
    QByteArray toJson() const;
};

// Sealing and opening the store key. The key-encryption key is
// BLAKE2b-256(key = device secret, message = Argon2id(passphrase, salt)) for a device-bound store,
// and unkeyed BLAKE2b-256 of the Argon2id output otherwise. The associated data binds the slot to
// its store id, slot id, login, device binding and KDF parameters.
class KeySlotCrypto final {
public:
    static Result<KeySlot> seal(const SecureBytes& storeKey, const QString& storeId, bool isDeviceBound,
                                const QString& login, const QString& passphrase,
                                const SecureBytes* deviceSecret, const KdfParams& params,
                                const KdfPolicy& policy);
    // WrongCredentials for a wrong passphrase or device secret, or a tampered slot.
    static Result<SecureBytes> open(const KeySlot& slot, const QString& storeId, bool isDeviceBound,
                                    const QString& passphrase, const SecureBytes* deviceSecret);

    static Result<RecoverySlot> sealRecovery(const SecureBytes& storeKey, const QString& storeId,
                                             const SecureBytes& recoveryKey);
    static Result<SecureBytes> openRecovery(const RecoverySlot& slot, const QString& storeId,
                                            const SecureBytes& recoveryKey);
};

} // namespace confer
