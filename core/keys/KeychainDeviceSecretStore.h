#pragma once

#include "keys/DeviceSecretStore.h"

namespace confer {

// The device secret in the OS keychain through QtKeychain (Secret Service on Linux).
// Every job runs with a timeout; the insecure plaintext fallback is never enabled.
class KeychainDeviceSecretStore final : public DeviceSecretStore {
public:
    explicit KeychainDeviceSecretStore(QString service = QStringLiteral("Confer"), int timeoutMs = 15000);

    Result<SecureBytes> read(const QString& secretName) override;
    Status write(const QString& secretName, const SecureBytes& secret) override;
    Status remove(const QString& secretName) override;
    Result<QByteArray> readWitness(const QString& storeId) override;
    Status writeWitness(const QString& storeId, const QByteArray& bytes) override;

    // True when a Secret Service answers on the session bus (used by tests to decide to skip
    // on a laptop without one; CI always has one).
    static bool isServiceAvailable();

private:
    QString entryName(const QString& secretName) const;
    QString m_service;
    int m_timeoutMs;
};

} // namespace confer
