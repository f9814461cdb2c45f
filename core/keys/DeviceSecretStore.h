#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>
#include <QString>

namespace confer {

// What a device-bound store keeps in the OS keychain: its 32-byte device secrets, and a copy of the
// audit head (the witness) that rolling back the store folder cannot reach.
// read() distinguishes "not there" (DeviceSecretMissing) from "keychain did not answer"
// (KeychainUnavailable) as far as the platform lets us; both fail closed.
class DeviceSecretStore {
public:
    virtual ~DeviceSecretStore() = default;

    // A secret's entry is named by its store and its own id: binding a store to a new secret makes a
    // new entry and never overwrites one that may only be locked (a locked keyring reads as missing).
    static QString secretName(const QString& storeId, const QString& secretId)
    {
        return storeId + QLatin1Char('/') + secretId;
    }
    virtual Result<SecureBytes> read(const QString& secretName) = 0;
    virtual Status write(const QString& secretName, const SecureBytes& secret) = 0;
    virtual Status remove(const QString& secretName) = 0;

    // The witness: MAC'd bytes, not secret. NotFound when there is none.
    virtual Result<QByteArray> readWitness(const QString& storeId) = 0;
    virtual Status writeWitness(const QString& storeId, const QByteArray& bytes) = 0;
};

} // namespace confer
