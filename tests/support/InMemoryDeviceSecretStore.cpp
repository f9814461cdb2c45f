#include "InMemoryDeviceSecretStore.h"

namespace confer::test {

Result<SecureBytes> InMemoryDeviceSecretStore::read(const QString& storeId)
{
    ++readCount;
    if (isUnavailable)
        return makeError(ErrorCode::KeychainUnavailable, QStringLiteral("The keychain did not answer."));
    const auto it = m_secrets.constFind(storeId);
    if (it == m_secrets.constEnd())
        return makeError(ErrorCode::DeviceSecretMissing, QStringLiteral("No device secret."));
    return SecureBytes(reinterpret_cast<const unsigned char*>(it->constData()),
                       static_cast<std::size_t>(it->size()));
}

Status InMemoryDeviceSecretStore::write(const QString& storeId, const SecureBytes& secret)
{
    if (isUnavailable)
        return makeError(ErrorCode::KeychainUnavailable, QStringLiteral("The keychain did not answer."));
    m_secrets.insert(storeId, QByteArray(reinterpret_cast<const char*>(secret.data()),
                                         static_cast<qsizetype>(secret.size())));
    return {};
}

Status InMemoryDeviceSecretStore::remove(const QString& storeId)
{
    m_secrets.remove(storeId);
    return {};
}

Result<QByteArray> InMemoryDeviceSecretStore::readWitness(const QString& storeId)
{
    if (isUnavailable)
        return makeError(ErrorCode::KeychainUnavailable, QStringLiteral("The keychain did not answer."));
    const auto it = witnesses.constFind(storeId);
    if (it == witnesses.constEnd())
        return makeError(ErrorCode::NotFound, QStringLiteral("No witness."));
    return *it;
}

Status InMemoryDeviceSecretStore::writeWitness(const QString& storeId, const QByteArray& bytes)
{
    if (isUnavailable)
        return makeError(ErrorCode::KeychainUnavailable, QStringLiteral("The keychain did not answer."));
    witnesses.insert(storeId, bytes);
    return {};
}

} // namespace confer::test
