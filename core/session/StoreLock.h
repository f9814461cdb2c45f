#pragma once

#include "common/Result.h"
#include "session/StorePaths.h"

#include <QLockFile>

#include <memory>

namespace confer {

// One Confer process at a time per store: a lock file in the store directory, held while any session
// of this process has the store open (sessions in one process share it). Without it, two processes
// would each rewrite the key-slot file from their own copy and could undo each other's changes.
// The file holds only a process id, host and application name; it goes when the lock is released,
// and a lock left by a process that died is taken over.
class StoreLock final {
public:
    static Result<std::shared_ptr<StoreLock>> acquire(const StorePaths& paths);
    ~StoreLock();
    StoreLock(const StoreLock&) = delete;
    StoreLock& operator=(const StoreLock&) = delete;

private:
    explicit StoreLock(const QString& path);
    QString m_path;
    QLockFile m_file;
    bool m_isRegistered = true;
};

} // namespace confer
