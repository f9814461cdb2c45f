#include "session/StoreLock.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>
#include <QStorageInfo>

namespace confer {

namespace {
QMutex g_mutex;
QHash<QString, std::weak_ptr<StoreLock>>& heldLocks()
{
    static QHash<QString, std::weak_ptr<StoreLock>> locks;
    return locks;
}

// lupdate reads the context from here: "confer::StoreLock".
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(confer::StoreLock)
};

// Less than this much room left counts as a full disk: the lock file needs only a few dozen bytes,
// but a file system with fewer than one page free cannot take them.
constexpr qint64 NearlyFullBytes = 4096;

} // namespace

StoreLock::StoreLock(const QString& path)
    : m_path(path)
    , m_file(path)
{
    m_file.setStaleLockTime(0); // held for hours; only a dead owner makes it stale
}

StoreLock::~StoreLock()
{
    if (!m_isRegistered)
        return; // never held: acquire() is still running and holds the registry's mutex
    m_file.unlock();
    QMutexLocker guard(&g_mutex);
    heldLocks().remove(m_path);
}

Error StoreLock::whyNotLocked(QLockFile::LockError error, const QString& directory)
{
    const QString detail = QStringLiteral("QLockFile error %1 in %2").arg(int(error)).arg(directory);
    switch (error) {
    case QLockFile::LockFailedError:
        return makeError(ErrorCode::Conflict,
                         Tr::tr("This store is open in another Confer window or command. Close it there "
                                "first."),
                         detail);
    case QLockFile::PermissionError:
        return makeError(ErrorCode::Io,
                         Tr::tr("Confer may not write in the store's folder (%1), so it cannot open the "
                                "store. Nothing was changed. Check that the folder is yours and writable.")
                             .arg(directory),
                         detail);
    case QLockFile::NoError:
    case QLockFile::UnknownError:
        break;
    }
    // QLockFile reports a write that ran out of space as UnknownError: the free space tells the two apart.
    const QStorageInfo volume(directory);
    if (volume.isValid() && volume.bytesAvailable() < NearlyFullBytes) {
        return makeError(ErrorCode::DiskFull,
                         Tr::tr("The disk that holds the store is full, so Confer cannot open the store. "
                                "Nothing was changed. Free some space and try again."),
                         detail);
    }
    return makeError(ErrorCode::Io,
                     Tr::tr("Confer could not write its lock file in the store's folder (%1), so it cannot "
                            "open the store. Nothing was changed. Check the disk and try again.")
                         .arg(directory),
                     detail);
}

Result<std::shared_ptr<StoreLock>> StoreLock::acquire(const StorePaths& paths)
{
    const QString path = paths.directory() + QStringLiteral("/confer.lock");
    QMutexLocker guard(&g_mutex);
    // One session per store, in this process too: two sessions would each extend the audit chain
    // from their own idea of its head.
    if (heldLocks().value(path).lock())
        return makeError(ErrorCode::Conflict, Tr::tr("This store is already open in Confer."));
    auto lock = std::shared_ptr<StoreLock>(new StoreLock(path));
    if (!lock->m_file.tryLock(0)) {
        lock->m_isRegistered = false;
        return whyNotLocked(lock->m_file.error(), paths.directory());
    }
    heldLocks().insert(path, lock);
    return lock;
}

} // namespace confer
