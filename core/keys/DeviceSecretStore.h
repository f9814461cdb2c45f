#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QString>

namespace confer {

// Where the 32-byte device secret of a store lives: the OS keychain in the product.
// read() distinguishes "not there" (DeviceSecretMissing) from "keychain did not answer"
// (KeychainUnavailable) as far as the platform lets us; both fail closed.
class DeviceSecretStore {
public:
    virtual ~DeviceSecretStore() = default;
    virtual Result<SecureBytes> read(const QString& storeId) = 0;
    virtual Status write(const QString& storeId, const SecureBytes& secret) = 0;
    virtual Status remove(const QString& storeId) = 0;
};

} // namespace confer
