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

// The key-slot file that sits beside the store, in two copies (KeySlotCopies). Versioned JSON
// (KeySlotJson); the whole file is MAC'd under the store's audit key, so an edited copy is caught once
// the store opens. Its slots are sealed and opened by KeySlotCrypto.
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

} // namespace confer
