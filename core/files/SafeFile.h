#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

#include <functional>

namespace confer {

// The one way Confer replaces a file outside SQLCipher (the key-slot copies, the audit anchor): a
// crash, a full disk or an I/O error leaves either the old file byte-identical or the new one whole.
// Writes a sibling (O_EXCL, 0600, never through a symlink), checks every write and fsync, reads the
// bytes back and lets the caller parse them, renames over the target and fsyncs the directory.
class SafeFile final {
public:
    // Parses what was read back; an error stops the replace and leaves the old file.
    using ReadBackCheck = std::function<Status(const QByteArray& readBack)>;

    // DiskFull on ENOSPC/EDQUOT, Io otherwise (the detail names the step and errno, never content).
    // InvalidInput when path (or its sibling) is a symlink or not a regular file.
    static Status replace(const QString& path, const QByteArray& bytes, const ReadBackCheck& check = {});

    // The whole file, read without following a symlink. NotFound when missing; InvalidInput for a
    // symlink or non-regular file; StoreCorrupt when larger than maxBytes; Io when unreadable.
    static Result<QByteArray> read(const QString& path, qint64 maxBytes);
};

// A test hook consulted before each system call SafeFile makes. Returning a non-zero errno makes that
// call fail with it, as the kernel would; a hook may also end the process there (power-loss tests).
// Never set in the product.
struct SafeFileFaults {
    enum class Step { Open, Write, Sync, ReadBack, Rename, SyncDirectory };
    using Hook = std::function<int(Step step, const QString& targetPath)>;
    static void setHook(Hook hook);                           // an empty hook clears it
    static int consult(Step step, const QString& targetPath); // 0 when no hook or no fault
};

} // namespace confer
