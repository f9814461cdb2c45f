#include "platform/ScreenLockWatcher.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>

#include <unistd.h>

namespace confer {

namespace {

const QString ScreenSaverSignal = QStringLiteral("ActiveChanged");
const QString LogindService = QStringLiteral("org.freedesktop.login1");

// logind's object path for the session this process runs in; empty when there is none.
QString currentLogindSession(const QDBusConnection& systemBus)
{
    const QString managerPath = QStringLiteral("/org/freedesktop/login1");
    const QString managerInterface = QStringLiteral("org.freedesktop.login1.Manager");
    QDBusMessage byPid = QDBusMessage::createMethodCall(LogindService, managerPath, managerInterface,
                                                        QStringLiteral("GetSessionByPID"));
    byPid << quint32(getpid());
    QDBusReply<QDBusObjectPath> reply = systemBus.call(byPid, QDBus::Block, 2000);
    if (reply.isValid())
        return reply.value().path();
    // Started outside the session (a service, a terminal multiplexer): "auto" resolves to the
    // caller's graphical session. Signals come from the real path, so resolve it here.
    QDBusMessage byName = QDBusMessage::createMethodCall(LogindService, managerPath, managerInterface,
                                                         QStringLiteral("GetSession"));
    byName << QStringLiteral("auto");
    reply = systemBus.call(byName, QDBus::Block, 2000);
    return reply.isValid() ? reply.value().path() : QString();
}

} // namespace

ScreenLockWatcher::ScreenLockWatcher(QObject* parent)
    : QObject(parent)
{
    QDBusConnection sessionBus = QDBusConnection::sessionBus();
    if (sessionBus.isConnected()) {
        // Bound to the service name, so only the screensaver that owns it can lock us.
        const struct {
            QString service;
            QString path;
        } screenSavers[] = {
            {QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("/org/freedesktop/ScreenSaver")},
            {QStringLiteral("org.gnome.ScreenSaver"), QStringLiteral("/org/gnome/ScreenSaver")},
        };
        for (const auto& screenSaver : screenSavers) {
            if (sessionBus.connect(screenSaver.service, screenSaver.path, screenSaver.service,
                                   ScreenSaverSignal, QStringLiteral("b"), this,
                                   SLOT(onScreenSaverActiveChanged(bool))))
                ++m_connectedSources;
        }
    }

    QDBusConnection systemBus = QDBusConnection::systemBus();
    if (systemBus.isConnected()) {
        const QString sessionPath = currentLogindSession(systemBus);
        if (!sessionPath.isEmpty() &&
            systemBus.connect(LogindService, sessionPath, QStringLiteral("org.freedesktop.login1.Session"),
                              QStringLiteral("Lock"), this, SLOT(onSessionLock())))
            ++m_connectedSources;
    }
}

void ScreenLockWatcher::onScreenSaverActiveChanged(bool isActive)
{
    // ActiveChanged(false) is the screen coming back: Confer stays locked until the user unlocks it.
    if (isActive)
        emit screenLocked();
}

void ScreenLockWatcher::onSessionLock()
{
    emit screenLocked();
}

} // namespace confer
