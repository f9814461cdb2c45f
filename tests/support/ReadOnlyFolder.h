#pragma once

#include "SmallDisk.h"

#include <QDir>
#include <QFile>
#include <QString>

#include <gtest/gtest.h>
#include <sys/mount.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace confer::test {

// A folder nobody may write in: a read-only tmpfs when running as root (a chmod does not stop root),
// otherwise a folder without write permission.
class ReadOnlyFolder final {
public:
    explicit ReadOnlyFolder(const QString& path)
        : m_path(path)
    {
        QDir().mkpath(path);
        if (::geteuid() != 0) {
            m_isReady = QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::ExeOwner);
            return;
        }
        m_isMounted = ::mount("tmpfs", QFile::encodeName(path).constData(), "tmpfs",
                              MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=64k") == 0;
        if (!m_isMounted)
            m_whyNot = QString::fromLocal8Bit(std::strerror(errno));
        m_isReady = m_isMounted;
    }
    ~ReadOnlyFolder()
    {
        if (m_isMounted)
            EXPECT_TRUE(test::unmountPatiently(m_path)) << "umount: " << std::strerror(errno);
        else
            QFile::setPermissions(m_path,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    }
    bool isReady() const { return m_isReady; }
    QString whyNot() const { return m_whyNot; }

private:
    QString m_path;
    bool m_isMounted = false;
    bool m_isReady = false;
    QString m_whyNot;
};

} // namespace confer::test
