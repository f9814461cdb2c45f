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
#include "support/FindChild.h"
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
#include <QRegularExpression>
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

// Welcome -> Administrator (filled in with real key presses) -> Create store, up to the recovery key.
void createStoreThroughWizard(MainWindow& window)
{
    ASSERT_EQ(window.currentPage(), MainWindow::Page::Setup);
    SetupWizard* wizard = window.setupWizard();
    ASSERT_NE(wizard, nullptr);

    clickWizardButton(wizard, QWizard::NextButton);
    ASSERT_EQ(wizard->currentId(), SetupWizard::AdministratorId);
    AdministratorPage* admin = child<AdministratorPage>(wizard, QStringLiteral("administratorPage"));
    EXPECT_TRUE(child<QCheckBox>(admin, QStringLiteral("bindToDevice"))->isChecked());
    QTest::keyClicks(child<QLineEdit>(admin, QStringLiteral("adminLogin")), QStringLiteral("chair1"));
    QTest::keyClicks(child<QLineEdit>(admin, QStringLiteral("adminDisplayName")),
                     QStringLiteral("Sam Okafor"));
    QTest::keyClicks(child<QLineEdit>(admin, QStringLiteral("newPassphrase")), AdminPassphrase);
    EXPECT_FALSE(wizard->button(QWizard::CommitButton)->isEnabled()) << "unconfirmed passphrase accepted";
    QTest::keyClicks(child<QLineEdit>(admin, QStringLiteral("confirmPassphrase")), AdminPassphrase);

    // Create store: runs on a worker thread, then the wizard moves on by itself.
    clickWizardButton(wizard, QWizard::CommitButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return wizard->currentId() == SetupWizard::RecoveryKeyId; }, 60000))
        << "setup did not reach the recovery key; error: "
        << child<QLabel>(admin, QStringLiteral("setupError"))->text().toStdString();
    EXPECT_TRUE(child<QLineEdit>(admin, QStringLiteral("newPassphrase"))->text().isEmpty())
        << "the passphrase stayed in the form after the store was created";
}

bool isSomeGroupShown(const RecoveryKeyPage* keyPage)
{
    for (int group = 1; group <= RecoveryKey::GroupCount; ++group) {
        if (!keyPage->displayedGroup(group).isEmpty())
            return true;
    }
    return false;
}

TEST(ShellAcceptance, SetupThenLockThenUnlockThenIdle_LeavesOnlyTheUnlockScreenAndNoKey)
{
    TestStoreDir dir;
    InMemoryDeviceSecretStore secrets;
    ManualClock clock;
    QGuiApplication::clipboard()->clear();
    const int liveBuffersBefore = SecureBytes::liveCount();
    {
        MainWindow window(contextFor(dir, secrets, clock));
        showActive(window);
        ASSERT_NO_FATAL_FAILURE(createStoreThroughWizard(window));
        SetupWizard* wizard = window.setupWizard();

        // The key as displayed, and no way to put it on the clipboard (whose managers keep history on
        // disk): no Copy button, groups that cannot be selected, and Ctrl+C copies nothing.
        RecoveryKeyPage* keyPage = child<RecoveryKeyPage>(wizard, QStringLiteral("recoveryKeyPage"));
        const QString shownKey = keyPage->displayedKey();
        ASSERT_EQ(shownKey.split(QLatin1Char('-')).size(), RecoveryKey::GroupCount) << shownKey.toStdString();
        ASSERT_TRUE(RecoveryKey::parse(shownKey).ok()) << "the displayed key does not parse";
        for (const QAbstractButton* button : keyPage->findChildren<QAbstractButton*>()) {
            EXPECT_FALSE(button->text().contains(QStringLiteral("copy"), Qt::CaseInsensitive))
                << "the recovery key page offers: " << button->text().toStdString();
        }
        const QList<QLabel*> groupLabels =
            keyPage->findChildren<QLabel*>(QRegularExpression(QStringLiteral("^recoveryGroup\\d+$")));
        ASSERT_EQ(groupLabels.size(), RecoveryKey::GroupCount);
        for (const QLabel* label : groupLabels) {
            EXPECT_FALSE(label->textInteractionFlags() &
                         (Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard))
                << "a group of the key can be selected, and so copied";
        }
        QTest::keyClick(keyPage, Qt::Key_C, Qt::ControlModifier);
        EXPECT_TRUE(QGuiApplication::clipboard()->text().isEmpty());

        // Confirm: Finish only once both asked groups, read off the screen, are typed back.
        clickWizardButton(wizard, QWizard::NextButton);
        ASSERT_EQ(wizard->currentId(), SetupWizard::ConfirmId);
        ConfirmRecoveryKeyPage* confirm =
            child<ConfirmRecoveryKeyPage>(wizard, QStringLiteral("confirmRecoveryKeyPage"));
        const QList<int> asked = confirm->askedGroups();
        ASSERT_EQ(asked, RecoveryKey::confirmationGroups());
        QTest::keyClicks(confirm->groupEdit(0), keyPage->displayedGroup(asked[0]));
        EXPECT_FALSE(wizard->button(QWizard::FinishButton)->isEnabled()) << "Finish with one group typed";
        QTest::keyClicks(confirm->groupEdit(1), keyPage->displayedGroup(asked[1]).toLower());
        clickWizardButton(wizard, QWizard::FinishButton);
        EXPECT_TRUE(QGuiApplication::clipboard()->text().isEmpty()) << "setup put something on the clipboard";

        // Straight into the workspace, signed in as the new administrator.
        ASSERT_EQ(window.currentPage(), MainWindow::Page::Workspace);
        ASSERT_NE(window.session(), nullptr);
        EXPECT_EQ(window.session()->currentUser().login, QStringLiteral("chair1"));
        EXPECT_TRUE(window.session()->isAdministrator());
        EXPECT_TRUE(window.session()->isDeviceBound());
        processDeferredDeletes();
        EXPECT_EQ(window.setupWizard(), nullptr) << "the wizard (and its recovery key) outlived setup";

        // Ctrl+L locks.
        QTest::keyClick(window.workspace()->navigation(), Qt::Key_L, Qt::ControlModifier);
        ASSERT_EQ(window.currentPage(), MainWindow::Page::Unlock);
        EXPECT_EQ(window.session(), nullptr);
        EXPECT_TRUE(QGuiApplication::clipboard()->text().isEmpty());

        // A wrong passphrase: the generic sentence, still locked.
        UnlockScreen* unlock = child<UnlockScreen>(&window, QStringLiteral("unlockScreen"));
        EXPECT_TRUE(unlock->passphraseEdit()->text().isEmpty());
        unlockThroughScreen(window, QStringLiteral("chair1"),
                            QStringLiteral("quiet harbour under amber lite"));
        EXPECT_EQ(window.currentPage(), MainWindow::Page::Unlock);
        EXPECT_EQ(shownError(unlock, QStringLiteral("unlockError")),
                  QStringLiteral("The user name or passphrase is not correct."));
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

TEST(ShellAcceptance, LockWhileSetupShowsTheRecoveryKey_HidesItUntilTheAdministratorSignsInAgain)
{
    TestStoreDir dir;
    InMemoryDeviceSecretStore secrets;
    ManualClock clock;
    MainWindow window(contextFor(dir, secrets, clock));
    showActive(window);
    ASSERT_NO_FATAL_FAILURE(createStoreThroughWizard(window));
    SetupWizard* wizard = window.setupWizard();
    RecoveryKeyPage* keyPage = child<RecoveryKeyPage>(wizard, QStringLiteral("recoveryKeyPage"));
    const QString shownKey = keyPage->displayedKey();
    ASSERT_TRUE(RecoveryKey::parse(shownKey).ok()) << shownKey.toStdString();
    ASSERT_NE(wizard->session(), nullptr);

    // Idle with the key on screen: the wizard is watched with the store's auto-lock time.
    ASSERT_TRUE(window.inactivityTimer().isActive()) << "nothing watches an idle setup wizard";
    const qint64 timeoutMs = window.inactivityTimer().timeoutMs();
    clock.advanceMs(timeoutMs - 1000);
    window.inactivityTimer().check();
    ASSERT_EQ(keyPage->displayedKey(), shownKey) << "hidden before the timeout";
    clock.advanceMs(2000);
    window.inactivityTimer().check();

    EXPECT_EQ(window.currentPage(), MainWindow::Page::Setup);
    EXPECT_EQ(wizard->currentId(), SetupWizard::RecoveryKeyId);
    EXPECT_TRUE(keyPage->isKeyHidden());
    EXPECT_FALSE(isSomeGroupShown(keyPage)) << "a group of the key stayed on screen";
    EXPECT_EQ(wizard->session(), nullptr) << "the store stayed open in an idle wizard";
    EXPECT_FALSE(wizard->button(QWizard::NextButton)->isEnabled()) << "the hidden key can be skipped";

    // A wrong passphrase shows core's sentence and nothing of the key.
    QTest::keyClicks(child<QLineEdit>(keyPage, QStringLiteral("recoveryKeyPassphrase")),
                     QStringLiteral("quiet harbour under amber lite"));
    QTest::keyClick(child<QLineEdit>(keyPage, QStringLiteral("recoveryKeyPassphrase")), Qt::Key_Return);
    EXPECT_TRUE(keyPage->isKeyHidden());
    EXPECT_FALSE(isSomeGroupShown(keyPage));
    EXPECT_EQ(shownError(keyPage, QStringLiteral("recoveryKeyHiddenError")),
              QStringLiteral("The user name or passphrase is not correct."));
    EXPECT_TRUE(child<QLineEdit>(keyPage, QStringLiteral("recoveryKeyPassphrase"))->text().isEmpty());
    EXPECT_EQ(wizard->session(), nullptr);

    // The administrator's passphrase brings back the same key, the session and the idle watch.
    QTest::keyClicks(child<QLineEdit>(keyPage, QStringLiteral("recoveryKeyPassphrase")), AdminPassphrase);
    QTest::mouseClick(child<QPushButton>(keyPage, QStringLiteral("showRecoveryKeyAgain")), Qt::LeftButton);
    ASSERT_FALSE(keyPage->isKeyHidden())
        << shownError(keyPage, QStringLiteral("recoveryKeyHiddenError")).toStdString();
    EXPECT_EQ(keyPage->displayedKey(), shownKey);
    ASSERT_NE(wizard->session(), nullptr);
    EXPECT_TRUE(window.inactivityTimer().isActive());

    // Ctrl+L on the confirm page: back to the hidden key, and the typed groups are gone too.
    clickWizardButton(wizard, QWizard::NextButton);
    ASSERT_EQ(wizard->currentId(), SetupWizard::ConfirmId);
    ConfirmRecoveryKeyPage* confirm =
        child<ConfirmRecoveryKeyPage>(wizard, QStringLiteral("confirmRecoveryKeyPage"));
    const QList<int> asked = confirm->askedGroups();
    QTest::keyClicks(confirm->groupEdit(0), keyPage->displayedGroup(asked[0]));
    QTest::keyClick(confirm->groupEdit(0), Qt::Key_L, Qt::ControlModifier);
    EXPECT_EQ(window.currentPage(), MainWindow::Page::Setup);
    EXPECT_EQ(wizard->currentId(), SetupWizard::RecoveryKeyId);
    EXPECT_TRUE(keyPage->isKeyHidden());
    EXPECT_FALSE(isSomeGroupShown(keyPage));
    EXPECT_TRUE(confirm->groupEdit(0)->text().isEmpty()) << "a typed group stayed on screen";
    EXPECT_EQ(wizard->session(), nullptr);

    // Signed in again with Return, which shows the key and stays on its page (not taken for Next); setup
    // then finishes as usual, as the administrator.
    QTest::keyClicks(child<QLineEdit>(keyPage, QStringLiteral("recoveryKeyPassphrase")), AdminPassphrase);
    QTest::keyClick(child<QLineEdit>(keyPage, QStringLiteral("recoveryKeyPassphrase")), Qt::Key_Return);
    ASSERT_FALSE(keyPage->isKeyHidden())
        << shownError(keyPage, QStringLiteral("recoveryKeyHiddenError")).toStdString();
    EXPECT_EQ(wizard->currentId(), SetupWizard::RecoveryKeyId) << "the key came back on a page already left";
    EXPECT_EQ(keyPage->displayedKey(), shownKey);
    clickWizardButton(wizard, QWizard::NextButton);
    ASSERT_EQ(wizard->currentId(), SetupWizard::ConfirmId);
    QTest::keyClicks(confirm->groupEdit(0), keyPage->displayedGroup(asked[0]));
    QTest::keyClicks(confirm->groupEdit(1), keyPage->displayedGroup(asked[1]));
    clickWizardButton(wizard, QWizard::FinishButton);
    ASSERT_EQ(window.currentPage(), MainWindow::Page::Workspace);
    ASSERT_NE(window.session(), nullptr);
    EXPECT_EQ(window.session()->currentUser().login, QStringLiteral("chair1"));
    EXPECT_TRUE(window.session()->isAdministrator());
}

} // namespace
} // namespace confer::test
