#include "unlock/UnlockScreen.h"

#include "ShellTestSupport.h"
#include "accounts/PassphraseEntry.h"
#include "session/Session.h"
#include "session/StorePaths.h"
#include "shell/AppContext.h"
#include "shell/MainWindow.h"
#include "support/FindChild.h"
#include "unlock/RecoveryDialog.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

namespace confer::test {
namespace {

const QString GenericError = QStringLiteral("The user name or passphrase is not correct.");

class UnlockScreenTest : public ::testing::Test {
protected:
    UnlockScreenTest()
    {
        store.sessionPtr().reset(); // the store starts locked, as on a fresh start of the app
        window = std::make_unique<MainWindow>(contextFor(store));
        showActive(*window);
        screen = child<UnlockScreen>(window.get(), QStringLiteral("unlockScreen"));
    }

    void failOnce()
    {
        unlockThroughScreen(*window, QString::fromLatin1(TestSession::AdminLogin),
                            QStringLiteral("definitely not the passphrase"));
    }

    TestSession store;
    std::unique_ptr<MainWindow> window;
    UnlockScreen* screen = nullptr;
};

TEST_F(UnlockScreenTest, ExistingStore_OpensOnTheUnlockScreenListingItsLogins)
{
    EXPECT_EQ(window->currentPage(), MainWindow::Page::Unlock);
    ASSERT_EQ(child<QComboBox>(screen, QStringLiteral("unlockLogin"))->count(), 1);
    EXPECT_EQ(child<QComboBox>(screen, QStringLiteral("unlockLogin"))->itemText(0),
              QString::fromLatin1(TestSession::AdminLogin));
    EXPECT_EQ(screen->passphraseEdit()->echoMode(), QLineEdit::Password);
    EXPECT_TRUE(child<QPushButton>(screen, QStringLiteral("unlockButton"))->isDefault());
}

TEST_F(UnlockScreenTest, WrongPassphrase_ShowsTheGenericSentenceAndStaysLocked)
{
    failOnce();
    EXPECT_EQ(window->currentPage(), MainWindow::Page::Unlock);
    EXPECT_EQ(window->session(), nullptr);
    EXPECT_EQ(shownError(screen, QStringLiteral("unlockError")), GenericError);
    EXPECT_TRUE(shownText(screen, QStringLiteral("unlockWait")).isEmpty())
        << "the first failure must not make anyone wait";
}

TEST_F(UnlockScreenTest, DamagedCopyOfTheKeyFile_SignsInWithTheOtherAndSaysItWasRepaired)
{
    QFile first(StorePaths(store.dir.path()).keySlotFile());
    ASSERT_TRUE(first.open(QIODevice::WriteOnly | QIODevice::Truncate));
    first.write("{ damaged");
    first.close();
    unlockThroughScreen(*window, QString::fromLatin1(TestSession::AdminLogin),
                        TestSession::adminPassphrase());
    ASSERT_NE(window->session(), nullptr);
    auto* notice = window->findChild<QMessageBox*>(QStringLiteral("signInNotices"));
    ASSERT_NE(notice, nullptr);
    EXPECT_TRUE(notice->text().contains(QLatin1String("repaired"))) << notice->text().toStdString();
    QTest::keyClick(notice, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(
        !window->findChild<QMessageBox*>(QStringLiteral("signInNotices")) ||
            !window->findChild<QMessageBox*>(QStringLiteral("signInNotices"))->isVisible(),
        5000);
}

TEST_F(UnlockScreenTest, CleanSignIn_ShowsNoRepairNotice)
{
    unlockThroughScreen(*window, QString::fromLatin1(TestSession::AdminLogin),
                        TestSession::adminPassphrase());
    ASSERT_NE(window->session(), nullptr);
    EXPECT_EQ(window->findChild<QMessageBox*>(QStringLiteral("signInNotices")), nullptr);
}

TEST_F(UnlockScreenTest, FailureThatIsNotAGuess_ShowsItsOwnSentenceAndNeverMakesAnyoneWait)
{
    // The store's files go away after the screen listed its logins: core says so (NotFound), and
    // however often that is tried, it is not a guess at a passphrase.
    ASSERT_TRUE(QFile::remove(StorePaths(store.dir.path()).keySlotFile()));
    ASSERT_TRUE(QFile::remove(StorePaths(store.dir.path()).keySlotSecondCopy()));
    for (int i = 0; i < 4; ++i)
        unlockThroughScreen(*window, QString::fromLatin1(TestSession::AdminLogin),
                            TestSession::adminPassphrase());

    EXPECT_EQ(window->session(), nullptr);
    EXPECT_EQ(shownError(screen, QStringLiteral("unlockError")),
              QStringLiteral("There is no Confer store in this folder."));
    EXPECT_TRUE(shownText(screen, QStringLiteral("unlockWait")).isEmpty())
        << "a failure that is not a guess was throttled";
    EXPECT_EQ(screen->throttle().consecutiveFailures(), 0);
    EXPECT_TRUE(child<QPushButton>(screen, QStringLiteral("unlockButton"))->isEnabled());
}

TEST_F(UnlockScreenTest, ThirdAndLaterFailures_LockTheFormForGrowingTimes)
{
    failOnce();
    failOnce();
    EXPECT_TRUE(screen->passphraseEdit()->isEnabled());
    EXPECT_TRUE(child<QPushButton>(screen, QStringLiteral("unlockButton"))->isEnabled());

    failOnce(); // third: one second
    EXPECT_FALSE(screen->passphraseEdit()->isEnabled());
    EXPECT_FALSE(child<QPushButton>(screen, QStringLiteral("unlockButton"))->isEnabled());
    EXPECT_EQ(shownText(screen, QStringLiteral("unlockWait")),
              QStringLiteral("Too many attempts. Try again in 1 s."));
    EXPECT_EQ(shownError(screen, QStringLiteral("unlockError")), GenericError);

    // An attempt during the wait does not reach the store, even with the right passphrase.
    screen->passphraseEdit()->setText(TestSession::adminPassphrase());
    screen->attemptUnlock();
    EXPECT_EQ(window->session(), nullptr);
    screen->passphraseEdit()->clear();

    store.clock.advanceMs(999);
    screen->recheckThrottle();
    EXPECT_FALSE(child<QPushButton>(screen, QStringLiteral("unlockButton"))->isEnabled())
        << "released before the second was up";
    store.clock.advanceMs(1);
    screen->recheckThrottle();
    EXPECT_TRUE(child<QPushButton>(screen, QStringLiteral("unlockButton"))->isEnabled());
    EXPECT_TRUE(screen->passphraseEdit()->isEnabled());
    EXPECT_TRUE(shownText(screen, QStringLiteral("unlockWait")).isEmpty());

    failOnce(); // fourth: two seconds
    EXPECT_EQ(shownText(screen, QStringLiteral("unlockWait")),
              QStringLiteral("Too many attempts. Try again in 2 s."));
    store.clock.advanceMs(1000);
    screen->recheckThrottle();
    EXPECT_EQ(shownText(screen, QStringLiteral("unlockWait")),
              QStringLiteral("Too many attempts. Try again in 1 s."));
    store.clock.advanceMs(1000);
    screen->recheckThrottle();

    failOnce(); // fifth: four seconds
    EXPECT_EQ(shownText(screen, QStringLiteral("unlockWait")),
              QStringLiteral("Too many attempts. Try again in 4 s."));
    store.clock.advanceMs(4000);
    screen->recheckThrottle();

    // Success clears the count: the next failure is free again.
    unlockThroughScreen(*window, QString::fromLatin1(TestSession::AdminLogin),
                        TestSession::adminPassphrase());
    ASSERT_EQ(window->currentPage(), MainWindow::Page::Workspace);
    EXPECT_EQ(screen->throttle().consecutiveFailures(), 0);
    window->lock();
    failOnce();
    EXPECT_TRUE(shownText(screen, QStringLiteral("unlockWait")).isEmpty());
}

// The throttle with the real QTimer and the system clock: after the third failure the form is locked,
// and the screen's own timer (no recheck by hand) releases it once the one-second wait is over — not
// before. UnlockThrottle's delays are fixed (1 s is its shortest), so this test waits one real second.
TEST(UnlockScreenRealTime, ThrottleTimer_ReleasesTheFormWhenTheWaitIsOver)
{
    TestSession store;
    store.sessionPtr().reset();
    const KdfPolicy policy = KdfPolicy::cheapForTests();
    const AppContext context{StorePaths(store.dir.path()),
                             store.deviceSecrets,
                             SystemClock::instance(),
                             shippedPanelKinds(),
                             policy,
                             policy.floor};
    MainWindow window(context);
    showActive(window);
    UnlockScreen* screen = child<UnlockScreen>(&window, QStringLiteral("unlockScreen"));
    for (int i = 0; i < UnlockThrottle::FreeAttempts; ++i) {
        unlockThroughScreen(window, QString::fromLatin1(TestSession::AdminLogin),
                            QStringLiteral("definitely not the passphrase"));
    }
    QElapsedTimer elapsed;
    elapsed.start();
    ASSERT_FALSE(child<QPushButton>(screen, QStringLiteral("unlockButton"))->isEnabled())
        << "the third failure did not lock the form";
    EXPECT_EQ(shownText(screen, QStringLiteral("unlockWait")),
              QStringLiteral("Too many attempts. Try again in 1 s."));

    QTest::qWait(500);
    EXPECT_FALSE(child<QPushButton>(screen, QStringLiteral("unlockButton"))->isEnabled())
        << "released before the second was up";
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return child<QPushButton>(screen, QStringLiteral("unlockButton"))->isEnabled(); }, 3000))
        << "the form was not released within three seconds";
    EXPECT_GE(elapsed.elapsed(), 900);
    EXPECT_TRUE(screen->passphraseEdit()->isEnabled());
    EXPECT_TRUE(shownText(screen, QStringLiteral("unlockWait")).isEmpty());
}

TEST_F(UnlockScreenTest, LockingAgain_DoesNotResetTheFailureCount)
{
    failOnce();
    failOnce();
    window->lock(); // nothing unlocked: must not give a guesser a fresh start
    failOnce();
    EXPECT_FALSE(shownText(screen, QStringLiteral("unlockWait")).isEmpty());
}

TEST(UnlockScreenKeychain, UnreachableKeychain_SaysSoAndPointsToTheRecoveryKeyWithoutPenalty)
{
    TestSession store;
    store.sessionPtr().reset();
    store.deviceSecrets.isUnavailable = true;
    MainWindow window(contextFor(store));
    showActive(window);
    UnlockScreen* screen = child<UnlockScreen>(&window, QStringLiteral("unlockScreen"));

    for (int i = 0; i < 4; ++i)
        unlockThroughScreen(window, QString::fromLatin1(TestSession::AdminLogin),
                            TestSession::adminPassphrase());

    EXPECT_EQ(window.session(), nullptr);
    EXPECT_NE(shownError(screen, QStringLiteral("unlockError")), GenericError);
    EXPECT_TRUE(shownError(screen, QStringLiteral("unlockError")).contains(QStringLiteral("recovery key")))
        << shownError(screen, QStringLiteral("unlockError")).toStdString();
    EXPECT_TRUE(child<QPushButton>(screen, QStringLiteral("recoveryButton"))->isVisible());
    EXPECT_TRUE(shownText(screen, QStringLiteral("unlockWait")).isEmpty())
        << "a keychain fault is not a guess and must not be throttled";
}

TEST(UnlockScreenRecovery, RecoveryKeyWithNewPassphrase_OpensTheStore)
{
    TestSession store;
    const QString recoveryKey = store.recoveryKeyText();
    store.sessionPtr().reset();
    store.deviceSecrets.isUnavailable = true; // the keychain is gone: only the recovery key helps
    MainWindow window(contextFor(store));
    showActive(window);
    unlockThroughScreen(window, QString::fromLatin1(TestSession::AdminLogin), TestSession::adminPassphrase());
    ASSERT_EQ(window.session(), nullptr);
    store.deviceSecrets.isUnavailable = false; // a new keychain on this computer

    QTest::mouseClick(child<QPushButton>(&window, QStringLiteral("recoveryButton")), Qt::LeftButton);
    auto* dialog = window.findChild<RecoveryDialog*>();
    ASSERT_NE(dialog, nullptr);
    ASSERT_TRUE(dialog->isVisible());
    EXPECT_EQ(child<QComboBox>(dialog, QStringLiteral("recoveryLogin"))->currentText(),
              QString::fromLatin1(TestSession::AdminLogin));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("recoveryKey")), recoveryKey);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPassphrase")), memberPassphrase());
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPassphrase")), memberPassphrase());
    QTest::keyClick(child<QLineEdit>(dialog, QStringLiteral("confirmPassphrase")), Qt::Key_Return);

    ASSERT_EQ(window.currentPage(), MainWindow::Page::Workspace) << shownError(dialog).toStdString();
    ASSERT_NE(window.session(), nullptr);
    window.lock();
    unlockThroughScreen(window, QString::fromLatin1(TestSession::AdminLogin), memberPassphrase());
    EXPECT_EQ(window.currentPage(), MainWindow::Page::Workspace)
        << "the new passphrase does not open the store";
}

TEST(UnlockScreenRecovery, WrongRecoveryKey_ShowsTheErrorAndStaysLocked)
{
    TestSession store;
    store.sessionPtr().reset();
    MainWindow window(contextFor(store));
    showActive(window);

    QTest::mouseClick(child<QPushButton>(&window, QStringLiteral("recoveryButton")), Qt::LeftButton);
    auto* dialog = window.findChild<RecoveryDialog*>();
    ASSERT_NE(dialog, nullptr);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("recoveryKey")),
                     QStringLiteral("0000-0000-0000-0000"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPassphrase")), memberPassphrase());
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPassphrase")), memberPassphrase());
    QTest::keyClick(child<QLineEdit>(dialog, QStringLiteral("confirmPassphrase")), Qt::Key_Return);

    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(shownError(dialog).isEmpty());
    EXPECT_EQ(window.session(), nullptr);
    EXPECT_EQ(window.currentPage(), MainWindow::Page::Unlock);
}

} // namespace
} // namespace confer::test
