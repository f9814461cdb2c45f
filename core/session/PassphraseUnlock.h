#pragma once

#include "common/Result.h"
#include "keys/KeySlotCopies.h"
#include "session/OpenedStore.h"
#include "session/StorePaths.h"

#include <QByteArray>
#include <QSet>

#include <optional>
#include <vector>

namespace confer {

class DeviceSecretStore;

// Finds the key-slot copy whose slot the passphrase opens, and checks it read-only against the store
// its key opens: the same store, the generation the store records, an enabled account, a store as new
// as every record outside it. Writes nothing: a refused unlock leaves every file as it was.
class PassphraseUnlock final {
public:
    PassphraseUnlock(const StorePaths& paths, DeviceSecretStore& deviceSecrets,
                     std::vector<KeySlotCopies::Copy>& copies);

    // The copy to open the store with (its lock still to be set), or why not.
    Result<OpenedStore> find(const QString& login, const QString& passphrase);
    // After a refusal: whether it counts as a failed sign-in (a wrong passphrase, an unknown or disabled
    // login), which is audited at the next sign-in, rather than a problem with the files or keychain.
    bool isFailedAttempt() const { return m_isFailedAttempt; }

private:
    // The file's current device secret, and the one the slot was sealed with (an earlier binding's,
    // which this keychain may still hold). False, with the refusal noted, when either cannot be read.
    bool readSecrets(const KeySlotFile& file, const KeySlot& slot, SecureBytes& current,
                     SecureBytes& forSlot);
    // The store key boxes of a slot whose user key opened: the first whose key opens the store and
    // passes every check. Nothing when none does (the refusal noted), so the next copy is tried.
    std::optional<Result<OpenedStore>> tryBoxes(KeySlotCopies::Copy& copy, const KeySlot& slot,
                                                const SecureBytes& userKey, SecureBytes& currentSecret);
    Error refuseAsFailedAttempt();

    const StorePaths& m_paths;
    DeviceSecretStore& m_deviceSecrets;
    std::vector<KeySlotCopies::Copy>& m_copies;
    std::optional<Error> m_refusal; // why a copy that opened was not used
    // Slots the passphrase did not open, by their whole content: the identical slot in the other copy
    // will not open either, but a damaged one must not stop the intact copy from being tried.
    QSet<QByteArray> m_wrongForSlots;
    bool m_isFailedAttempt = false;
};

} // namespace confer
