#include "crypto/PassphraseKdf.h"

#include "common/Clock.h"
#include "crypto/Sodium.h"

#include <QCoreApplication>

#include <sodium.h>

#include <algorithm>
#include <cmath>

namespace confer {

namespace {
constexpr std::size_t MiB = std::size_t{1} << 20;

// Argon2id has its own minima in libsodium (1 pass, 8 KiB); crypto_pwhash refuses anything less.
bool isWithinLimits(const KdfParams& params)
{
    return params.opsLimit >= crypto_pwhash_argon2id_OPSLIMIT_MIN &&
           params.opsLimit <= PassphraseKdf::MaxOpsLimit &&
           params.memLimitBytes >= crypto_pwhash_argon2id_MEMLIMIT_MIN &&
           params.memLimitBytes <= PassphraseKdf::MaxMemLimitBytes;
}

QByteArray randomSalt()
{
    QByteArray salt(static_cast<qsizetype>(PassphraseKdf::SaltSize), Qt::Uninitialized);
    randombytes_buf(salt.data(), PassphraseKdf::SaltSize);
    return salt;
}

// One real derive, timed by the clock the caller trusts.
Result<qint64> timedDerive(const SecureBytes& secret, const QByteArray& salt, const KdfParams& params,
                           const Clock& clock)
{
    const qint64 start = clock.monotonicMs();
    Result<SecureBytes> key = PassphraseKdf::derive(secret, salt, params);
    const qint64 elapsed = clock.monotonicMs() - start;
    if (!key.ok())
        return key.error();
    return std::max<qint64>(elapsed, 0);
}
} // namespace

KdfPolicy KdfPolicy::product()
{
    // 64 MiB and 3 passes is libsodium's "moderate" pass count on its "interactive" memory; tune()
    // aims higher (256 MiB, libsodium's "moderate" memory) and this floor is what it never goes below.
    return KdfPolicy{KdfParams{3, 64 * MiB}, 256 * MiB};
}

KdfPolicy KdfPolicy::cheapForTests()
{
    return KdfPolicy{KdfParams{1, 8 * MiB}, 8 * MiB};
}

bool KdfPolicy::allows(const KdfParams& params) const
{
    return params.opsLimit >= floor.opsLimit && params.memLimitBytes >= floor.memLimitBytes;
}

Result<SecureBytes> PassphraseKdf::derive(const SecureBytes& secret, const QByteArray& salt,
                                          const KdfParams& params)
{
    if (!ensureSodium())
        return makeError(
            ErrorCode::Crypto,
            QCoreApplication::translate("confer::PassphraseKdf", "The encryption library could not start."));
    if (static_cast<std::size_t>(salt.size()) != SaltSize)
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::PassphraseKdf", "The key derivation salt is damaged."),
            QStringLiteral("salt is %1 bytes").arg(salt.size()));
    if (!isWithinLimits(params))
        return makeError(
            ErrorCode::InvalidInput,
            QCoreApplication::translate("confer::PassphraseKdf",
                                        "The key derivation settings are outside what Confer can use."),
            QStringLiteral("opsLimit %1, memLimit %2").arg(params.opsLimit).arg(params.memLimitBytes));
    if (secret.size() > crypto_pwhash_PASSWD_MAX)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("confer::PassphraseKdf", "The passphrase is too long."));

    SecureBytes key(KeySize);
    // An empty SecureBytes has no buffer; Argon2id accepts a zero-length password with any pointer.
    static const char emptySecret = 0;
    const char* password = secret.isEmpty() ? &emptySecret : reinterpret_cast<const char*>(secret.data());
    if (crypto_pwhash(key.data(), KeySize, password, secret.size(),
                      reinterpret_cast<const unsigned char*>(salt.constData()), params.opsLimit,
                      params.memLimitBytes, crypto_pwhash_ALG_ARGON2ID13) != 0) {
        return makeError(
            ErrorCode::Crypto,
            QCoreApplication::translate("confer::PassphraseKdf",
                                        "There was not enough free memory to check the passphrase. "
                                        "Close other programs and try again."),
            QStringLiteral("crypto_pwhash failed at memLimit %1").arg(params.memLimitBytes));
    }
    return key;
}

Result<KdfParams> PassphraseKdf::tune(const KdfPolicy& policy, int targetMs, const Clock& clock)
{
    if (targetMs <= 0)
        return makeError(ErrorCode::InvalidInput,
                         QCoreApplication::translate("confer::PassphraseKdf",
                                                     "The key derivation time must be positive."));

    KdfParams params{std::max<std::uint64_t>(policy.floor.opsLimit, crypto_pwhash_argon2id_OPSLIMIT_MIN),
                     std::max(policy.floor.memLimitBytes, policy.tunedMemLimitBytes)};
    const SecureBytes secret = SecureBytes::random(KeySize);
    const QByteArray salt = randomSalt();
    int trials = 0;
    qint64 elapsedMs = 0;

    // Memory first: keep the policy's choice unless it cannot be had or costs far over the target,
    // then halve it towards the floor (a slow machine keeps its unlock time, never its floor).
    for (;;) {
        ++trials;
        const Result<qint64> trial = timedDerive(secret, salt, params, clock);
        const bool canShrink = params.memLimitBytes > policy.floor.memLimitBytes && trials < MaxTuneTrials;
        const bool isTooSlow = trial.ok() && *trial > 2 * static_cast<qint64>(targetMs);
        const bool isOutOfMemory = !trial.ok() && trial.error().code == ErrorCode::Crypto;
        if (canShrink && (isTooSlow || isOutOfMemory)) {
            params.memLimitBytes = std::max(policy.floor.memLimitBytes, params.memLimitBytes / 2);
            continue;
        }
        if (!trial.ok())
            return trial.error();
        elapsedMs = *trial;
        break;
    }

    // Then passes: Argon2id's time grows linearly with them, so extrapolate from the last trial
    // and check. Stop within 10% below the target, at the pass cap, or when the trials run out.
    while (trials < MaxTuneTrials && elapsedMs < static_cast<qint64>(targetMs) * 9 / 10 &&
           params.opsLimit < MaxTunedOpsLimit) {
        // A clock that did not move (elapsed 0) reads as 1 ms, which sends the passes to the cap.
        const double perPassMs = static_cast<double>(std::max<qint64>(elapsedMs, 1)) / params.opsLimit;
        const auto estimate = static_cast<std::uint64_t>(std::ceil(targetMs / perPassMs));
        const KdfParams next{std::clamp(estimate, params.opsLimit + 1, MaxTunedOpsLimit),
                             params.memLimitBytes};
        ++trials;
        const Result<qint64> trial = timedDerive(secret, salt, next, clock);
        if (!trial.ok())
            return trial.error();
        params = next;
        elapsedMs = *trial;
    }
    return params;
}

} // namespace confer
