#pragma once

#include "common/Result.h"
#include "session/StorePaths.h"

#include <QLockFile>

#include <memory>

namespace confer {

// One open session at a time per store, across processes and within one: a lock file in the store
// directory, held while the session is open. Without it, two sessions would each rewrite the key-slot
// file from their own copy and extend the audit chain from their own idea of its head.
// The file holds only a process id, host and application name; it goes when the lock is released,
// and a lock left by a process that died is taken over.
class StoreLock final {
public:
    // Conflict when the store is open elsewhere; Io when the folder cannot be written; DiskFull when
    // there is no room for the lock file. Each with its own sentence: a full disk is not another window.
    static Result<std::shared_ptr<StoreLock>> acquire(const StorePaths& paths);
    ~StoreLock();
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;

private:
    explicit StoreLock(const QString& path);
    static Error whyNotLocked(QLockFile::LockError error, const QString& directory);
    QString m_path;
    QLockFile m_file;
    bool m_isRegistered = true;
};

} // namespace confer
