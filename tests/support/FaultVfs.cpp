#include "FaultVfs.h"

#include "files/SafeFile.h"

#include <sqlcipher/sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace confer::test {

namespace {

enum class Mode { Off, FailWrite, FailSync, FailSafeFile, PowerLoss };

// Writes not yet synced, for one file name (shared by every handle on it, kept across close: a
// closed file's unsynced data is as mortal as an open one's).
struct Pending {
    std::optional<sqlite3_int64> truncatedTo;
    std::vector<std::pair<sqlite3_int64, std::string>> writes; // in order
};

struct State {
    std::mutex mutex;
    sqlite3_vfs* real = nullptr;
    Mode mode = Mode::Off;
    int target = 0; // the Nth event of the armed kind
    int code = 0;   // SQLite code or errno to deliver
    bool isSticky = false;
    bool hasFired = false;
    FaultVfs::Counts counts;
    std::map<std::string, Pending> pending; // power loss only
};

State& state()
{
    static State instance;
    return instance;
}

struct FaultFile {
    sqlite3_file base;
    std::string* name; // null for a nameless temp file (never buffered)
    sqlite3_file* real;
};

sqlite3_file* realOf(sqlite3_file* file)
{
    return reinterpret_cast<FaultFile*>(file)->real;
}

// Whether the event that has just been counted as number `count` must fail. Caller holds the mutex.
bool shouldFail(State& s, int count)
{
    if (count == s.target || (s.isSticky && count > s.target)) {
        s.hasFired = true;
        return true;
    }
    return false;
}

// Power loss: the process ends here, before the call, with every unsynced write gone.
[[noreturn]] void losePower()
{
    std::fflush(stdout);
    ::_exit(FaultVfs::PowerLossExit);
}

// Caller holds the mutex. Counts one power-loss event and ends the process at the armed one.
void powerLossEvent(State& s)
{
    if (s.mode == Mode::PowerLoss && s.target > 0 && s.counts.events() == s.target)
        losePower();
}

bool isBuffered(State& s, const FaultFile* file)
{
    return s.mode == Mode::PowerLoss && file->name;
}

// --- io methods ---

int faultClose(sqlite3_file* file)
{
    auto* f = reinterpret_cast<FaultFile*>(file);
    const int rc = f->real->pMethods ? f->real->pMethods->xClose(f->real) : SQLITE_OK;
    delete f->name;
    f->name = nullptr;
    return rc;
}

int realSize(sqlite3_file* real, sqlite3_int64* size)
{
    return real->pMethods->xFileSize(real, size);
}

// The file as a reader sees it: the real bytes (cut at a pending truncation), then pending writes.
int bufferedRead(FaultFile* f, Pending& p, void* out, int amount, sqlite3_int64 offset)
{
    sqlite3_int64 onDisk = 0;
    if (int rc = realSize(f->real, &onDisk); rc != SQLITE_OK)
        return rc;
    if (p.truncatedTo)
        onDisk = std::min(onDisk, *p.truncatedTo);
    auto* bytes = static_cast<unsigned char*>(out);
    std::memset(bytes, 0, static_cast<size_t>(amount));
    sqlite3_int64 logicalSize = p.truncatedTo ? *p.truncatedTo : onDisk;
    if (offset < onDisk) {
        const int fromDisk = static_cast<int>(std::min<sqlite3_int64>(amount, onDisk - offset));
        const int rc = f->real->pMethods->xRead(f->real, bytes, fromDisk, offset);
        if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
            return rc;
    }
    for (const auto& [at, data] : p.writes) {
        const sqlite3_int64 end = at + static_cast<sqlite3_int64>(data.size());
        logicalSize = std::max(logicalSize, end);
        const sqlite3_int64 from = std::max(at, offset);
        const sqlite3_int64 to = std::min(end, offset + amount);
        if (from < to)
            std::memcpy(bytes + (from - offset), data.data() + (from - at), static_cast<size_t>(to - from));
    }
    return offset + amount > logicalSize ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

int faultRead(sqlite3_file* file, void* out, int amount, sqlite3_int64 offset)
{
    auto* f = reinterpret_cast<FaultFile*>(file);
    State& s = state();
    std::unique_lock lock(s.mutex);
    if (isBuffered(s, f)) {
        auto found = s.pending.find(*f->name);
        if (found != s.pending.end())
            return bufferedRead(f, found->second, out, amount, offset);
    }
    lock.unlock();
    return f->real->pMethods->xRead(f->real, out, amount, offset);
}

int faultWrite(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset)
{
    auto* f = reinterpret_cast<FaultFile*>(file);
    State& s = state();
    std::unique_lock lock(s.mutex);
    const int count = ++s.counts.writes;
    powerLossEvent(s);
    if (s.mode == Mode::FailWrite && shouldFail(s, count))
        return s.code;
    if (isBuffered(s, f)) {
        s.pending[*f->name].writes.emplace_back(
            offset, std::string(static_cast<const char*>(data), static_cast<size_t>(amount)));
        return SQLITE_OK;
    }
    lock.unlock();
    return f->real->pMethods->xWrite(f->real, data, amount, offset);
}

int faultTruncate(sqlite3_file* file, sqlite3_int64 size)
{
    auto* f = reinterpret_cast<FaultFile*>(file);
    State& s = state();
    std::unique_lock lock(s.mutex);
    if (isBuffered(s, f)) {
        Pending& p = s.pending[*f->name];
        p.truncatedTo = size;
        for (auto& [at, data] : p.writes) {
            if (at >= size)
                data.clear();
            else if (at + static_cast<sqlite3_int64>(data.size()) > size)
                data.resize(static_cast<size_t>(size - at));
        }
        return SQLITE_OK;
    }
    lock.unlock();
    return f->real->pMethods->xTruncate(f->real, size);
}

// Makes a file's buffered writes real, in order, then syncs it. Caller holds the mutex.
int flushPending(FaultFile* f, State& s)
{
    auto found = s.pending.find(*f->name);
    if (found == s.pending.end())
        return SQLITE_OK;
    Pending p = std::move(found->second);
    s.pending.erase(found);
    if (p.truncatedTo) {
        if (int rc = f->real->pMethods->xTruncate(f->real, *p.truncatedTo); rc != SQLITE_OK)
            return rc;
    }
    for (const auto& [at, data] : p.writes) {
        if (data.empty())
            continue;
        if (int rc = f->real->pMethods->xWrite(f->real, data.data(), static_cast<int>(data.size()), at);
            rc != SQLITE_OK)
            return rc;
    }
    return SQLITE_OK;
}

int faultSync(sqlite3_file* file, int flags)
{
    auto* f = reinterpret_cast<FaultFile*>(file);
    State& s = state();
    std::unique_lock lock(s.mutex);
    const int count = ++s.counts.syncs;
    powerLossEvent(s);
    if (s.mode == Mode::FailSync && shouldFail(s, count))
        return SQLITE_IOERR_FSYNC;
    if (isBuffered(s, f)) {
        if (int rc = flushPending(f, s); rc != SQLITE_OK)
            return rc;
    }
    lock.unlock();
    return f->real->pMethods->xSync(f->real, flags);
}

int faultFileSize(sqlite3_file* file, sqlite3_int64* size)
{
    auto* f = reinterpret_cast<FaultFile*>(file);
    State& s = state();
    std::unique_lock lock(s.mutex);
    if (isBuffered(s, f)) {
        auto found = s.pending.find(*f->name);
        if (found != s.pending.end()) {
            const Pending& p = found->second;
            sqlite3_int64 onDisk = 0;
            if (int rc = realSize(f->real, &onDisk); rc != SQLITE_OK)
                return rc;
            sqlite3_int64 logical = p.truncatedTo ? *p.truncatedTo : onDisk;
            for (const auto& [at, data] : p.writes)
                logical = std::max(logical, at + static_cast<sqlite3_int64>(data.size()));
            *size = logical;
            return SQLITE_OK;
        }
    }
    lock.unlock();
    return realSize(f->real, size);
}

int faultLock(sqlite3_file* file, int level)
{
    return realOf(file)->pMethods->xLock(realOf(file), level);
}
int faultUnlock(sqlite3_file* file, int level)
{
    return realOf(file)->pMethods->xUnlock(realOf(file), level);
}
int faultCheckReservedLock(sqlite3_file* file, int* out)
{
    return realOf(file)->pMethods->xCheckReservedLock(realOf(file), out);
}
int faultFileControl(sqlite3_file* file, int op, void* arg)
{
    State& s = state();
    {
        const std::lock_guard lock(s.mutex);
        // A size hint would grow the real file behind the buffer's back; it is only a hint.
        if (s.mode == Mode::PowerLoss && op == SQLITE_FCNTL_SIZE_HINT)
            return SQLITE_OK;
    }
    return realOf(file)->pMethods->xFileControl(realOf(file), op, arg);
}
int faultSectorSize(sqlite3_file* file)
{
    return realOf(file)->pMethods->xSectorSize(realOf(file));
}
int faultDeviceCharacteristics(sqlite3_file* file)
{
    return realOf(file)->pMethods->xDeviceCharacteristics(realOf(file));
}
int faultShmMap(sqlite3_file* file, int page, int pageSize, int extend, void volatile** out)
{
    return realOf(file)->pMethods->xShmMap(realOf(file), page, pageSize, extend, out);
}
int faultShmLock(sqlite3_file* file, int offset, int n, int flags)
{
    return realOf(file)->pMethods->xShmLock(realOf(file), offset, n, flags);
}
void faultShmBarrier(sqlite3_file* file)
{
    realOf(file)->pMethods->xShmBarrier(realOf(file));
}
int faultShmUnmap(sqlite3_file* file, int deleteFlag)
{
    return realOf(file)->pMethods->xShmUnmap(realOf(file), deleteFlag);
}
// Memory-mapped reads would bypass the write buffer: never offer a mapping (SQLite then uses xRead).
int faultFetch(sqlite3_file*, sqlite3_int64, int, void** out)
{
    *out = nullptr;
    return SQLITE_OK;
}
int faultUnfetch(sqlite3_file*, sqlite3_int64, void*)
{
    return SQLITE_OK;
}

const sqlite3_io_methods FaultMethods = {
    3,
    faultClose,
    faultRead,
    faultWrite,
    faultTruncate,
    faultSync,
    faultFileSize,
    faultLock,
    faultUnlock,
    faultCheckReservedLock,
    faultFileControl,
    faultSectorSize,
    faultDeviceCharacteristics,
    faultShmMap,
    faultShmLock,
    faultShmBarrier,
    faultShmUnmap,
    faultFetch,
    faultUnfetch,
};

// --- vfs methods ---

int faultOpen(sqlite3_vfs* vfs, const char* name, sqlite3_file* file, int flags, int* outFlags)
{
    sqlite3_vfs* real = static_cast<sqlite3_vfs*>(vfs->pAppData);
    auto* f = reinterpret_cast<FaultFile*>(file);
    f->base.pMethods = nullptr;
    f->name = nullptr;
    f->real = reinterpret_cast<sqlite3_file*>(f + 1);
    const int rc = real->xOpen(real, name, f->real, flags, outFlags);
    if (f->real->pMethods) {
        f->name = name ? new std::string(name) : nullptr;
        f->base.pMethods = &FaultMethods;
    }
    return rc;
}

int faultDelete(sqlite3_vfs* vfs, const char* name, int syncDir)
{
    State& s = state();
    {
        const std::lock_guard lock(s.mutex);
        s.pending.erase(name);
    }
    sqlite3_vfs* real = static_cast<sqlite3_vfs*>(vfs->pAppData);
    return real->xDelete(real, name, syncDir);
}

sqlite3_vfs& faultVfs()
{
    static sqlite3_vfs vfs = [] {
        sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
        sqlite3_vfs v{};
        v.iVersion = 1;
        v.szOsFile = static_cast<int>(sizeof(FaultFile)) + real->szOsFile;
        v.mxPathname = real->mxPathname;
        v.zName = "confer-fault";
        v.pAppData = real;
        v.xOpen = faultOpen;
        v.xDelete = faultDelete;
        v.xAccess = [](sqlite3_vfs* self, const char* name, int flags, int* out) {
            auto* r = static_cast<sqlite3_vfs*>(self->pAppData);
            return r->xAccess(r, name, flags, out);
        };
        v.xFullPathname = [](sqlite3_vfs* self, const char* name, int size, char* out) {
            auto* r = static_cast<sqlite3_vfs*>(self->pAppData);
            return r->xFullPathname(r, name, size, out);
        };
        v.xDlOpen = [](sqlite3_vfs* self, const char* name) {
            auto* r = static_cast<sqlite3_vfs*>(self->pAppData);
            return r->xDlOpen(r, name);
        };
        v.xDlError = [](sqlite3_vfs* self, int size, char* out) {
            auto* r = static_cast<sqlite3_vfs*>(self->pAppData);
            r->xDlError(r, size, out);
        };
        v.xDlSym = [](sqlite3_vfs* self, void* handle, const char* symbol) {
            auto* r = static_cast<sqlite3_vfs*>(self->pAppData);
            return r->xDlSym(r, handle, symbol);
        };
        v.xDlClose = [](sqlite3_vfs* self, void* handle) {
            auto* r = static_cast<sqlite3_vfs*>(self->pAppData);
            r->xDlClose(r, handle);
        };
        v.xRandomness = [](sqlite3_vfs* self, int size, char* out) {
            auto* r = static_cast<sqlite3_vfs*>(self->pAppData);
            return r->xRandomness(r, size, out);
        };
        v.xSleep = [](sqlite3_vfs* self, int micros) {
            auto* r = static_cast<sqlite3_vfs*>(self->pAppData);
            return r->xSleep(r, micros);
        };
        v.xCurrentTime = [](sqlite3_vfs* self, double* out) {
            auto* r = static_cast<sqlite3_vfs*>(self->pAppData);
            return r->xCurrentTime(r, out);
        };
        v.xGetLastError = [](sqlite3_vfs* self, int size, char* out) {
            auto* r = static_cast<sqlite3_vfs*>(self->pAppData);
            return r->xGetLastError ? r->xGetLastError(r, size, out) : 0;
        };
        return v;
    }();
    return vfs;
}

int safeFileStep(SafeFileFaults::Step, const QString&)
{
    State& s = state();
    const std::lock_guard lock(s.mutex);
    const int count = ++s.counts.safeFileSteps;
    powerLossEvent(s);
    if (s.mode == Mode::FailSafeFile && shouldFail(s, count))
        return s.code;
    return 0;
}

void arm(Mode mode, int n, int code, bool isSticky)
{
    State& s = state();
    const std::lock_guard lock(s.mutex);
    s.mode = mode;
    s.target = n;
    s.code = code;
    s.isSticky = isSticky;
    s.hasFired = false;
    s.counts = {};
    // Leaving power-loss mode without a crash: nothing is pending any more (every buffered write is
    // dropped only by a crash; a test that disarms instead wants the ordinary file system back).
    if (mode != Mode::PowerLoss)
        s.pending.clear();
}

} // namespace

void FaultVfs::install()
{
    static const bool installed = [] {
        sqlite3_initialize();
        State& s = state();
        s.real = sqlite3_vfs_find(nullptr);
        if (sqlite3_vfs_register(&faultVfs(), 1) != SQLITE_OK) {
            std::fprintf(stderr, "FaultVfs: sqlite3_vfs_register failed\n");
            std::abort();
        }
        SafeFileFaults::setHook(safeFileStep);
        return true;
    }();
    (void)installed;
    SafeFileFaults::setHook(safeFileStep); // again, in case a test cleared it
}

void FaultVfs::disarm()
{
    arm(Mode::Off, 0, 0, false);
}

void FaultVfs::armWriteFailure(int n, int sqliteCode, bool isSticky)
{
    arm(Mode::FailWrite, n, sqliteCode, isSticky);
}

void FaultVfs::armSyncFailure(int n, bool isSticky)
{
    arm(Mode::FailSync, n, SQLITE_IOERR_FSYNC, isSticky);
}

void FaultVfs::armSafeFileFailure(int n, int errnoValue, bool isSticky)
{
    arm(Mode::FailSafeFile, n, errnoValue, isSticky);
}

void FaultVfs::armPowerLoss(int n)
{
    arm(Mode::PowerLoss, n, 0, false);
}

FaultVfs::Counts FaultVfs::counts()
{
    State& s = state();
    const std::lock_guard lock(s.mutex);
    return s.counts;
}

bool FaultVfs::hasFired()
{
    State& s = state();
    const std::lock_guard lock(s.mutex);
    return s.hasFired;
}

} // namespace confer::test
