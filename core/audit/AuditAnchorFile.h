#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotFile.h"

#include <QByteArray>
#include <QString>

namespace confer {

// The audit head kept beside the store (confer.anchor), and the same bytes as the keychain's copy:
// store id, sequence, hash and commit number, MAC'd under the store's audit key, so it can be neither
// forged nor moved to another store by someone who cannot open the store.
class AuditAnchorFile final {
public:
    // keySlotGeneration: the key-slot generation of the moment. It is here, and not only in the store,
    // because a store page can be put back from an older copy on its own (SQLCipher authenticates a
    // page, not its version): the generation the store records cannot be trusted alone.
    static QByteArray encode(const QString& storeId, const AuditHead& head, const SecureBytes& auditKey,
                             qint64 keySlotGeneration = 0);
    // AuditChainBroken when the bytes are not an anchor of this store under this key.
    static Result<AuditHead> decode(const QByteArray& bytes, const QString& storeId,
                                    const SecureBytes& auditKey, qint64* keySlotGeneration = nullptr);

    // NotFound when there is no file; AuditChainBroken when it is damaged, altered or another store's.
    static Result<AuditHead> load(const QString& path, const QString& storeId, const SecureBytes& auditKey,
                                  qint64* keySlotGeneration = nullptr);
    // Refuses (AuditChainBroken) to replace an anchor of this store that is further along than head:
    // the anchor never moves backwards. allowBackwards is for an administrator's accepted restore only.
    static Status save(const QString& path, const QString& storeId, const AuditHead& head,
                       const SecureBytes& auditKey, bool allowBackwards = false,
                       qint64 keySlotGeneration = 0);
};

} // namespace confer
