// The acceptance path of the shell, driven like a person would, with a clock moved by hand:
// set up a store, lock with Ctrl+L, fail and then succeed to unlock, go idle, and find nothing left.
#include "ShellTestSupport.h"
#include "accounts/PassphraseEntry.h"
#include "crypto/RecoveryKey.h"
#include "crypto/SecureBytes.h"
#include "platform/InactivityTimer.h"
#include "session/Session.h"
#include "setup/AdministratorPage.h"
#include "setup/ConfirmRecoveryKeyPage.h"
#include "setup/RecoveryKeyPage.h"
#include "setup/SetupWizard.h"
#include "shell/MainWindow.h"
#include "shell/Workspace.h"
#include "unlock/UnlockScreen.h"

#include <QAbstractButton>
#include <QAbstractItemModel>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTest>

#include <gtest/gtest.h>

namespace confer::test {
namespace {

const QString AdminPassphrase = QStringLiteral("quiet harbour under amber light");

bool isInside(const QObject* object, const QObject* ancestor)
{
    for (const QObject* o = object; o; o = o->parent()) {
        if (o == ancestor)
            return true;
    }
    return false;
}

// Models holding rows anywhere in the window other than the unlock screen's own user list.
QList<QAbstractItemModel*> modelsWithDataOutside(const MainWindow& window, const QObject* allowed)
{
    QList<QAbstractItemModel*> found;
    for (QAbstractItemModel* model : window.findChildren<QAbstractItemModel*>()) {
        if (model->rowCount() > 0 && !isInside(model, allowed))
            found << model;
    }
    return found;
}

void clickWizardButton(SetupWizard* wizard, QWizard::WizardButton which)
{
    QAbstractButton* button = wizard->button(which);
    ASSERT_TRUE(button->isVisible()) << "wizard button not shown: " << int(which);
    ASSERT_TRUE(button->isEnabled()) << "wizard button disabled: " << int(which);
    QTest::mouseClick(button, Qt::LeftButton);
}

TEST(ShellAcceptance, SetupThenLockThenUnlockThenIdle_LeavesOnlyTheUnlockScreenAndNoKey)
{
    TestStoreDir dir;
    InMemoryDeviceSecretStore secrets;
    ManualClock clock;
    const int liveBuffersBefore = SecureBytes::liveCount();
    {
        MainWindow window(contextFor(dir, secrets, clock));
        showActive(window);
        ASSERT_EQ(window.currentPage(), MainWindow::Page::Setup);
        SetupWizard* wizard = window.setupWizard();
        ASSERT_NE(wizard, nullptr);

        // Welcome -> Administrator, filled in with real key presses.
        clickWizardButton(wizard, QWizard::NextButton);
        ASSERT_EQ(wizard->currentId(), SetupWizard::AdministratorId);
        AdministratorPage* admin = wizard->administratorPage();
        EXPECT_TRUE(admin->deviceBindingCheck()->isChecked());
        QTest::keyClicks(admin->loginEdit(), QStringLiteral("chair1"));
        QTest::keyClicks(admin->displayNameEdit(), QStringLiteral("Sam Okafor"));
        QTest::keyClicks(admin->passphraseEntry().passphraseEdit(), AdminPassphrase);
        EXPECT_FALSE(wizard->button(QWizard::CommitButton)->isEnabled()) << "unconfirmed passphrase accepted";
        QTest::keyClicks(admin->passphraseEntry().confirmationEdit(), AdminPassphrase);

        // Create store: runs on a worker thread, then the wizard moves on by itself.
        clickWizardButton(wizard, QWizard::CommitButton);
        ASSERT_TRUE(QTest::qWaitFor([&] { return wizard->currentId() == SetupWizard::RecoveryKeyId; }, 60000))
            << "setup did not reach the recovery key; error: " << admin->errorLabel()->text().toStdString();
        EXPECT_TRUE(admin->passphraseEntry().passphraseEdit()->text().isEmpty())
            << "the passphrase stayed in the form after the store was created";

        // The key as displayed, and Copy going through the clipboard guard.
        RecoveryKeyPage* keyPage = wizard->recoveryKeyPage();
        const QString shownKey = keyPage->displayedKey();
        ASSERT_EQ(shownKey.split(QLatin1Char('-')).size(), RecoveryKey::GroupCount) << shownKey.toStdString();
        ASSERT_TRUE(RecoveryKey::parse(shownKey).ok()) << "the displayed key does not parse";
        QTest::mouseClick(keyPage->copyButton(), Qt::LeftButton);
        EXPECT_EQ(QGuiApplication::clipboard()->text(), shownKey);

        // Confirm: Finish only once both asked groups, read off the screen, are typed back.
        clickWizardButton(wizard, QWizard::NextButton);
        ASSERT_EQ(wizard->currentId(), SetupWizard::ConfirmId);
        ConfirmRecoveryKeyPage* confirm = wizard->confirmPage();
        const QList<int> asked = confirm->askedGroups();
        ASSERT_EQ(asked, RecoveryKey::confirmationGroups());
        QTest::keyClicks(confirm->groupEdit(0), keyPage->displayedGroup(asked[0]));
        EXPECT_FALSE(wizard->button(QWizard::FinishButton)->isEnabled()) << "Finish with one group typed";
        QTest::keyClicks(confirm->groupEdit(1), keyPage->displayedGroup(asked[1]).toLower());
        clickWizardButton(wizard, QWizard::FinishButton);

        // Straight into the workspace, signed in as the new administrator.
        ASSERT_EQ(window.currentPage(), MainWindow::Page::Workspace);
        ASSERT_NE(window.session(), nullptr);
        EXPECT_EQ(window.session()->currentUser().login, QStringLiteral("chair1"));
        EXPECT_TRUE(window.session()->isAdministrator());
        EXPECT_TRUE(window.session()->isDeviceBound());
        processDeferredDeletes();
        EXPECT_EQ(window.setupWizard(), nullptr) << "the wizard (and its recovery key) outlived setup";

        // Ctrl+L locks, and takes the copied key back from the clipboard.
        QTest::keyClick(window.workspace()->navigation(), Qt::Key_L, Qt::ControlModifier);
        ASSERT_EQ(window.currentPage(), MainWindow::Page::Unlock);
        EXPECT_EQ(window.session(), nullptr);
        EXPECT_NE(QGuiApplication::clipboard()->text(), shownKey)
            << "the recovery key stayed on the clipboard";

        // A wrong passphrase: the generic sentence, still locked.
        UnlockScreen* unlock = window.unlockScreen();
        EXPECT_TRUE(unlock->passphraseEdit()->text().isEmpty());
        unlockThroughScreen(window, QStringLiteral("chair1"),
                            QStringLiteral("quiet harbour under amber lite"));
        EXPECT_EQ(window.currentPage(), MainWindow::Page::Unlock);
        EXPECT_EQ(unlock->errorText(), QStringLiteral("The user name or passphrase is not correct."));
        EXPECT_TRUE(unlock->passphraseEdit()->text().isEmpty());

        // The right one.
        unlockThroughScreen(window, QStringLiteral("chair1"), AdminPassphrase);
        ASSERT_EQ(window.currentPage(), MainWindow::Page::Workspace);
        ASSERT_NE(window.session(), nullptr);
        Workspace* workspace = window.workspace();
        ASSERT_NE(workspace, nullptr);
        workspace->showSection(Workspace::Section::AuditTrail);
        ASSERT_FALSE(modelsWithDataOutside(window, unlock).isEmpty())
            << "the workspace shows no data, so the check after locking would prove nothing";

        // Idle past the auto-lock time.
        const qint64 timeoutMs = qint64(window.session()->autoLockMinutes()) * 60 * 1000;
        EXPECT_EQ(window.inactivityTimer().timeoutMs(), timeoutMs);
        clock.advanceMs(timeoutMs - 1000);
        window.inactivityTimer().check();
        ASSERT_EQ(window.currentPage(), MainWindow::Page::Workspace) << "locked before the timeout";
        clock.advanceMs(2000);
        window.inactivityTimer().check();

        EXPECT_EQ(window.currentPage(), MainWindow::Page::Unlock);
        EXPECT_EQ(window.session(), nullptr);
        EXPECT_EQ(window.workspace(), nullptr);
        processDeferredDeletes();
        EXPECT_TRUE(window.findChildren<Workspace*>().isEmpty()) << "the workspace still exists";
        EXPECT_TRUE(modelsWithDataOutside(window, unlock).isEmpty()) << "a model kept rows after the lock";
        EXPECT_TRUE(unlock->passphraseEdit()->text().isEmpty());
        EXPECT_EQ(SecureBytes::liveCount(), liveBuffersBefore)
            << "key material is still allocated after locking";
    }
    EXPECT_EQ(SecureBytes::liveCount(), liveBuffersBefore);
}

} // namespace
} // namespace confer::test
