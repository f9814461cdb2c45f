// Panels and agencies, driven with real clicks and keys: an administrator creates a panel and
// manages its members through the dialogs; the agency directory is editable by administrators and
// coordinators and read-only for everyone else; and the workspace lists sections by role.
#include "ShellTestSupport.h"
#include "accounts/AccountService.h"
#include "caseload/Caseload.h"
#include "caseload/CaseloadPage.h"
#include "partnership/PanelKind.h"
#include "partnership/AgenciesModel.h"
#include "partnership/AgenciesPage.h"
#include "partnership/AgencyDialog.h"
#include "partnership/NewPanelDialog.h"
#include "partnership/PanelMembersDialog.h"
#include "partnership/PanelsModel.h"
#include "partnership/PanelsPage.h"
#include "session/Session.h"
#include "shell/MainWindow.h"
#include "shell/Workspace.h"

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

    qint64 addUser(const QString& login, const QString& name, Role role)
    {
        AccountService::NewUser person{login, name, role, memberPassphrase()};
        auto added = store.session().accounts().addUser(person);
        EXPECT_TRUE(added.ok()) << added.error().message.toStdString();
        return added.ok() ? added->id : 0;
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
    qint64 chairId = 0;
    qint64 coordinatorId = 0;
    qint64 memberId = 0;
};

TEST_F(PartnershipPagesTest, NewPanelDialog_FilledAndClicked_CreatesThePanelWithItsKindAndChair)
{
    PanelsPage page(caseload, nullptr);
    page.resize(1200, 700);
    page.show();
    page.refresh();
    ASSERT_EQ(page.model()->rowCount(), 0);

    QTest::mouseClick(page.newPanelButton(), Qt::LeftButton);
    NewPanelDialog* dialog = openedDialog<NewPanelDialog>(&page);
    ASSERT_NE(dialog, nullptr);
    EXPECT_FALSE(dialog->createButton()->isEnabled()) << "a panel needs a name";
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("County Durham Channel Panel"));
    const PanelKind* channel = shippedPanelKinds().kind(QStringLiteral("channel"));
    ASSERT_NE(channel, nullptr);
    chooseWithKeys(dialog->kindBox(), channel->name);
    chooseWithKeys(dialog->chairBox(), QStringLiteral("Priya Shah (pshah)"));
    ASSERT_TRUE(dialog->createButton()->isEnabled());
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    ASSERT_TRUE(dialog->errorText().isEmpty()) << dialog->errorText().toStdString();

    ASSERT_EQ(page.model()->rowCount(), 1);
    const QModelIndex row = page.model()->index(0, PanelsModel::NameColumn);
    EXPECT_EQ(row.data().toString(), QStringLiteral("County Durham Channel Panel"));
    EXPECT_EQ(page.model()->index(0, PanelsModel::KindColumn).data().toString(), channel->name);
    EXPECT_EQ(page.model()->index(0, PanelsModel::ChairColumn).data().toString(),
              QStringLiteral("Priya Shah"));
    EXPECT_EQ(page.table()->selectionModel()->selectedRows().value(0).row(), 0)
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
    QTest::mouseClick(page.newPanelButton(), Qt::LeftButton);
    NewPanelDialog* dialog = openedDialog<NewPanelDialog>(&page);
    ASSERT_NE(dialog, nullptr);
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Easington MAPS"));
    QTest::mouseClick(dialog->createButton(), Qt::LeftButton);
    EXPECT_TRUE(dialog->isVisible());
    EXPECT_FALSE(dialog->errorText().isEmpty());
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
    EXPECT_FALSE(page.membersButton()->isEnabled()) << "no panel chosen yet";
    clickRow(page.table(), 0);
    ASSERT_TRUE(page.membersButton()->isEnabled());
    QTest::mouseClick(page.membersButton(), Qt::LeftButton);
    PanelMembersDialog* dialog = openedDialog<PanelMembersDialog>(&page);
    ASSERT_NE(dialog, nullptr);
    ASSERT_EQ(dialog->memberList()->count(), 1) << "the chair sits on the panel";
    EXPECT_TRUE(dialog->memberList()->item(0)->text().contains(QStringLiteral("chair")));

    chooseWithKeys(dialog->candidateBox(), QStringLiteral("Jo Brennan (jbrennan)"));
    QTest::mouseClick(dialog->addButton(), Qt::LeftButton);
    ASSERT_TRUE(dialog->errorText().isEmpty()) << dialog->errorText().toStdString();
    ASSERT_EQ(dialog->memberList()->count(), 2);
    auto members = caseload.panels.memberIds(panel->id);
    ASSERT_TRUE(members.ok());
    EXPECT_NE(std::find(members->begin(), members->end(), memberId), members->end());
    EXPECT_EQ(dialog->candidateBox()->findText(QStringLiteral("Jo Brennan (jbrennan)")), -1);

    // The new member is selected; Remove takes them off again.
    ASSERT_TRUE(dialog->memberList()->currentItem()->text().startsWith(QStringLiteral("Jo Brennan")));
    QTest::mouseClick(dialog->removeButton(), Qt::LeftButton);
    ASSERT_EQ(dialog->memberList()->count(), 1);
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
    QTest::mouseClick(page.addButton(), Qt::LeftButton);
    AgencyDialog* dialog = openedDialog<AgencyDialog>(&page);
    ASSERT_NE(dialog, nullptr);
    QTest::keyClicks(dialog->nameEdit(), QStringLiteral("Durham Constabulary"));
    chooseWithKeys(dialog->kindBox(), agencyKindDisplayName(Agency::Kind::ResponsibleAuthority));
    QTest::keyClicks(dialog->signatoryEdit(), QStringLiteral("Supt. Claire Lowe"));
    QTest::mouseClick(dialog->signedCheck(), Qt::LeftButton);
    EXPECT_TRUE(dialog->signedOnEdit()->isEnabled());
    QTest::keyClicks(dialog->registrationEdit(), QStringLiteral("Z4890461"));
    QTest::keyClicks(dialog->contactNameEdit(), QStringLiteral("Sgt. Ben Hall"));
    QTest::keyClicks(dialog->contactPhoneEdit(), QStringLiteral("0191 375 2000"));
    QTest::mouseClick(dialog->saveButton(), Qt::LeftButton);
    ASSERT_TRUE(dialog->errorText().isEmpty()) << dialog->errorText().toStdString();

    ASSERT_EQ(page.model()->rowCount(), 1);
    const Agency added = *page.model()->agencyAt(0);
    const Agency* agency = &added;
    EXPECT_EQ(agency->name, QStringLiteral("Durham Constabulary"));
    EXPECT_EQ(agency->kind, Agency::Kind::ResponsibleAuthority);
    EXPECT_EQ(agency->ispSignedOn, store.clock.nowUtc().toLocalTime().date());
    EXPECT_EQ(page.model()->index(0, AgenciesModel::ContactColumn).data().toString(),
              QStringLiteral("Sgt. Ben Hall \u00b7 0191 375 2000"));

    // Enter on the chosen row opens it for editing.
    page.table()->setFocus();
    clickRow(page.table(), 0);
    QTest::keyClick(page.table(), Qt::Key_Return);
    AgencyDialog* edit = nullptr;
    for (AgencyDialog* candidate : page.findChildren<AgencyDialog*>()) {
        if (candidate->isVisible())
            edit = candidate;
    }
    ASSERT_NE(edit, nullptr);
    EXPECT_EQ(edit->nameEdit()->text(), QStringLiteral("Durham Constabulary"));
    edit->contactNameEdit()->selectAll();
    QTest::keyClicks(edit->contactNameEdit(), QStringLiteral("PC Dana Reed"));
    QTest::mouseClick(edit->saveButton(), Qt::LeftButton);
    ASSERT_TRUE(edit->errorText().isEmpty()) << edit->errorText().toStdString();
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
        Agency{0, QStringLiteral("Durham County Council"), Agency::Kind::ResponsibleAuthority});
    ASSERT_TRUE(agency.ok()) << agency.error().message.toStdString();
    ASSERT_TRUE(caseload.agencies.setUserAgency(chairId, agency->id).ok());
    store.sessionPtr().reset();
    const QStringList names = sectionsFor(QStringLiteral("pshah"), memberPassphrase());
    EXPECT_EQ(names, (QStringList{QStringLiteral("Dashboard"), QStringLiteral("Caseload"),
                                  QStringLiteral("My agency's actions"), QStringLiteral("Overview"),
                                  QStringLiteral("Agencies")}));
    EXPECT_EQ(window->workspace()->currentSection(), Workspace::Section::Caseload);
    EXPECT_FALSE(window->workspace()->agenciesPage()->addButton()->isVisibleTo(window->workspace()));
}

TEST_F(WorkspaceSectionsTest, Coordinator_MayEditTheAgencyDirectory)
{
    store.sessionPtr().reset();
    sectionsFor(QStringLiteral("tellis"), memberPassphrase());
    Workspace* workspace = window->workspace();
    ASSERT_NE(workspace, nullptr);
    workspace->showSection(Workspace::Section::Agencies);
    EXPECT_TRUE(workspace->agenciesPage()->canEdit());
    EXPECT_TRUE(workspace->agenciesPage()->addButton()->isVisible());
}

TEST_F(WorkspaceSectionsTest, Administrator_ManagesPanelsAndAgenciesAndLandsOnTheOverview)
{
    store.sessionPtr().reset();
    const QStringList names =
        sectionsFor(QString::fromLatin1(TestSession::AdminLogin), TestSession::adminPassphrase());
    EXPECT_EQ(names,
              (QStringList{QStringLiteral("Dashboard"), QStringLiteral("Caseload"),
                           QStringLiteral("Overview"), QStringLiteral("Panels"), QStringLiteral("Agencies"),
                           QStringLiteral("Accounts"), QStringLiteral("Audit trail")}));
    EXPECT_EQ(window->workspace()->currentSection(), Workspace::Section::Overview);
}

} // namespace
} // namespace confer::test
