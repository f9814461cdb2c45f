#include "SmallDisk.h"

#include <QFile>
#include <QThread>

#include <sys/mount.h>

#include <cerrno>

namespace confer::test {

bool unmountPatiently(const QString& mountPoint)
{
    const QByteArray target = QFile::encodeName(mountPoint);
    for (int attempt = 0; attempt < 20; ++attempt) {
        if (::umount2(target.constData(), 0) == 0)
            return true;
        if (errno != EBUSY)
            break;
        QThread::msleep(50);
    }
    return ::umount2(target.constData(), MNT_DETACH) == 0;
}

} // namespace confer::test
