#include "shell/Workspace.h"

#include "ShellTestSupport.h"
#include "SlotStoreKey.h"
#include "accounts/AccountService.h"
#include "accounts/AccountsModel.h"
#include "accounts/AccountsPage.h"
#include "accounts/AddUserDialog.h"
#include "accounts/ChangePassphraseDialog.h"
#include "accounts/PassphraseEntry.h"
#include "accounts/SetPassphraseDialog.h"
#include "accounts/UserChoiceDialog.h"
#include "audit/AuditTrailModel.h"
#include "audit/AuditTrailPage.h"
#include "crypto/SecureBytes.h"
#include "demo/DemonstrationStore.h"
#include "partnership/AgencyService.h"
#include "platform/InactivityTimer.h"
#include "session/Session.h"
#include "shell/MainWindow.h"
#include "shell/OverviewPage.h"
#include "shell/SettingsDialog.h"
#include "support/FindChild.h"

#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTest>
#include <QToolButton>

#include <gtest/gtest.h>

namespace confer::test {
namespace {

AccountsModel* accountsModel(const AccountsPage* page)
{
    return modelOf<AccountsModel>(page, QStringLiteral("accountsTable"));
}

// A locked store with an administrator and a member, and the window on its unlock screen.
class WorkspaceTest : public ::testing::Test {
protected:
    explicit WorkspaceTest(bool bindToDevice = true)
        : store(bindToDevice)
    {
        AccountService::NewUser member;
        member.login = QStringLiteral("member1");
        member.displayName = QStringLiteral("Morgan Reid");
        member.role = Role::Member;
        member.initialPassphrase = memberPassphrase();
        const auto added = store.session().accounts().addUser(member);
        EXPECT_TRUE(added.ok()) << added.error().message.toStdString();
        store.sessionPtr().reset();
        window = std::make_unique<MainWindow>(contextFor(store));
        showActive(*window);
    }

    Workspace* signInAsAdmin()
    {
        unlockThroughScreen(*window, QString::fromLatin1(TestSession::AdminLogin),
                            TestSession::adminPassphrase());
        EXPECT_EQ(window->currentPage(), MainWindow::Page::Workspace);
        return window->workspace();
    }

    void chooseSection(Workspace* workspace, const QString& name)
    {
        QListWidget* navigation = workspace->navigation();
        const QList<QListWidgetItem*> items = navigation->findItems(name, Qt::MatchExactly);
        ASSERT_EQ(items.size(), 1) << "no section " << name.toStdString();
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {},
                          navigation->visualItemRect(items.first()).center());
    }

    static QStringList sectionNames(Workspace* workspace)
    {
        QStringList names;
        for (int i = 0; i < workspace->navigation()->count(); ++i)
            names << workspace->navigation()->item(i)->text();
        return names;
    }

    static QStringList menuTexts(Workspace* workspace)
    {
        QStringList texts;
        for (QAction* action :
             child<QToolButton>(workspace, QStringLiteral("accountButton"))->menu()->actions())
            texts << action->text();
        return texts;
    }

    TestSession store;
    std::unique_ptr<MainWindow> window;
};

TEST_F(WorkspaceTest, Administrator_SeesOverviewAccountsAndAuditTrail)
{
    Workspace* workspace = signInAsAdmin();
    ASSERT_NE(workspace, nullptr);
    EXPECT_EQ(
        sectionNames(workspace),
        (QStringList{QStringLiteral("Dashboard"), QStringLiteral("Caseload"), QStringLiteral("Meetings"),
                     QStringLiteral("Overview"), QStringLiteral("Panels"), QStringLiteral("Agencies"),
                     QStringLiteral("Accounts"), QStringLiteral("Audit trail")}));
    EXPECT_TRUE(menuTexts(workspace).contains(QStringLiteral("&Settings\u2026")));
}

TEST_F(WorkspaceTest, Member_DoesNotSeeAccountsOrAuditTrail)
{
    unlockThroughScreen(*window, QStringLiteral("member1"), memberPassphrase());
    ASSERT_EQ(window->currentPage(), MainWindow::Page::Workspace);
    Workspace* workspace = window->workspace();
    EXPECT_EQ(sectionNames(workspace), (QStringList{QStringLiteral("Dashboard"), QStringLiteral("Caseload"),
                                                    QStringLiteral("Meetings"), QStringLiteral("Overview"),
                                                    QStringLiteral("Agencies")}));
    EXPECT_TRUE(window->findChildren<AccountsPage*>().isEmpty());
    EXPECT_TRUE(window->findChildren<AuditTrailPage*>().isEmpty());
    EXPECT_FALSE(menuTexts(workspace).contains(QStringLiteral("&Settings\u2026")));
    auto* overview = child<OverviewPage>(workspace, QStringLiteral("overviewPage"));
    EXPECT_EQ(overview->findChild<QPushButton*>(QStringLiteral("changeAutoLockButton")), nullptr);
}

TEST_F(WorkspaceTest, AddUserDialog_FilledWithKeysAndClicked_AddsTheAccount)
{
    Workspace* workspace = signInAsAdmin();
    chooseSection(workspace, QStringLiteral("Accounts"));
    AccountsPage* page = child<AccountsPage>(workspace, QStringLiteral("accountsPage"));
    ASSERT_EQ(workspace->currentSection(), Workspace::Section::Accounts);
    ASSERT_EQ(accountsModel(page)->rowCount(), 2);

    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("addUserButton")), Qt::LeftButton);
    QPointer<AddUserDialog> dialog = window->findChild<AddUserDialog*>();
    ASSERT_TRUE(dialog);
    ASSERT_TRUE(dialog->isVisible());
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newUserLogin")), QStringLiteral("jbrennan"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newUserDisplayName")),
                     QStringLiteral("Jo Brennan"));
    child<QComboBox>(dialog, QStringLiteral("newUserRole"))->setFocus();
    while (child<QComboBox>(dialog, QStringLiteral("newUserRole"))->currentText() !=
           roleDisplayName(Role::Chair))
        QTest::keyClick(child<QComboBox>(dialog, QStringLiteral("newUserRole")), Qt::Key_Down);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPassphrase")),
                     QStringLiteral("seven orange kites drifting"));
    EXPECT_FALSE(okButton(dialog)->isEnabled());
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPassphrase")),
                     QStringLiteral("seven orange kites drifting"));
    ASSERT_TRUE(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);

    EXPECT_TRUE(!dialog || !dialog->isVisible()) << shownError(dialog).toStdString();
    ASSERT_EQ(accountsModel(page)->rowCount(), 3);
    const int row = [&] {
        for (int r = 0; r < 3; ++r) {
            if (accountsModel(page)->userAt(r)->login == QStringLiteral("jbrennan"))
                return r;
        }
        return -1;
    }();
    ASSERT_GE(row, 0);
    EXPECT_EQ(accountsModel(page)->index(row, AccountsModel::NameColumn).data().toString(),
              QStringLiteral("Jo Brennan"));
    EXPECT_EQ(accountsModel(page)->index(row, AccountsModel::RoleColumn).data().toString(),
              roleDisplayName(Role::Chair));
    EXPECT_EQ(child<QTableView>(page, QStringLiteral("accountsTable"))
                  ->selectionModel()
                  ->selectedRows()
                  .value(0)
                  .row(),
              row)
        << "the new account is not selected";

    // And the person can sign in with it.
    window->lock();
    unlockThroughScreen(*window, QStringLiteral("jbrennan"), QStringLiteral("seven orange kites drifting"));
    ASSERT_EQ(window->currentPage(), MainWindow::Page::Workspace);
    EXPECT_EQ(window->session()->currentUser().role, Role::Chair);
}

TEST_F(WorkspaceTest, AgencyDialog_RecordsWhichAgencyAPersonWorksFor)
{
    Workspace* workspace = signInAsAdmin();
    AgencyService agencies(*window->session());
    Agency police;
    police.name = QStringLiteral("Durham Constabulary");
    police.kind = Agency::Kind::ResponsibleAuthority;
    auto added = agencies.add(police);
    ASSERT_TRUE(added.ok()) << added.error().message.toStdString();

    chooseSection(workspace, QStringLiteral("Accounts"));
    AccountsPage* page = child<AccountsPage>(workspace, QStringLiteral("accountsPage"));
    const UserId adminId = window->session()->currentUser().id;
    page->selectUser(adminId);
    ASSERT_TRUE(child<QPushButton>(page, QStringLiteral("changeAgencyButton"))->isEnabled());
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("changeAgencyButton")), Qt::LeftButton);
    QPointer<UserChoiceDialog> dialog =
        window->findChild<UserChoiceDialog*>(QStringLiteral("changeAgencyDialog"));
    ASSERT_TRUE(dialog);
    child<QComboBox>(dialog, QStringLiteral("changeAgencyBox"))->setFocus();
    while (child<QComboBox>(dialog, QStringLiteral("changeAgencyBox"))->currentText() != police.name)
        QTest::keyClick(child<QComboBox>(dialog, QStringLiteral("changeAgencyBox")), Qt::Key_Down);
    QTest::keyClick(child<QComboBox>(dialog, QStringLiteral("changeAgencyBox")), Qt::Key_Return);

    EXPECT_TRUE(!dialog || !dialog->isVisible()) << shownError(dialog).toStdString();
    auto agencyOfAdmin = agencies.agencyOfUser(adminId);
    ASSERT_TRUE(agencyOfAdmin.ok());
    ASSERT_TRUE(agencyOfAdmin->has_value());
    EXPECT_EQ(**agencyOfAdmin, added->id);
}

TEST_F(WorkspaceTest, RoleDialog_ChangesAMembersRole_AndRefusesToDemoteTheLastAdministrator)
{
    Workspace* workspace = signInAsAdmin();
    chooseSection(workspace, QStringLiteral("Accounts"));
    AccountsPage* page = child<AccountsPage>(workspace, QStringLiteral("accountsPage"));
    auto* roleButton = child<QPushButton>(page, QStringLiteral("changeRoleButton"));
    const auto chooseRole = [&](const QString& login, Role role) -> UserChoiceDialog* {
        page->selectUser(window->session()->accounts().userByLogin(login)->id);
        QTest::mouseClick(roleButton, Qt::LeftButton);
        auto* dialog = window->findChild<UserChoiceDialog*>(QStringLiteral("changeRoleDialog"));
        if (!dialog)
            return nullptr;
        auto* box = child<QComboBox>(dialog, QStringLiteral("changeRoleBox"));
        box->setFocus();
        while (box->currentText() != roleDisplayName(role))
            QTest::keyClick(box, box->currentIndex() < box->findText(roleDisplayName(role)) ? Qt::Key_Down
                                                                                            : Qt::Key_Up);
        QTest::mouseClick(okButton(dialog), Qt::LeftButton);
        return dialog;
    };

    QPointer<UserChoiceDialog> promote = chooseRole(QStringLiteral("member1"), Role::Chair);
    ASSERT_TRUE(promote);
    EXPECT_FALSE(promote->isVisible()) << shownError(promote).toStdString();
    EXPECT_EQ(window->session()->accounts().userByLogin(QStringLiteral("member1"))->role, Role::Chair);
    processDeferredDeletes();

    QPointer<UserChoiceDialog> demote =
        chooseRole(QString::fromLatin1(TestSession::AdminLogin), Role::Member);
    ASSERT_TRUE(demote);
    EXPECT_TRUE(demote->isVisible()) << "the only administrator was demoted";
    EXPECT_FALSE(shownError(demote).isEmpty());
    EXPECT_EQ(window->session()->accounts().userByLogin(QString::fromLatin1(TestSession::AdminLogin))->role,
              Role::Administrator);
}

TEST_F(WorkspaceTest, AddUserRefusedByTheCore_KeepsTheDialogWithTheReasonAndChangesNothing)
{
    Workspace* workspace = signInAsAdmin();
    workspace->showSection(Workspace::Section::Accounts);
    AccountsPage* page = child<AccountsPage>(workspace, QStringLiteral("accountsPage"));
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("addUserButton")), Qt::LeftButton);
    auto* dialog = window->findChild<AddUserDialog*>();
    ASSERT_NE(dialog, nullptr);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newUserLogin")),
                     QStringLiteral("member1")); // taken
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newUserDisplayName")),
                     QStringLiteral("Someone Else"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPassphrase")),
                     QStringLiteral("seven orange kites drifting"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPassphrase")),
                     QStringLiteral("seven orange kites drifting"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);

    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(shownError(dialog).isEmpty());
    EXPECT_EQ(accountsModel(page)->rowCount(), 2);
    const auto users = window->session()->accounts().users();
    ASSERT_TRUE(users.ok());
    EXPECT_EQ(users->size(), 2u);
}

TEST_F(WorkspaceTest, PassphraseFeedback_ExplainsAShortOneAndAMismatch)
{
    Workspace* workspace = signInAsAdmin();
    workspace->showSection(Workspace::Section::Accounts);
    QTest::mouseClick(child<QPushButton>(workspace, QStringLiteral("addUserButton")), Qt::LeftButton);
    auto* dialog = window->findChild<AddUserDialog*>();
    ASSERT_NE(dialog, nullptr);
    auto* passphrase = child<QLineEdit>(dialog, QStringLiteral("newPassphrase"));
    auto* feedback = child<QLabel>(dialog, QStringLiteral("passphraseFeedback"));
    QTest::keyClicks(passphrase, QStringLiteral("short"));
    const QString tooShort = feedback->text();
    EXPECT_FALSE(child<PassphraseEntry>(dialog)->isAcceptable());
    QTest::keyClicks(passphrase, QStringLiteral(" but now long enough"));
    EXPECT_NE(feedback->text(), tooShort);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPassphrase")),
                     QStringLiteral("something else"));
    EXPECT_EQ(feedback->text(), QStringLiteral("The two passphrases do not match."));
    EXPECT_FALSE(child<PassphraseEntry>(dialog)->isAcceptable());
}

TEST_F(WorkspaceTest, DisablingAnAccount_RotatesTheStoreKeyAndEveryPageKeepsWorking)
{
    Workspace* workspace = signInAsAdmin();
    const SecureBytes keyBefore = store.adminStoreKey();
    ASSERT_FALSE(keyBefore.isEmpty());
    chooseSection(workspace, QStringLiteral("Accounts"));
    AccountsPage* page = child<AccountsPage>(workspace, QStringLiteral("accountsPage"));
    int memberRow = -1;
    for (int row = 0; row < accountsModel(page)->rowCount(); ++row) {
        if (accountsModel(page)->userAt(row)->login == QLatin1String("member1"))
            memberRow = row;
    }
    ASSERT_GE(memberRow, 0);
    child<QTableView>(page, QStringLiteral("accountsTable"))->selectRow(memberRow);
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("disableButton")), Qt::LeftButton);
    QPointer<QMessageBox> confirm = window->findChild<QMessageBox*>();
    ASSERT_TRUE(confirm);
    EXPECT_TRUE(confirm->informativeText().contains(QLatin1String("store's own key")));
    QAbstractButton* disable = nullptr;
    for (QAbstractButton* button : confirm->buttons()) {
        if (confirm->buttonRole(button) == QMessageBox::AcceptRole)
            disable = button;
    }
    ASSERT_NE(disable, nullptr);
    QTest::mouseClick(disable, Qt::LeftButton);

    ASSERT_NE(window->session(), nullptr);
    EXPECT_FALSE(store.adminStoreKey().equals(keyBefore));
    EXPECT_FALSE(keyOpensStore(StorePaths(store.dir.path()), keyBefore));
    EXPECT_TRUE(window->session()->accounts().userByLogin(QStringLiteral("member1"))->isDisabled);
    // The services and models still hold the same connection: the audit trail and overview read on.
    chooseSection(workspace, QStringLiteral("Audit trail"));
    const AuditTrailModel* audit = modelOf<AuditTrailModel>(workspace, QStringLiteral("auditTable"));
    ASSERT_GT(audit->rowCount(), 0);
    const QModelIndex newest = audit->index(0, AuditTrailModel::ActionColumn);
    EXPECT_EQ(newest.data(Qt::ToolTipRole).toString(), QStringLiteral("store.key.rotate"));
    EXPECT_EQ(newest.data().toString(), QStringLiteral("Store key changed"));
    chooseSection(workspace, QStringLiteral("Overview"));
    EXPECT_TRUE(window->session()->verify().ok());
}

TEST_F(WorkspaceTest, ResetPassphraseThatMayBeKnown_TickedInTheDialog_RotatesTheStoreKey)
{
    Workspace* workspace = signInAsAdmin();
    const SecureBytes keyBefore = store.adminStoreKey();
    ASSERT_FALSE(keyBefore.isEmpty());
    chooseSection(workspace, QStringLiteral("Accounts"));
    AccountsPage* page = child<AccountsPage>(workspace, QStringLiteral("accountsPage"));
    for (int row = 0; row < accountsModel(page)->rowCount(); ++row) {
        if (accountsModel(page)->userAt(row)->login == QLatin1String("member1"))
            child<QTableView>(page, QStringLiteral("accountsTable"))->selectRow(row);
    }
    QTest::mouseClick(child<QPushButton>(page, QStringLiteral("resetPassphraseButton")), Qt::LeftButton);
    QPointer<SetPassphraseDialog> dialog = window->findChild<SetPassphraseDialog*>();
    ASSERT_TRUE(dialog);
    const QString replacement = QStringLiteral("it was on a sticky note");
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPassphrase")), replacement);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPassphrase")), replacement);
    auto* mayBeKnown = dialog->findChild<QCheckBox*>(QStringLiteral("mayBeKnownCheck"));
    ASSERT_NE(mayBeKnown, nullptr);
    QTest::mouseClick(mayBeKnown, Qt::LeftButton, {}, QPoint(8, mayBeKnown->height() / 2));
    ASSERT_TRUE(mayBeKnown->isChecked());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog || !dialog->isVisible(), 5000);
    EXPECT_FALSE(store.adminStoreKey().equals(keyBefore));
    EXPECT_FALSE(keyOpensStore(StorePaths(store.dir.path()), keyBefore));
    EXPECT_TRUE(window->session()->verify().ok());
}

TEST_F(WorkspaceTest, AuditTrail_ListsTheSignInNewestFirst)
{
    Workspace* workspace = signInAsAdmin();
    chooseSection(workspace, QStringLiteral("Audit trail"));
    AuditTrailModel* model = modelOf<AuditTrailModel>(workspace, QStringLiteral("auditTable"));
    ASSERT_GT(model->rowCount(), 0);
    EXPECT_EQ(model->columnCount(), 5);
    for (int row = 1; row < model->rowCount(); ++row)
        EXPECT_GT(model->eventAt(row - 1)->sequence, model->eventAt(row)->sequence);
    EXPECT_EQ(model->index(0, AuditTrailModel::UserColumn).data().toString(),
              QString::fromLatin1(TestSession::AdminLogin));
    // People read a sentence; the stable code stays in the tooltip.
    const QModelIndex action = model->index(0, AuditTrailModel::ActionColumn);
    EXPECT_EQ(action.data().toString(), QStringLiteral("Signed in"));
    EXPECT_EQ(action.data(Qt::ToolTipRole).toString(), QStringLiteral("signin.success"));
}

TEST_F(WorkspaceTest, SettingsDialog_ChangesTheAutoLockTimeTheTimerUses)
{
    Workspace* workspace = signInAsAdmin();
    workspace->openSettings();
    auto* dialog = window->findChild<SettingsDialog*>();
    ASSERT_NE(dialog, nullptr);
    QSpinBox* minutes = child<QSpinBox>(dialog, QStringLiteral("autoLockMinutes"));
    minutes->setFocus();
    QTest::keyClick(minutes, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(minutes, QStringLiteral("2"));
    QTest::keyClick(minutes, Qt::Key_Return);

    ASSERT_EQ(window->session()->autoLockMinutes(), 2) << shownError(dialog).toStdString();
    EXPECT_EQ(window->inactivityTimer().timeoutMs(), 2 * 60 * 1000);
    store.clock.advanceSeconds(2 * 60 + 1);
    window->inactivityTimer().check();
    EXPECT_EQ(window->currentPage(), MainWindow::Page::Unlock);
}

TEST_F(WorkspaceTest, LockShortcut_WorksWhileADialogIsOpen)
{
    Workspace* workspace = signInAsAdmin();
    workspace->openChangePassphrase();
    QPointer<ChangePassphraseDialog> dialog = window->findChild<ChangePassphraseDialog*>();
    ASSERT_TRUE(dialog);
    ASSERT_TRUE(QTest::qWaitForWindowActive(dialog.data()));
    QTest::keyClick(child<QLineEdit>(dialog, QStringLiteral("currentPassphrase")), Qt::Key_L,
                    Qt::ControlModifier);
    EXPECT_EQ(window->currentPage(), MainWindow::Page::Unlock);
    EXPECT_EQ(window->session(), nullptr);
    processDeferredDeletes();
    EXPECT_FALSE(dialog) << "the dialog outlived the lock";
}

TEST_F(WorkspaceTest, ChangePassphrase_WrongCurrentIsRefusedRightOneTakesEffect)
{
    Workspace* workspace = signInAsAdmin();
    workspace->openChangePassphrase();
    auto* dialog = window->findChild<ChangePassphraseDialog*>();
    ASSERT_NE(dialog, nullptr);
    const QString replacement = QStringLiteral("granite meadow whistles softly");
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("currentPassphrase")),
                     QStringLiteral("not my passphrase at all"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPassphrase")), replacement);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("confirmPassphrase")), replacement);
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(shownError(dialog).isEmpty());

    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("currentPassphrase")),
                     TestSession::adminPassphrase());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    EXPECT_FALSE(dialog->isVisible()) << shownError(dialog).toStdString();

    window->lock();
    unlockThroughScreen(*window, QString::fromLatin1(TestSession::AdminLogin),
                        TestSession::adminPassphrase());
    EXPECT_EQ(window->currentPage(), MainWindow::Page::Unlock) << "the old passphrase still opens the store";
    unlockThroughScreen(*window, QString::fromLatin1(TestSession::AdminLogin), replacement);
    EXPECT_EQ(window->currentPage(), MainWindow::Page::Workspace);
}

TEST_F(WorkspaceTest, Overview_VerifyNowReportsAnIntactTrail)
{
    Workspace* workspace = signInAsAdmin();
    OverviewPage* overview = child<OverviewPage>(workspace, QStringLiteral("overviewPage"));
    EXPECT_FALSE(child<QLabel>(overview, QStringLiteral("unboundWarning"))->isVisibleTo(overview))
        << "bound store shows the unbound warning";
    QTest::mouseClick(child<QPushButton>(overview, QStringLiteral("verifyButton")), Qt::LeftButton);
    EXPECT_TRUE(child<QLabel>(overview, QStringLiteral("verificationStatus"))
                    ->text()
                    .startsWith(QStringLiteral("\u2713 Intact")))
        << child<QLabel>(overview, QStringLiteral("verificationStatus"))->text().toStdString();
}

class UnboundWorkspaceTest : public WorkspaceTest {
protected:
    UnboundWorkspaceTest()
        : WorkspaceTest(false)
    {}
};

TEST_F(UnboundWorkspaceTest, Overview_WarnsThatTheStoreIsNotBound)
{
    Workspace* workspace = signInAsAdmin();
    auto* overview = child<OverviewPage>(workspace, QStringLiteral("overviewPage"));
    EXPECT_TRUE(child<QLabel>(overview, QStringLiteral("unboundWarning"))->isVisibleTo(overview));
}

TEST_F(WorkspaceTest, OrdinaryStore_ShowsNoDemonstrationBanner)
{
    Workspace* workspace = signInAsAdmin();
    ASSERT_NE(workspace, nullptr);
    auto* banner = workspace->findChild<QLabel*>(QStringLiteral("demonstrationBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_FALSE(banner->isVisible());
}

// The same store after `confer demo` made it a demonstration store.
class DemonstrationWorkspaceTest : public WorkspaceTest {
protected:
    DemonstrationWorkspaceTest()
    {
        auto admin = store.opener().unlock(QString::fromLatin1(TestSession::AdminLogin),
                                           TestSession::adminPassphrase());
        EXPECT_TRUE(admin.ok());
        if (admin.ok())
            EXPECT_TRUE(DemonstrationStore::mark(**admin).ok());
    }
};

TEST_F(DemonstrationWorkspaceTest, EverySection_ShowsTheDemonstrationBannerAboveIt)
{
    Workspace* workspace = signInAsAdmin();
    ASSERT_NE(workspace, nullptr);
    auto* banner = workspace->findChild<QLabel*>(QStringLiteral("demonstrationBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->text().contains(QLatin1String("Demonstration store")))
        << banner->text().toStdString();
    EXPECT_TRUE(banner->text().contains(QLatin1String("Do not enter real information")));
    EXPECT_FALSE(banner->accessibleName().isEmpty());
    auto* stack = workspace->findChild<QWidget*>(QStringLiteral("sectionStack"));
    ASSERT_NE(stack, nullptr);
    const QStringList sections = sectionNames(workspace);
    ASSERT_GE(sections.size(), 5);
    for (const QString& section : sections) {
        chooseSection(workspace, section);
        EXPECT_TRUE(banner->isVisible()) << section.toStdString();
        // Above the section (and any case opened in its place), across the window's width.
        EXPECT_LE(banner->mapTo(workspace, QPoint(0, banner->height())).y(),
                  stack->mapTo(workspace, QPoint()).y())
            << section.toStdString();
        EXPECT_EQ(banner->width(), workspace->width()) << section.toStdString();
    }

    // A member sees it too, after a lock and a sign-in of their own.
    child<QAction>(window.get(), QStringLiteral("lockAction"))->trigger();
    unlockThroughScreen(*window, QStringLiteral("member1"), memberPassphrase());
    ASSERT_EQ(window->currentPage(), MainWindow::Page::Workspace);
    auto* memberBanner = window->workspace()->findChild<QLabel*>(QStringLiteral("demonstrationBanner"));
    ASSERT_NE(memberBanner, nullptr);
    EXPECT_TRUE(memberBanner->isVisible());
}

} // namespace
} // namespace confer::test
