#pragma once

// What every Confer benchmark shares: the --confer-smoke flag ctest passes, paired samples (the
// measured work and its baseline timed one after the other, in alternating order, inside one loop,
// so a burst of load from elsewhere lands on both sides of the ratio), and their summary as a median
// with a p10–p90 spread.

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

namespace confer::bench {

// Splits off Confer's own flags (--confer-*) from Google Benchmark's; smoke is set by --confer-smoke.
struct Arguments {
    bool isSmoke = false;
    std::vector<std::string> conferFlags; // every --confer-* flag except --confer-smoke
    std::vector<char*> benchmarkArgs;     // argv[0] and the rest, for benchmark::Initialize

    Arguments(int argc, char** argv)
    {
        for (int i = 0; i < argc; ++i) {
            if (std::strcmp(argv[i], "--confer-smoke") == 0)
                isSmoke = true;
            else if (i > 0 && std::strncmp(argv[i], "--confer-", 9) == 0)
                conferFlags.emplace_back(argv[i]);
            else
                benchmarkArgs.push_back(argv[i]);
        }
    }
    bool has(const char* flag) const
    {
        return std::find(conferFlags.begin(), conferFlags.end(), flag) != conferFlags.end();
    }
    // The value of --confer-NAME=VALUE, or empty.
    std::string value(const std::string& prefix) const
    {
        for (const std::string& flag : conferFlags) {
            if (flag.rfind(prefix, 0) == 0)
                return flag.substr(prefix.size());
        }
        return {};
    }
};

inline double percentile(std::vector<double> values, double p)
{
    if (values.empty())
        return 0;
    std::sort(values.begin(), values.end());
    const std::size_t index = std::min(values.size() - 1, std::size_t(p * double(values.size() - 1) + 0.5));
    return values[index];
}

struct Spread {
    double p10 = 0;
    double median = 0;
    double p90 = 0;
    std::size_t count = 0;
};

inline Spread spreadOf(const std::vector<double>& values)
{
    return {percentile(values, 0.10), percentile(values, 0.50), percentile(values, 0.90), values.size()};
}

// One pair: the work and its baseline, each in wall and thread-CPU milliseconds.
struct PairedSample {
    double workMs = 0;
    double baselineMs = 0;
    double workCpuMs = 0;
    double baselineCpuMs = 0;
};

inline std::vector<double> wallRatios(const std::vector<PairedSample>& samples)
{
    std::vector<double> ratios;
    for (const PairedSample& sample : samples) {
        if (sample.baselineMs > 0)
            ratios.push_back(sample.workMs / sample.baselineMs);
    }
    return ratios;
}

inline std::vector<double> cpuRatios(const std::vector<PairedSample>& samples)
{
    std::vector<double> ratios;
    for (const PairedSample& sample : samples) {
        if (sample.baselineCpuMs > 0)
            ratios.push_back(sample.workCpuMs / sample.baselineCpuMs);
    }
    return ratios;
}

// Wall and CPU time of the calling thread, read together.
class Stopwatch final {
public:
    Stopwatch() { restart(); }
    void restart()
    {
        m_wall = std::chrono::steady_clock::now();
        m_cpuMs = threadCpuMs();
    }
    double wallMs() const
    {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - m_wall).count();
    }
    double cpuMs() const { return threadCpuMs() - m_cpuMs; }

    static double threadCpuMs()
    {
        timespec now{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
        return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6;
    }

private:
    std::chrono::steady_clock::time_point m_wall;
    double m_cpuMs = 0;
};

inline void printSpread(const char* label, const Spread& spread)
{
    std::printf("%s: median %.3f (p10 %.3f, p90 %.3f; %zu paired samples)\n", label, spread.median,
                spread.p10, spread.p90, spread.count);
}

// A superset of the baseline's work cannot take less time: a median ratio below 1 means the
// measurement is broken (the baseline did more, or something else got in the way).
inline bool isValidSupersetRatio(const char* what, const Spread& spread)
{
    if (spread.count == 0) {
        std::printf("INVALID RUN: %s: no paired samples were measured\n", what);
        return false;
    }
    if (spread.median < 1.0) {
        std::printf("INVALID RUN: %s: median ratio %.3f is below 1, but the work is a superset of its "
                    "baseline; the measurement is broken\n",
                    what, spread.median);
        return false;
    }
    return true;
}

inline const char* passOrFail(bool isPass)
{
    return isPass ? "PASS" : "FAIL";
}

} // namespace confer::bench
