#include "crypto/PassphraseKdf.h"

#include "common/Clock.h"

#include <QList>

#include <gtest/gtest.h>
#include <sodium.h>

#include <iostream>

using namespace confer;

namespace {
constexpr std::size_t MiB = std::size_t{1} << 20;

QByteArray salt(char fill)
{
    return QByteArray(static_cast<qsizetype>(PassphraseKdf::SaltSize), fill);
}

KdfParams cheap()
{
    return KdfPolicy::cheapForTests().floor;
}

SecureBytes derived(const QString& passphrase, const QByteArray& saltBytes, const KdfParams& params)
{
    auto key = PassphraseKdf::derive(SecureBytes::fromPassphrase(passphrase), saltBytes, params);
    EXPECT_TRUE(key.ok()) << (key.ok() ? "" : key.error().detail.toStdString());
    return key.ok() ? std::move(key).value() : SecureBytes();
}

// Each trial derive reads the clock twice; the second read is the scripted duration later. Lets a
// test decide how long every trial "took" without sleeping or depending on this machine's speed.
class ScriptedClock final : public Clock {
public:
    explicit ScriptedClock(QList<qint64> trialMs)
        : m_trialMs(std::move(trialMs))
    {}
    QDateTime nowUtc() const override { return {}; }
    qint64 monotonicMs() const override
    {
        if (m_reads++ % 2 == 1)
            m_nowMs += m_trialMs.value(m_trials++, m_trialMs.isEmpty() ? 0 : m_trialMs.last());
        return m_nowMs;
    }
    int trials() const { return m_trials; }

private:
    QList<qint64> m_trialMs;
    mutable int m_reads = 0;
    mutable int m_trials = 0;
    mutable qint64 m_nowMs = 1000;
};
} // namespace

TEST(PassphraseKdf, SameInputsGiveTheSameKey)
{
    const SecureBytes a = derived(QStringLiteral("correct horse battery"), salt('a'), cheap());
    const SecureBytes b = derived(QStringLiteral("correct horse battery"), salt('a'), cheap());
    EXPECT_EQ(a.size(), PassphraseKdf::KeySize);
    EXPECT_TRUE(a.equals(b));
}

TEST(PassphraseKdf, SaltPassphraseAndParametersEachChangeTheKey)
{
    const QString phrase = QStringLiteral("correct horse battery");
    const SecureBytes base = derived(phrase, salt('a'), cheap());
    EXPECT_FALSE(base.equals(derived(phrase, salt('b'), cheap())));
    EXPECT_FALSE(base.equals(derived(QStringLiteral("correct horse batterz"), salt('a'), cheap())));
    EXPECT_FALSE(
        base.equals(derived(phrase, salt('a'), KdfParams{cheap().opsLimit + 1, cheap().memLimitBytes})));
    EXPECT_FALSE(
        base.equals(derived(phrase, salt('a'), KdfParams{cheap().opsLimit, cheap().memLimitBytes * 2})));
}

TEST(PassphraseKdf, IsLibsodiumArgon2id)
{
    const QByteArray passphrase("correct horse battery");
    const SecureBytes ours = derived(QString::fromUtf8(passphrase), salt('s'), cheap());
    unsigned char argon2id[32];
    unsigned char argon2i[32];
    ASSERT_EQ(crypto_pwhash(argon2id, sizeof argon2id, passphrase.constData(), passphrase.size(),
                            reinterpret_cast<const unsigned char*>(salt('s').constData()), cheap().opsLimit,
                            cheap().memLimitBytes, crypto_pwhash_ALG_ARGON2ID13),
              0);
    ASSERT_EQ(crypto_pwhash(argon2i, sizeof argon2i, passphrase.constData(), passphrase.size(),
                            reinterpret_cast<const unsigned char*>(salt('s').constData()), 3,
                            cheap().memLimitBytes, crypto_pwhash_ALG_ARGON2I13),
              0);
    EXPECT_TRUE(ours.equals(SecureBytes(argon2id, sizeof argon2id)));
    EXPECT_FALSE(ours.equals(SecureBytes(argon2i, sizeof argon2i)));
}

TEST(PassphraseKdf, PassphraseIsNormalisedBeforeDerivation)
{
    // "é" typed as one code point or as e + combining accent is the same passphrase.
    const SecureBytes composed = derived(QStringLiteral("caf\u00e9 au lait ok"), salt('n'), cheap());
    const SecureBytes decomposed = derived(QStringLiteral("cafe\u0301 au lait ok"), salt('n'), cheap());
    EXPECT_TRUE(composed.equals(decomposed));
}

TEST(PassphraseKdf, RefusesParametersBelowLibsodiumMinimum)
{
    const SecureBytes secret = SecureBytes::fromPassphrase(QStringLiteral("correct horse battery"));
    auto noPasses = PassphraseKdf::derive(secret, salt('a'), KdfParams{0, 8 * MiB});
    ASSERT_FALSE(noPasses.ok());
    EXPECT_EQ(noPasses.error().code, ErrorCode::InvalidInput);
    auto tinyMemory =
        PassphraseKdf::derive(secret, salt('a'), KdfParams{1, crypto_pwhash_argon2id_MEMLIMIT_MIN - 1});
    ASSERT_FALSE(tinyMemory.ok());
    EXPECT_EQ(tinyMemory.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(PassphraseKdf::derive(
                    secret, salt('a'),
                    KdfParams{crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN})
                    .ok());
}

TEST(PassphraseKdf, RefusesAbsurdParametersInsteadOfHanging)
{
    const SecureBytes secret = SecureBytes::fromPassphrase(QStringLiteral("correct horse battery"));
    auto manyPasses =
        PassphraseKdf::derive(secret, salt('a'), KdfParams{PassphraseKdf::MaxOpsLimit + 1, 8 * MiB});
    ASSERT_FALSE(manyPasses.ok());
    EXPECT_EQ(manyPasses.error().code, ErrorCode::InvalidInput);
    auto hugeMemory =
        PassphraseKdf::derive(secret, salt('a'), KdfParams{1, PassphraseKdf::MaxMemLimitBytes + 1024});
    ASSERT_FALSE(hugeMemory.ok());
    EXPECT_EQ(hugeMemory.error().code, ErrorCode::InvalidInput);
}

TEST(PassphraseKdf, RefusesSaltOfTheWrongSize)
{
    const SecureBytes secret = SecureBytes::fromPassphrase(QStringLiteral("correct horse battery"));
    auto shortSalt = PassphraseKdf::derive(secret, QByteArray(15, 'a'), cheap());
    ASSERT_FALSE(shortSalt.ok());
    EXPECT_EQ(shortSalt.error().code, ErrorCode::InvalidInput);
}

TEST(KdfPolicy, ProductFloorIsAtLeast64MiBAndThreePasses)
{
    const KdfPolicy product = KdfPolicy::product();
    EXPECT_GE(product.floor.memLimitBytes, 64 * MiB);
    EXPECT_GE(product.floor.opsLimit, 3u);
    EXPECT_GE(product.tunedMemLimitBytes, product.floor.memLimitBytes);
    EXPECT_TRUE(product.allows(product.floor));
    EXPECT_FALSE(product.allows(KdfParams{product.floor.opsLimit - 1, product.floor.memLimitBytes}));
    EXPECT_FALSE(product.allows(KdfParams{product.floor.opsLimit, product.floor.memLimitBytes - 1}));
    EXPECT_FALSE(product.allows(KdfPolicy::cheapForTests().floor));
}

TEST(KdfPolicy, CheapTestPolicyStaysWithinLibsodiumLimits)
{
    const KdfParams floor = KdfPolicy::cheapForTests().floor;
    EXPECT_GE(floor.opsLimit, crypto_pwhash_argon2id_OPSLIMIT_MIN);
    EXPECT_GE(floor.memLimitBytes, crypto_pwhash_argon2id_MEMLIMIT_MIN);
    EXPECT_TRUE(KdfPolicy::cheapForTests().allows(KdfParams{floor.opsLimit + 1, floor.memLimitBytes}));
}

TEST(PassphraseKdfTune, RaisesPassesUntilTheTargetTimeIsReached)
{
    // One pass "takes" 10 ms, so 100 ms needs 10 passes: found by extrapolation, then checked.
    ScriptedClock clock({10, 100});
    auto tuned = PassphraseKdf::tune(KdfPolicy::cheapForTests(), 100, clock);
    ASSERT_TRUE(tuned.ok());
    EXPECT_EQ(tuned->opsLimit, 10u);
    EXPECT_EQ(tuned->memLimitBytes, KdfPolicy::cheapForTests().floor.memLimitBytes);
    EXPECT_EQ(clock.trials(), 2);
}

TEST(PassphraseKdfTune, KeepsRefiningWhenTheFirstEstimateFallsShort)
{
    ScriptedClock clock({10, 50, 100});
    auto tuned = PassphraseKdf::tune(KdfPolicy::cheapForTests(), 100, clock);
    ASSERT_TRUE(tuned.ok());
    EXPECT_EQ(tuned->opsLimit, 20u); // 10 passes took 50 ms: 5 ms each, so 20 for 100 ms
    EXPECT_EQ(clock.trials(), 3);
}

TEST(PassphraseKdfTune, StopsAtThePassCapWhenTheClockDoesNotMove)
{
    ManualClock stillClock;
    auto tuned = PassphraseKdf::tune(KdfPolicy::cheapForTests(), 500, stillClock);
    ASSERT_TRUE(tuned.ok());
    EXPECT_EQ(tuned->opsLimit, PassphraseKdf::MaxTunedOpsLimit);
}

TEST(PassphraseKdfTune, SlowMachineHalvesMemoryButNeverBelowTheFloor)
{
    const KdfPolicy policy{KdfParams{2, 8 * MiB}, 32 * MiB};
    ScriptedClock clock({1000}); // every trial far over the target
    auto tuned = PassphraseKdf::tune(policy, 100, clock);
    ASSERT_TRUE(tuned.ok());
    EXPECT_EQ(tuned->memLimitBytes, 8 * MiB); // 32 -> 16 -> 8, then stop
    EXPECT_EQ(tuned->opsLimit, 2u);
    EXPECT_EQ(clock.trials(), 3);
    EXPECT_TRUE(policy.allows(*tuned));
}

TEST(PassphraseKdfTune, KeepsTheTunedMemoryWhenItFitsTheTime)
{
    const KdfPolicy policy{KdfParams{1, 8 * MiB}, 16 * MiB};
    ScriptedClock clock({60, 100});
    auto tuned = PassphraseKdf::tune(policy, 100, clock);
    ASSERT_TRUE(tuned.ok());
    EXPECT_EQ(tuned->memLimitBytes, 16 * MiB);
    EXPECT_EQ(tuned->opsLimit, 2u);
}

TEST(PassphraseKdfTune, NeverGoesBelowTheFloorOnARealClock)
{
    // A floor slower than the target is kept: the floor wins over speed.
    const KdfPolicy policy{KdfParams{3, 8 * MiB}, 8 * MiB};
    auto tuned = PassphraseKdf::tune(policy, 1, SystemClock::instance());
    ASSERT_TRUE(tuned.ok());
    EXPECT_TRUE(policy.allows(*tuned));
    EXPECT_EQ(tuned->memLimitBytes, 8 * MiB);
}

TEST(PassphraseKdfTune, CheapPolicyOnARealClockRespectsTheFloor)
{
    auto tuned = PassphraseKdf::tune(KdfPolicy::cheapForTests(), 30, SystemClock::instance());
    ASSERT_TRUE(tuned.ok());
    EXPECT_TRUE(KdfPolicy::cheapForTests().allows(*tuned));
    EXPECT_LE(tuned->opsLimit, PassphraseKdf::MaxTunedOpsLimit);
}

TEST(PassphraseKdfTune, RefusesANonPositiveTarget)
{
    ManualClock clock;
    auto tuned = PassphraseKdf::tune(KdfPolicy::cheapForTests(), 0, clock);
    ASSERT_FALSE(tuned.ok());
    EXPECT_EQ(tuned.error().code, ErrorCode::InvalidInput);
}

// The one product-floor check: the real policy on this machine, aiming at the setup's 0.75 s.
TEST(PassphraseKdfTune, ProductPolicyOnThisMachineKeepsTheProductFloor)
{
    const KdfPolicy product = KdfPolicy::product();
    const qint64 start = SystemClock::instance().monotonicMs();
    auto tuned = PassphraseKdf::tune(product, 750, SystemClock::instance());
    const qint64 tuneMs = SystemClock::instance().monotonicMs() - start;
    ASSERT_TRUE(tuned.ok()) << tuned.error().detail.toStdString();
    EXPECT_TRUE(product.allows(*tuned));
    EXPECT_GE(tuned->memLimitBytes, 64 * MiB);
    std::cout << "tuned: ops " << tuned->opsLimit << ", " << (tuned->memLimitBytes / MiB)
              << " MiB, tune took " << tuneMs << " ms\n";
}
