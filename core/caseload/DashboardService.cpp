#include "caseload/DashboardService.h"

#include "caseload/CaseAccess.h"
#include "caseload/ReviewDue.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelService.h"
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
Status eachRow(Database& db, const QString& sql, const QString& today,
               const std::function<void(const Statement&)>& read)
{
    auto rows = db.prepare(sql);
    if (!rows.ok())
        return rows.error();
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

// What the figures are made of, per panel id, before the panel kinds sort stages into open and closed.
struct PanelCounts {
    QHash<qint64, QList<QPair<QString, StageCounts>>> stages;
    QHash<qint64, int> scheduledOverdue;
    QHash<qint64, int> actionsOverdue;
};

// The cases of the user's live panels (archived ones have no caseload to watch), joined as `c`; %1 keeps
// them to the cases the user may see.
const char* const LiveCases = "JOIN panels p ON p.id = c.panel_id AND p.is_archived = 0 WHERE %1";

Result<PanelCounts> countPerPanel(Session& session, const QString& today)
{
    Database& db = session.database();
    const QString cases =
        QString::fromLatin1(LiveCases).arg(CaseAccess(session).visibleCases(QStringLiteral("c")));
    PanelCounts counts;
    // Per panel and stage: cases, red-risk cases and cases whose review date has passed. Whether a stage
    // is closed is in the kind's definition, not the store, so open/closed is decided per group later.
    Status read = eachRow(db,
                          QStringLiteral("SELECT c.panel_id, c.stage, count(*), sum(c.risk = 'red'), "
                                         "sum(c.next_review < :today) FROM cases c ") +
                              cases + QStringLiteral(" GROUP BY c.panel_id, c.stage"),
                          today, [&](const Statement& row) {
                              StageCounts stage;
                              stage.cases = static_cast<int>(row.columnInt(2));
                              stage.red = static_cast<int>(row.columnInt(3));
                              stage.overdueReviews = static_cast<int>(row.columnInt(4));
                              counts.stages[row.columnInt(0)].append({row.columnText(1), stage});
                          });
    if (!read.ok())
        return read.error();
    // Reviews the application scheduled (Channel's after exit) that are past due and not completed.
    read = eachRow(
        db,
        QStringLiteral("SELECT c.panel_id, count(*) FROM scheduled_reviews r "
                       "JOIN cases c ON c.id = r.case_id ") +
            cases + QStringLiteral(" AND r.completed_on IS NULL AND r.due_date < :today GROUP BY c.panel_id"),
        today, [&](const Statement& row) {
            counts.scheduledOverdue.insert(row.columnInt(0), static_cast<int>(row.columnInt(1)));
        });
    if (!read.ok())
        return read.error();
    read = eachRow(
        db,
        QStringLiteral("SELECT c.panel_id, count(*) FROM actions a JOIN cases c ON c.id = a.case_id ") +
            cases + QStringLiteral(" AND a.status = 'open' AND a.due_date < :today GROUP BY c.panel_id"),
        today, [&](const Statement& row) {
            counts.actionsOverdue.insert(row.columnInt(0), static_cast<int>(row.columnInt(1)));
        });
    if (!read.ok())
        return read.error();
    return counts;
}

// Every stage of the kind in its order, closed ones too, so a chart's axis is the same each time; a stage
// the kind no longer defines still counts, after the known ones.
void tallyStages(DashboardService::PanelFigures& figures, const PanelKind* kind,
                 const QList<QPair<QString, StageCounts>>& groups)
{
    QHash<QString, StageCounts> byStage;
    for (const auto& group : groups)
        byStage.insert(group.first, group.second);
    QSet<QString> shown;
    auto addStage = [&](const QString& key, const QString& label, bool isClosed) {
        const StageCounts counts = byStage.value(key);
        figures.casesByStage.append({label, counts.cases});
        shown.insert(key);
        if (isClosed)
            return;
        figures.openCases += counts.cases;
        figures.redRisk += counts.red;
        // ReviewDue: a stage that schedules its own reviews is off the cadence (those count apart).
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
}

} // namespace

DashboardService::DashboardService(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
{}

Result<std::vector<DashboardService::PanelFigures>> DashboardService::figures() const
{
    // Need-to-know: only the panels the user sits on (an administrator who is not a member sees none), and
    // of those the live ones.
    auto panels = PanelService(m_session, m_kinds).myActivePanels();
    if (!panels.ok())
        return panels.error();
    std::vector<PanelFigures> result;
    if (panels->empty())
        return result;
    // The same "today" as CaseService's review dates and ActionService's overdue flag.
    auto counts = countPerPanel(m_session, m_session.clock().today().toString(Qt::ISODate));
    if (!counts.ok())
        return counts.error();
    for (const Panel& panel : *panels) {
        PanelFigures figures;
        figures.panelId = panel.id;
        figures.panelName = panel.name;
        figures.kindKey = panel.kindKey;
        tallyStages(figures, m_kinds.kind(panel.kindKey), counts->stages.value(panel.id));
        figures.overdueReviews += counts->scheduledOverdue.value(panel.id);
        figures.overdueActions = counts->actionsOverdue.value(panel.id);
        result.push_back(figures);
    }
    return result;
}

} // namespace confer
