#pragma once

#include <QByteArray>
#include <QString>

namespace confer {

// SHA-256 (libsodium crypto_hash_sha256) of bytes Confer shows or records as evidence: an exported
// file, the exact text of a declaration. Not a key derivation and not a MAC.
class Sha256 final {
public:
    static constexpr qsizetype Size = 32;

    static QByteArray of(const QByteArray& bytes); // the 32-byte digest
    static QString hexOf(const QByteArray& bytes); // the digest as 64 lower-case hex digits
};

} // namespace confer
