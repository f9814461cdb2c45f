#pragma once

#include "keys/DeviceSecretStore.h"

#include <QByteArray>
#include <QHash>

namespace confer::test {

// Stands in for the OS keychain in tests that are not about the keychain (those use the real one).
class InMemoryDeviceSecretStore final : public DeviceSecretStore {
public:
    Result<SecureBytes> read(const QString& storeId) override;
    Status write(const QString& storeId, const SecureBytes& secret) override;
    Status remove(const QString& storeId) override;

    bool isUnavailable = false; // simulate a keychain that does not answer
    int readCount = 0;

private:
    QHash<QString, QByteArray> m_secrets;
};

} // namespace confer::test
