#pragma once

#include <QString>

namespace confer::test {

// A SQLite VFS for tests that wraps the platform's own and becomes the process's default, so every
// Database opened afterwards goes through it. It can
//   - fail the Nth xWrite (SQLITE_FULL or SQLITE_IOERR_WRITE) or the Nth xSync (SQLITE_IOERR_FSYNC),
//   - fail the Nth SafeFile step with an errno (ENOSPC, EIO) through SafeFileFaults,
//   - simulate power loss: writes stay in memory per file until that file's xSync (reads, sizes and
//     truncation see the buffered state), and at the Nth event the process _exits with PowerLossExit,
//     so every unsynced write is lost. Events are xWrite and xSync calls and SafeFile steps (exiting
//     before a rename or a directory fsync is a valid power-loss outcome). This is the model of
//     SQLite's own crash tests (src/test6.c), without their sector tearing.
// Counting starts at each arm; counts() tells a sweep how many points an operation has.
class FaultVfs final {
public:
    static constexpr int PowerLossExit = 86;

    struct Counts {
        int writes = 0;        // xWrite calls since the last arm
        int syncs = 0;         // xSync calls
        int safeFileSteps = 0; // SafeFileFaults consultations
        int events() const { return writes + syncs + safeFileSteps; }
    };

    // Registers the VFS as the default (once) and the SafeFile hook. Call before opening a store.
    static void install();

    // No fault: counts only, writes go straight through.
    static void disarm();
    // The Nth write (1-based) fails with sqliteCode; when sticky, every later one too (a disk that stays
    // full).
    static void armWriteFailure(int n, int sqliteCode, bool isSticky = false);
    static void armSyncFailure(int n, bool isSticky = false);
    // The Nth SafeFile step fails with errnoValue.
    static void armSafeFileFailure(int n, int errnoValue, bool isSticky = false);
    // Buffers writes until xSync and _exits(PowerLossExit) before the Nth event; n = 0 never exits.
    static void armPowerLoss(int n);

    static Counts counts();
    // True once an armed fault has been delivered since the last arm.
    static bool hasFired();
};

} // namespace confer::test
