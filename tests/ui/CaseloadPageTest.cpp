// The caseload list on a demo partnership, driven with real keys and clicks: filtering as you type,
// the filters, sorting by header, keyboard navigation, and need-to-know for people on no panel.
#include "caseload/CaseloadPage.h"

#include "DemoStoreFixture.h"
#include "casefile/CaseView.h"
#include "casefile/NewCaseDialog.h"
#include "caseload/CaseloadModel.h"
#include "caseload/MyActionsModel.h"
#include "caseload/MyActionsPage.h"
#include "shell/MainWindow.h"
#include "shell/Workspace.h"
#include "support/FindChild.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QIcon>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

#include <gtest/gtest.h>

namespace confer::test {
namespace {

CaseloadModel* caseloadModel(const CaseloadPage& page)
{
    return modelOf<CaseloadModel>(&page, QStringLiteral("caseloadTable"));
}

class CaseloadPageTest : public DemoStoreFixture {
protected:
    // A page over the signed-in caseload, shown and filled as the workspace does.
    CaseloadPage& openPage()
    {
        page = std::make_unique<CaseloadPage>(*caseload, nullptr);
        page->resize(1280, 720);
        page->show();
        EXPECT_TRUE(QTest::qWaitForWindowExposed(page.get()));
        page->refresh();
        return *page;
    }

    void TearDown() override
    {
        if (page)
            page->clear();
        page.reset();
    }

    QString cell(int row, int column) const
    {
        return caseloadModel(*page)->index(row, column).data().toString();
    }

    void clickHeader(int column)
    {
        QHeaderView* header = page->table()->horizontalHeader();
        const int x = header->sectionViewportPosition(column) + header->sectionSize(column) / 2;
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {}, QPoint(x, header->height() / 2));
    }

    // Picks an entry of a combo box with the keyboard, as a person tabbing through the filters does.
    static void chooseWithKeys(QComboBox* box, const QString& text)
    {
        const int index = box->findText(text);
        ASSERT_GE(index, 0) << "not offered: " << text.toStdString();
        box->setFocus();
        while (box->currentIndex() != index)
            QTest::keyClick(box, box->currentIndex() < index ? Qt::Key_Down : Qt::Key_Up);
    }

    std::unique_ptr<CaseloadPage> page;
};

TEST_F(CaseloadPageTest, Chair_SeesOnlyTheCasesOfTheirPanelsWithTheCountShown)
{
    ASSERT_TRUE(signIn(singlePanelChairLogin()));
    CaseloadPage& caseloadPage = openPage();
    CaseloadModel* model = caseloadModel(caseloadPage);
    ASSERT_GT(model->rowCount(), 0);
    EXPECT_EQ(child<QLabel>(&caseloadPage, QStringLiteral("caseloadCount"))->text(),
              QStringLiteral("%1 cases").arg(model->rowCount()));
    EXPECT_EQ(child<QComboBox>(&caseloadPage, QStringLiteral("caseloadPanelFilter"))->count(), 2)
        << "one panel besides 'All my panels'";
    EXPECT_EQ(child<QComboBox>(&caseloadPage, QStringLiteral("caseloadPanelFilter"))->itemText(1),
              QStringLiteral("Easington MAPS"));
    for (int row = 0; row < model->rowCount(); ++row)
        ASSERT_EQ(cell(row, CaseloadModel::PanelColumn), QStringLiteral("Easington MAPS")) << "row " << row;
    EXPECT_TRUE(child<QPushButton>(&caseloadPage, QStringLiteral("newCaseButton"))->isVisible());
    EXPECT_FALSE(child<QLabel>(&caseloadPage, QStringLiteral("noPanelsNotice"))->isVisible());
}

TEST_F(CaseloadPageTest, TypingInTheFilter_NarrowsTheRowsAndTheCountAfterThePause)
{
    ASSERT_TRUE(signIn(chairLogin()));
    CaseloadPage& caseloadPage = openPage();
    CaseloadModel* model = caseloadModel(caseloadPage);
    const int everyone = model->rowCount();
    ASSERT_GT(everyone, 10);
    const QString reference = cell(7, CaseloadModel::ReferenceColumn);
    const QString subject = cell(7, CaseloadModel::SubjectColumn);

    child<QLineEdit>(&caseloadPage, QStringLiteral("caseloadFilter"))->setFocus();
    QTest::keyClicks(child<QLineEdit>(&caseloadPage, QStringLiteral("caseloadFilter")), reference);
    // Typing alone queries nothing until the pause; the test ends the pause instead of sleeping.
    EXPECT_TRUE(caseloadPage.isFilterPending());
    EXPECT_EQ(model->rowCount(), everyone);
    caseloadPage.applyPendingFilter();
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(cell(0, CaseloadModel::ReferenceColumn), reference);
    EXPECT_EQ(child<QLabel>(&caseloadPage, QStringLiteral("caseloadCount"))->text(),
              QStringLiteral("1 case"));

    child<QLineEdit>(&caseloadPage, QStringLiteral("caseloadFilter"))->clear();
    const QString surname = subject.section(QLatin1Char(' '), -1);
    QTest::keyClicks(child<QLineEdit>(&caseloadPage, QStringLiteral("caseloadFilter")), surname);
    QTest::keyClick(child<QLineEdit>(&caseloadPage, QStringLiteral("caseloadFilter")),
                    Qt::Key_Return); // Enter runs the filter at once
    EXPECT_FALSE(caseloadPage.isFilterPending());
    const int named = model->rowCount();
    EXPECT_GE(named, 1);
    EXPECT_LT(named, everyone);
    EXPECT_EQ(child<QLabel>(&caseloadPage, QStringLiteral("caseloadCount"))->text(),
              named == 1 ? QStringLiteral("1 case") : QStringLiteral("%1 cases").arg(named));
    bool isSubjectListed = false;
    for (int row = 0; row < named; ++row)
        isSubjectListed = isSubjectListed || cell(row, CaseloadModel::SubjectColumn) == subject;
    EXPECT_TRUE(isSubjectListed) << subject.toStdString();

    QTest::keyClicks(child<QLineEdit>(&caseloadPage, QStringLiteral("caseloadFilter")),
                     QStringLiteral("zzqx"));
    caseloadPage.applyPendingFilter();
    EXPECT_EQ(model->rowCount(), 0);
    EXPECT_EQ(child<QLabel>(&caseloadPage, QStringLiteral("caseloadCount"))->text(),
              QStringLiteral("No cases match these filters"));
}

// The debounce with the real QTimer: keys closer together than the pause query nothing; one pause
// after the last key runs the filter once, no sooner than FilterDelayMs after it (bounded wait).
TEST_F(CaseloadPageTest, TypingInTheFilter_RealTimerRunsOneQueryAfterThePause)
{
    ASSERT_TRUE(signIn(chairLogin()));
    CaseloadPage& caseloadPage = openPage();
    CaseloadModel* model = caseloadModel(caseloadPage);
    ASSERT_GT(model->rowCount(), 10);
    const QString reference = cell(7, CaseloadModel::ReferenceColumn);
    ASSERT_GE(reference.size(), 4);
    QSignalSpy resets(model, &QAbstractItemModel::modelReset);

    child<QLineEdit>(&caseloadPage, QStringLiteral("caseloadFilter"))->setFocus();
    QElapsedTimer sinceLastKey;
    for (const QChar character : reference) { // bounded: one key per character of the reference
        QTest::keyClicks(child<QLineEdit>(&caseloadPage, QStringLiteral("caseloadFilter")),
                         QString(character));
        sinceLastKey.start();
        QTest::qWait(CaseloadPage::FilterDelayMs / 5);
    }
    EXPECT_EQ(resets.count(), 0) << "the filter ran while keys came faster than the pause";
    EXPECT_TRUE(caseloadPage.isFilterPending());

    ASSERT_TRUE(resets.wait(2000)) << "the filter did not run within two seconds of the last key";
    EXPECT_GE(sinceLastKey.elapsed(), CaseloadPage::FilterDelayMs - 10) << "ran before the pause";
    EXPECT_FALSE(caseloadPage.isFilterPending());
    ASSERT_EQ(model->rowCount(), 1);
    EXPECT_EQ(cell(0, CaseloadModel::ReferenceColumn), reference);
    QTest::qWait(CaseloadPage::FilterDelayMs * 2);
    EXPECT_EQ(resets.count(), 1) << "one pause, one query";
}

TEST_F(CaseloadPageTest, PanelAndRiskFilters_ChosenWithKeys_ShowOnlyMatchingCases)
{
    ASSERT_TRUE(signIn(chairLogin()));
    CaseloadPage& caseloadPage = openPage();
    CaseloadModel* model = caseloadModel(caseloadPage);
    const int everyone = model->rowCount();

    chooseWithKeys(child<QComboBox>(&caseloadPage, QStringLiteral("caseloadPanelFilter")),
                   QStringLiteral("County Durham IOM"));
    const int iom = model->rowCount();
    ASSERT_GT(iom, 0);
    EXPECT_LT(iom, everyone);
    for (int row = 0; row < iom; ++row)
        ASSERT_EQ(cell(row, CaseloadModel::PanelColumn), QStringLiteral("County Durham IOM"));

    chooseWithKeys(child<QComboBox>(&caseloadPage, QStringLiteral("caseloadRiskFilter")),
                   riskDisplayName(Risk::Red));
    const int red = model->rowCount();
    EXPECT_LE(red, iom);
    for (int row = 0; row < red; ++row) {
        ASSERT_EQ(model->index(row, CaseloadModel::RiskColumn).data(CaseloadModel::RiskRole).toInt(),
                  int(Risk::Red));
        ASSERT_EQ(model->index(row, CaseloadModel::RiskColumn).data(Qt::AccessibleTextRole).toString(),
                  QStringLiteral("Risk: Red"));
    }

    chooseWithKeys(child<QComboBox>(&caseloadPage, QStringLiteral("caseloadRiskFilter")),
                   QStringLiteral("Any risk"));
    chooseWithKeys(child<QComboBox>(&caseloadPage, QStringLiteral("caseloadPanelFilter")),
                   QStringLiteral("All my panels"));
    EXPECT_EQ(model->rowCount(), everyone);
}

TEST_F(CaseloadPageTest, OverdueOnly_ListsOnlyOverdueReviewsMarkedInRedAndInWords)
{
    ASSERT_TRUE(signIn(chairLogin()));
    CaseloadPage& caseloadPage = openPage();
    CaseloadModel* model = caseloadModel(caseloadPage);
    const int everyone = model->rowCount();
    QTest::mouseClick(child<QCheckBox>(&caseloadPage, QStringLiteral("caseloadOverdueOnly")), Qt::LeftButton);
    ASSERT_TRUE(child<QCheckBox>(&caseloadPage, QStringLiteral("caseloadOverdueOnly"))->isChecked());
    const int overdue = model->rowCount();
    ASSERT_GT(overdue, 0) << "the demo has no overdue review to show";
    EXPECT_LT(overdue, everyone);
    for (int row = 0; row < overdue; ++row) {
        const QModelIndex review = model->index(row, CaseloadModel::NextReviewColumn);
        ASSERT_TRUE(review.data(CaseloadModel::IsOverdueRole).toBool());
        EXPECT_TRUE(review.data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("Overdue")));
        EXPECT_EQ(review.data(Qt::ForegroundRole).value<QColor>(), QColor(0xb3, 0x26, 0x1e));
        EXPECT_FALSE(review.data(Qt::DecorationRole).value<QIcon>().isNull());
    }
    // Clear filters puts every filter back, and goes away until a filter is set again.
    ASSERT_TRUE(child<QPushButton>(&caseloadPage, QStringLiteral("clearFiltersButton"))->isVisible());
    QTest::mouseClick(child<QPushButton>(&caseloadPage, QStringLiteral("clearFiltersButton")),
                      Qt::LeftButton);
    EXPECT_FALSE(child<QCheckBox>(&caseloadPage, QStringLiteral("caseloadOverdueOnly"))->isChecked());
    EXPECT_EQ(model->rowCount(), everyone);
    EXPECT_FALSE(child<QPushButton>(&caseloadPage, QStringLiteral("clearFiltersButton"))->isVisible());

    // And a case that is not overdue carries none of the marks.
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex review = model->index(row, CaseloadModel::NextReviewColumn);
        if (review.data(CaseloadModel::IsOverdueRole).toBool())
            continue;
        EXPECT_FALSE(review.data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("Overdue")));
        EXPECT_FALSE(review.data(Qt::ForegroundRole).isValid());
        break;
    }
}

TEST_F(CaseloadPageTest, ClickingAHeader_SortsByThatColumnAndAgainReverses)
{
    ASSERT_TRUE(signIn(chairLogin()));
    CaseloadPage& caseloadPage = openPage();
    CaseloadModel* model = caseloadModel(caseloadPage);
    const int rows = model->rowCount();
    ASSERT_GT(rows, model->pageSize()) << "sorting should be checked across a page boundary";

    const auto references = [&] {
        QStringList list;
        for (int row = 0; row < rows; ++row)
            list << cell(row, CaseloadModel::ReferenceColumn);
        return list;
    };
    clickHeader(CaseloadModel::ReferenceColumn);
    EXPECT_EQ(model->sortOrder().key, CaseloadQuery::SortKey::Reference);
    QStringList ascending = references();
    QStringList sorted = ascending;
    std::sort(sorted.begin(), sorted.end());
    EXPECT_EQ(ascending, sorted);

    clickHeader(CaseloadModel::ReferenceColumn);
    EXPECT_FALSE(model->sortOrder().isAscending);
    QStringList descending = references();
    std::reverse(sorted.begin(), sorted.end());
    EXPECT_EQ(descending, sorted);

    // The first click on Risk puts red first.
    clickHeader(CaseloadModel::RiskColumn);
    EXPECT_EQ(model->sortOrder().key, CaseloadQuery::SortKey::Risk);
    EXPECT_EQ(model->index(0, CaseloadModel::RiskColumn).data(CaseloadModel::RiskRole).toInt(),
              int(Risk::Red));

    // Lead agency is not an order the store keeps: the click changes nothing, arrow included.
    clickHeader(CaseloadModel::LeadAgencyColumn);
    EXPECT_EQ(model->sortOrder().key, CaseloadQuery::SortKey::Risk);
    EXPECT_EQ(caseloadPage.table()->horizontalHeader()->sortIndicatorSection(),
              int(CaseloadModel::RiskColumn));
}

TEST_F(CaseloadPageTest, DownFromTheFilterThenEnter_AsksForTheChosenCase)
{
    ASSERT_TRUE(signIn(chairLogin()));
    CaseloadPage& caseloadPage = openPage();
    QSignalSpy requested(&caseloadPage, &CaseloadPage::caseRequested);
    caseloadPage.activateWindow();
    child<QLineEdit>(&caseloadPage, QStringLiteral("caseloadFilter"))->setFocus();
    QTest::keyClick(child<QLineEdit>(&caseloadPage, QStringLiteral("caseloadFilter")), Qt::Key_Down);
    QTableView* table = caseloadPage.table();
    EXPECT_TRUE(table->hasFocus());
    EXPECT_EQ(table->currentIndex().row(), 0);
    QTest::keyClick(table, Qt::Key_Down);
    QTest::keyClick(table, Qt::Key_Down);
    ASSERT_EQ(table->currentIndex().row(), 2);
    QTest::keyClick(table, Qt::Key_Return);
    ASSERT_EQ(requested.count(), 1);
    EXPECT_EQ(requested.first().first().value<CaseId>(),
              CaseId(caseloadModel(caseloadPage)->index(2, 0).data(CaseloadModel::CaseIdRole).toLongLong()));

    // A double-click asks for the case under the mouse. (Qt's views take a double-click as the second
    // press of a click, so the first press comes first, as with a real mouse.)
    const QRect fifth =
        table->visualRect(caseloadModel(caseloadPage)->index(4, CaseloadModel::SubjectColumn));
    QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, fifth.center());
    QTest::mouseDClick(table->viewport(), Qt::LeftButton, {}, fifth.center());
    ASSERT_EQ(requested.count(), 2);
    EXPECT_EQ(requested.last().first().value<CaseId>(),
              CaseId(caseloadModel(caseloadPage)->index(4, 0).data(CaseloadModel::CaseIdRole).toLongLong()));
}

TEST_F(CaseloadPageTest, MemberOfNoPanel_SeesNoCasesAndIsToldWhy)
{
    ASSERT_TRUE(signIn(newcomerLogin()));
    CaseloadPage& caseloadPage = openPage();
    EXPECT_EQ(caseloadModel(caseloadPage)->rowCount(), 0);
    EXPECT_FALSE(caseloadPage.isMemberOfAnyPanel());
    EXPECT_TRUE(child<QLabel>(&caseloadPage, QStringLiteral("noPanelsNotice"))->isVisible());
    EXPECT_FALSE(caseloadPage.table()->isVisible());
    EXPECT_FALSE(child<QPushButton>(&caseloadPage, QStringLiteral("newCaseButton"))->isVisible());
}

TEST_F(CaseloadPageTest, AdministratorWhoIsNotAMember_SeesNoCases)
{
    ASSERT_TRUE(signIn(otherAdminLogin()));
    CaseloadPage& caseloadPage = openPage();
    EXPECT_EQ(caseloadModel(caseloadPage)->rowCount(), 0);
    EXPECT_TRUE(child<QLabel>(&caseloadPage, QStringLiteral("noPanelsNotice"))->isVisible());
    EXPECT_TRUE(child<QLabel>(&caseloadPage, QStringLiteral("noPanelsNotice"))
                    ->text()
                    .contains(QStringLiteral("Administrators")));
    // Not even by asking for a panel directly: the filter offers none, and the query returns none.
    EXPECT_EQ(child<QComboBox>(&caseloadPage, QStringLiteral("caseloadPanelFilter"))->count(), 1);
    CaseloadQuery::Filter everything;
    everything.includesClosed = true;
    auto count = caseload->query.count(everything);
    ASSERT_TRUE(count.ok());
    EXPECT_EQ(count.value(), 0);
}

TEST_F(CaseloadPageTest, Model_HoldsOnlyAWindowOfPagesWhileEveryRowReadsRight)
{
    ASSERT_TRUE(signIn(chairLogin()));
    CaseloadPage& caseloadPage = openPage();
    CaseloadModel* model = caseloadModel(caseloadPage);
    const int rows = model->rowCount();
    // Pages of 5 rows make this store span far more pages than the window holds.
    model->setPageSize(5);
    ASSERT_GT(rows, 5 * CaseloadModel::CachedPageLimit * 2);
    auto everything = caseload->query.page(model->filter(), model->sortOrder(), 0, rows);
    ASSERT_TRUE(everything.ok());
    ASSERT_EQ(int(everything->size()), rows);

    // Walk the whole table with the keyboard, as someone paging down it would.
    QTableView* table = caseloadPage.table();
    table->setFocus();
    table->setCurrentIndex(model->index(0, 0));
    while (table->currentIndex().row() < rows - 1) {
        QTest::keyClick(table, Qt::Key_PageDown);
        EXPECT_LE(model->cachedPageCount(), CaseloadModel::CachedPageLimit);
    }
    for (int row = 0; row < rows; ++row) {
        ASSERT_EQ(CaseId(model->index(row, CaseloadModel::ReferenceColumn)
                             .data(CaseloadModel::CaseIdRole)
                             .toLongLong()),
                  everything.value()[std::size_t(row)].id)
            << "row " << row;
        ASSERT_LE(model->cachedPageCount(), CaseloadModel::CachedPageLimit);
    }
}

TEST_F(CaseloadPageTest, MyAgencysActions_OpenFirstOverdueMarkedAndEnterOpensTheCase)
{
    ASSERT_TRUE(signIn(chairLogin()));
    auto agency = caseload->agencies.agencyOfUser(session->currentUser().id);
    ASSERT_TRUE(agency.ok() && agency.value());
    MyActionsPage actionsPage(*caseload, **agency);
    actionsPage.resize(1200, 700);
    actionsPage.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&actionsPage));
    actionsPage.refresh();
    MyActionsModel* model = modelOf<MyActionsModel>(&actionsPage, QStringLiteral("myActionsTable"));
    const int open = model->rowCount();
    ASSERT_GT(open, 0);
    for (int row = 0; row < open; ++row)
        ASSERT_EQ(model->actionAt(row)->status, CaseAction::Status::Open);

    QTest::mouseClick(child<QCheckBox>(&actionsPage, QStringLiteral("showFinishedActions")), Qt::LeftButton);
    ASSERT_GE(model->rowCount(), open);
    bool isPastOpen = false;
    int overdue = 0;
    for (int row = 0; row < model->rowCount(); ++row) {
        const CaseAction* action = model->actionAt(row);
        isPastOpen = isPastOpen || action->status != CaseAction::Status::Open;
        EXPECT_FALSE(isPastOpen && action->status == CaseAction::Status::Open) << "open after finished";
        const QModelIndex due = model->index(row, MyActionsModel::DueColumn);
        EXPECT_EQ(due.data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("Overdue")),
                  action->isOverdue);
        overdue += action->isOverdue ? 1 : 0;
    }
    EXPECT_GT(overdue, 0) << "the demo has no overdue action to show";

    QSignalSpy requested(&actionsPage, &MyActionsPage::caseRequested);
    child<QTableView>(&actionsPage, QStringLiteral("myActionsTable"))->setFocus();
    QTest::keyClick(child<QTableView>(&actionsPage, QStringLiteral("myActionsTable")), Qt::Key_Down);
    QTest::keyClick(child<QTableView>(&actionsPage, QStringLiteral("myActionsTable")), Qt::Key_Return);
    ASSERT_EQ(requested.count(), 1);
    EXPECT_EQ(requested.first().first().value<CaseId>(),
              model
                  ->actionAt(
                      child<QTableView>(&actionsPage, QStringLiteral("myActionsTable"))->currentIndex().row())
                  ->caseId);
    actionsPage.clear();
}

// Through the window: Enter on a case shows it in place of the list; Esc returns to the list with the
// case still chosen; locking with a case open leaves no case view behind.
TEST_F(CaseloadPageTest, EnterInTheWorkspace_ShowsTheCaseAndEscReturnsToTheList)
{
    MainWindow window(contextFor(store));
    showActive(window);
    unlockThroughScreen(window, chairLogin(), passphraseFor(chairLogin()));
    Workspace* workspace = window.workspace();
    ASSERT_NE(workspace, nullptr);
    ASSERT_EQ(workspace->currentSection(), Workspace::Section::Caseload);
    CaseloadPage* caseloadPage = child<CaseloadPage>(workspace, QStringLiteral("caseloadPage"));
    QTableView* table = caseloadPage->table();
    table->setFocus();
    QTest::keyClick(table, Qt::Key_Down);
    QTest::keyClick(table, Qt::Key_Down);
    const int row = table->currentIndex().row();
    const CaseId caseId(table->currentIndex().data(CaseloadModel::CaseIdRole).toLongLong());
    QTest::keyClick(table, Qt::Key_Return);

    QPointer<CaseView> view = workspace->findChild<CaseView*>();
    ASSERT_TRUE(view);
    EXPECT_TRUE(view->isVisible());
    EXPECT_FALSE(caseloadPage->isVisible());
    EXPECT_EQ(view->caseId(), caseId);
    EXPECT_TRUE(view->isOpen()) << shownError(view, QStringLiteral("caseViewError")).toStdString();

    QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : view.data(), Qt::Key_Escape);
    processDeferredDeletes();
    EXPECT_FALSE(view) << "the case view outlived its closing";
    EXPECT_TRUE(caseloadPage->isVisible());
    EXPECT_EQ(table->currentIndex().row(), row);

    QTest::keyClick(table, Qt::Key_Return);
    view = workspace->findChild<CaseView*>();
    ASSERT_TRUE(view);
    window.lock();
    processDeferredDeletes();
    EXPECT_FALSE(view) << "a case view outlived the lock";
    EXPECT_TRUE(window.findChildren<CaseView*>().isEmpty());
}

TEST_F(CaseloadPageTest, NewCaseInADemonstrationStore_WarnsThatItWillBeADemonstrationCase)
{
    ASSERT_TRUE(signIn(chairLogin()));
    CaseloadPage& shown = openPage();
    QTest::mouseClick(child<QPushButton>(&shown, QStringLiteral("newCaseButton")), Qt::LeftButton);
    QPointer<NewCaseDialog> dialog = shown.findChild<NewCaseDialog*>();
    ASSERT_TRUE(dialog);
    auto* banner = dialog->findChild<QLabel*>(QStringLiteral("demonstrationBanner"));
    ASSERT_NE(banner, nullptr);
    EXPECT_TRUE(banner->isVisible());
    EXPECT_TRUE(banner->text().contains(QLatin1String("demonstration case"))) << banner->text().toStdString();
    dialog->reject();
}

} // namespace
} // namespace confer::test
