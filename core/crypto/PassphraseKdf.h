#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"

#include <QByteArray>

#include <cstddef>
#include <cstdint>

namespace confer {

class Clock;

// Argon2id (libsodium crypto_pwhash, ALG_ARGON2ID13) cost parameters, stored in each key slot.
struct KdfParams {
    std::uint64_t opsLimit = 0;
    std::size_t memLimitBytes = 0;
    bool operator==(const KdfParams&) const = default;
};

// The least a slot may cost. The product uses productFloor(); tests pass a cheaper floor through
// the very same code path so they stay fast.
struct KdfPolicy {
    KdfParams floor;
    static KdfPolicy product();       // 64 MiB, 3 passes at least
    static KdfPolicy cheapForTests(); // 8 MiB, 1 pass: tests only, never the product
    bool allows(const KdfParams& params) const;
};

class PassphraseKdf final {
public:
    static constexpr std::size_t SaltSize = 16;
    static constexpr std::size_t KeySize = 32;

    // Argon2id(secret, salt) -> 32 bytes. Fails (Crypto) when memory cannot be had.
    static Result<SecureBytes> derive(const SecureBytes& secret, const QByteArray& salt,
                                      const KdfParams& params);

    // Finds parameters at least `floor` whose derive() takes about targetMs on this machine:
    // memory fixed at the floor's (or more), passes raised until the time is reached.
    static Result<KdfParams> tune(const KdfPolicy& policy, int targetMs, const Clock& clock);
};

} // namespace confer
