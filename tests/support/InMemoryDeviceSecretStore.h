#pragma once

#include "keys/DeviceSecretStore.h"

#include <QByteArray>
#include <QHash>

namespace confer::test {

// Stands in for the OS keychain in tests that are not about the keychain (those use the real one).
class InMemoryDeviceSecretStore final : public DeviceSecretStore {
public:
    Result<SecureBytes> read(const QString& secretName) override;
    Status write(const QString& secretName, const SecureBytes& secret) override;
    Status remove(const QString& secretName) override;
    Result<QByteArray> readWitness(const QString& storeId) override;
    Status writeWitness(const QString& storeId, const QByteArray& bytes) override;

    // What a keychain would keep: tests copy it to simulate a machine whose files are rolled back
    // while its keychain is not, or drop it to simulate a new machine.
    QHash<QString, QByteArray> witnesses;
    bool isUnavailable = false; // simulate a keychain that does not answer
    int readCount = 0;

private:
    QHash<QString, QByteArray> m_secrets;
};

} // namespace confer::test
