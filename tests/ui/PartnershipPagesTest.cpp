// Panels and agencies, driven with real clicks and keys: an administrator creates a panel and
// manages its members through the dialogs; the agency directory is editable by administrators and
// coordinators and read-only for everyone else; and the workspace lists sections by role.
#include "ShellTestSupport.h"
#include "accounts/AccountService.h"
#include "caseload/Caseload.h"
#include "caseload/CaseloadPage.h"
#include "partnership/AgenciesModel.h"
#include "partnership/AgenciesPage.h"
#include "partnership/AgencyDialog.h"
#include "partnership/NewPanelDialog.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelMembersDialog.h"
#include "partnership/PanelsModel.h"
#include "partnership/PanelsPage.h"
#include "session/Session.h"
#include "shell/MainWindow.h"
#include "shell/Workspace.h"
#include "support/FindChild.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

namespace confer::test {
namespace {

// A store with the administrator signed in, a chair, a coordinator and a member.
class PartnershipPagesTest : public ::testing::Test {
protected:
    PartnershipPagesTest()
        : caseload(store.session(), shippedPanelKinds())
    {
        chairId = addUser(QStringLiteral("pshah"), QStringLiteral("Priya Shah"), Role::Chair);
        coordinatorId = addUser(QStringLiteral("tellis"), QStringLiteral("Tom Ellis"), Role::Coordinator);
        memberId = addUser(QStringLiteral("jbrennan"), QStringLiteral("Jo Brennan"), Role::Member);
    }

    UserId addUser(const QString& login, const QString& name, Role role)
    {
        AccountService::NewUser person{login, name, role, memberPassphrase()};
        auto added = store.session().accounts().addUser(person);
        EXPECT_TRUE(added.ok()) << added.error().message.toStdString();
        return added.ok() ? added->id : decltype(added->id){};
    }

    template <typename Dialog>
    Dialog* openedDialog(QWidget* owner)
    {
        Dialog* dialog = owner->findChild<Dialog*>();
        EXPECT_NE(dialog, nullptr);
        if (dialog)
            EXPECT_TRUE(QTest::qWaitForWindowExposed(dialog));
        return dialog;
    }

    static void chooseWithKeys(QComboBox* box, const QString& text)
    {
        const int index = box->findText(text);
        ASSERT_GE(index, 0) << "not offered: " << text.toStdString();
        box->setFocus();
        while (box->currentIndex() != index)
            QTest::keyClick(box, box->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    }

    static void clickRow(QTableView* table, int row)
    {
        const QRect rect = table->visualRect(table->model()->index(row, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, rect.center());
    }

    TestSession store;
    Caseload caseload;
    UserId chairId;
    UserId coordinatorId;
    UserId memberId;
};

TEST_F(PartnershipPagesTest, NewPanelDialog_FilledAndClicked_CreatesThePanelWithItsKindAndChair)
{
    PanelsPage page(caseload, nullptr);
    page.resize(1200, 700);
    page.show();
    page.refresh();
    ASSERT_EQ(page.model()->rowCount(), 0);

    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("newPanelButton")), Qt::LeftButton);
    NewPanelDialog* dialog = openedDialog<NewPanelDialog>(&page);
    ASSERT_NE(dialog, nullptr);
    EXPECT_FALSE(okButton(dialog)->isEnabled()) << "a panel needs a name";
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPanelName")),
                     QStringLiteral("County Durham Channel Panel"));
    const PanelKind* channel = shippedPanelKinds().kind(QStringLiteral("channel"));
    ASSERT_NE(channel, nullptr);
    chooseWithKeys(child<QComboBox>(dialog, QStringLiteral("newPanelKind")), channel->name);
    chooseWithKeys(child<QComboBox>(dialog, QStringLiteral("newPanelChair")),
                   QStringLiteral("Priya Shah (pshah)"));
    ASSERT_TRUE(okButton(dialog)->isEnabled());
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    ASSERT_TRUE(shownError(dialog).isEmpty()) << shownError(dialog).toStdString();

    ASSERT_EQ(page.model()->rowCount(), 1);
    const QModelIndex row = page.model()->index(0, PanelsModel::NameColumn);
    EXPECT_EQ(row.data().toString(), QStringLiteral("County Durham Channel Panel"));
    EXPECT_EQ(page.model()->index(0, PanelsModel::KindColumn).data().toString(), channel->name);
    EXPECT_EQ(page.model()->index(0, PanelsModel::ChairColumn).data().toString(),
              QStringLiteral("Priya Shah"));
    EXPECT_EQ(child<QTableView>(&page, QStringLiteral("panelsTable"))
                  ->selectionModel()
                  ->selectedRows()
                  .value(0)
                  .row(),
              0)
        << "the new panel is selected";

    auto panels = caseload.panels.panels();
    ASSERT_TRUE(panels.ok());
    ASSERT_EQ(panels->size(), 1u);
    EXPECT_EQ(panels->front().kindKey, QStringLiteral("channel"));
    EXPECT_EQ(panels->front().chairUserId, chairId);
}

TEST_F(PartnershipPagesTest, NewPanelWithATakenName_KeepsTheDialogWithTheReason)
{
    ASSERT_TRUE(caseload.panels.create(QStringLiteral("Easington MAPS"), QStringLiteral("maps"), {}).ok());
    PanelsPage page(caseload, nullptr);
    page.show();
    page.refresh();
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("newPanelButton")), Qt::LeftButton);
    NewPanelDialog* dialog = openedDialog<NewPanelDialog>(&page);
    ASSERT_NE(dialog, nullptr);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("newPanelName")),
                     QStringLiteral("Easington MAPS"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(shownError(dialog).isEmpty());
    EXPECT_EQ(page.model()->rowCount(), 1);
}

TEST_F(PartnershipPagesTest, MembersDialog_AddsThenRemovesAMemberWithClicks)
{
    auto panel = caseload.panels.create(QStringLiteral("Peterlee MAPS"), QStringLiteral("maps"), chairId);
    ASSERT_TRUE(panel.ok());
    PanelsPage page(caseload, nullptr);
    page.resize(1200, 700);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.refresh();
    EXPECT_FALSE(child<QPushButton>(&page, QStringLiteral("panelMembersButton"))->isEnabled())
        << "no panel chosen yet";
    clickRow(child<QTableView>(&page, QStringLiteral("panelsTable")), 0);
    ASSERT_TRUE(child<QPushButton>(&page, QStringLiteral("panelMembersButton"))->isEnabled());
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("panelMembersButton")), Qt::LeftButton);
    PanelMembersDialog* dialog = openedDialog<PanelMembersDialog>(&page);
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(child<QListWidget>(dialog, QStringLiteral("panelMemberList"))->count(), 1)
        << "the chair sits on the panel";
    EXPECT_TRUE(child<QListWidget>(dialog, QStringLiteral("panelMemberList"))
                    ->item(0)
                    ->text()
                    .contains(QStringLiteral("chair")));

    chooseWithKeys(child<QComboBox>(dialog, QStringLiteral("memberCandidates")),
                   QStringLiteral("Jo Brennan (jbrennan)"));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("addMemberButton")), Qt::LeftButton);
    ASSERT_TRUE(shownError(dialog).isEmpty()) << shownError(dialog).toStdString();
    ASSERT_EQ(child<QListWidget>(dialog, QStringLiteral("panelMemberList"))->count(), 2);
    auto members = caseload.panels.memberIds(panel->id);
    ASSERT_TRUE(members.ok());
    EXPECT_NE(std::find(members->begin(), members->end(), memberId), members->end());
    EXPECT_EQ(child<QComboBox>(dialog, QStringLiteral("memberCandidates"))
                  ->findText(QStringLiteral("Jo Brennan (jbrennan)")),
              -1);

    // The new member is selected; Remove takes them off again.
    ASSERT_TRUE(child<QListWidget>(dialog, QStringLiteral("panelMemberList"))
                    ->currentItem()
                    ->text()
                    .startsWith(QStringLiteral("Jo Brennan")));
    QTest::mouseClick(child<QPushButton>(dialog, QStringLiteral("removeMemberButton")), Qt::LeftButton);
    ASSERT_EQ(child<QListWidget>(dialog, QStringLiteral("panelMemberList"))->count(), 1);
    members = caseload.panels.memberIds(panel->id);
    ASSERT_TRUE(members.ok());
    EXPECT_EQ(std::find(members->begin(), members->end(), memberId), members->end());

    dialog->reject();
    EXPECT_EQ(page.model()->index(0, PanelsModel::MembersColumn).data().toString(),
              QStringLiteral("1 member"));
}

TEST_F(PartnershipPagesTest, AgencyDialog_AddsAnAgencyThenEditsItsContact)
{
    AgenciesPage page(caseload, nullptr);
    page.resize(1200, 700);
    page.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&page));
    page.refresh();
    ASSERT_TRUE(page.canEdit());
    QTest::mouseClick(child<QPushButton>(&page, QStringLiteral("addAgencyButton")), Qt::LeftButton);
    AgencyDialog* dialog = openedDialog<AgencyDialog>(&page);
    ASSERT_NE(dialog, nullptr);
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("agencyName")),
                     QStringLiteral("Durham Constabulary"));
    chooseWithKeys(child<QComboBox>(dialog, QStringLiteral("agencyKind")),
                   agencyKindDisplayName(Agency::Kind::ResponsibleAuthority));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("agencySignatory")),
                     QStringLiteral("Supt. Claire Lowe"));
    QTest::mouseClick(child<QCheckBox>(dialog, QStringLiteral("agencyIsSigned")), Qt::LeftButton);
    EXPECT_TRUE(child<QDateEdit>(dialog, QStringLiteral("agencySignedOn"))->isEnabled());
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("agencyRegistration")),
                     QStringLiteral("Z4890461"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("agencyContactName")),
                     QStringLiteral("Sgt. Ben Hall"));
    QTest::keyClicks(child<QLineEdit>(dialog, QStringLiteral("agencyContactPhone")),
                     QStringLiteral("0191 375 2000"));
    QTest::mouseClick(okButton(dialog), Qt::LeftButton);
    ASSERT_TRUE(shownError(dialog).isEmpty()) << shownError(dialog).toStdString();

    ASSERT_EQ(page.model()->rowCount(), 1);
    const Agency added = *page.model()->agencyAt(0);
    const Agency* agency = &added;
    EXPECT_EQ(agency->name, QStringLiteral("Durham Constabulary"));
    EXPECT_EQ(agency->kind, Agency::Kind::ResponsibleAuthority);
    EXPECT_EQ(agency->ispSignedOn, store.clock.nowUtc().toLocalTime().date());
    EXPECT_EQ(page.model()->index(0, AgenciesModel::ContactColumn).data().toString(),
              QStringLiteral("Sgt. Ben Hall \u00b7 0191 375 2000"));

    // Enter on the chosen row opens it for editing.
    child<QTableView>(&page, QStringLiteral("agenciesTable"))->setFocus();
    clickRow(child<QTableView>(&page, QStringLiteral("agenciesTable")), 0);
    QTest::keyClick(child<QTableView>(&page, QStringLiteral("agenciesTable")), Qt::Key_Return);
    AgencyDialog* edit = nullptr;
    for (AgencyDialog* candidate : page.findChildren<AgencyDialog*>()) {
        if (candidate->isVisible())
            edit = candidate;
    }
    ASSERT_NE(edit, nullptr);
    EXPECT_EQ(child<QLineEdit>(edit, QStringLiteral("agencyName"))->text(),
              QStringLiteral("Durham Constabulary"));
    child<QLineEdit>(edit, QStringLiteral("agencyContactName"))->selectAll();
    QTest::keyClicks(child<QLineEdit>(edit, QStringLiteral("agencyContactName")),
                     QStringLiteral("PC Dana Reed"));
    QTest::mouseClick(okButton(edit), Qt::LeftButton);
    ASSERT_TRUE(shownError(edit).isEmpty()) << shownError(edit).toStdString();
    auto saved = caseload.agencies.agency(agency->id);
    ASSERT_TRUE(saved.ok());
    EXPECT_EQ(saved->contactName, QStringLiteral("PC Dana Reed"));
    EXPECT_EQ(saved->dataProtectionRegistration, QStringLiteral("Z4890461"));
}

// Signs in through the window as login and returns the workspace's section names.
class WorkspaceSectionsTest : public PartnershipPagesTest {
protected:
    QStringList sectionsFor(const QString& login, const QString& passphrase)
    {
        window = std::make_unique<MainWindow>(contextFor(store));
        showActive(*window);
        unlockThroughScreen(*window, login, passphrase);
        EXPECT_EQ(window->currentPage(), MainWindow::Page::Workspace);
        QStringList names;
        if (Workspace* workspace = window->workspace()) {
            for (int i = 0; i < workspace->navigation()->count(); ++i)
                names << workspace->navigation()->item(i)->text();
        }
        return names;
    }

    std::unique_ptr<MainWindow> window;
};

TEST_F(WorkspaceSectionsTest, ChairWithAnAgency_LandsOnTheCaseloadAndHasTheirAgencysActions)
{
    auto agency = caseload.agencies.add(
        Agency{AgencyId(), QStringLiteral("Durham County Council"), Agency::Kind::ResponsibleAuthority});
    ASSERT_TRUE(agency.ok()) << agency.error().message.toStdString();
    ASSERT_TRUE(caseload.agencies.setUserAgency(chairId, agency->id).ok());
    store.sessionPtr().reset();
    const QStringList names = sectionsFor(QStringLiteral("pshah"), memberPassphrase());
    EXPECT_EQ(names, (QStringList{QStringLiteral("Dashboard"), QStringLiteral("Caseload"),
                                  QStringLiteral("Meetings"), QStringLiteral("My agency's actions"),
                                  QStringLiteral("Overview"), QStringLiteral("Agencies")}));
    EXPECT_EQ(window->workspace()->currentSection(), Workspace::Section::Caseload);
    auto* agencies = child<AgenciesPage>(window->workspace(), QStringLiteral("agenciesPage"));
    EXPECT_FALSE(
        child<QPushButton>(agencies, QStringLiteral("addAgencyButton"))->isVisibleTo(window->workspace()));
}

TEST_F(WorkspaceSectionsTest, Coordinator_MayEditTheAgencyDirectory)
{
    store.sessionPtr().reset();
    sectionsFor(QStringLiteral("tellis"), memberPassphrase());
    Workspace* workspace = window->workspace();
    ASSERT_NE(workspace, nullptr);
    workspace->showSection(Workspace::Section::Agencies);
    auto* agencies = child<AgenciesPage>(workspace, QStringLiteral("agenciesPage"));
    EXPECT_TRUE(agencies->canEdit());
    EXPECT_TRUE(child<QPushButton>(agencies, QStringLiteral("addAgencyButton"))->isVisible());
}

TEST_F(WorkspaceSectionsTest, Administrator_ManagesPanelsAndAgenciesAndLandsOnTheOverview)
{
    store.sessionPtr().reset();
    const QStringList names =
        sectionsFor(QString::fromLatin1(TestSession::AdminLogin), TestSession::adminPassphrase());
    EXPECT_EQ(names, (QStringList{QStringLiteral("Dashboard"), QStringLiteral("Caseload"),
                                  QStringLiteral("Meetings"), QStringLiteral("Overview"),
                                  QStringLiteral("Panels"), QStringLiteral("Agencies"),
                                  QStringLiteral("Accounts"), QStringLiteral("Audit trail")}));
    EXPECT_EQ(window->workspace()->currentSection(), Workspace::Section::Overview);
}

} // namespace
} // namespace confer::test
