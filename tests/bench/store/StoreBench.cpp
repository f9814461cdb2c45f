// The cost of encryption on a realistic store workload: 10,000 rows of about 200 bytes written in
// transactions of 100, then point reads by id and filtered scans, on a keyed store and on an unkeyed
// one opened by the same library with the same settings. Prints keyed/unkeyed per cache size and the
// product's figure (Database::Options' default cache) against the 1.25 target.
#include "TestStoreDir.h"
#include "crypto/SecureBytes.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QString>

#include <benchmark/benchmark.h>
#include <unistd.h>

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

void storeWorkload(benchmark::State& state, bool isKeyed, int cachePages)
{
    const SecureBytes key = SecureBytes::random(32);
    for (auto _ : state) {
        state.PauseTiming();
        auto dir = std::make_unique<confer::test::TestStoreDir>();
        const QString path = dir->file(QStringLiteral("bench.db"));
        state.ResumeTiming();
        if (!runWorkload(state, path, key, isKeyed, cachePages))
            break;
        state.PauseTiming();
        dir.reset(); // removes the files, untimed
        state.ResumeTiming();
    }
    state.SetItemsProcessed(state.iterations() * g_workload.rows);
}

// Keeps the console output and remembers each benchmark's mean time per iteration.
class MeanRecorder final : public benchmark::ConsoleReporter {
public:
    explicit MeanRecorder(OutputOptions options)
        : ConsoleReporter(options)
    {}

    void ReportRuns(const std::vector<Run>& runs) override
    {
        ConsoleReporter::ReportRuns(runs);
        for (const Run& run : runs) {
            if (run.error_occurred)
                m_hasErrors = true;
            if (run.error_occurred || run.run_type != Run::RT_Iteration)
                continue;
            Totals& totals = m_totals[run.run_name.function_name];
            totals.realSum += run.GetAdjustedRealTime();
            totals.cpuSum += run.GetAdjustedCPUTime();
            ++totals.count;
        }
    }

    // Mean milliseconds per iteration (wall clock, or CPU of the benchmark thread: the encryption work
    // without the fsync waits); negative if the benchmark did not run.
    double meanMs(const std::string& name) const
    {
        const auto found = m_totals.find(name);
        return found == m_totals.end() || found->second.count == 0
                   ? -1.0
                   : found->second.realSum / found->second.count;
    }
    double meanCpuMs(const std::string& name) const
    {
        const auto found = m_totals.find(name);
        return found == m_totals.end() || found->second.count == 0
                   ? -1.0
                   : found->second.cpuSum / found->second.count;
    }

    bool hasErrors() const { return m_hasErrors; }

private:
    struct Totals {
        double realSum = 0;
        double cpuSum = 0;
        int count = 0;
    };
    bool m_hasErrors = false;
    std::map<std::string, Totals> m_totals;
};

std::string benchName(bool isKeyed, int cachePages)
{
    return std::string("store_workload/") + (isKeyed ? "keyed" : "unkeyed") +
           "/cache_pages:" + std::to_string(cachePages);
}

} // namespace

int main(int argc, char** argv)
{
    // ctest's smoke run passes --confer-smoke: a small workload, the product's cache size only.
    bool isSmoke = false;
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--confer-smoke") == 0)
            isSmoke = true;
        else
            args.push_back(argv[i]);
    }
    // Keyed and unkeyed repetitions take turns in random order, so a burst of disk or CPU load from
    // elsewhere lands on both sides of the ratio rather than on one. A later flag on the command line wins.
    static char interleave[] = "--benchmark_enable_random_interleaving=true";
    if (!isSmoke)
        args.insert(args.begin() + 1, interleave);
    int count = static_cast<int>(args.size());
    args.push_back(nullptr);

    const int productCache = Database::Options{}.cachePages;
    std::vector<int> cacheSizes = {100, 500, 2000, productCache};
    if (isSmoke) {
        g_workload = Workload{500, 100, 250, 2};
        cacheSizes = {productCache};
    }
    for (const int cachePages : cacheSizes) {
        for (const bool isKeyed : {false, true}) {
            auto* bench = benchmark::RegisterBenchmark(benchName(isKeyed, cachePages).c_str(), storeWorkload,
                                                       isKeyed, cachePages);
            bench->Unit(benchmark::kMillisecond)->UseRealTime();
            if (!isSmoke)
                bench->Repetitions(8); // the ratio is taken from the mean of the eight runs
        }
    }

    benchmark::Initialize(&count, args.data());
    if (benchmark::ReportUnrecognizedArguments(count, args.data()))
        return 1;
    MeanRecorder recorder(isatty(fileno(stdout)) ? benchmark::ConsoleReporter::OO_ColorTabular
                                                 : benchmark::ConsoleReporter::OO_Tabular);
    benchmark::RunSpecifiedBenchmarks(&recorder);
    benchmark::Shutdown();

    for (const int cachePages : cacheSizes) {
        const double keyed = recorder.meanMs(benchName(true, cachePages));
        const double unkeyed = recorder.meanMs(benchName(false, cachePages));
        if (keyed > 0 && unkeyed > 0) {
            const double keyedCpu = recorder.meanCpuMs(benchName(true, cachePages));
            const double unkeyedCpu = recorder.meanCpuMs(benchName(false, cachePages));
            std::printf("cache_pages %6d: keyed %8.1f ms, unkeyed %8.1f ms, ratio %.2f (CPU %.1f / %.1f ms, "
                        "ratio %.2f)\n",
                        cachePages, keyed, unkeyed, keyed / unkeyed, keyedCpu, unkeyedCpu,
                        unkeyedCpu > 0 ? keyedCpu / unkeyedCpu : 0.0);
        }
    }
    const double keyed = recorder.meanMs(benchName(true, productCache));
    const double unkeyed = recorder.meanMs(benchName(false, productCache));
    if (keyed <= 0 || unkeyed <= 0) {
        std::printf("store keyed/unkeyed ratio: not measured (a benchmark failed or was filtered out)\n");
        return recorder.hasErrors() ? 1 : 0;
    }
    // Wall clock is what a chair waits for; with synchronous=FULL it includes every fsync, so the CPU
    // ratio (the encryption work alone) is printed beside it.
    const double keyedCpu = recorder.meanCpuMs(benchName(true, productCache));
    const double unkeyedCpu = recorder.meanCpuMs(benchName(false, productCache));
    std::printf("store keyed/unkeyed ratio: %.2f (target <= 1.25); keyed %.1f ms, unkeyed %.1f ms per %d-row "
                "workload, cache_pages %d; CPU ratio %.2f (%.1f / %.1f ms)%s\n",
                keyed / unkeyed, keyed, unkeyed, g_workload.rows, productCache,
                unkeyedCpu > 0 ? keyedCpu / unkeyedCpu : 0.0, keyedCpu, unkeyedCpu,
                isSmoke ? " [smoke run]" : "");
    return recorder.hasErrors() ? 1 : 0;
}
