// The cost of encryption, keyed against unkeyed (the same library, the same settings, no key), in paired
// samples: each iteration runs the unkeyed and the keyed side back to back, the order alternating, and
// the figures are medians of the per-pair ratios with their p10-p90 spread, wall clock and thread CPU.
//   workload:  10,000 rows of about 200 bytes written in transactions of 100, then point reads by id and
//              filtered scans, on a fresh store, per cache size; the product's cache against the target.
//   large:     a store ten times the product's page cache (Database::Options::cachePages), filled once per
//              side, then random point reads and a full scan, so most pages come from disk (the OS cache)
//              through the cipher: the cost of cache misses.
// The keyed side does everything the unkeyed side does and more, so a median ratio below 1 is a broken
// measurement and exits non-zero.
#include "BenchSupport.h"
#include "TestStoreDir.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QString>

#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

namespace {

using confer::Database;
using confer::SecureBytes;
using confer::Statement;
using confer::Transaction;

struct Workload {
    int rows = 10000;
    int rowsPerTransaction = 100;
    int pointReads = 5000;
    int scans = 5;
};

Workload g_workload;

const char* const Agencies[] = {"Police", "Probation",           "Housing",
                                "Health", "Children's Services", "Adult Social Care"};

// A note of about 200 bytes in all, shaped like a real caseload row.
QString noteBody(int i)
{
    return QStringLiteral("Case %1 reviewed: agreed actions on housing, substance misuse support and a "
                          "joint visit before the next panel; originator asked to be consulted first.")
        .arg(i, 6, 10, QLatin1Char('0'));
}

void fail(benchmark::State& state, const char* what, const confer::Error& error)
{
    state.SkipWithError(
        (std::string(what) + ": " + error.message.toStdString() + " | " + error.detail.toStdString())
            .c_str());
}

// One full pass of the workload on a fresh store; false (and the state marked) on any failure.
bool runWorkload(benchmark::State& state, const QString& path, const SecureBytes& key, bool isKeyed,
                 int cachePages)
{
    Database::Options options;
    options.create = true;
    options.cachePages = cachePages;
    options.plaintextForBenchmark = !isKeyed;
    auto opened = Database::open(path, key, options);
    if (!opened.ok()) {
        fail(state, "open", opened.error());
        return false;
    }
    Database& db = **opened;
    if (auto made =
            db.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, case_ref TEXT NOT NULL, "
                                   "agency TEXT NOT NULL, created_utc TEXT NOT NULL, "
                                   "is_opinion INTEGER NOT NULL, body TEXT NOT NULL)"));
        !made.ok()) {
        fail(state, "schema", made.error());
        return false;
    }

    auto insert =
        db.prepare(QStringLiteral("INSERT INTO notes (case_ref, agency, created_utc, is_opinion, body) "
                                  "VALUES (:ref, :agency, :at, :opinion, :body)"));
    if (!insert.ok()) {
        fail(state, "prepare", insert.error());
        return false;
    }
    for (int first = 0; first < g_workload.rows; first += g_workload.rowsPerTransaction) {
        Transaction transaction(db);
        for (int i = first; i < first + g_workload.rowsPerTransaction && i < g_workload.rows; ++i) {
            insert->bind(":ref", QStringLiteral("MAPS-2026-%1").arg(i % 700, 4, 10, QLatin1Char('0')))
                .bind(":agency", QString::fromLatin1(Agencies[i % 6]))
                .bind(":at", QStringLiteral("2026-01-%1T09:%2:00Z")
                                 .arg(1 + i % 28, 2, 10, QLatin1Char('0'))
                                 .arg(i % 60, 2, 10, QLatin1Char('0')))
                .bind(":opinion", i % 3 == 0)
                .bind(":body", noteBody(i));
            if (auto run = insert->run(); !run.ok()) {
                fail(state, "insert", run.error());
                return false;
            }
        }
        if (auto committed = transaction.commit(); !committed.ok()) {
            fail(state, "commit", committed.error());
            return false;
        }
    }

    auto byId = db.prepare(QStringLiteral("SELECT case_ref, agency, created_utc, is_opinion, body FROM notes "
                                          "WHERE id = :id"));
    if (!byId.ok()) {
        fail(state, "prepare", byId.error());
        return false;
    }
    std::mt19937 random(7);
    std::uniform_int_distribution<int> anyId(1, g_workload.rows);
    qint64 bytesRead = 0;
    for (int i = 0; i < g_workload.pointReads; ++i) {
        byId->reset();
        byId->bind(":id", anyId(random));
        auto row = byId->step();
        if (!row.ok() || !*row) {
            fail(state, "point read", row.ok() ? confer::Error{} : row.error());
            return false;
        }
        bytesRead += byId->columnText(4).size();
    }

    auto scan =
        db.prepare(QStringLiteral("SELECT count(*), sum(length(body)) FROM notes "
                                  "WHERE agency = :agency AND created_utc >= :from AND is_opinion = 0"));
    if (!scan.ok()) {
        fail(state, "prepare", scan.error());
        return false;
    }
    for (int i = 0; i < g_workload.scans; ++i) {
        scan->reset();
        scan->bind(":agency", QString::fromLatin1(Agencies[i % 6]))
            .bind(":from", QStringLiteral("2026-01-10"));
        auto row = scan->step();
        if (!row.ok() || !*row) {
            fail(state, "scan", row.ok() ? confer::Error{} : row.error());
            return false;
        }
        bytesRead += scan->columnInt(1);
    }
    benchmark::DoNotOptimize(bytesRead);
    return true; // closing (with its checkpoint) happens in the caller, inside the timed region
}

std::map<int, std::vector<confer::bench::PairedSample>> g_workloadSamples; // by cache size
std::vector<confer::bench::PairedSample> g_largeSamples;

struct LargeStore {
    confer::test::TestStoreDir dir;
    std::unique_ptr<Database> db;
    int rows = 0;
    int pages = 0;
    double fillMs = 0;
    double fillCpuMs = 0;
};

struct LargeSet {
    int cachePages = Database::Options{}.cachePages;
    int pointReads = 20000;
    LargeStore keyed;
    LargeStore unkeyed;
};

LargeSet* g_large = nullptr;

// One side of a pair on a fresh store directory; the wall and CPU time of the workload, or false.
bool timeWorkload(benchmark::State& state, const SecureBytes& key, bool isKeyed, int cachePages,
                  double& wallMs, double& cpuMs)
{
    auto dir = std::make_unique<confer::test::TestStoreDir>();
    const QString path = dir->file(QStringLiteral("bench.db"));
    confer::bench::Stopwatch watch;
    if (!runWorkload(state, path, key, isKeyed, cachePages))
        return false;
    wallMs = watch.wallMs();
    cpuMs = watch.cpuMs();
    return true; // the directory goes untimed
}

void storeWorkloadPaired(benchmark::State& state, int cachePages)
{
    const SecureBytes key = SecureBytes::random(32);
    bool isKeyedFirst = false;
    for (auto _ : state) {
        confer::bench::PairedSample sample;
        bool isOk = true;
        for (const bool isKeyed : {isKeyedFirst, !isKeyedFirst}) {
            isOk =
                isOk && (isKeyed ? timeWorkload(state, key, true, cachePages, sample.workMs, sample.workCpuMs)
                                 : timeWorkload(state, key, false, cachePages, sample.baselineMs,
                                                sample.baselineCpuMs));
        }
        if (!isOk)
            break;
        isKeyedFirst = !isKeyedFirst;
        state.SetIterationTime((sample.workMs + sample.baselineMs) / 1000.0);
        g_workloadSamples[cachePages].push_back(sample);
    }
    state.SetItemsProcessed(state.iterations() * g_workload.rows);
}

// Fills one side of the large set until the file holds ten times the page cache.
bool fillLarge(LargeStore& store, const SecureBytes& key, bool isKeyed, int cachePages, QString& error)
{
    Database::Options options;
    options.create = true;
    options.cachePages = cachePages;
    options.plaintextForBenchmark = !isKeyed;
    confer::bench::Stopwatch watch;
    auto opened = Database::open(store.dir.file(QStringLiteral("large.db")), key, options);
    if (!opened.ok()) {
        error = opened.error().message + QStringLiteral(" | ") + opened.error().detail;
        return false;
    }
    store.db = std::move(*opened);
    Database& db = *store.db;
    if (auto made =
            db.exec(QStringLiteral("CREATE TABLE notes (id INTEGER PRIMARY KEY, case_ref TEXT NOT NULL, "
                                   "agency TEXT NOT NULL, is_opinion INTEGER NOT NULL, body TEXT NOT NULL)"));
        !made.ok()) {
        error = made.error().detail;
        return false;
    }
    auto insert = db.prepare(QStringLiteral(
        "INSERT INTO notes (case_ref, agency, is_opinion, body) VALUES (:ref, :agency, :opinion, :body)"));
    auto pageCount = db.prepare(QStringLiteral("PRAGMA page_count"));
    if (!insert.ok() || !pageCount.ok()) {
        error = QStringLiteral("prepare failed");
        return false;
    }
    const int targetPages = 10 * cachePages;
    while (store.pages < targetPages) {
        Transaction transaction(db);
        for (int i = 0; i < 2000; ++i, ++store.rows) {
            insert
                ->bind(":ref", QStringLiteral("MAPS-2026-%1").arg(store.rows % 700, 4, 10, QLatin1Char('0')))
                .bind(":agency", QString::fromLatin1(Agencies[store.rows % 6]))
                .bind(":opinion", store.rows % 3 == 0)
                .bind(":body", noteBody(store.rows));
            if (auto run = insert->run(); !run.ok()) {
                error = run.error().detail;
                return false;
            }
        }
        if (auto committed = transaction.commit(); !committed.ok()) {
            error = committed.error().detail;
            return false;
        }
        pageCount->reset();
        auto row = pageCount->step();
        if (!row.ok() || !*row) {
            error = QStringLiteral("page_count unreadable");
            return false;
        }
        store.pages = int(pageCount->columnInt(0));
        pageCount->reset(); // a stepped statement holds its read, and the checkpoint below needs none
    }
    if (auto checkpoint = db.checkpointTruncate(); !checkpoint.ok()) {
        error = checkpoint.error().detail;
        return false;
    }
    store.fillMs = watch.wallMs();
    store.fillCpuMs = watch.cpuMs();
    return true;
}

// Random point reads over the whole large store and one full scan: mostly cache misses.
bool readLarge(benchmark::State& state, LargeStore& store, quint32 seed, double& wallMs, double& cpuMs)
{
    Database& db = *store.db;
    confer::bench::Stopwatch watch;
    auto byId = db.prepare(QStringLiteral("SELECT case_ref, body FROM notes WHERE id = :id"));
    auto scan =
        db.prepare(QStringLiteral("SELECT count(*), sum(length(body)) FROM notes WHERE is_opinion = 0"));
    if (!byId.ok() || !scan.ok()) {
        state.SkipWithError("large set: prepare failed");
        return false;
    }
    std::mt19937 random(seed);
    std::uniform_int_distribution<int> anyId(1, store.rows);
    qint64 bytesRead = 0;
    for (int i = 0; i < g_large->pointReads; ++i) {
        byId->reset();
        byId->bind(":id", anyId(random));
        auto row = byId->step();
        if (!row.ok() || !*row) {
            fail(state, "large set: point read", row.ok() ? confer::Error{} : row.error());
            return false;
        }
        bytesRead += byId->columnText(1).size();
    }
    auto row = scan->step();
    if (!row.ok() || !*row) {
        fail(state, "large set: scan", row.ok() ? confer::Error{} : row.error());
        return false;
    }
    bytesRead += scan->columnInt(1);
    benchmark::DoNotOptimize(bytesRead);
    wallMs = watch.wallMs();
    cpuMs = watch.cpuMs();
    return true;
}

void largeReadsPaired(benchmark::State& state)
{
    bool isKeyedFirst = false;
    quint32 seed = 11;
    for (auto _ : state) {
        confer::bench::PairedSample sample;
        ++seed; // both sides read the same ids, a new set each pair
        bool isOk = true;
        for (const bool isKeyed : {isKeyedFirst, !isKeyedFirst}) {
            isOk = isOk && (isKeyed ? readLarge(state, g_large->keyed, seed, sample.workMs, sample.workCpuMs)
                                    : readLarge(state, g_large->unkeyed, seed, sample.baselineMs,
                                                sample.baselineCpuMs));
        }
        if (!isOk)
            break;
        isKeyedFirst = !isKeyedFirst;
        state.SetIterationTime((sample.workMs + sample.baselineMs) / 1000.0);
        g_largeSamples.push_back(sample);
    }
}

// Notes whether any benchmark reported an error, beside the usual console output.
class ErrorRecorder final : public benchmark::ConsoleReporter {
public:
    explicit ErrorRecorder(OutputOptions options)
        : ConsoleReporter(options)
    {}
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

// Prints wall and CPU ratio spreads; false when a judged median is below 1 (a broken measurement). The
// smoke run's two pairs of a tiny workload are not a measurement (fsync noise on the wall clock, cache
// warm-up on the CPU clock, and on a loaded machine either can put keyed below unkeyed), so it judges
// neither: it fails only when an operation fails.
bool reportPairs(const std::string& what, const std::vector<confer::bench::PairedSample>& samples,
                 bool isJudged)
{
    using namespace confer::bench;
    std::vector<double> keyedMs;
    std::vector<double> unkeyedMs;
    for (const PairedSample& sample : samples) {
        keyedMs.push_back(sample.workMs);
        unkeyedMs.push_back(sample.baselineMs);
    }
    const Spread wall = spreadOf(wallRatios(samples));
    const Spread cpu = spreadOf(cpuRatios(samples));
    std::printf("%s: keyed %.1f ms, unkeyed %.1f ms (medians)\n", what.c_str(), percentile(keyedMs, 0.5),
                percentile(unkeyedMs, 0.5));
    printSpread(("  keyed/unkeyed wall ratio [" + what + "]").c_str(), wall);
    printSpread(("  keyed/unkeyed CPU ratio  [" + what + "]").c_str(), cpu);
    if (!isJudged)
        return true;
    const bool isWallValid = isValidSupersetRatio((what + " wall").c_str(), wall);
    return isValidSupersetRatio((what + " CPU").c_str(), cpu) && isWallValid;
}

} // namespace

int main(int argc, char** argv)
{
    // ctest's smoke run passes --confer-smoke: a small workload, the product's cache size only, and a
    // large set ten times a small cache.
    confer::bench::Arguments arguments(argc, argv);
    const bool isSmoke = arguments.isSmoke;
    std::vector<char*>& args = arguments.benchmarkArgs;
    int count = static_cast<int>(args.size());

    const int productCache = Database::Options{}.cachePages;
    std::vector<int> cacheSizes = {100, 500, 2000, productCache};
    LargeSet large;
    int pairs = 8;
    if (isSmoke) {
        g_workload = Workload{500, 100, 250, 2};
        cacheSizes = {productCache};
        large.cachePages = 50;
        large.pointReads = 500;
        pairs = 2;
    }
    for (const int cachePages : cacheSizes) {
        benchmark::RegisterBenchmark(
            ("store_workload_paired/cache_pages:" + std::to_string(cachePages)).c_str(), storeWorkloadPaired,
            cachePages)
            ->Iterations(pairs)
            ->Unit(benchmark::kMillisecond)
            ->UseManualTime();
    }
    benchmark::RegisterBenchmark(
        ("store_large_reads_paired/cache_pages:" + std::to_string(large.cachePages) + "/pages:10x").c_str(),
        largeReadsPaired)
        ->Iterations(isSmoke ? 2 : 10)
        ->Unit(benchmark::kMillisecond)
        ->UseManualTime();

    benchmark::Initialize(&count, args.data());
    if (benchmark::ReportUnrecognizedArguments(count, args.data()))
        return 1;

    // The large set is filled once per side, outside the paired loop; its fill is one pair of its own.
    const SecureBytes key = SecureBytes::random(32);
    for (const bool isKeyed : {false, true}) {
        QString error;
        if (!fillLarge(isKeyed ? large.keyed : large.unkeyed, key, isKeyed, large.cachePages, error)) {
            std::fprintf(stderr, "INVALID RUN: filling the large %s store failed: %s\n",
                         isKeyed ? "keyed" : "unkeyed", qPrintable(error));
            return 1;
        }
    }
    g_large = &large;

    ErrorRecorder recorder(isatty(fileno(stdout)) ? benchmark::ConsoleReporter::OO_ColorTabular
                                                  : benchmark::ConsoleReporter::OO_Tabular);
    benchmark::RunSpecifiedBenchmarks(&recorder);
    benchmark::Shutdown();

    bool isValid = !recorder.hasErrors();
    if (!isValid)
        std::printf("INVALID RUN: a store benchmark failed (see above)\n");
    for (const int cachePages : cacheSizes) {
        const auto& samples = g_workloadSamples[cachePages];
        if (samples.empty())
            continue; // filtered out, or failed (reported above)
        isValid =
            reportPairs("workload cache_pages " + std::to_string(cachePages), samples, !isSmoke) && isValid;
    }
    std::printf("large set: %d rows, %d pages keyed / %d unkeyed (%.1f MiB keyed, %dx a %d-page cache); fill "
                "keyed %.0f ms, unkeyed %.0f ms, ratio %.2f (CPU %.2f), one sample\n",
                large.keyed.rows, large.keyed.pages, large.unkeyed.pages, large.keyed.pages * 4.0 / 1024.0,
                large.keyed.pages / std::max(1, large.cachePages), large.cachePages, large.keyed.fillMs,
                large.unkeyed.fillMs, large.keyed.fillMs / std::max(1e-9, large.unkeyed.fillMs),
                large.keyed.fillCpuMs / std::max(1e-9, large.unkeyed.fillCpuMs));
    if (!g_largeSamples.empty()) {
        isValid = reportPairs("large set reads (" + std::to_string(large.pointReads) +
                                  " random point reads + full scan)",
                              g_largeSamples, !isSmoke) &&
                  isValid;
    }

    const auto& product = g_workloadSamples[productCache];
    if (product.empty()) {
        std::printf("store keyed/unkeyed ratio: not measured (a benchmark failed or was filtered out)\n");
        return isValid ? 0 : 1;
    }
    const confer::bench::Spread wall = confer::bench::spreadOf(confer::bench::wallRatios(product));
    const confer::bench::Spread cpu = confer::bench::spreadOf(confer::bench::cpuRatios(product));
    if (isSmoke) {
        std::printf(
            "store keyed/unkeyed ratio %.2f (CPU %.2f): not judged against the target in a smoke run\n",
            wall.median, cpu.median);
    } else {
        // Wall clock is what a chair waits for; with synchronous=FULL it includes every fsync, so the CPU
        // ratio (the encryption work alone) is printed beside it.
        std::printf("%s store keyed/unkeyed wall ratio %.2f (p10 %.2f, p90 %.2f; target <= 1.25), CPU ratio "
                    "%.2f (p10 %.2f, p90 %.2f); %d-row workload, cache_pages %d\n",
                    confer::bench::passOrFail(wall.median <= 1.25), wall.median, wall.p10, wall.p90,
                    cpu.median, cpu.p10, cpu.p90, g_workload.rows, productCache);
    }
    return isValid ? 0 : 1;
}
