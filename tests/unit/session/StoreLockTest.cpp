// StoreLock: one session per store, and a lock that cannot be written is told apart from a lock that
// another window holds. A full disk must never read "open in another Confer window".
#include "session/StoreLock.h"

#include "TestStoreDir.h"

#include <QDir>
#include <QFile>
#include <QProcess>

#include <gtest/gtest.h>
#include <unistd.h>

using namespace confer;

namespace {

bool isRoot()
{
    return ::geteuid() == 0;
}

// A small tmpfs mounted on a directory for the length of a test (root only, where mount is allowed).
class SmallTmpfs final {
public:
    SmallTmpfs(const QString& mountPoint, const QString& options)
        : m_mountPoint(mountPoint)
    {
        QDir().mkpath(mountPoint);
        QProcess mount;
        mount.start(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"), options,
                     QStringLiteral("confer-test"), mountPoint});
        m_isMounted = mount.waitForFinished(10000) && mount.exitStatus() == QProcess::NormalExit &&
                      mount.exitCode() == 0;
        if (!m_isMounted)
            m_whyNot = QString::fromLocal8Bit(mount.readAllStandardError()).trimmed();
    }
    ~SmallTmpfs()
    {
        if (m_isMounted)
            QProcess::execute(QStringLiteral("umount"), {m_mountPoint});
    }
    bool isMounted() const { return m_isMounted; }
    QString whyNot() const { return m_whyNot; }

private:
    QString m_mountPoint;
    bool m_isMounted = false;
    QString m_whyNot;
};

// Writes until the file system refuses: afterwards not one more byte fits.
void fillUp(const QString& directory)
{
    QFile filler(directory + QStringLiteral("/filler"));
    ASSERT_TRUE(filler.open(QIODevice::WriteOnly));
    const QByteArray block(4096, 'x');
    while (filler.write(block) == block.size() && filler.flush()) {
    }
    const QByteArray byte(1, 'x');
    while (filler.write(byte) == 1 && filler.flush()) {
    }
}

} // namespace

TEST(StoreLock, ASecondSessionOnTheSameStoreIsRefusedAsAlreadyOpen)
{
    test::TestStoreDir dir;
    auto first = StoreLock::acquire(StorePaths(dir.path()));
    ASSERT_TRUE(first.ok()) << first.error().message.toStdString();
    auto second = StoreLock::acquire(StorePaths(dir.path()));
    ASSERT_FALSE(second.ok());
    EXPECT_EQ(second.error().code, ErrorCode::Conflict);

    first.value().reset();
    EXPECT_TRUE(StoreLock::acquire(StorePaths(dir.path())).ok()) << "released with its session";
}

TEST(StoreLock, ALockFileHeldElsewhereSaysAnotherWindow)
{
    test::TestStoreDir dir;
    // Held the way another Confer process holds it: a live QLockFile on the same file.
    QLockFile elsewhere(dir.file(QStringLiteral("confer.lock")));
    ASSERT_TRUE(elsewhere.tryLock(0));

    auto refused = StoreLock::acquire(StorePaths(dir.path()));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Conflict);
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("another Confer window")))
        << refused.error().message.toStdString();
}

TEST(StoreLock, AFolderThatCannotBeWrittenIsNotAnotherWindow)
{
    test::TestStoreDir dir;
    const QString folder = dir.file(QStringLiteral("store"));
    std::unique_ptr<SmallTmpfs> readOnly;
    if (isRoot()) {
        // A chmod does not stop root; a read-only mount does.
        readOnly = std::make_unique<SmallTmpfs>(folder, QStringLiteral("ro,size=64k"));
        if (!readOnly->isMounted())
            GTEST_SKIP() << "running as root and mount -t tmpfs is refused here ("
                         << readOnly->whyNot().toStdString() << "), so no folder is read-only to root";
    } else {
        ASSERT_TRUE(QDir().mkpath(folder));
        ASSERT_TRUE(QFile::setPermissions(folder, QFileDevice::ReadOwner | QFileDevice::ExeOwner));
    }

    auto refused = StoreLock::acquire(StorePaths(folder));
    if (!isRoot())
        QFile::setPermissions(folder,
                              QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::Io);
    EXPECT_FALSE(refused.error().message.contains(QLatin1String("another Confer window")))
        << refused.error().message.toStdString();
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("may not write")))
        << refused.error().message.toStdString();
}

TEST(StoreLock, AFullDiskSaysTheDiskIsFull)
{
    if (!isRoot())
        GTEST_SKIP() << "filling a real disk needs a small tmpfs, and mounting one needs root";
    test::TestStoreDir dir;
    const QString folder = dir.file(QStringLiteral("store"));
    SmallTmpfs tmpfs(folder, QStringLiteral("size=64k"));
    if (!tmpfs.isMounted())
        GTEST_SKIP() << "mount -t tmpfs is refused here (" << tmpfs.whyNot().toStdString()
                     << "), so there is no small disk to fill";
    fillUp(folder);

    auto refused = StoreLock::acquire(StorePaths(folder));
    ASSERT_FALSE(refused.ok());
    EXPECT_EQ(refused.error().code, ErrorCode::DiskFull) << refused.error().detail.toStdString();
    EXPECT_FALSE(refused.error().message.contains(QLatin1String("another Confer window")))
        << refused.error().message.toStdString();
    EXPECT_TRUE(refused.error().message.contains(QLatin1String("full")))
        << refused.error().message.toStdString();
    EXPECT_FALSE(QFile::exists(folder + QStringLiteral("/confer.lock"))) << "no half-written lock is left";

    // Room again: the same store locks.
    ASSERT_TRUE(QFile::remove(folder + QStringLiteral("/filler")));
    EXPECT_TRUE(StoreLock::acquire(StorePaths(folder)).ok());
}
