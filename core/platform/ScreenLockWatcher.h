#pragma once

#include <QObject>

namespace confer {

// Tells when the desktop session locks: the freedesktop and GNOME screensaver ActiveChanged(true)
// signals on the session bus, and logind's Lock signal for this session on the system bus, where
// present. Absent services are simply not listened to.
class ScreenLockWatcher final : public QObject {
    Q_OBJECT
public:
    explicit ScreenLockWatcher(QObject* parent = nullptr);
    int connectedSources() const { return m_connectedSources; }

signals:
    void screenLocked();

private slots:
    void onScreenSaverActiveChanged(bool isActive);
    void onSessionLock();

private:
    int m_connectedSources = 0;
};

} // namespace confer
