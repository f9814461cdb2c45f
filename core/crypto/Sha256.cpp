#include "crypto/Sha256.h"

#include "crypto/Sodium.h"

#include <sodium.h>

namespace confer {

static_assert(Sha256::Size == crypto_hash_sha256_BYTES);

QByteArray Sha256::of(const QByteArray& bytes)
{
    // sodium_init() cannot fail for hashing in practice; if it did, nothing of Confer's crypto works and
    // the store would not have opened. The call itself needs no state.
    ensureSodium();
    QByteArray digest(Size, '\0');
    crypto_hash_sha256(reinterpret_cast<unsigned char*>(digest.data()),
                       reinterpret_cast<const unsigned char*>(bytes.constData()),
                       static_cast<unsigned long long>(bytes.size()));
    return digest;
}

QString Sha256::hexOf(const QByteArray& bytes)
{
    return QString::fromLatin1(of(bytes).toHex());
}

} // namespace confer
