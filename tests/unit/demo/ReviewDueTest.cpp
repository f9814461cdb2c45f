// "Overdue" has one definition (ReviewDue): the case file, the caseload's rows and the caseload's
// "overdue only" filter agree on every case of a demo partnership, and on a Channel case after exit,
// whose cadence date passes long before its 6-month review is due, as the clock is moved by hand.
#include "TestSession.h"
#include "caseload/CaseService.h"
#include "caseload/CaseloadQuery.h"
#include "demo/DemoPartnership.h"
#include "meetings/StandardStageGates.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelService.h"
#include "session/Session.h"

#include <gtest/gtest.h>

#include <optional>
#include <set>

namespace confer::test {
namespace {

class ReviewDueTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        ASSERT_TRUE(store.sessionPtr());
        auto loaded = PanelKindRegistry::load(standardStageGates());
        ASSERT_TRUE(loaded.ok()) << loaded.error().message.toStdString();
        kinds.emplace(std::move(loaded).value());
        auto filled = DemoPartnership::fill(store.session(), *kinds, {120, 7, true, {}});
        ASSERT_TRUE(filled.ok()) << filled.error().message.toStdString();
    }

    std::optional<PanelId> channelPanel()
    {
        auto panels = PanelService(store.session(), *kinds).panels();
        EXPECT_TRUE(panels.ok());
        for (const Panel& panel : *panels) {
            if (panel.kindKey == QLatin1String("channel"))
                return panel.id;
        }
        ADD_FAILURE() << "the demo has no Channel panel";
        return std::nullopt;
    }

    // A Channel case taken to exit today, with consent given on the way.
    std::optional<CaseId> exitedChannelCase()
    {
        CaseService cases(store.session(), *kinds);
        CaseService::NewCase request;
        const auto panelId = channelPanel();
        if (!panelId)
            return std::nullopt;
        request.panelId = *panelId;
        request.subject.name = QStringLiteral("Rowan Tate");
        request.referralDate = store.clock.today();
        request.fields.insert(QStringLiteral("personAware"), true);
        auto created = cases.create(request);
        EXPECT_TRUE(created.ok()) << created.error().message.toStdString();
        if (!created.ok())
            return std::nullopt;
        Consent consent;
        consent.onDate = store.clock.today();
        consent.scope = QStringLiteral("Mentoring; sharing with school and police");
        for (const char* stage : {"screening", "adopted", "support", "review", "exit"}) {
            if (QLatin1String(stage) == QLatin1String("support")) {
                EXPECT_TRUE(cases.recordConsent(created->id, consent).ok());
            }
            EXPECT_TRUE(cases.moveStage(created->id, QString::fromLatin1(stage)).ok()) << stage;
        }
        return created->id;
    }

    // Every case the caseload shows, closed ones too, compared with the rule as the case file asks it;
    // then the "overdue only" filter, which must list exactly the cases the rule calls overdue.
    void expectOneDefinition()
    {
        CaseService cases(store.session(), *kinds);
        CaseloadQuery query(store.session(), *kinds);
        CaseloadQuery::Filter everything;
        everything.includesClosed = true;
        const std::vector<CaseSummary> rows = query.page(everything, {}, 0, 100000).value();
        ASSERT_GT(rows.size(), 100u);
        std::set<CaseId> overdueByRule;
        for (const CaseSummary& row : rows) {
            auto due = cases.reviewDue(row.id);
            ASSERT_TRUE(due.ok()) << due.error().message.toStdString();
            EXPECT_EQ(row.isReviewOverdue, due->isOverdue) << row.reference.toStdString();
            EXPECT_EQ(row.reviewDue, due->date) << row.reference.toStdString();
            if (due->isOverdue)
                overdueByRule.insert(row.id);
        }
        for (bool includesClosed : {false, true}) {
            CaseloadQuery::Filter overdue;
            overdue.isOverdueOnly = true;
            overdue.includesClosed = includesClosed;
            const std::vector<CaseSummary> overdueRows = query.page(overdue, {}, 0, 100000).value();
            std::set<CaseId> filtered;
            for (const CaseSummary& row : overdueRows)
                filtered.insert(row.id);
            EXPECT_EQ(filtered, overdueByRule)
                << "on " << store.clock.today().toString(Qt::ISODate).toStdString();
            EXPECT_EQ(query.count(overdue).value(), int(overdueByRule.size()));
        }
    }

    void advanceDays(int days) { store.clock.advanceSeconds(qint64(days) * 24 * 3600); }

    TestSession store;
    std::optional<PanelKindRegistry> kinds;
};

} // namespace

TEST_F(ReviewDueTest, CaseFileRowsAndTheOverdueFilterAgreeOnEveryDemoCase_AsTheClockMoves)
{
    expectOneDefinition();
    for (int days : {20, 45, 120, 400}) {
        advanceDays(days);
        expectOneDefinition();
    }
}

TEST_F(ReviewDueTest, AChannelCaseAfterExitIsDueAtItsSixMonthReview_NotAtTheCadence)
{
    const auto exited = exitedChannelCase();
    ASSERT_TRUE(exited);
    const CaseId caseId = *exited;
    const QDate exitDate = store.clock.today();
    CaseService cases(store.session(), *kinds);
    ASSERT_EQ(cases.open(caseId)->nextReview, std::optional<QDate>(exitDate.addDays(28)))
        << "the cadence date";

    advanceDays(60); // the cadence date has passed; the 6-month review has not
    auto due = cases.reviewDue(caseId);
    ASSERT_TRUE(due.ok());
    EXPECT_EQ(due->date, std::optional<QDate>(exitDate.addMonths(6)));
    EXPECT_FALSE(due->isOverdue);
    expectOneDefinition();

    advanceDays(150); // past the 6-month review
    EXPECT_TRUE(cases.reviewDue(caseId)->isOverdue);
    expectOneDefinition();

    // Completed, the case waits for its 12-month review; once that is done too, nothing is due.
    auto reviews = cases.scheduledReviews(caseId).value();
    ASSERT_EQ(reviews.size(), 2u);
    ASSERT_TRUE(cases.completeReview(reviews[0].id, store.clock.today(), QStringLiteral("Settled")).ok());
    EXPECT_EQ(cases.reviewDue(caseId)->date, std::optional<QDate>(exitDate.addMonths(12)));
    EXPECT_FALSE(cases.reviewDue(caseId)->isOverdue);
    expectOneDefinition();
    advanceDays(200);
    ASSERT_TRUE(cases.completeReview(reviews[1].id, store.clock.today(), QStringLiteral("Settled")).ok());
    EXPECT_FALSE(cases.reviewDue(caseId)->date);
    expectOneDefinition();
}

} // namespace confer::test
