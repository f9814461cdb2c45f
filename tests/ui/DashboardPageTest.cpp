// The dashboard on a demo partnership: the figures shown are DashboardService's, the chart has a bar
// per stage, and pressing a figure opens the caseload filtered to the cases behind it.
#include "caseload/DashboardPage.h"

#include "DemoStoreFixture.h"
#include "caseload/CaseloadModel.h"
#include "caseload/CaseloadPage.h"
#include "caseload/FigureTile.h"
#include "caseload/PanelFiguresCard.h"
#include "shell/MainWindow.h"
#include "shell/Workspace.h"
#include "support/FindChild.h"

#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QHorizontalBarSeries>
#include <QLabel>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

#include <gtest/gtest.h>

namespace confer::test {
namespace {

class DashboardPageTest : public DemoStoreFixture {
protected:
    DashboardPage& openPage()
    {
        page = std::make_unique<DashboardPage>(*caseload);
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

    static PanelFiguresCard* cardFor(DashboardPage& dashboard, PanelId panelId)
    {
        for (PanelFiguresCard* card : dashboard.cards()) {
            if (card->panelId() == panelId)
                return card;
        }
        return nullptr;
    }

    std::unique_ptr<DashboardPage> page;
};

TEST_F(DashboardPageTest, FiguresShown_AreTheServicesForEachPanelOfTheUser)
{
    ASSERT_TRUE(signIn(chairLogin()));
    DashboardPage& dashboard = openPage();
    auto figures = caseload->dashboard.figures();
    ASSERT_TRUE(figures.ok());
    ASSERT_EQ(figures->size(), 3u) << "the chair sits on three panels";
    ASSERT_EQ(dashboard.cards().size(), 3);
    for (const DashboardService::PanelFigures& panel : figures.value()) {
        PanelFiguresCard* card = cardFor(dashboard, panel.panelId);
        ASSERT_NE(card, nullptr) << panel.panelName.toStdString();
        using Figure = PanelFiguresCard::Figure;
        EXPECT_EQ(card->tile(Figure::OpenCases)->value(), panel.openCases);
        EXPECT_EQ(card->tile(Figure::OpenCases)->valueText(), QString::number(panel.openCases));
        EXPECT_EQ(card->tile(Figure::OverdueReviews)->value(), panel.overdueReviews);
        EXPECT_EQ(card->tile(Figure::OverdueActions)->value(), panel.overdueActions);
        EXPECT_EQ(card->tile(Figure::RedRisk)->value(), panel.redRisk);
        EXPECT_TRUE(card->tile(Figure::RedRisk)->accessibleName().startsWith(QString::number(panel.redRisk)));

        // One bar per stage, counts as the service gives them (the chart lists them bottom up).
        const auto series = child<QChartView>(card, QStringLiteral("stageChart"))->chart()->series();
        ASSERT_EQ(series.size(), 1);
        QBarSet* bars = static_cast<QHorizontalBarSeries*>(series.first())->barSets().first();
        ASSERT_EQ(bars->count(), panel.casesByStage.size());
        for (int i = 0; i < panel.casesByStage.size(); ++i)
            EXPECT_EQ(int(bars->at(bars->count() - 1 - i)), panel.casesByStage[i].second);
        EXPECT_EQ(child<QChartView>(card, QStringLiteral("stageChart"))->chart()->animationOptions(),
                  QChart::NoAnimation);
        EXPECT_FALSE(child<QChartView>(card, QStringLiteral("stageChart"))->chart()->legend()->isVisible());
    }
    EXPECT_FALSE(child<QLabel>(&dashboard, QStringLiteral("dashboardEmpty"))->isVisible());
}

TEST_F(DashboardPageTest, NonMember_SeesAnExplanationInsteadOfFigures)
{
    ASSERT_TRUE(signIn(otherAdminLogin()));
    DashboardPage& dashboard = openPage();
    EXPECT_TRUE(dashboard.cards().isEmpty());
    EXPECT_TRUE(child<QLabel>(&dashboard, QStringLiteral("dashboardEmpty"))->isVisible());
}

TEST_F(DashboardPageTest, PressingAFigure_AsksForTheCaseloadFilteredToItsCases)
{
    ASSERT_TRUE(signIn(chairLogin()));
    DashboardPage& dashboard = openPage();
    ASSERT_FALSE(dashboard.cards().isEmpty());
    PanelFiguresCard* card = dashboard.cards().first();
    QSignalSpy requested(&dashboard, &DashboardPage::caseloadRequested);
    QTest::mouseClick(card->tile(PanelFiguresCard::Figure::OverdueReviews), Qt::LeftButton);
    ASSERT_EQ(requested.count(), 1);
    const auto filter = requested.first().first().value<CaseloadQuery::Filter>();
    EXPECT_EQ(filter.panelId, card->panelId());
    EXPECT_TRUE(filter.isOverdueOnly);
    EXPECT_FALSE(filter.risk.has_value());

    // Overdue actions belong to agencies, not to a caseload filter: that figure is read, not pressed.
    QTest::mouseClick(card->tile(PanelFiguresCard::Figure::OverdueActions), Qt::LeftButton);
    EXPECT_EQ(requested.count(), 1);
}

// End to end in the window: the chair lands on the caseload, goes to the dashboard, presses a
// panel's red-risk figure and sees exactly that many cases, all red, all of that panel.
TEST_F(DashboardPageTest, RedRiskFigureInTheWorkspace_ShowsThatManyRedCasesOfThePanel)
{
    MainWindow window(contextFor(store));
    showActive(window);
    unlockThroughScreen(window, chairLogin(), passphraseFor(chairLogin()));
    Workspace* workspace = window.workspace();
    ASSERT_NE(workspace, nullptr);
    EXPECT_EQ(workspace->currentSection(), Workspace::Section::Caseload);

    QListWidget* navigation = workspace->navigation();
    const QList<QListWidgetItem*> items =
        navigation->findItems(QStringLiteral("Dashboard"), Qt::MatchExactly);
    ASSERT_EQ(items.size(), 1);
    QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {},
                      navigation->visualItemRect(items.first()).center());
    ASSERT_EQ(workspace->currentSection(), Workspace::Section::Dashboard);

    PanelFiguresCard* card = nullptr;
    for (PanelFiguresCard* candidate :
         child<DashboardPage>(workspace, QStringLiteral("dashboardPage"))->cards()) {
        if (candidate->tile(PanelFiguresCard::Figure::RedRisk)->value() > 0)
            card = candidate;
    }
    ASSERT_NE(card, nullptr) << "no panel with a red case in the demo";
    const int red = card->tile(PanelFiguresCard::Figure::RedRisk)->value();
    QTest::mouseClick(card->tile(PanelFiguresCard::Figure::RedRisk), Qt::LeftButton);

    EXPECT_EQ(workspace->currentSection(), Workspace::Section::Caseload);
    CaseloadPage* caseloadPage = child<CaseloadPage>(workspace, QStringLiteral("caseloadPage"));
    EXPECT_EQ(PanelId(child<QComboBox>(caseloadPage, QStringLiteral("caseloadPanelFilter"))
                          ->currentData()
                          .toLongLong()),
              card->panelId());
    EXPECT_EQ(child<QComboBox>(caseloadPage, QStringLiteral("caseloadRiskFilter"))->currentText(),
              riskDisplayName(Risk::Red));
    CaseloadModel* model = modelOf<CaseloadModel>(caseloadPage, QStringLiteral("caseloadTable"));
    ASSERT_EQ(model->rowCount(), red);
    for (int row = 0; row < red; ++row)
        EXPECT_EQ(model->index(row, CaseloadModel::RiskColumn).data(CaseloadModel::RiskRole).toInt(),
                  int(Risk::Red));
    window.lock();
}

} // namespace
} // namespace confer::test
