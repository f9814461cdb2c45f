// Unlock wall time against the Argon2id call alone (target: ratio <= 1.15), from paired samples: each
// iteration times Argon2id alone and a whole unlock back to back, the order alternating, and the figure
// is the median of the per-pair ratios with its p10-p90 spread. Everything an unlock adds to the KDF —
// reading the key-slot file and the keychain, opening the slot, keying and checking the store, signing
// in and auditing it — must stay small beside the deliberate cost. Unlock is a superset of Argon2id, so
// a median ratio below 1 is a broken run and exits non-zero.
#include "BenchSupport.h"
#include "InMemoryDeviceSecretStore.h"
#include "TestStoreDir.h"
#include "common/Clock.h"
#include "crypto/PassphraseKdf.h"
#include "crypto/SecureBytes.h"
#include "keys/KeySlotFile.h"
#include "keys/KeychainDeviceSecretStore.h"
#include "session/StoreOpener.h"

#include <QGuiApplication>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <memory>
#include <vector>

using namespace confer;

namespace {

const QString Passphrase = QStringLiteral("Durham panel stapler 2026");

struct Fixture {
    test::TestStoreDir dir;
    std::unique_ptr<DeviceSecretStore> secrets;
    KdfPolicy policy;
    KdfParams params;
    QString keychainNote;
};

Fixture* g_fixture = nullptr;

std::vector<bench::PairedSample> g_samples;

// Argon2id alone and a whole unlock, timed one after the other in one loop, the order alternating, so
// each unlock has an Argon2id sample taken beside it under the same load.
void BM_UnlockAndArgon2idPaired(benchmark::State& state)
{
    auto slotFile = KeySlotFile::load(StorePaths(g_fixture->dir.path()).keySlotFile());
    if (!slotFile.ok() || slotFile->userSlots.empty()) {
        state.SkipWithError("the key-slot file did not load");
        return;
    }
    const KeySlot& slot = slotFile->userSlots.front();
    StoreOpener opener(StorePaths(g_fixture->dir.path()), *g_fixture->secrets, SystemClock::instance(),
                       g_fixture->policy);
    auto deriveAlone = [&]() {
        bench::Stopwatch watch;
        auto key = PassphraseKdf::derive(SecureBytes::fromPassphrase(Passphrase), slot.salt, slot.kdf);
        const double ms = watch.wallMs();
        return key.ok() ? ms : -1.0;
    };
    auto unlock = [&]() {
        bench::Stopwatch watch;
        auto session = opener.unlock(QStringLiteral("admin"), Passphrase);
        if (!session.ok()) {
            state.SkipWithError(("unlock failed: " + session.error().message.toStdString()).c_str());
            return -1.0;
        }
        session->reset(); // lock inside the timing: a real unlock ends with a usable, lockable session
        return watch.wallMs();
    };
    bool isUnlockFirst = false;
    for (auto _ : state) {
        bench::PairedSample sample;
        if (isUnlockFirst) {
            sample.workMs = unlock();
            sample.baselineMs = deriveAlone();
        } else {
            sample.baselineMs = deriveAlone();
            sample.workMs = unlock();
        }
        isUnlockFirst = !isUnlockFirst;
        if (sample.workMs < 0)
            break;
        if (sample.baselineMs < 0) {
            state.SkipWithError("Argon2id failed");
            break;
        }
        state.SetIterationTime((sample.workMs + sample.baselineMs) / 1000.0);
        g_samples.push_back(sample);
    }
}

// Notes whether any benchmark reported an error, beside the usual console output.
class ErrorRecorder final : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs)
            m_hasErrors = m_hasErrors || run.error_occurred;
    }
    bool hasErrors() const { return m_hasErrors; }

private:
    bool m_hasErrors = false;
};

} // namespace

int main(int argc, char** argv)
{
    bench::Arguments arguments(argc, argv);
    const bool isSmoke = arguments.isSmoke;
    int benchArgc = static_cast<int>(arguments.benchmarkArgs.size());
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    Fixture fixture;
    g_fixture = &fixture;
    // The real keychain when a Secret Service answers (./build.sh bench runs in a private one).
    if (KeychainDeviceSecretStore::isServiceAvailable()) {
        fixture.secrets = std::make_unique<KeychainDeviceSecretStore>(QStringLiteral("Confer benchmark"));
        fixture.keychainNote = QStringLiteral("device secret in gnome-keyring (Secret Service)");
    } else {
        fixture.secrets = std::make_unique<test::InMemoryDeviceSecretStore>();
        fixture.keychainNote = QStringLiteral("no Secret Service: device secret held in memory");
    }
    // The product's tuned cost, except in the ctest smoke run, which only proves the code runs.
    fixture.policy = isSmoke ? KdfPolicy::cheapForTests() : KdfPolicy::product();
    StoreOpener opener(StorePaths(fixture.dir.path()), *fixture.secrets, SystemClock::instance(),
                       fixture.policy);
    StoreOpener::SetupRequest request{
        QStringLiteral("admin"), QStringLiteral("Bench Admin"), Passphrase, true,
        isSmoke ? std::optional(KdfPolicy::cheapForTests().floor) : std::nullopt};
    auto created = opener.create(request);
    if (!created.ok()) {
        std::fprintf(stderr, "setup failed: %s\n", qPrintable(created.error().message));
        return 1;
    }
    fixture.params = created->session->keySlots().defaultKdf;
    const QString storeId = created->session->keySlots().storeId;
    created->session.reset();

    benchmark::RegisterBenchmark("UnlockAndArgon2idPaired", BM_UnlockAndArgon2idPaired)
        ->Iterations(isSmoke ? 3 : 12)
        ->Unit(benchmark::kMillisecond)
        ->UseManualTime();
    benchmark::Initialize(&benchArgc, arguments.benchmarkArgs.data());
    if (benchmark::ReportUnrecognizedArguments(benchArgc, arguments.benchmarkArgs.data()))
        return 1;
    ErrorRecorder reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    (void)fixture.secrets->remove(storeId);

    std::vector<double> unlockMs;
    std::vector<double> kdfMs;
    for (const bench::PairedSample& sample : g_samples) {
        unlockMs.push_back(sample.workMs);
        kdfMs.push_back(sample.baselineMs);
    }
    const bench::Spread ratio = bench::spreadOf(bench::wallRatios(g_samples));
    const auto belowOne = std::count_if(g_samples.begin(), g_samples.end(),
                                        [](const bench::PairedSample& s) { return s.workMs < s.baselineMs; });
    std::printf("Argon2id: %llu passes, %zu MiB; %s\n",
                static_cast<unsigned long long>(fixture.params.opsLimit),
                fixture.params.memLimitBytes / (1024 * 1024), qPrintable(fixture.keychainNote));
    std::printf("unlock median %.1f ms, Argon2id alone median %.1f ms (%zu pairs, %td with unlock faster)\n",
                bench::percentile(unlockMs, 0.5), bench::percentile(kdfMs, 0.5), g_samples.size(), belowOne);
    bench::printSpread("unlock/argon2id paired ratio", ratio);
    if (reporter.hasErrors()) {
        std::printf("INVALID RUN: the unlock benchmark failed (see above)\n");
        return 1;
    }
    if (!bench::isValidSupersetRatio("unlock/argon2id", ratio))
        return 1;
    if (isSmoke) {
        // The smoke run's KDF is deliberately cheap, so the ratio says nothing about the target.
        std::printf("unlock/argon2id: not judged against the target in a smoke run (cheap KDF)\n");
        return 0;
    }
    std::printf("%s unlock/argon2id median ratio %.3f (target <= 1.15)\n",
                bench::passOrFail(ratio.median <= 1.15), ratio.median);
    return 0;
}
