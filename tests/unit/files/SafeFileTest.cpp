#include "files/SafeFile.h"

#include "SmallDisk.h"
#include "TestStoreDir.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

namespace confer {
namespace {

using Step = SafeFileFaults::Step;
using test::TestStoreDir;

const QList<Step> AllSteps = {Step::Open,     Step::Write,  Step::Sync,
                              Step::ReadBack, Step::Rename, Step::SyncDirectory};

std::string describe(const Error& error)
{
    return QString(error.message + QStringLiteral(" | ") + error.detail).toStdString();
}

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    ASSERT_TRUE(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    ASSERT_EQ(file.write(bytes), bytes.size());
}

// Everything in dir besides the expected names: a sibling left behind shows up here.
QStringList leftovers(const QString& dir, const QStringList& expected)
{
    QStringList names =
        QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System);
    for (const QString& name : expected)
        names.removeAll(name);
    return names;
}

// Clears the hook even when a test fails halfway.
struct HookGuard {
    explicit HookGuard(SafeFileFaults::Hook hook) { SafeFileFaults::setHook(std::move(hook)); }
    ~HookGuard() { SafeFileFaults::setHook({}); }
};

const QByteArray OldBytes = QByteArrayLiteral("old key slots, version 1\n");
QByteArray newBytes()
{
    return QByteArray(10000, 'n'); // several writes' worth would need more; one is enough to sweep
}

TEST(SafeFile, ReplaceCreatesAnOwnerOnlyFile)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    const mode_t previous = ::umask(0); // the most permissive umask must not widen the file
    const Status replaced = SafeFile::replace(path, newBytes());
    ::umask(previous);
    ASSERT_TRUE(replaced.ok()) << describe(replaced.error());
    EXPECT_EQ(readFile(path), newBytes());
    struct stat info {};
    ASSERT_EQ(::lstat(QFile::encodeName(path).constData(), &info), 0);
    EXPECT_EQ(info.st_mode & 07777, static_cast<mode_t>(0600));
    EXPECT_EQ(leftovers(dir.path(), {QStringLiteral("confer.keyslots")}), QStringList());
}

TEST(SafeFile, ReplaceOverAnExistingFileLeavesOnlyTheNewBytes)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    writeFile(path, OldBytes);
    int checks = 0;
    const Status replaced = SafeFile::replace(path, newBytes(), [&](const QByteArray& readBack) {
        ++checks;
        EXPECT_EQ(readBack, newBytes());
        return Status{};
    });
    ASSERT_TRUE(replaced.ok()) << describe(replaced.error());
    EXPECT_EQ(checks, 1);
    EXPECT_EQ(readFile(path), newBytes());
    EXPECT_EQ(leftovers(dir.path(), {QStringLiteral("confer.keyslots")}), QStringList());
}

TEST(SafeFile, InjectedFaultBeforeTheRenameLeavesTheOldFileAndNoSibling)
{
    for (const int injected : {ENOSPC, EIO}) {
        for (const Step step : AllSteps) {
            if (step == Step::SyncDirectory)
                continue; // after the rename: see the next test
            SCOPED_TRACE(testing::Message() << "step " << int(step) << ", errno " << injected);
            TestStoreDir dir;
            const QString path = dir.file(QStringLiteral("confer.keyslots"));
            writeFile(path, OldBytes);
            int consulted = 0;
            HookGuard guard([&](Step at, const QString& target) {
                EXPECT_EQ(target, path);
                if (at != step)
                    return 0;
                ++consulted;
                return injected;
            });
            const Status replaced = SafeFile::replace(path, newBytes());
            EXPECT_EQ(consulted, 1);
            ASSERT_FALSE(replaced.ok());
            EXPECT_EQ(replaced.error().code, injected == ENOSPC ? ErrorCode::DiskFull : ErrorCode::Io);
            EXPECT_FALSE(replaced.error().message.isEmpty());
            EXPECT_TRUE(replaced.error().detail.contains(QStringLiteral("confer.keyslots")))
                << describe(replaced.error());
            EXPECT_FALSE(replaced.error().detail.contains(dir.path()))
                << "the detail names the file, not the folder";
            EXPECT_EQ(readFile(path), OldBytes);
            EXPECT_EQ(leftovers(dir.path(), {QStringLiteral("confer.keyslots")}), QStringList());
        }
    }
}

TEST(SafeFile, FailedDirectorySyncIsReportedWithTheNewFileWhole)
{
    for (const int injected : {ENOSPC, EIO}) {
        SCOPED_TRACE(testing::Message() << "errno " << injected);
        TestStoreDir dir;
        const QString path = dir.file(QStringLiteral("confer.keyslots"));
        writeFile(path, OldBytes);
        HookGuard guard([&](Step at, const QString&) { return at == Step::SyncDirectory ? injected : 0; });
        const Status replaced = SafeFile::replace(path, newBytes());
        ASSERT_FALSE(replaced.ok());
        EXPECT_EQ(replaced.error().code, injected == ENOSPC ? ErrorCode::DiskFull : ErrorCode::Io);
        EXPECT_TRUE(replaced.error().detail.contains(QStringLiteral("not yet durable")))
            << describe(replaced.error());
        EXPECT_EQ(readFile(path), newBytes()) << "never a torn file: old or new, whole";
        EXPECT_EQ(leftovers(dir.path(), {QStringLiteral("confer.keyslots")}), QStringList());
    }
}

TEST(SafeFile, EveryStepIsConsultedInOrder)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    QList<Step> seen;
    HookGuard guard([&](Step at, const QString&) {
        seen << at;
        return 0;
    });
    ASSERT_TRUE(SafeFile::replace(path, OldBytes).ok());
    // The directory sync consults twice: opening the directory, then fsync on it.
    EXPECT_EQ(seen, (QList<Step>{Step::Open, Step::Write, Step::Sync, Step::ReadBack, Step::Rename,
                                 Step::SyncDirectory, Step::SyncDirectory}));
}

TEST(SafeFile, FailingReadBackCheckLeavesTheOldFile)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    writeFile(path, OldBytes);
    const Status replaced = SafeFile::replace(path, newBytes(), [](const QByteArray&) -> Status {
        return makeError(ErrorCode::StoreCorrupt, QStringLiteral("does not parse"));
    });
    ASSERT_FALSE(replaced.ok());
    EXPECT_EQ(replaced.error().code, ErrorCode::StoreCorrupt);
    EXPECT_EQ(readFile(path), OldBytes);
    EXPECT_EQ(leftovers(dir.path(), {QStringLiteral("confer.keyslots")}), QStringList());
}

TEST(SafeFile, SymlinkedTargetIsRefusedAndWhatItPointsAtIsUntouched)
{
    TestStoreDir dir;
    const QString elsewhere = dir.file(QStringLiteral("elsewhere"));
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    writeFile(elsewhere, OldBytes);
    ASSERT_EQ(::symlink(QFile::encodeName(elsewhere).constData(), QFile::encodeName(path).constData()), 0);
    const Status replaced = SafeFile::replace(path, newBytes());
    ASSERT_FALSE(replaced.ok());
    EXPECT_EQ(replaced.error().code, ErrorCode::InvalidInput);
    EXPECT_EQ(readFile(elsewhere), OldBytes);
    EXPECT_TRUE(QFileInfo(path).isSymLink());
    EXPECT_EQ(leftovers(dir.path(), {QStringLiteral("confer.keyslots"), QStringLiteral("elsewhere")}),
              QStringList());
}

TEST(SafeFile, DirectoryAsTargetIsRefused)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    ASSERT_TRUE(QDir().mkdir(path));
    const Status replaced = SafeFile::replace(path, newBytes());
    ASSERT_FALSE(replaced.ok());
    EXPECT_EQ(replaced.error().code, ErrorCode::InvalidInput);
    EXPECT_TRUE(QFileInfo(path).isDir());
}

TEST(SafeFile, ReadGivesTheWholeFile)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    writeFile(path, newBytes());
    auto bytes = SafeFile::read(path, newBytes().size());
    ASSERT_TRUE(bytes.ok()) << describe(bytes.error());
    EXPECT_EQ(*bytes, newBytes());
}

TEST(SafeFile, ReadRefusesMissingSymlinkedAndOversizeFiles)
{
    TestStoreDir dir;
    const QString path = dir.file(QStringLiteral("confer.keyslots"));
    auto missing = SafeFile::read(path, 1024);
    ASSERT_FALSE(missing.ok());
    EXPECT_EQ(missing.error().code, ErrorCode::NotFound);

    writeFile(path, newBytes());
    auto oversize = SafeFile::read(path, newBytes().size() - 1);
    ASSERT_FALSE(oversize.ok());
    EXPECT_EQ(oversize.error().code, ErrorCode::StoreCorrupt);

    const QString link = dir.file(QStringLiteral("confer.anchor"));
    ASSERT_EQ(::symlink(QFile::encodeName(path).constData(), QFile::encodeName(link).constData()), 0);
    auto linked = SafeFile::read(link, 1 << 20);
    ASSERT_FALSE(linked.ok());
    EXPECT_EQ(linked.error().code, ErrorCode::InvalidInput);

    auto directory = SafeFile::read(dir.path(), 1 << 20);
    ASSERT_FALSE(directory.ok());
    EXPECT_EQ(directory.error().code, ErrorCode::InvalidInput);
}

// A real full disk: a 64 KiB tmpfs, filled to the last byte. Mounting needs CAP_SYS_ADMIN (root on
// the CI machine, which is the same kind of machine as the development one, where mount works). A
// developer's unprivileged run, or a container without the capability, skips with the reason. On CI
// (CI set) or with CONFER_REQUIRE_TMPFS=1 it must run: failing to mount fails the test.
class SafeFileOnFullDisk : public ::testing::Test {
protected:
    void SetUp() override
    {
        m_mountPoint = m_dir.file(QStringLiteral("tmpfs"));
        ASSERT_TRUE(QDir().mkdir(m_mountPoint));
        const QByteArray target = QFile::encodeName(m_mountPoint);
        if (::mount("tmpfs", target.constData(), "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC,
                    "size=64k,mode=0700") != 0) {
            const std::string reason = std::string("cannot mount a tmpfs here (") + std::strerror(errno) +
                                       "; needs root / CAP_SYS_ADMIN)";
            if (!qEnvironmentVariableIsEmpty("CI") ||
                qEnvironmentVariable("CONFER_REQUIRE_TMPFS") == QLatin1String("1"))
                FAIL() << reason << ", but CI or CONFER_REQUIRE_TMPFS=1 requires this test to run";
            std::cout << "[  SKIPPED ] " << reason << '\n';
            GTEST_SKIP() << reason;
        }
        m_isMounted = true;
    }
    void TearDown() override
    {
        if (!m_isMounted)
            return;
        EXPECT_TRUE(test::unmountPatiently(m_mountPoint)) << "umount: " << std::strerror(errno);
    }

    TestStoreDir m_dir;
    QString m_mountPoint;
    bool m_isMounted = false;
};

TEST_F(SafeFileOnFullDisk, ReplaceReportsDiskFullAndLeavesTheOldFile)
{
    const QString path = m_mountPoint + QStringLiteral("/confer.keyslots");
    ASSERT_TRUE(SafeFile::replace(path, OldBytes).ok());

    // Fill every remaining block.
    {
        QFile filler(m_mountPoint + QStringLiteral("/filler"));
        ASSERT_TRUE(filler.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'f');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
    }
    const Status replaced = SafeFile::replace(path, newBytes());
    ASSERT_FALSE(replaced.ok()) << "the tmpfs was not full";
    EXPECT_EQ(replaced.error().code, ErrorCode::DiskFull) << describe(replaced.error());
    EXPECT_EQ(replaced.error().message.toStdString(),
              "There is not enough disk space in the store's folder, so nothing was changed. Free some space "
              "and try again.");
    EXPECT_EQ(readFile(path), OldBytes);
    EXPECT_EQ(leftovers(m_mountPoint, {QStringLiteral("confer.keyslots"), QStringLiteral("filler")}),
              QStringList());
    std::cout << "full tmpfs: " << describe(replaced.error()) << '\n';
}

} // namespace
} // namespace confer
