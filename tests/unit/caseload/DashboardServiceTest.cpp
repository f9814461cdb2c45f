#include "caseload/DashboardService.h"

#include "CaseloadFixture.h"
#include "caseload/ActionService.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

namespace confer::test {

namespace {

using Figures = DashboardService::PanelFigures;

class DashboardServiceTest : public CaseloadFixture {
protected:
    void SetUp() override
    {
        CaseloadFixture::SetUp();
        signInAs(chair.login); // member of every panel
    }

    std::vector<Figures> figures()
    {
        DashboardService dashboard(session(), *kinds);
        auto result = dashboard.figures();
        EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message.toStdString());
        return result.ok() ? *result : std::vector<Figures>{};
    }

    static const Figures* find(const std::vector<Figures>& all, PanelId panelId)
    {
        for (const Figures& figures : all) {
            if (figures.panelId == panelId)
                return &figures;
        }
        return nullptr;
    }

    // Every stage of the kind, in its order, with the counts given (others zero).
    static QList<QPair<QString, int>> stageCounts(const PanelKind& kind, const QHash<QString, int>& counts)
    {
        QList<QPair<QString, int>> expected;
        for (const StageDefinition& stage : kind.stages)
            expected.append({stage.label, counts.value(stage.key)});
        return expected;
    }

    void move(CaseId caseId, const QString& stage, const QString& reason = {})
    {
        Status moved = caseService().moveStage(caseId, stage, reason);
        ASSERT_TRUE(moved.ok()) << stage.toStdString() << ": "
                                << (moved.ok() ? "" : moved.error().message.toStdString());
    }

    // Sets risk and next review as the case view does, keeping every other detail.
    void setRiskAndReview(CaseId caseId, Risk risk, std::optional<QDate> nextReview)
    {
        auto record = caseService().open(caseId);
        ASSERT_TRUE(record.ok());
        CaseService::Details details;
        details.risk = risk;
        details.leadAgencyId = record->leadAgencyId;
        details.leadProfessional = record->leadProfessional;
        details.nextReview = nextReview;
        details.marking = record->marking;
        details.fields = record->fields;
        details.referralReason = record->referralReason;
        Status updated = caseService().updateDetails(caseId, details);
        ASSERT_TRUE(updated.ok()) << (updated.ok() ? "" : updated.error().message.toStdString());
    }

    void addAction(CaseId caseId, const QDate& due, CaseAction::Status status = CaseAction::Status::Open)
    {
        ActionService actions(session());
        ActionService::NewAction action;
        action.description = QStringLiteral("Visit");
        action.ownerAgencyId = policeId;
        action.dueDate = due;
        auto added = actions.add(caseId, action);
        ASSERT_TRUE(added.ok());
        if (status != CaseAction::Status::Open) {
            ASSERT_TRUE(actions.update(added->id, status, QStringLiteral("Finished")).ok());
        }
    }
};

TEST_F(DashboardServiceTest, Figures_AreExactOnAKnownCaseload)
{
    // Channel: one case taken to exit, which schedules reviews at 6 and 12 months; seven months on,
    // the first is overdue and the second is not.
    const CaseRecord exited = createCase(channelPanelId, QStringLiteral("Alex Taylor"));
    move(exited.id, QStringLiteral("screening"));
    move(exited.id, QStringLiteral("adopted"));
    Consent consent;
    consent.onDate = today();
    consent.scope = QStringLiteral("Support plan");
    ASSERT_TRUE(caseService().recordConsent(exited.id, consent).ok());
    move(exited.id, QStringLiteral("support"));
    move(exited.id, QStringLiteral("review"));
    move(exited.id, QStringLiteral("exit"));
    advanceDays(214);
    setRiskAndReview(exited.id, Risk::Green, today().addDays(10));

    // MAPS: two referred (both red, one with its review a day late), one accepted, one closed (red, review
    // long past, an open action overdue: a closed case counts for neither reviews nor risk).
    const CaseRecord lateReview = createCase(mapsPanelId, QStringLiteral("Case A"));
    setRiskAndReview(lateReview.id, Risk::Red, today().addDays(-1));
    const CaseRecord redNoReview = createCase(mapsPanelId, QStringLiteral("Case D"));
    setRiskAndReview(redNoReview.id, Risk::Red, std::nullopt);
    const CaseRecord accepted = createCase(mapsPanelId, QStringLiteral("Case B"));
    move(accepted.id, QStringLiteral("accepted"));
    setRiskAndReview(accepted.id, Risk::Amber, today()); // due today is not overdue
    const CaseRecord closed = createCase(mapsPanelId, QStringLiteral("Case C"));
    const StageDefinition* closedStage = kindOf(mapsPanelId).stage(QStringLiteral("closed"));
    ASSERT_NE(closedStage, nullptr);
    move(closed.id, QStringLiteral("closed"),
         closedStage->reasons.isEmpty() ? QStringLiteral("Resolved") : closedStage->reasons.first().key);
    setRiskAndReview(closed.id, Risk::Red, today().addDays(-10));

    addAction(lateReview.id, today().addDays(-1));                           // overdue
    addAction(lateReview.id, today());                                       // due today: not yet
    addAction(lateReview.id, today().addDays(-3), CaseAction::Status::Done); // finished
    addAction(closed.id, today().addDays(-2));                               // overdue, on a closed case
    addAction(accepted.id, today().addDays(-4), CaseAction::Status::NotPossible);

    // IOM: one proposed case and nothing else.
    createCase(iomPanelId, QStringLiteral("Case E"));

    const std::vector<Figures> all = figures();
    ASSERT_EQ(all.size(), 4u);
    // Panels by name.
    EXPECT_EQ(all[0].panelId, channelPanelId);
    EXPECT_EQ(all[1].panelId, iomPanelId);
    EXPECT_EQ(all[2].panelId, meamPanelId);
    EXPECT_EQ(all[3].panelId, mapsPanelId);

    const Figures& maps = all[3];
    EXPECT_EQ(maps.panelName, QStringLiteral("Easington MAPS"));
    EXPECT_EQ(maps.kindKey, QStringLiteral("maps"));
    EXPECT_EQ(maps.casesByStage, stageCounts(kindOf(mapsPanelId), {{QStringLiteral("referred"), 2},
                                                                   {QStringLiteral("accepted"), 1},
                                                                   {QStringLiteral("closed"), 1}}));
    EXPECT_EQ(maps.openCases, 3);
    EXPECT_EQ(maps.overdueReviews, 1);
    EXPECT_EQ(maps.overdueActions, 2);
    EXPECT_EQ(maps.redRisk, 2);

    const Figures& channel = all[0];
    EXPECT_EQ(channel.casesByStage, stageCounts(kindOf(channelPanelId), {{QStringLiteral("exit"), 1}}));
    EXPECT_EQ(channel.openCases, 1);
    EXPECT_EQ(channel.overdueReviews, 1) << "the 6-month review after exit";
    EXPECT_EQ(channel.overdueActions, 0);
    EXPECT_EQ(channel.redRisk, 0);

    const Figures& iom = all[1];
    EXPECT_EQ(iom.openCases, 1);
    EXPECT_EQ(iom.overdueReviews + iom.overdueActions + iom.redRisk, 0);

    const Figures& meam = all[2];
    EXPECT_EQ(meam.casesByStage, stageCounts(kindOf(meamPanelId), {}));
    EXPECT_EQ(meam.openCases + meam.overdueReviews + meam.overdueActions + meam.redRisk, 0);
}

TEST_F(DashboardServiceTest, Figures_OnlyForPanelsTheUserBelongsTo)
{
    createCase(mapsPanelId);
    createCase(iomPanelId);

    signInAs(member.login); // Easington MAPS and the Channel panel
    std::vector<Figures> mine = figures();
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_NE(find(mine, mapsPanelId), nullptr);
    EXPECT_NE(find(mine, channelPanelId), nullptr);
    EXPECT_EQ(find(mine, iomPanelId), nullptr);

    signInAsAdmin(); // manages every panel, a member of none
    EXPECT_TRUE(figures().empty());
}

TEST_F(DashboardServiceTest, Figures_AreRightAt100000Cases)
{
    // 100,000 MAPS cases straight into the store (the services would take minutes), each with one action
    // and every tenth with a scheduled review; stages, risks and dates cycle so every figure is non-zero.
    Database& db = session().database();
    const QString day = today().toString(Qt::ISODate);
    const QString now = store.clock.nowUtc().toString(Qt::ISODateWithMs);
    Transaction fillAtOnce(db);
    ASSERT_TRUE(fillAtOnce.isActive());
    const QString fill =
        QStringLiteral(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
            "INSERT INTO subjects (id, type, name, created_utc) SELECT 1000000 + i, 'person', 'Subject ' || "
            "i, '%1' FROM n;"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
            "INSERT INTO cases (id, reference, panel_id, subject_id, stage, risk, referral_date, "
            "next_review, "
            "created_utc, updated_utc) SELECT 1000000 + i, 'BENCH-' || i, %3, 1000000 + i, "
            "CASE i % 5 WHEN 0 THEN 'referred' WHEN 1 THEN 'accepted' WHEN 2 THEN 'active' WHEN 3 THEN "
            "'monitoring' "
            "ELSE 'closed' END, CASE i % 4 WHEN 0 THEN 'red' WHEN 1 THEN 'amber' WHEN 2 THEN 'green' ELSE "
            "'unassessed' END, "
            "'%2', date('%2', ((i % 61) - 30) || ' days'), '%1', '%1' FROM n;"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000) "
            "INSERT INTO actions (case_id, description, owner_agency_id, due_date, status, created_utc, "
            "updated_utc) "
            "SELECT 1000000 + i, 'Visit', %4, date('%2', ((i % 29) - 14) || ' days'), "
            "CASE i % 3 WHEN 0 THEN 'done' ELSE 'open' END, '%1', '%1' FROM n;"
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000) "
            "INSERT INTO scheduled_reviews (case_id, label, due_date, created_utc) "
            "SELECT 1000000 + i * 10, 'Review', date('%2', ((i % 11) - 5) || ' days'), '%1' FROM n;")
            .arg(now, day)
            .arg(mapsPanelId.value())
            .arg(policeId.value());
    ASSERT_TRUE(db.exec(fill).ok());
    ASSERT_TRUE(fillAtOnce.commit().ok());

    // The same figures computed case by case, to check the grouped queries against.
    auto scalar = [&](const QString& sql) {
        auto row = db.prepare(sql);
        EXPECT_TRUE(row.ok());
        EXPECT_TRUE(row->step().ok());
        return static_cast<int>(row->columnInt(0));
    };
    const QString mapsCases =
        QStringLiteral("SELECT count(*) FROM cases WHERE panel_id = %1").arg(mapsPanelId.value());
    const int open = scalar(mapsCases + QStringLiteral(" AND stage <> 'closed'"));
    const int red = scalar(mapsCases + QStringLiteral(" AND stage <> 'closed' AND risk = 'red'"));
    const int lateCases =
        scalar(mapsCases + QStringLiteral(" AND stage <> 'closed' AND next_review < '%1'").arg(day));
    const int lateScheduled =
        scalar(QStringLiteral(
                   "SELECT count(*) FROM scheduled_reviews WHERE completed_on IS NULL AND due_date < '%1'")
                   .arg(day));
    const int lateActions = scalar(
        QStringLiteral("SELECT count(*) FROM actions WHERE status = 'open' AND due_date < '%1'").arg(day));

    // How fast: tests/bench/dashboard (a timed assertion here would measure the machine's load).
    const std::vector<Figures> all = figures();

    const Figures* maps = find(all, mapsPanelId);
    ASSERT_NE(maps, nullptr);
    EXPECT_EQ(maps->openCases, open);
    EXPECT_EQ(maps->openCases, 80000);
    EXPECT_EQ(maps->redRisk, red);
    EXPECT_EQ(maps->overdueReviews, lateCases + lateScheduled);
    EXPECT_EQ(maps->overdueActions, lateActions);
    int total = 0;
    for (const auto& stage : maps->casesByStage)
        total += stage.second;
    EXPECT_EQ(total, 100000);
}

} // namespace

} // namespace confer::test
