#pragma once

#include "audit/AuditAction.h"
#include "common/Result.h"
#include "crypto/PassphraseKdf.h"
#include "crypto/RecoveryKey.h"
#include "keys/KeySlotCopies.h"
#include "session/OpenedStore.h"
#include "session/StorePaths.h"

#include <QList>

#include <optional>
#include <utility>
#include <vector>

namespace confer {

class DeviceSecretStore;
class StoreProbe;

// Finds the key-slot copy the recovery key opens and checks it read-only against the store: the same
// store, an enabled account for the login. A store (or key file) older than the records outside it is
// accepted here, on purpose, and audited. Then seals the login's new slot, binding the store to this
// computer when its device secret is missing here. Nothing is written but a new keychain entry.
class RecoveryUnlock final {
public:
    RecoveryUnlock(const StorePaths& paths, DeviceSecretStore& deviceSecrets,
                   std::vector<KeySlotCopies::Copy>& copies, const RecoveryKey& recoveryKey,
                   const KdfPolicy& policy);

    struct Found {
        OpenedStore opened;                            // its lock still to be set
        QList<std::pair<AuditAction, QString>> events; // (action, detail) to audit with the sign-in
    };
    Result<Found> find(const QString& login);
    // After a refusal: whether it counts as a failed recovery (this key opens nothing here).
    bool isFailedAttempt() const { return m_isFailedAttempt; }

    struct Resealed {
        KeySlot slot;
        QString deviceSecretId;   // the store's current one, or the new one the slot was sealed with
        bool isNewSecret = false; // written to the keychain under a new entry
    };
    // Keeps the device secret this computer already has; makes a new one only when it cannot be read,
    // under a new entry, so a secret that is only locked is never overwritten. Sets opened.deviceSecret.
    Result<Resealed> reseal(OpenedStore& opened, const QString& login, const QString& newPassphrase);

private:
    // One copy's recovery slot: the first of its boxes whose key opens the store and passes the checks.
    // Nothing when none does (the refusal noted), so the next copy is tried.
    std::optional<Result<Found>> tryCopy(const KeySlotCopies::Copy& copy, const QString& login,
                                         bool isMatchRequired);
    // The rollback check, where a failure is not a refusal but the acceptance of a restored backup.
    Found accept(OpenedStore opened, StoreProbe& probe);

    const StorePaths& m_paths;
    DeviceSecretStore& m_deviceSecrets;
    std::vector<KeySlotCopies::Copy>& m_copies;
    const RecoveryKey& m_recoveryKey;
    const KdfPolicy& m_policy;
    std::optional<Error> m_refusal;
    bool m_isFailedAttempt = false;
};

} // namespace confer
