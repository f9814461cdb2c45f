#include "files/SafeFile.h"

#include "crypto/Sodium.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <sodium.h>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace confer {

namespace {

SafeFileFaults::Hook& hook()
{
    static SafeFileFaults::Hook instance;
    return instance;
}

const char* stepName(SafeFileFaults::Step step)
{
    switch (step) {
    case SafeFileFaults::Step::Open: return "open";
    case SafeFileFaults::Step::Write: return "write";
    case SafeFileFaults::Step::Sync: return "fsync";
    case SafeFileFaults::Step::ReadBack: return "read back";
    case SafeFileFaults::Step::Rename: return "rename";
    case SafeFileFaults::Step::SyncDirectory: return "fsync directory";
    }
    return "?";
}

Error failure(SafeFileFaults::Step step, int error, const QString& path)
{
    const QString detail = QStringLiteral("%1 of %2: %3")
                               .arg(QLatin1String(stepName(step)), QFileInfo(path).fileName(),
                                    QString::fromLocal8Bit(std::strerror(error)));
    if (error == ENOSPC || error == EDQUOT) {
        return makeError(ErrorCode::DiskFull,
                         QCoreApplication::translate("confer::SafeFile",
                                                     "There is not enough disk space in the store's folder, so "
                                                     "nothing was changed. Free some space and try again."),
                         detail);
    }
    return makeError(ErrorCode::Io,
                     QCoreApplication::translate("confer::SafeFile",
                                                 "Confer could not write to the store's folder, so nothing was "
                                                 "changed. Check the disk and try again."),
                     detail);
}

Error notRegular(const QString& path)
{
    return makeError(ErrorCode::InvalidInput,
                     QCoreApplication::translate("confer::SafeFile",
                                                 "A file in the store's folder has been replaced by a link or a "
                                                 "folder, so Confer will not use it."),
                     QFileInfo(path).fileName());
}

// The errno a real call or the test hook gives; 0 for success.
int attempt(SafeFileFaults::Step step, const QString& path, const std::function<int()>& call)
{
    if (const int injected = SafeFileFaults::consult(step, path))
        return injected;
    return call() < 0 ? errno : 0;
}

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
    void reset(int fd)
    {
        if (m_fd >= 0)
            ::close(m_fd);
        m_fd = fd;
    }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

Status readAll(int fd, QByteArray& out, qint64 maxBytes, const QString& path)
{
    char buffer[16384];
    for (;;) {
        const ssize_t got = ::read(fd, buffer, sizeof buffer);
        if (got < 0) {
            if (errno == EINTR)
                continue;
            return failure(SafeFileFaults::Step::ReadBack, errno, path);
        }
        if (got == 0)
            return {};
        out.append(buffer, static_cast<qsizetype>(got));
        if (out.size() > maxBytes)
            return makeError(ErrorCode::StoreCorrupt,
                             QCoreApplication::translate("confer::SafeFile",
                                                         "A file in the store's folder is far larger than Confer "
                                                         "ever writes it, so it is not Confer's."),
                             QFileInfo(path).fileName());
    }
}

} // namespace

void SafeFileFaults::setHook(Hook newHook)
{
    hook() = std::move(newHook);
}

int SafeFileFaults::consult(Step step, const QString& targetPath)
{
    return hook() ? hook()(step, targetPath) : 0;
}

Status SafeFile::replace(const QString& path, const QByteArray& bytes, const ReadBackCheck& check)
{
    const QByteArray target = QFile::encodeName(path);
    struct stat existing {};
    if (::lstat(target.constData(), &existing) == 0 && !S_ISREG(existing.st_mode))
        return notRegular(path);

    ensureSodium();
    char random[8];
    randombytes_buf(random, sizeof random);
    const QByteArray sibling = target + ".new-" + QByteArray(random, sizeof random).toHex();
    const QString siblingPath = QFile::decodeName(sibling);
    bool isSiblingMade = false;
    auto fail = [&](Error error) -> Status {
        if (isSiblingMade)
            ::unlink(sibling.constData());
        return error;
    };

    Descriptor out;
    int error = attempt(SafeFileFaults::Step::Open, path, [&] {
        const int fd = ::open(sibling.constData(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        out.reset(fd);
        return fd;
    });
    if (error)
        return fail(failure(SafeFileFaults::Step::Open, error, path));
    isSiblingMade = true;
    // Owner-only whatever the umask, before any byte is written.
    if (::fchmod(out.get(), 0600) != 0)
        return fail(failure(SafeFileFaults::Step::Open, errno, path));

    qsizetype written = 0;
    while (written < bytes.size()) {
        ssize_t count = 0;
        error = attempt(SafeFileFaults::Step::Write, path, [&] {
            count = ::write(out.get(), bytes.constData() + written, static_cast<size_t>(bytes.size() - written));
            return count < 0 ? -1 : 0;
        });
        if (error == EINTR)
            continue;
        if (error)
            return fail(failure(SafeFileFaults::Step::Write, error, path));
        written += count;
    }
    error = attempt(SafeFileFaults::Step::Sync, path, [&] { return ::fsync(out.get()); });
    if (error)
        return fail(failure(SafeFileFaults::Step::Sync, error, path));
    if (::close(out.release()) != 0)
        return fail(failure(SafeFileFaults::Step::Sync, errno, path));

    // Read what reached the file and let the caller parse it: never rename over a good file with a bad one.
    QByteArray readBack;
    {
        Descriptor in;
        error = attempt(SafeFileFaults::Step::ReadBack, path, [&] {
            const int fd = ::open(sibling.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
            in.reset(fd);
            return fd;
        });
        if (error)
            return fail(failure(SafeFileFaults::Step::ReadBack, error, path));
        if (Status read = readAll(in.get(), readBack, bytes.size(), path); !read.ok())
            return fail(read.error());
    }
    if (readBack != bytes)
        return fail(failure(SafeFileFaults::Step::ReadBack, EIO, path));
    if (check) {
        if (Status parsed = check(readBack); !parsed.ok())
            return fail(parsed.error());
    }

    if (::lstat(target.constData(), &existing) == 0 && !S_ISREG(existing.st_mode))
        return fail(notRegular(path));
    error = attempt(SafeFileFaults::Step::Rename, path, [&] { return ::rename(sibling.constData(), target.constData()); });
    if (error)
        return fail(failure(SafeFileFaults::Step::Rename, error, path));
    isSiblingMade = false;

    // The rename is only durable once the directory entry is on disk.
    const QByteArray directory = QFile::encodeName(QFileInfo(path).absolutePath());
    Descriptor dir(::open(directory.constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    error = attempt(SafeFileFaults::Step::SyncDirectory, path,
                    [&] { return dir.get() < 0 ? -1 : ::fsync(dir.get()); });
    if (error) {
        Error reported = failure(SafeFileFaults::Step::SyncDirectory, error, path);
        reported.detail += QStringLiteral(" (the new file is in place but may not survive a power cut)");
        return reported;
    }
    return {};
}

Result<QByteArray> SafeFile::read(const QString& path, qint64 maxBytes)
{
    const QByteArray name = QFile::encodeName(path);
    Descriptor in(::open(name.constData(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC));
    if (in.get() < 0) {
        if (errno == ENOENT)
            return makeError(ErrorCode::NotFound,
                             QCoreApplication::translate("confer::SafeFile", "The file is not there."),
                             QFileInfo(path).fileName());
        if (errno == ELOOP)
            return notRegular(path);
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("confer::SafeFile",
                                                     "A file in the store's folder could not be read."),
                         QStringLiteral("%1: %2").arg(QFileInfo(path).fileName(),
                                                      QString::fromLocal8Bit(std::strerror(errno))));
    }
    struct stat info {};
    if (::fstat(in.get(), &info) != 0 || !S_ISREG(info.st_mode))
        return notRegular(path);
    QByteArray bytes;
    if (Status read = readAll(in.get(), bytes, maxBytes, path); !read.ok()) {
        if (read.error().code == ErrorCode::StoreCorrupt)
            return read.error();
        return makeError(ErrorCode::Io,
                         QCoreApplication::translate("confer::SafeFile",
                                                     "A file in the store's folder could not be read."),
                         read.error().detail);
    }
    return bytes;
}

} // namespace confer
