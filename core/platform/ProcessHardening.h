#pragma once

namespace confer {

// Called first thing in main(): no core dumps (RLIMIT_CORE 0, PR_SET_DUMPABLE 0), so key material
// and case data in memory never land in a crash file.
struct ProcessHardening {
    static bool disableCoreDumps();
    static bool areCoreDumpsDisabled();
};

} // namespace confer
