#include "ShellTestSupport.h"

#include "meetings/StandardStageGates.h"
#include "partnership/PanelKind.h"
#include "shell/MainWindow.h"
#include "support/FindChild.h"
#include "unlock/UnlockScreen.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QTest>

#include <gtest/gtest.h>

namespace confer::test {

const PanelKindRegistry& shippedPanelKinds()
{
    static const PanelKindRegistry kinds = [] {
        auto loaded = PanelKindRegistry::load(standardStageGates());
        if (!loaded.ok()) {
            ADD_FAILURE() << "the shipped panel kinds do not load: " << loaded.error().message.toStdString();
            return PanelKindRegistry(standardStageGates());
        }
        return std::move(loaded.value());
    }();
    return kinds;
}

AppContext contextFor(TestStoreDir& dir, InMemoryDeviceSecretStore& secrets, ManualClock& clock)
{
    const KdfPolicy policy = KdfPolicy::cheapForTests();
    return AppContext{StorePaths(dir.path()), secrets, clock, shippedPanelKinds(), policy, policy.floor};
}

AppContext contextFor(TestSession& session)
{
    return contextFor(session.dir, session.deviceSecrets, session.clock);
}

void showActive(QWidget& window)
{
    window.resize(1366, 768);
    window.show();
    window.activateWindow();
    QApplication::setActiveWindow(&window);
    EXPECT_TRUE(QTest::qWaitForWindowExposed(&window));
    EXPECT_TRUE(QTest::qWaitForWindowActive(&window));
}

void unlockThroughScreen(MainWindow& window, const QString& login, const QString& passphrase)
{
    UnlockScreen* screen = child<UnlockScreen>(&window, QStringLiteral("unlockScreen"));
    auto* logins = child<QComboBox>(screen, QStringLiteral("unlockLogin"));
    const int index = logins->findText(login);
    ASSERT_GE(index, 0) << "login not offered: " << login.toStdString();
    // Choose the user with the keyboard, as the combo box is reached by Tab.
    logins->setFocus();
    while (logins->currentIndex() != index)
        QTest::keyClick(logins, logins->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    QTest::keyClicks(screen->passphraseEdit(), passphrase);
    QTest::keyClick(screen->passphraseEdit(), Qt::Key_Return);
}

void processDeferredDeletes()
{
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    QCoreApplication::processEvents();
}

} // namespace confer::test
