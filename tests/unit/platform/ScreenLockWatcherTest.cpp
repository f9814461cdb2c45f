// Real D-Bus round trips on the session bus (the private one of ./build.sh test): a stand-in
// screensaver owns the well-known name and emits ActiveChanged as the real one does.
#include "platform/ScreenLockWatcher.h"

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

#include <string>

namespace confer {
namespace {

const QString FreedesktopService = QStringLiteral("org.freedesktop.ScreenSaver");
const QString FreedesktopPath = QStringLiteral("/org/freedesktop/ScreenSaver");
const QString GnomeService = QStringLiteral("org.gnome.ScreenSaver");
const QString GnomePath = QStringLiteral("/org/gnome/ScreenSaver");

bool isBusRequired()
{
    return !qEnvironmentVariableIsEmpty("CONFER_REQUIRE_KEYCHAIN");
}

// Sees every ActiveChanged on the bus, whoever sent it, so a test knows when the watcher (on the
// same connection) has been handed each message too.
class ActiveChangedProbe final : public QObject {
    Q_OBJECT
public:
    ActiveChangedProbe(const QString& path, const QString& interface)
    {
        QDBusConnection::sessionBus().connect(QString(), path, interface, QStringLiteral("ActiveChanged"),
                                              QStringLiteral("b"), this, SLOT(onActiveChanged(bool)));
    }
    int seen = 0;

private slots:
    void onActiveChanged(bool) { ++seen; }
};

// Its own connection to the session bus: standing in for the desktop's screensaver, or for any
// other program on the bus.
class BusPeer final {
public:
    BusPeer(QString connectionName, QString service, QString path)
        : m_connectionName(std::move(connectionName))
        , m_service(std::move(service))
        , m_path(std::move(path))
        , m_bus(QDBusConnection::connectToBus(QDBusConnection::SessionBus, m_connectionName))
    {}
    ~BusPeer() { QDBusConnection::disconnectFromBus(m_connectionName); }
    BusPeer(const BusPeer&) = delete;
    BusPeer& operator=(const BusPeer&) = delete;

    bool ownName() { return m_bus.registerService(m_service); }
    bool sendActiveChanged(bool isActive)
    {
        QDBusMessage signal = QDBusMessage::createSignal(m_path, m_service, QStringLiteral("ActiveChanged"));
        signal << isActive;
        return m_bus.send(signal);
    }

private:
    QString m_connectionName;
    QString m_service;
    QString m_path;
    QDBusConnection m_bus;
};

class ScreenLockWatcherTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        if (QDBusConnection::sessionBus().isConnected())
            return;
        const std::string why =
            "no session bus: " + QDBusConnection::sessionBus().lastError().message().toStdString();
        if (isBusRequired())
            FAIL() << why << " (CONFER_REQUIRE_KEYCHAIN is set)";
        GTEST_SKIP() << why;
    }

    // A real desktop's screensaver already owns the name; a test must not fight it.
    void ownOrSkip(BusPeer& screenSaver, const QString& service)
    {
        if (screenSaver.ownName())
            return;
        const std::string why =
            service.toStdString() + " is already owned on this session bus (a real desktop?)";
        if (isBusRequired())
            FAIL() << why;
        GTEST_SKIP() << why;
    }

    // Waits for D-Bus delivery (a real round trip, not a time-based behaviour) and then lets
    // every receiver of the same messages run.
    static bool waitUntilSeen(const ActiveChangedProbe& probe, int count)
    {
        const bool isSeen = QTest::qWaitFor([&] { return probe.seen >= count; }, 10000);
        QCoreApplication::sendPostedEvents();
        QCoreApplication::processEvents();
        return isSeen;
    }
};

TEST_F(ScreenLockWatcherTest, ScreenLockWatcher_ListensToBothScreenSaversOnTheSessionBus)
{
    ScreenLockWatcher watcher;
    EXPECT_GE(watcher.connectedSources(), 2);
}

// One test for both screensavers: every watcher listens to both, so two tests emitting at the same
// time on the shared bus would see each other's locks.
TEST_F(ScreenLockWatcherTest, ScreenLockWatcher_OnlyTheScreenSaversOwnActivationSignalsLock)
{
    const struct {
        QString service;
        QString path;
    } screenSavers[] = {{FreedesktopService, FreedesktopPath}, {GnomeService, GnomePath}};
    for (const auto& screenSaverName : screenSavers) {
        SCOPED_TRACE(screenSaverName.service.toStdString());
        BusPeer screenSaver(QStringLiteral("confer-fake-screensaver"), screenSaverName.service,
                            screenSaverName.path);
        BusPeer impostor(QStringLiteral("confer-impostor"), screenSaverName.service, screenSaverName.path);
        ownOrSkip(screenSaver, screenSaverName.service);
        if (IsSkipped() || HasFatalFailure())
            return;
        // Made after the screensaver is on the bus, as on a desktop: Qt then asks for the name's
        // owner at once. (Qt learns of a later owner asynchronously, which a test cannot wait for.)
        ScreenLockWatcher watcher;
        QSignalSpy locked(&watcher, &ScreenLockWatcher::screenLocked);
        ActiveChangedProbe probe(screenSaverName.path, screenSaverName.service);

        // Any program on the bus can send this signal; only the screensaver's own counts.
        ASSERT_TRUE(impostor.sendActiveChanged(true));
        ASSERT_TRUE(screenSaver.sendActiveChanged(false)); // the screen waking up is not a lock
        ASSERT_TRUE(screenSaver.sendActiveChanged(true));

        ASSERT_TRUE(waitUntilSeen(probe, 3)) << "the ActiveChanged signals never came back over the bus";
        EXPECT_EQ(locked.count(), 1);
    }
}

} // namespace
} // namespace confer

#include "ScreenLockWatcherTest.moc"
