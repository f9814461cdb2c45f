#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QList>
#include <QString>

namespace confer {

// The recovery key: 32 random bytes, shown once at setup as 14 groups of 4 Crockford base32
// characters. 56 characters carry 280 bits: the 256-bit key and a 24-bit checksum (BLAKE2b of the
// key), so a mistyped key is told apart from a wrong one. It opens the store with no device secret
// and no passphrase.
class RecoveryKey final {
public:
    static constexpr int GroupCount = 14;
    static constexpr int GroupLength = 4;

    static RecoveryKey generate();
    // Accepts any case, spaces or dashes, and the usual Crockford look-alikes (O→0, I/L→1).
    // InvalidInput when the text is not a well-formed key (bad length, bad checksum).
    static Result<RecoveryKey> parse(const QString& text);

    const SecureBytes& bytes() const { return m_bytes; }
    // "ABCD-EFGH-..." for display; the caller shows it once and forgets it.
    QString displayText() const;
    // The 1-based group numbers setup asks the user to type back, to prove it was written down.
    static QList<int> confirmationGroups() { return {3, 9}; }
    QString group(int oneBasedIndex) const;

    RecoveryKey(RecoveryKey&&) noexcept = default;
    RecoveryKey& operator=(RecoveryKey&&) noexcept = default;

private:
    explicit RecoveryKey(SecureBytes bytes);
    SecureBytes m_bytes;
};

} // namespace confer
