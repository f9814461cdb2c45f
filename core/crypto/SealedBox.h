#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>

namespace confer {

// XChaCha20-Poly1305 (libsodium crypto_aead_xchacha20poly1305_ietf) with a random 24-byte nonce.
// The associated data binds a sealed value to where it belongs (store id, slot id), so a slot
// copied from another store or user does not open.
struct Sealed {
    QByteArray nonce;
    QByteArray ciphertext; // includes the 16-byte tag
};

class SealedBox final {
public:
    static Result<Sealed> seal(const SecureBytes& key, const SecureBytes& plaintext,
                               const QByteArray& associatedData);
    // WrongCredentials when the tag does not verify (wrong key, tampered box, wrong AD).
    static Result<SecureBytes> open(const SecureBytes& key, const Sealed& sealed,
                                    const QByteArray& associatedData);
};

} // namespace confer
