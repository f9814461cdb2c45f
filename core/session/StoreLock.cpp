#include "session/StoreLock.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

namespace confer {

namespace {
QMutex g_mutex;
QHash<QString, std::weak_ptr<StoreLock>>& heldLocks()
{
    static QHash<QString, std::weak_ptr<StoreLock>> locks;
    return locks;
}
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

Result<std::shared_ptr<StoreLock>> StoreLock::acquire(const StorePaths& paths)
{
    const QString path = paths.directory() + QStringLiteral("/confer.lock");
    QMutexLocker guard(&g_mutex);
    // One session per store, in this process too: two sessions would each extend the audit chain
    // from their own idea of its head.
    if (heldLocks().value(path).lock()) {
        return makeError(
            ErrorCode::Conflict,
            QCoreApplication::translate("confer::StoreLock", "This store is already open in Confer."));
    }
    auto lock = std::shared_ptr<StoreLock>(new StoreLock(path));
    if (!lock->m_file.tryLock(0)) {
        lock->m_isRegistered = false;
        return makeError(ErrorCode::Conflict,
                         QCoreApplication::translate(
                             "confer::StoreLock", "This store is open in another Confer window or command. "
                                                  "Close it there first."));
    }
    heldLocks().insert(path, lock);
    return lock;
}

} // namespace confer
