#pragma once

#include "accounts/User.h"
#include "common/Result.h"
#include "keys/KeySlotFile.h"

#include <functional>

namespace confer {

class AuditLog;
class Clock;
class Database;

// What AccountService needs from the signed-in session. Accounts sit below the session (the session
// finds its user through them, and the opener makes the first administrator with them), so they see
// it only through this interface, which Session implements. The store key and the device secret never
// cross it: accounts ask for a slot sealed with them, or whether a passphrase opens a slot.
class AccountSession {
public:
    virtual ~AccountSession() = default;

    virtual Database& database() = 0;
    virtual AuditLog& audit() = 0;
    virtual const Clock& clock() const = 0;
    virtual const User& currentUser() const = 0;
    // The signed-in user's row changed (their role): the session shows the new one.
    virtual void currentUserChanged(const User& user) = 0;

    // The key-slot file as the session last read or wrote it (a copy: a long operation's connection
    // may change it meanwhile).
    virtual KeySlotFile keySlots() const = 0;
    // A slot for login under passphrase, sealing the session's store key (with this computer's device
    // secret for a device-bound store) and the store's commitment.
    virtual Result<KeySlot> sealSlot(const QString& login, const QString& passphrase) const = 0;
    // Whether passphrase opens slot on this computer.
    virtual bool opensSlot(const KeySlot& slot, const QString& passphrase) const = 0;

    using KeyChange = std::function<Status(KeySlotFile&)>;
    // `change` edits the store (with its audit event) and the key-slot file, all or nothing
    // (Session::commitKeyChange).
    virtual Status commitKeyChange(const KeyChange& change) = 0;
    // The same, and the store gets a new key that only the remaining slots open (StoreKeyRotation).
    virtual Status commitKeyChangeWithNewStoreKey(const KeyChange& change) = 0;
};

} // namespace confer
