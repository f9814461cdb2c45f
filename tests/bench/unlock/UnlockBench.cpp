// Unlock wall time against the Argon2id call alone (target: ratio <= 1.15). Everything an unlock
// adds to the KDF — reading the key-slot file and the keychain, opening the slot, keying and
// checking the store, signing in and auditing it — must stay small beside the deliberate cost.
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

#include <cstdio>
#include <cstring>
#include <map>
#include <memory>

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

void BM_Argon2idAlone(benchmark::State& state)
{
    auto slotFile = KeySlotFile::load(StorePaths(g_fixture->dir.path()).keySlotFile());
    const KeySlot& slot = slotFile->userSlots.front();
    for (auto _ : state) {
        auto key = PassphraseKdf::derive(SecureBytes::fromPassphrase(Passphrase), slot.salt, slot.kdf);
        benchmark::DoNotOptimize(key.ok());
    }
}

void BM_Unlock(benchmark::State& state)
{
    StoreOpener opener(StorePaths(g_fixture->dir.path()), *g_fixture->secrets, SystemClock::instance(),
                       g_fixture->policy);
    for (auto _ : state) {
        auto session = opener.unlock(QStringLiteral("admin"), Passphrase);
        if (!session.ok()) {
            state.SkipWithError(session.error().message.toUtf8().constData());
            break;
        }
        session->reset(); // lock inside the timing: a real unlock ends with a usable, lockable session
    }
}

// Collects the mean real time of each benchmark so the ratio is printed from this very run.
class RatioReporter final : public benchmark::ConsoleReporter {
public:
    void ReportRuns(const std::vector<Run>& runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.run_type == Run::RT_Iteration && run.iterations > 0)
                m_means[run.benchmark_name()] = run.GetAdjustedRealTime();
        }
    }
    double mean(const std::string& prefix) const
    {
        for (const auto& [name, value] : m_means) {
            if (name.rfind(prefix, 0) == 0)
                return value;
        }
        return 0;
    }

private:
    std::map<std::string, double> m_means;
};

} // namespace

int main(int argc, char** argv)
{
    bool isSmoke = false;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--confer-smoke") == 0)
            isSmoke = true;
        else
            args.push_back(argv[i]);
    }
    int benchArgc = static_cast<int>(args.size());
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

    const int iterations = isSmoke ? 2 : 8;
    benchmark::RegisterBenchmark("Argon2idAlone", BM_Argon2idAlone)
        ->Iterations(iterations)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("Unlock", BM_Unlock)
        ->Iterations(iterations)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::Initialize(&benchArgc, args.data());
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    (void)fixture.secrets->remove(storeId);

    const double kdf = reporter.mean("Argon2idAlone");
    const double unlock = reporter.mean("Unlock");
    std::printf("Argon2id: %llu passes, %zu MiB; %s\n",
                static_cast<unsigned long long>(fixture.params.opsLimit),
                fixture.params.memLimitBytes / (1024 * 1024), qPrintable(fixture.keychainNote));
    std::printf("unlock %.1f ms / Argon2id alone %.1f ms\n", unlock, kdf);
    std::printf("unlock/argon2id ratio: %.3f (target <= 1.15)\n", kdf > 0 ? unlock / kdf : 0.0);
    return 0;
}
