#include "files/SafeFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QMutex>
#include <QMutexLocker>

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace confer {

namespace {

using Step = SafeFileFaults::Step;

constexpr std::size_t SiblingRandomBytes = 8; // 16 hex digits
constexpr std::size_t ReadChunk = 64 * 1024;

QMutex& hookMutex()
{
    static QMutex mutex;
    return mutex;
}

SafeFileFaults::Hook& installedHook()
{
    static SafeFileFaults::Hook hook;
    return hook;
}

const char* stepName(Step step)
{
    switch (step) {
    case Step::Open:
        return "open";
    case Step::Write:
        return "write";
    case Step::Sync:
        return "fsync";
    case Step::ReadBack:
        return "read back";
    case Step::Rename:
        return "rename";
    case Step::SyncDirectory:
        return "fsync directory";
    }
    return "unknown step";
}

// The detail names the step, the errno and the file's name: never the content, never the folder.
QString detailFor(Step step, int error, const QString& path, const QString& note = QString())
{
    QString detail = QStringLiteral("%1 %2: %3 (errno %4)")
                         .arg(QString::fromLatin1(stepName(step)), QFileInfo(path).fileName(),
                              QString::fromLocal8Bit(std::strerror(error)))
                         .arg(error);
    if (!note.isEmpty())
        detail += QStringLiteral("; ") + note;
    return detail;
}

Error writeFailure(Step step, int error, const QString& path, const QString& note = QString())
{
    const bool isDiskFull = error == ENOSPC || error == EDQUOT;
    if (step == Step::SyncDirectory) {
        // After the rename "nothing was changed" would be untrue: the new file is there, not yet durable.
        return makeError(isDiskFull ? ErrorCode::DiskFull : ErrorCode::Io,
                         QCoreApplication::translate(
                             "confer::SafeFile", "Confer wrote the change but could not make sure it reached "
                                                 "the disk. Check the disk and try again."),
                         detailFor(step, error, path, note));
    }
    if (isDiskFull || error == EDQUOT) {
        return makeError(ErrorCode::DiskFull,
                         QCoreApplication::translate(
                             "confer::SafeFile", "There is not enough disk space in the store's folder, so "
                                                 "nothing was changed. Free some space and try again."),
                         detailFor(step, error, path, note));
    }
    return makeError(ErrorCode::Io,
                     QCoreApplication::translate(
                         "confer::SafeFile", "Confer could not write to the store's folder, so nothing was "
                                             "changed. Check the disk and try again."),
                     detailFor(step, error, path, note));
}

Error notARegularFile(const QString& path)
{
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate(
                         "confer::SafeFile", "A file beside the store is a link or not an ordinary file, so "
                                             "Confer will not use it."),
                     QStringLiteral("%1 is a symlink or not a regular file").arg(QFileInfo(path).fileName()));
}

Error readFailure(int error, const QString& path)
{
    return makeError(
        ErrorCode::Io,
        QCoreApplication::translate("confer::SafeFile", "A file beside the store could not be read."),
        detailFor(Step::ReadBack, error, path));
}

// Closes a descriptor once, on every way out.
class Descriptor final {
public:
    explicit Descriptor(int fd = -1)
        : m_fd(fd)
    {}
    ~Descriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return m_fd; }
    bool isOpen() const { return m_fd >= 0; }
    // Closes now and reports close's own error (on some file systems a deferred write error).
    int close()
    {
        const int fd = m_fd;
        m_fd = -1;
        return ::close(fd) == 0 ? 0 : errno;
    }

private:
    int m_fd;
};

// Runs one system call of `step`: the fault hook first (its errno stands in for the call's), then the
// call itself, retried on EINTR. Gives 0 or the errno.
template <typename Call>
int attempt(Step step, const QString& target, Call call)
{
    if (const int injected = SafeFileFaults::consult(step, target))
        return injected;
    for (;;) {
        if (call() >= 0)
            return 0;
        if (errno != EINTR)
            return errno;
    }
}

// Reads everything from fd; 0 or the errno. Stops above maxBytes (the caller decides what that means).
int readAll(int fd, qint64 maxBytes, QByteArray& out)
{
    char buffer[ReadChunk];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return errno;
        }
        if (got == 0)
            return 0;
        out.append(buffer, got);
        if (out.size() > maxBytes)
            return 0;
    }
}

QString siblingPath(const QString& path)
{
    unsigned char random[SiblingRandomBytes];
    randombytes_buf(random, sizeof random);
    const QByteArray hex = QByteArray(reinterpret_cast<const char*>(random), sizeof random).toHex();
    return path + QStringLiteral(".new-") + QString::fromLatin1(hex);
}

// Writes, syncs, closes and reads back the sibling; on any failure the caller removes it.
Status writeSibling(const QString& target, const QByteArray& sibling, const QByteArray& bytes,
                    const SafeFile::ReadBackCheck& check)
{
    {
        int fd = -1;
        if (const int error = attempt(Step::Open, target, [&] {
                return fd = ::open(sibling.constData(), O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC,
                                   S_IRUSR | S_IWUSR);
            }))
            // ELOOP: the sibling name is a symlink; EEXIST: something already sits at that random name.
            return error == ELOOP || error == EEXIST ? notARegularFile(target)
                                                     : writeFailure(Step::Open, error, target);
        Descriptor file(fd);
        // The umask may have taken bits away, never added them; fchmod makes 0600 exact.
        if (::fchmod(file.get(), S_IRUSR | S_IWUSR) != 0)
            return writeFailure(Step::Open, errno, target, QStringLiteral("fchmod"));

        qsizetype written = 0;
        while (written < bytes.size()) {
            ssize_t count = 0;
            if (const int injected = SafeFileFaults::consult(Step::Write, target))
                return writeFailure(Step::Write, injected, target);
            count =
                ::write(file.get(), bytes.constData() + written, static_cast<size_t>(bytes.size() - written));
            if (count < 0) {
                if (errno == EINTR)
                    continue;
                return writeFailure(Step::Write, errno, target);
            }
            if (count == 0) // no progress and no errno: treat as a full disk would be treated by the kernel
                return writeFailure(Step::Write, ENOSPC, target, QStringLiteral("write made no progress"));
            written += count;
        }
        if (bytes.isEmpty()) {
            // Even an empty file passes the Write step once, so a sweep sees the same steps every time.
            if (const int injected = SafeFileFaults::consult(Step::Write, target))
                return writeFailure(Step::Write, injected, target);
        }
        if (const int error = attempt(Step::Sync, target, [&] { return ::fsync(file.get()); }))
            return writeFailure(Step::Sync, error, target);
        if (const int error = file.close())
            return writeFailure(Step::Sync, error, target, QStringLiteral("close"));
    }

    QByteArray readBack;
    {
        int fd = -1;
        if (const int error = attempt(Step::ReadBack, target, [&] {
                return fd = ::open(sibling.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
            }))
            return writeFailure(Step::ReadBack, error, target);
        Descriptor file(fd);
        if (const int error = readAll(file.get(), bytes.size(), readBack))
            return writeFailure(Step::ReadBack, error, target);
    }
    if (readBack != bytes) {
        return writeFailure(Step::ReadBack, EIO, target,
                            QStringLiteral("read back %1 bytes that differ from the %2 written")
                                .arg(readBack.size())
                                .arg(bytes.size()));
    }
    if (check) {
        if (Status parsed = check(readBack); !parsed.ok())
            return parsed;
    }
    return {};
}

} // namespace

void SafeFileFaults::setHook(Hook hook)
{
    const QMutexLocker locker(&hookMutex());
    installedHook() = std::move(hook);
}

int SafeFileFaults::consult(Step step, const QString& targetPath)
{
    Hook hook;
    {
        const QMutexLocker locker(&hookMutex());
        hook = installedHook();
    }
    return hook ? hook(step, targetPath) : 0;
}

Status SafeFile::replace(const QString& path, const QByteArray& bytes, const ReadBackCheck& check)
{
    const QByteArray target = QFile::encodeName(path);
    struct stat info {};
    if (::lstat(target.constData(), &info) == 0) {
        if (!S_ISREG(info.st_mode))
            return notARegularFile(path);
    } else if (errno != ENOENT) {
        return writeFailure(Step::Open, errno, path, QStringLiteral("lstat"));
    }

    const QByteArray sibling = QFile::encodeName(siblingPath(path));
    if (Status written = writeSibling(path, sibling, bytes, check); !written.ok()) {
        ::unlink(sibling.constData()); // may not exist (open failed): nothing else to do then
        return written;
    }

    // Checked again just before the rename: a symlink planted meanwhile is refused, not replaced.
    if (::lstat(target.constData(), &info) == 0 && !S_ISREG(info.st_mode)) {
        ::unlink(sibling.constData());
        return notARegularFile(path);
    }
    if (const int error =
            attempt(Step::Rename, path, [&] { return ::rename(sibling.constData(), target.constData()); })) {
        ::unlink(sibling.constData());
        return writeFailure(Step::Rename, error, path);
    }

    // The new file is in place; until the directory entry is synced a power loss may still bring back
    // the old one. That is reported, not hidden: the caller must not treat the change as durable.
    const QString notDurable = QStringLiteral("the new file is in place but not yet durable");
    const QByteArray directory = QFile::encodeName(QFileInfo(path).absolutePath());
    int fd = -1;
    if (const int error = attempt(Step::SyncDirectory, path, [&] {
            return fd = ::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        }))
        return writeFailure(Step::SyncDirectory, error, path, notDurable);
    Descriptor dir(fd);
    if (const int error = attempt(Step::SyncDirectory, path, [&] { return ::fsync(dir.get()); }))
        return writeFailure(Step::SyncDirectory, error, path, notDurable);
    return {};
}

Result<QByteArray> SafeFile::read(const QString& path, qint64 maxBytes)
{
    const QByteArray name = QFile::encodeName(path);
    int fd = -1;
    do {
        fd = ::open(name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        if (errno == ENOENT) {
            return makeError(
                ErrorCode::NotFound,
                QCoreApplication::translate("confer::SafeFile", "A file beside the store is missing."),
                QStringLiteral("%1 not found").arg(QFileInfo(path).fileName()));
        }
        if (errno == ELOOP)
            return notARegularFile(path);
        return readFailure(errno, path);
    }
    Descriptor file(fd);
    struct stat info {};
    if (::fstat(file.get(), &info) != 0)
        return readFailure(errno, path);
    if (!S_ISREG(info.st_mode))
        return notARegularFile(path);
    QByteArray bytes;
    if (const int error = readAll(file.get(), maxBytes, bytes))
        return readFailure(error, path);
    if (bytes.size() > maxBytes) {
        return makeError(
            ErrorCode::StoreCorrupt,
            QCoreApplication::translate("confer::SafeFile",
                                        "A file beside the store is far larger than it can be, so "
                                        "Confer will not read it."),
            QStringLiteral("%1 is larger than %2 bytes").arg(QFileInfo(path).fileName()).arg(maxBytes));
    }
    return bytes;
}

} // namespace confer
