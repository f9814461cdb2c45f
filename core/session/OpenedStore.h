#pragma once

#include "crypto/SecureBytes.h"
#include "keys/KeySlotFile.h"

#include <memory>

namespace confer {

class StoreLock;

// A key-slot copy that opened with the caller's secret (passphrase or recovery key) and passed every
// read-only check against the store: what StoreOpener opens the store for writing with.
struct OpenedStore {
    std::shared_ptr<StoreLock> lock;
    KeySlotFile file;
    SecureBytes storeKey;
    SecureBytes deviceSecret; // the file's current device secret (bound stores)
    SecureBytes auditKey;
    AuditHead anchor; // as the anchor file has it (re-written when the store is ahead)
    bool isRestoreAccepted = false;
    bool isOnPendingKey = false; // a key rotation was under way and its new key opened the store
};

} // namespace confer
