// The caseload at 100,000 cases (issue 3, acceptance 3): opening it (count + first page of 50 by next
// review) within 200 ms, a filter keystroke (count + first page) within 30 ms at the 95th percentile,
// and the resident memory after opening. The baseline, measured in the same process on the same store,
// is the plainest possible page: `SELECT <the page's case columns> FROM cases LIMIT 50`, no filter, no
// join, no order.
#include "InMemoryDeviceSecretStore.h"
#include "TestStoreDir.h"
#include "caseload/CaseloadQuery.h"
#include "common/Clock.h"
#include "demo/DemoPartnership.h"
#include "panels/PanelKind.h"
#include "session/Session.h"
#include "session/StoreOpener.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QElapsedTimer>
#include <QFile>
#include <QGuiApplication>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <random>

using namespace confer;

namespace {

const QString Passphrase = QStringLiteral("Durham panel stapler 2026");

struct Fixture {
    test::TestStoreDir dir;
    test::InMemoryDeviceSecretStore secrets;
    ManualClock clock;
    std::optional<PanelKindRegistry> kinds;
    std::unique_ptr<Session> session;
    std::unique_ptr<CaseloadQuery> query;
    QStringList keystrokes; // each a filter text as typed so far
    std::vector<double> keystrokeMs;
    std::vector<double> openMs;
};

Fixture* g_fixture = nullptr;

bool hasRow(Statement& statement)
{
    auto stepped = statement.step();
    return stepped.ok() && *stepped;
}

double elapsedMs(std::chrono::steady_clock::time_point since)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

long residentKiB(const char* field)
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').first().toLong();
    }
    return -1;
}

// Count and first page, as the caseload model asks on opening and on every keystroke.
bool countAndFirstPage(const CaseloadQuery& query, const CaseloadQuery::Filter& filter,
                       benchmark::State& state)
{
    auto counted = query.count(filter);
    auto page = query.page(filter, CaseloadQuery::Sort{}, 0, 50);
    if (!counted.ok() || !page.ok()) {
        state.SkipWithError("caseload query failed");
        return false;
    }
    benchmark::DoNotOptimize(*counted);
    benchmark::DoNotOptimize(page->size());
    return true;
}

void BM_BaselinePlainSelect50(benchmark::State& state)
{
    Database& db = g_fixture->session->database();
    for (auto _ : state) {
        auto rows = db.prepare(
            QStringLiteral("SELECT id, reference, panel_id, stage, risk, next_review FROM cases LIMIT 50"));
        int read = 0;
        while (rows.ok() && hasRow(*rows))
            read += rows->columnText(1).size() > 0;
        benchmark::DoNotOptimize(read);
    }
}

void BM_OpenCaseload(benchmark::State& state)
{
    for (auto _ : state) {
        // A new query object remembers nothing, as after an unlock (the page cache is warm by now).
        const auto started = std::chrono::steady_clock::now();
        const CaseloadQuery query(*g_fixture->session, *g_fixture->kinds);
        if (!countAndFirstPage(query, CaseloadQuery::Filter{}, state))
            break;
        g_fixture->openMs.push_back(elapsedMs(started));
    }
}

void BM_FilterKeystroke(benchmark::State& state)
{
    std::size_t next = 0;
    for (auto _ : state) {
        CaseloadQuery::Filter filter;
        filter.text = g_fixture->keystrokes[qsizetype(next++ % std::size_t(g_fixture->keystrokes.size()))];
        const auto started = std::chrono::steady_clock::now();
        if (!countAndFirstPage(*g_fixture->query, filter, state))
            break;
        g_fixture->keystrokeMs.push_back(elapsedMs(started));
    }
}

double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t index = std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
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

// Typing as a coordinator does: surnames, and references read off a letter, character by character.
QStringList keystrokesFor(Database& db, int references)
{
    QStringList typed;
    const QStringList surnames{
        QStringLiteral("Robson"),     QStringLiteral("Hutchinson"), QStringLiteral("Charlton"),
        QStringLiteral("Armstrong"),  QStringLiteral("Bainbridge"), QStringLiteral("Smith"),
        QStringLiteral("Weatherall"), QStringLiteral("Milburn"),    QStringLiteral("Patel"),
        QStringLiteral("Tweddle"),    QStringLiteral("Rutherford"), QStringLiteral("Dodds"),
        QStringLiteral("Stephenson"), QStringLiteral("Kowalski"),   QStringLiteral("Nicholson")};
    auto type = [&](const QString& text) {
        for (qsizetype length = 1; length <= text.size(); ++length)
            typed << text.left(length);
    };
    for (const QString& surname : surnames)
        type(surname);
    auto rows =
        db.prepare(QStringLiteral("SELECT reference FROM cases ORDER BY (id * 7919) % 10007 LIMIT :n"));
    if (rows.ok()) {
        rows->bind(":n", references);
        while (hasRow(*rows))
            type(rows->columnText(0));
    }
    return typed;
}

} // namespace

int main(int argc, char** argv)
{
    bool isSmoke = false;
    bool isVerbose = false;
    QString keptStore; // --confer-store=DIR: fill a store there once and reuse it (developers only)
    std::vector<char*> args;
    for (int i = 0; i < argc; ++i) {
        if (std::strcmp(argv[i], "--confer-smoke") == 0)
            isSmoke = true;
        else if (std::strcmp(argv[i], "--confer-verbose") == 0)
            isVerbose = true;
        else if (std::strncmp(argv[i], "--confer-store=", 15) == 0)
            keptStore = QString::fromLocal8Bit(argv[i] + 15);
        else
            args.push_back(argv[i]);
    }
    int benchArgc = static_cast<int>(args.size());
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    Fixture fixture;
    g_fixture = &fixture;
    auto kinds = PanelKindRegistry::load();
    if (!kinds.ok()) {
        std::fprintf(stderr, "panel kinds: %s\n", qPrintable(kinds.error().message));
        return 1;
    }
    fixture.kinds = std::move(*kinds);
    const QString storeDir = keptStore.isEmpty() ? fixture.dir.path() : keptStore;
    StoreOpener opener(StorePaths(storeDir), fixture.secrets, fixture.clock, KdfPolicy::cheapForTests());
    const bool isReused = opener.storeExists();

    // The store is built once, through the ordinary services (DemoPartnership), without notes and actions.
    const int cases = isSmoke ? 2000 : 100000;
    QElapsedTimer filling;
    filling.start();
    DemoPartnership::Outcome filled;
    if (!isReused) {
        auto created = opener.create({QStringLiteral("admin"), QStringLiteral("Bench Admin"), Passphrase,
                                      false, KdfPolicy::cheapForTests().floor});
        if (!created.ok()) {
            std::fprintf(stderr, "setup failed: %s\n", qPrintable(created.error().message));
            return 1;
        }
        auto outcome = DemoPartnership::fill(*created->session, *fixture.kinds, {cases, 20260105, false, {}});
        if (!outcome.ok()) {
            std::fprintf(stderr, "demo fill failed: %s (%s)\n", qPrintable(outcome.error().message),
                         qPrintable(outcome.error().detail));
            return 1;
        }
        filled = *outcome;
    }
    const double fillSeconds = double(filling.elapsed()) / 1000.0;
    const long rssAfterFill = residentKiB("VmRSS");

    // Opening as after an unlock: a fresh session, nothing of the store in its page cache yet.
    auto unlocked = opener.unlock(QStringLiteral("admin"), Passphrase);
    if (!unlocked.ok()) {
        std::fprintf(stderr, "unlock failed: %s\n", qPrintable(unlocked.error().message));
        return 1;
    }
    fixture.session = std::move(*unlocked);
    fixture.query = std::make_unique<CaseloadQuery>(*fixture.session, *fixture.kinds);
    const auto coldStart = std::chrono::steady_clock::now();
    auto coldCount = fixture.query->count({});
    auto coldPage = fixture.query->page({}, {}, 0, 50);
    const double coldOpenMs = elapsedMs(coldStart);
    if (!coldCount.ok() || !coldPage.ok()) {
        std::fprintf(stderr, "opening the caseload failed\n");
        return 1;
    }
    const long rssAfterOpen = residentKiB("VmRSS");
    fixture.keystrokes = keystrokesFor(fixture.session->database(), isSmoke ? 4 : 8);

    if (isVerbose) {
        // Where a keystroke's time goes: count and page separately, per text.
        for (const QString& text : fixture.keystrokes) {
            CaseloadQuery::Filter filter;
            filter.text = text;
            const auto started = std::chrono::steady_clock::now();
            auto counted = fixture.query->count(filter);
            const double countMs = elapsedMs(started);
            const auto paging = std::chrono::steady_clock::now();
            auto page = fixture.query->page(filter, CaseloadQuery::Sort{}, 0, 50);
            std::printf("%-22s count %6d %7.2f ms  page %7.2f ms\n", qPrintable(text),
                        counted.ok() ? *counted : -1, countMs, elapsedMs(paging));
        }
    }
    const int keystrokeRuns = std::max<int>(isSmoke ? 40 : 400, int(fixture.keystrokes.size()));
    benchmark::RegisterBenchmark("BaselinePlainSelect50", BM_BaselinePlainSelect50)
        ->Iterations(isSmoke ? 20 : 200)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("OpenCaseload", BM_OpenCaseload)
        ->Iterations(isSmoke ? 5 : 30)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::RegisterBenchmark("FilterKeystroke", BM_FilterKeystroke)
        ->Iterations(keystrokeRuns)
        ->Unit(benchmark::kMillisecond)
        ->UseRealTime();
    benchmark::Initialize(&benchArgc, args.data());
    RatioReporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();

    const double baseline = reporter.mean("BaselinePlainSelect50");
    const double keyP50 = percentile(fixture.keystrokeMs, 0.50);
    const double keyP95 = percentile(fixture.keystrokeMs, 0.95);
    const double openP50 = percentile(fixture.openMs, 0.50);
    std::printf(
        "store: %d demo cases (%d visible open), filled through the services in %.1f s (%.0f cases/s)\n",
        filled.cases, *coldCount, fillSeconds, fillSeconds > 0 ? filled.cases / fillSeconds : 0.0);
    std::printf("baseline: SELECT id, reference, panel_id, stage, risk, next_review FROM cases LIMIT 50: "
                "%.3f ms\n",
                baseline);
    std::printf(
        "open caseload (count + first 50 by next review): first after unlock %.1f ms, warm p50 %.1f ms "
        "(target <= 200 ms); warm/baseline %.1f\n",
        coldOpenMs, openP50, baseline > 0 ? openP50 / baseline : 0.0);
    std::printf("filter keystroke (count + first 50), %zu keystrokes: p50 %.1f ms, p95 %.1f ms, max %.1f ms "
                "(target p95 <= 30 ms); p95/baseline %.1f\n",
                fixture.keystrokeMs.size(), keyP50, keyP95, percentile(fixture.keystrokeMs, 1.0),
                baseline > 0 ? keyP95 / baseline : 0.0);
    std::printf("resident memory: %.1f MiB after opening the caseload in a fresh session (%.1f MiB after the "
                "fill, peak %.1f MiB)\n",
                rssAfterOpen / 1024.0, rssAfterFill / 1024.0, residentKiB("VmHWM") / 1024.0);
    return 0;
}
