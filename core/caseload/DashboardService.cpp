#include "caseload/DashboardService.h"

#include "caseload/ReviewDue.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QHash>
#include <QSet>

#include <functional>

namespace confer {

namespace {

// Grouped counts for the user's panels: one query per figure, each grouped in SQL, so the work is the
// same for 100 cases or 100,000 and nothing is read case by case.
Status eachRow(Database& db, const QString& sql, UserId userId, const QString& today,
               const std::function<void(const Statement&)>& read)
{
    auto rows = db.prepare(sql);
    if (!rows.ok())
        return rows.error();
    rows->bind(":user", userId);
    if (!today.isNull())
        rows->bind(":today", today);
    while (true) {
        auto hasRow = rows->step();
        if (!hasRow.ok())
            return hasRow.error();
        if (!*hasRow)
            return {};
        read(*rows);
    }
}

struct StageCounts {
    int cases = 0;
    int red = 0;
    int overdueReviews = 0;
};

} // namespace

DashboardService::DashboardService(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

Result<std::vector<DashboardService::PanelFigures>> DashboardService::figures() const
{
    Database& db = m_session.database();
    const UserId userId = m_session.currentUser().id;
    // The same "today" as CaseService's review dates and ActionService's overdue flag.
    const QString today = m_session.clock().today().toString(Qt::ISODate);

    // Need-to-know: only panels the user is a member of (an administrator who is not a member sees
    // none). Archived panels have no live caseload to watch.
    std::vector<PanelFigures> result;
    QHash<PanelId, std::size_t> indexOfPanel;
    Status read = eachRow(db,
                          QStringLiteral("SELECT p.id, p.name, p.kind FROM panels p "
                                         "JOIN panel_members m ON m.panel_id = p.id AND m.user_id = :user "
                                         "WHERE p.is_archived = 0 ORDER BY p.name COLLATE NOCASE"),
                          userId, {}, [&](const Statement& row) {
                              PanelFigures figures;
                              figures.panelId = row.columnId<PanelId>(0);
                              figures.panelName = row.columnText(1);
                              figures.kindKey = row.columnText(2);
                              indexOfPanel.insert(figures.panelId, result.size());
                              result.push_back(figures);
                          });
    if (!read.ok())
        return read.error();
    if (result.empty())
        return result;

    // Per panel and stage: cases, red-risk cases and cases whose review date has passed. Whether a stage
    // is closed is in the kind's definition, not the store, so open/closed is decided per group below.
    QHash<PanelId, QList<QPair<QString, StageCounts>>> stagesOfPanel;
    read = eachRow(
        db,
        QStringLiteral("SELECT c.panel_id, c.stage, count(*), "
                       "sum(c.risk = 'red'), sum(c.next_review < :today) "
                       "FROM panel_members m JOIN panels p ON p.id = m.panel_id AND p.is_archived = 0 "
                       "JOIN cases c ON c.panel_id = m.panel_id "
                       "WHERE m.user_id = :user GROUP BY c.panel_id, c.stage"),
        userId, today, [&](const Statement& row) {
            StageCounts counts;
            counts.cases = static_cast<int>(row.columnInt(2));
            counts.red = static_cast<int>(row.columnInt(3));
            counts.overdueReviews = static_cast<int>(row.columnInt(4));
            stagesOfPanel[row.columnId<PanelId>(0)].append({row.columnText(1), counts});
        });
    if (!read.ok())
        return read.error();

    // Reviews the application scheduled (Channel's after exit) that are past due and not completed.
    QHash<PanelId, int> scheduledOverdue;
    read = eachRow(
        db,
        QStringLiteral("SELECT c.panel_id, count(*) "
                       "FROM panel_members m JOIN panels p ON p.id = m.panel_id AND p.is_archived = 0 "
                       "JOIN cases c ON c.panel_id = m.panel_id "
                       "JOIN scheduled_reviews r ON r.case_id = c.id "
                       "WHERE m.user_id = :user AND r.completed_on IS NULL AND r.due_date < :today "
                       "GROUP BY c.panel_id"),
        userId, today, [&](const Statement& row) {
            scheduledOverdue.insert(row.columnId<PanelId>(0), static_cast<int>(row.columnInt(1)));
        });
    if (!read.ok())
        return read.error();

    QHash<PanelId, int> actionsOverdue;
    read = eachRow(
        db,
        QStringLiteral("SELECT c.panel_id, count(*) "
                       "FROM panel_members m JOIN panels p ON p.id = m.panel_id AND p.is_archived = 0 "
                       "JOIN cases c ON c.panel_id = m.panel_id "
                       "JOIN actions a ON a.case_id = c.id "
                       "WHERE m.user_id = :user AND a.status = 'open' AND a.due_date < :today "
                       "GROUP BY c.panel_id"),
        userId, today, [&](const Statement& row) {
            actionsOverdue.insert(row.columnId<PanelId>(0), static_cast<int>(row.columnInt(1)));
        });
    if (!read.ok())
        return read.error();

    for (PanelFigures& figures : result) {
        const PanelKind* kind = m_kinds.kind(figures.kindKey);
        const auto groups = stagesOfPanel.value(figures.panelId);
        QHash<QString, StageCounts> byStage;
        for (const auto& group : groups)
            byStage.insert(group.first, group.second);

        // Every stage of the kind in its order, closed ones too, so a chart's axis is the same each time;
        // a stage the kind no longer defines still counts, after the known ones.
        QSet<QString> shown;
        auto addStage = [&](const QString& key, const QString& label, bool isClosed) {
            const StageCounts counts = byStage.value(key);
            figures.casesByStage.append({label, counts.cases});
            shown.insert(key);
            if (isClosed)
                return;
            figures.openCases += counts.cases;
            figures.redRisk += counts.red;
            // ReviewDue: a stage that schedules its own reviews is off the cadence (those count below).
            if (!kind || !ReviewDue::isScheduledStage(*kind, key))
                figures.overdueReviews += counts.overdueReviews;
        };
        if (kind) {
            for (const StageDefinition& stage : kind->stages)
                addStage(stage.key, stage.label, stage.isClosed);
        }
        for (const auto& group : groups) {
            if (!shown.contains(group.first))
                addStage(group.first, group.first, false);
        }
        figures.overdueReviews += scheduledOverdue.value(figures.panelId);
        figures.overdueActions = actionsOverdue.value(figures.panelId);
    }
    return result;
}

} // namespace confer
