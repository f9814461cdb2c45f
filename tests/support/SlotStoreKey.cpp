#include "SlotStoreKey.h"

#include "keys/DeviceSecretStore.h"
#include "keys/KeySlotCopies.h"
#include "keys/KeySlotCrypto.h"
#include "keys/KeySlotFile.h"
#include "session/StoreProbe.h"

namespace confer::test {

SecureBytes storeKeyFromSlot(const StorePaths& paths, DeviceSecretStore& deviceSecrets, const QString& login,
                             const QString& passphrase)
{
    auto copies = KeySlotCopies(paths.keySlotFile(), paths.keySlotSecondCopy()).readable();
    if (!copies.ok())
        return {};
    for (const KeySlotCopies::Copy& copy : *copies) { // newest generation first
        const KeySlotFile& file = copy.file;
        const KeySlot* slot = file.slotFor(login);
        if (!slot)
            continue;
        SecureBytes secret;
        if (file.isDeviceBound) {
            auto read = deviceSecrets.read(DeviceSecretStore::secretName(file.storeId, slot->deviceSecretId));
            if (!read.ok())
                return {};
            secret = std::move(*read);
        }
        auto key = KeySlotCrypto::open(*slot, file.storeId, file.isDeviceBound, passphrase,
                                       file.isDeviceBound ? &secret : nullptr);
        return key.ok() ? std::move(*key) : SecureBytes();
    }
    return {};
}

bool keyOpensStore(const StorePaths& paths, const SecureBytes& key)
{
    return StoreProbe::open(paths, key).ok();
}

} // namespace confer::test
