#pragma once

#include "crypto/SecureBytes.h"
#include "session/StorePaths.h"

#include <QString>

namespace confer {
class DeviceSecretStore;
}

namespace confer::test {

// The session never hands its store key out, so a test that watches the key change reads it the way an
// unlock does: `login`'s slot opened with `passphrase` (and the device secret) in the newest key-slot
// copy that has the slot, its current box. Once no key change is pending (after an unlock, or a
// rotation that finished) that is the key the session works on. Empty when the slot does not open.
SecureBytes storeKeyFromSlot(const StorePaths& paths, DeviceSecretStore& deviceSecrets, const QString& login,
                             const QString& passphrase);
// Whether `key` opens the store file, looked at read-only as an unlock does (StoreProbe).
bool keyOpensStore(const StorePaths& paths, const SecureBytes& key);

} // namespace confer::test
