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
    // The memory tune() settles on when the machine allows it (never below the floor): memory is
    // what makes guessing on graphics cards expensive, so it is chosen first and passes fill the time.
    std::size_t tunedMemLimitBytes = 0;
    static KdfPolicy product();       // 64 MiB, 3 passes at least; tuned at 256 MiB
    static KdfPolicy cheapForTests(); // 8 MiB, 1 pass: tests only, never the product
    bool allows(const KdfParams& params) const;
};

class PassphraseKdf final {
public:
    static constexpr std::size_t SaltSize = 16;
    static constexpr std::size_t KeySize = 32;
    // derive() refuses more than this: the parameters come from a file an attacker may have edited,
    // and absurd ones would hang the unlock instead of failing it.
    static constexpr std::uint64_t MaxOpsLimit = 64;
    static constexpr std::size_t MaxMemLimitBytes = std::size_t{4} << 30;
    // tune() never chooses more passes than this, and runs at most MaxTuneTrials derives.
    static constexpr std::uint64_t MaxTunedOpsLimit = 32;
    static constexpr int MaxTuneTrials = 6;

    // Argon2id(secret, salt) -> 32 bytes. InvalidInput for a salt that is not SaltSize bytes or
    // parameters outside [libsodium's minimum, the maxima above]; Crypto when memory cannot be had.
    static Result<SecureBytes> derive(const SecureBytes& secret, const QByteArray& salt,
                                      const KdfParams& params);

    // Finds parameters at least `floor` whose derive() takes about targetMs on this machine:
    // memory at policy.tunedMemLimitBytes (halved towards the floor if that cannot be had or takes
    // over twice the target), passes raised until the time is reached. Reads clock.monotonicMs()
    // once before and once after each trial derive.
    static Result<KdfParams> tune(const KdfPolicy& policy, int targetMs, const Clock& clock);
};

} // namespace confer
