#pragma once

#include "common/Result.h"
#include "session/StoreOpener.h"

namespace confer {

class Clock;
class Session;

// The parts of making a new store that StoreOpener::create puts together: a private folder, the first
// key-slot file (the administrator's slot and the recovery slot), the first rows with the audit events
// of the creation, and the removal of all of it when setup fails.
class StoreSetup final {
public:
    // A new store goes only into a folder that is new or empty: Confer never takes over, or changes the
    // permissions of, a folder that holds other things.
    static Status prepareDirectory(const StorePaths& paths);
    // Removes what a failed setup created, so a second attempt starts clean.
    static void removeStoreFiles(const StorePaths& paths);

    struct FirstKeys {
        const SecureBytes& storeKey;
        const SecureBytes& auditKey;
        const RecoveryKey& recoveryKey;
        const SecureBytes* deviceSecret; // nullptr for a store not bound to a device
        KdfParams kdf;
        const KdfPolicy& policy;
    };
    // Seals the administrator's slot and the recovery slot into `slotFile` and signs it.
    static Status sealFirstSlots(KeySlotFile& slotFile, const StoreOpener::SetupRequest& request,
                                 const FirstKeys& keys);

    // The first rows of a new store, its first administrator and the audit events of its creation, in
    // one transaction; its commit writes the first anchor.
    static Status initialise(Session& session, const StoreOpener::SetupRequest& request, const Clock& clock);
};

} // namespace confer
