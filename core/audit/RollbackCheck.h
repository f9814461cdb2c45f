#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotFile.h"

#include <optional>

namespace confer {

class Database;
class DeviceSecretStore;

// Whether a store is at least as new as every audit head recorded outside it: the anchor file
// (rewritten at every commit), the key-slot file (at every key change) and, on a bound store, the
// keychain (at sign-in and lock). Someone who puts back older files has to roll back all of them,
// and cannot reach the keychain.
class RollbackCheck final {
public:
    enum class Witness { AnchorFile, KeySlotFile, Keychain };

    struct Records {
        AuditHead anchor;
        AuditHead keySlotFile;
        std::optional<AuditHead> keychain; // none on an unbound store, or a keychain that has none yet
        // Key-slot generations: the file's, and what the anchor and the keychain recorded with their head.
        // A page of the store can be put back from an older copy on its own, so the generation the store
        // records is not enough to refuse an older key file; these are authenticated outside the store.
        qint64 keySlotFileGeneration = 0; // 0: not compared
        qint64 anchorGeneration = 0;
        std::optional<qint64> keychainGeneration;
    };
    // Reads the anchor file and, when keychain is given, the keychain's copy. A missing or altered
    // anchor file is an error: without it Confer cannot tell whether events were cut off.
    static Result<Records> gather(const QString& anchorPath, const QString& storeId,
                                  const SecureBytes& auditKey, const AuditHead& keySlotFileHead,
                                  DeviceSecretStore* keychain, qint64 keySlotFileGeneration = 0);
    // Every rule below, against the store's chain.
    static Status check(Database& db, const Records& records);

    // The store holds the event `recorded` names, with the same hash and commit number.
    static Status storeReaches(Database& db, const AuditHead& storeHead, const AuditHead& recorded,
                               Witness witness);
    // `newer` is at most one commit ahead of `anchor`: the one commit a crash between a commit and its
    // anchor write can leave. Further ahead means an older anchor file was put back.
    static Status anchorKeepsUp(const AuditHead& newer, const AuditHead& anchor);
};

} // namespace confer
