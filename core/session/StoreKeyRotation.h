#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotFile.h"

#include <functional>

namespace confer {

class Session;

// Gives the store a new key and reseals it for every remaining user and the recovery key, so that an
// old slot of a removed user, or a passphrase that may be known, opens no later copy of the store.
// New-key boxes are written as pending before the rekey; the old ones go only after the new key has
// opened the store. A crash anywhere leaves a store that one of the two keys opens (unlock tries the
// pending key first, then settles the files).
class StoreKeyRotation final {
public:
    // `accountChange` edits the store (with its audit event) and the key-slot file, as in
    // Session::commitKeyChange; it goes in with the pending boxes, all or nothing.
    static Status rotate(Session& session, const std::function<Status(KeySlotFile&)>& accountChange);

    // After an unlock that found pending boxes: keep the new key when it opened the store, else drop it.
    static Status settle(Session& session, bool isOnPendingKey);
    // At sign-in: a rotation the account change needed but that could not finish (a crash, a full disk)
    // is done now, before anyone works.
    static Status finishOwed(Session& session);

private:
    static Status finish(Session& session, SecureBytes next); // rekey, probe, settle
    static bool isOwed(Session& session);
    static Status setOwed(Session& session, bool isOwedNow);
};

} // namespace confer
