#include "StrayFileCheck.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>

namespace confer::test {

namespace {

QStringList rootsToWatch()
{
    QStringList roots{QDir::tempPath(), QStringLiteral("/var/tmp"), QStringLiteral("/dev/shm")};
    // /tmp is shared with compilers and other builds on a developer machine; CI runs nothing else.
    if (!qEnvironmentVariableIsEmpty("CI"))
        roots << QStringLiteral("/tmp");
    const QString home = QDir::homePath();
    if (home.contains(QLatin1String("test-home")))
        roots << home;
    roots.removeDuplicates();
    return roots;
}

} // namespace

StrayFileCheck::StrayFileCheck()
    : m_roots(rootsToWatch())
    , m_before(snapshot(m_roots))
{}

QString StrayFileCheck::allowedStoreRoot()
{
    return QDir::tempPath() + QStringLiteral("/confer-test-stores");
}

QSet<QString> StrayFileCheck::snapshot(const QStringList& roots)
{
    QSet<QString> files;
    for (const QString& root : roots) {
        QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QString path = it.next();
            if (!isAllowed(path))
                files.insert(path);
        }
    }
    return files;
}

bool StrayFileCheck::isAllowed(const QString& path)
{
    const QString home = QDir::homePath();
    static const QStringList allowedPrefixes = {
        allowedStoreRoot() + QLatin1Char('/'),
        home + QStringLiteral("/data/keyrings/"),    // gnome-keyring's own store: the OS keychain
        home + QStringLiteral("/run/"),              // sockets of the private D-Bus session and keyring
        home + QStringLiteral("/cache/fontconfig/"), // font cache: no personal data
        QStringLiteral("/tmp/.X11-unix/"),
        QStringLiteral("/tmp/.X"),
        QStringLiteral("/tmp/xvfb-run"),
        QStringLiteral("/tmp/dbus-"),
    };
    for (const QString& prefix : allowedPrefixes) {
        if (path.startsWith(prefix))
            return true;
    }
    return false;
}

QStringList StrayFileCheck::strayFiles() const
{
    QStringList stray;
    const QSet<QString> after = snapshot(m_roots);
    for (const QString& path : after) {
        if (!m_before.contains(path))
            stray << path;
    }
    stray.sort();
    return stray;
}

} // namespace confer::test
