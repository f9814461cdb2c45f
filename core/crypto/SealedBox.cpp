#include "crypto/SealedBox.h"

#include "crypto/Sodium.h"

#include <QCoreApplication>

#include <sodium.h>

namespace confer {

namespace {
const unsigned char* bytesOf(const QByteArray& data)
{
    return reinterpret_cast<const unsigned char*>(data.constData());
}

Error wrongKey()
{
    return makeError(
        ErrorCode::WrongCredentials,
        QCoreApplication::translate("confer::SealedBox", "The key does not open this sealed value."));
}
} // namespace

Result<Sealed> SealedBox::seal(const SecureBytes& key, const SecureBytes& plaintext,
                               const QByteArray& associatedData)
{
    if (!ensureSodium())
        return makeError(
            ErrorCode::Crypto,
            QCoreApplication::translate("confer::SealedBox", "The encryption library could not start."));
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::SealedBox", "The sealing key has the wrong length."),
            QStringLiteral("key is %1 bytes").arg(key.size()));

    Sealed sealed;
    // 24 random bytes: XChaCha20's nonce is long enough that random nonces never repeat in practice.
    sealed.nonce.resize(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
    randombytes_buf(sealed.nonce.data(), static_cast<std::size_t>(sealed.nonce.size()));
    sealed.ciphertext.resize(
        static_cast<qsizetype>(plaintext.size() + crypto_aead_xchacha20poly1305_ietf_ABYTES));

    static const unsigned char empty = 0;
    unsigned long long ciphertextSize = 0;
    if (crypto_aead_xchacha20poly1305_ietf_encrypt(
            reinterpret_cast<unsigned char*>(sealed.ciphertext.data()), &ciphertextSize,
            plaintext.isEmpty() ? &empty : plaintext.data(), plaintext.size(),
            associatedData.isEmpty() ? nullptr : bytesOf(associatedData),
            static_cast<unsigned long long>(associatedData.size()), nullptr, bytesOf(sealed.nonce),
            key.data()) != 0) {
        return makeError(ErrorCode::Crypto,
                         QCoreApplication::translate("confer::SealedBox", "The value could not be sealed."));
    }
    sealed.ciphertext.resize(static_cast<qsizetype>(ciphertextSize));
    return sealed;
}

Result<SecureBytes> SealedBox::open(const SecureBytes& key, const Sealed& sealed,
                                    const QByteArray& associatedData)
{
    if (!ensureSodium())
        return makeError(
            ErrorCode::Crypto,
            QCoreApplication::translate("confer::SealedBox", "The encryption library could not start."));
    // Anything malformed is treated like a wrong key: the caller must not learn which part failed.
    if (key.size() != crypto_aead_xchacha20poly1305_ietf_KEYBYTES ||
        static_cast<std::size_t>(sealed.nonce.size()) != crypto_aead_xchacha20poly1305_ietf_NPUBBYTES ||
        static_cast<std::size_t>(sealed.ciphertext.size()) < crypto_aead_xchacha20poly1305_ietf_ABYTES)
        return wrongKey();

    const std::size_t plaintextSize =
        static_cast<std::size_t>(sealed.ciphertext.size()) - crypto_aead_xchacha20poly1305_ietf_ABYTES;
    SecureBytes plaintext(plaintextSize);
    unsigned char empty = 0;
    unsigned long long openedSize = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            plaintext.isEmpty() ? &empty : plaintext.data(), &openedSize, nullptr, bytesOf(sealed.ciphertext),
            static_cast<unsigned long long>(sealed.ciphertext.size()),
            associatedData.isEmpty() ? nullptr : bytesOf(associatedData),
            static_cast<unsigned long long>(associatedData.size()), bytesOf(sealed.nonce), key.data()) != 0) {
        return wrongKey();
    }
    return plaintext;
}

} // namespace confer
