#include "caseload/CaseloadQuery.h"

#include "caseload/CaseAccess.h"
#include "caseload/CaseloadPlan.h"
#include "caseload/CaseloadScratch.h"
#include "caseload/ReviewDue.h"
#include "common/Clock.h"
#include "partnership/PanelKind.h"
#include "partnership/PanelService.h"
#include "session/Session.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <QHash>

#include <algorithm>

namespace confer {

namespace {

// What decides which cases a filter admits, text aside: the key under which they are remembered.
QString scopeKey(const CaseloadQuery::Filter& filter, qint64 userId, const QDate& today)
{
    return QStringList{QString::number(userId),
                       filter.panelId ? QString::number(*filter.panelId) : QString(),
                       filter.stage,
                       filter.risk ? riskKey(*filter.risk) : QString(),
                       filter.isOverdueOnly ? today.toString(Qt::ISODate) : QString(),
                       filter.includesClosed ? QStringLiteral("closed") : QString()}
        .join(QChar(0x1f));
}

// Need-to-know: the panels whose cases the user may see (narrowed to the filter's panel), never others.
// An administrator who is not a member gets none.
Result<std::vector<ScopePanel>> panelsInView(Session& session, const PanelKindRegistry& kinds,
                                             std::optional<qint64> onlyPanel)
{
    auto mine = PanelService(session, kinds).myPanels();
    if (!mine.ok())
        return mine.error();
    std::vector<ScopePanel> panels;
    for (const Panel& panel : *mine) {
        if (onlyPanel && panel.id != *onlyPanel)
            continue;
        ScopePanel scope;
        scope.id = panel.id;
        // A kind no longer defined closes nothing: its cases stay in view rather than vanish.
        scope.kind = kinds.kind(panel.kindKey);
        if (scope.kind) {
            for (const StageDefinition& stage : scope.kind->stages) {
                if (stage.isClosed)
                    scope.closedStages << stage.key;
                if (ReviewDue::isScheduledStage(*scope.kind, stage.key))
                    scope.scheduledStages << stage.key;
            }
        }
        panels.push_back(scope);
    }
    return panels;
}

Result<std::vector<qint64>> readIds(Statement& statement)
{
    return statement.collect<qint64>([](const Statement& row) { return row.columnInt(0); });
}

// A row of the table and the first of its case's scheduled reviews not yet completed (ReviewDue).
using SummaryRow = std::pair<CaseSummary, std::optional<QDate>>;

std::optional<QDate> optionalDate(const Statement& row, int column)
{
    if (row.isNull(column))
        return std::nullopt;
    const QDate date = QDate::fromString(row.columnText(column), Qt::ISODate);
    return date.isValid() ? std::optional<QDate>(date) : std::nullopt;
}

SummaryRow readSummary(const Statement& row)
{
    CaseSummary summary;
    summary.id = row.columnInt(0);
    summary.reference = row.columnText(1);
    summary.panelId = row.columnInt(2);
    summary.panelName = row.columnText(3);
    summary.stage = row.columnText(4);
    summary.risk = riskFromKey(row.columnText(5)).value_or(Risk::Unassessed);
    summary.subjectName = row.columnText(6);
    summary.leadAgencyName = row.isNull(7) ? QString() : row.columnText(7);
    summary.nextReview = optionalDate(row, 8);
    return {summary, optionalDate(row, 9)};
}

} // namespace

// One filter as it stands now: the panels in view, its SQL and the figures the planner is told.
struct CaseloadQuery::Scope {
    std::vector<ScopePanel> panels;
    CaseloadConditions where;
    QDate today;
    QString key; // scopeKey()
    qint64 stamp = 0;
    CaseloadFigures figures;
};

CaseloadQuery::CaseloadQuery(Session& session, const PanelKindRegistry& kinds)
    : m_session(session)
    , m_kinds(kinds)
    , m_scratch(std::make_unique<CaseloadScratch>(session.database()))
{}

CaseloadQuery::~CaseloadQuery() = default;

// The panels, the SQL and the figures every plan needs: the cases the filter admits and, with text, the
// visible cases that match it. Figures are remembered while the store is unchanged.
Result<CaseloadQuery::Scope> CaseloadQuery::scopeOf(const Filter& filter)
{
    Scope scope;
    // The user's calendar day, as for review and action due dates elsewhere.
    scope.today = m_session.clock().today();
    auto panels = panelsInView(m_session, m_kinds, filter.panelId);
    if (!panels.ok())
        return panels.error();
    scope.panels = std::move(panels).value();
    const QString visible = CaseAccess(m_session).visibleCases(QStringLiteral("c"));
    scope.where = CaseloadPlanner::conditions(filter, visible, scope.panels, scope.today);
    scope.key = scopeKey(filter, m_session.currentUser().id, scope.today);
    auto stamp = m_scratch->stamp();
    if (!stamp.ok())
        return stamp.error();
    scope.stamp = *stamp;
    CaseloadFigures& figures = scope.figures;
    figures.hasText = !scope.where.match.isEmpty();
    if (scope.panels.empty())
        return scope;
    auto admitted = m_scratch->admittedCount(scope.key, scope.where, scope.stamp);
    if (!admitted.ok())
        return admitted.error();
    figures.admitted = *admitted;
    figures.expected = *admitted;
    auto caseRows = CaseAccess(m_session).caseRowsUpperBound();
    if (!caseRows.ok())
        return caseRows.error();
    figures.caseRows = *caseRows;
    if (!figures.hasText || figures.admitted == 0)
        return scope;
    auto matches = m_scratch->fillMatches(scope.where.match, scope.stamp);
    if (!matches.ok())
        return matches.error();
    auto visibleCases = m_scratch->visibleCount(visible, scope.stamp);
    if (!visibleCases.ok())
        return visibleCases.error();
    figures.matches = *matches;
    figures.visible = *visibleCases;
    figures.hasScopeSet = m_scratch->hasScope(scope.key, scope.stamp);
    return scope;
}

Result<int> CaseloadQuery::count(const Filter& filter)
{
    auto scope = scopeOf(filter);
    if (!scope.ok())
        return scope.error();
    const CaseloadFigures& figures = scope->figures;
    const QString countKey = scope->key + QChar(0x1e) + scope->where.match;
    if (auto remembered = m_scratch->rememberedCount(countKey, scope->stamp))
        return *remembered;
    int result = figures.admitted;
    if (figures.hasText && figures.admitted > 0) {
        result = 0;
        const CountPlan plan = CaseloadPlanner::countPlan(figures);
        if (plan == CountPlan::EveryMatch) {
            result = figures.matches;
        } else if (figures.matches > 0) {
            const CaseloadConditions* binds = &scope->where;
            CaseloadScratch::Remembered set;
            if (plan == CountPlan::IntersectSets) {
                auto filled = m_scratch->fillScope(scope->key, scope->where,
                                                   CaseloadPlanner::keepsLeftOut(figures), scope->stamp);
                if (!filled.ok())
                    return filled.error();
                set = *filled;
                binds = nullptr; // the sets are built: the count reads nothing else
            }
            auto statement = m_session.database().prepare(
                CaseloadPlanner::countMatchesSql(plan, scope->where, set.value < figures.matches));
            if (!statement.ok())
                return statement.error();
            if (binds)
                binds->bindTo(*statement);
            auto counted =
                statement->collect<int>([](const Statement& row) { return int(row.columnInt(0)); });
            if (!counted.ok())
                return counted.error();
            const int both = counted->empty() ? 0 : counted->front();
            result = set.isLeftOut ? figures.matches - both : both;
        }
    }
    m_scratch->rememberCount(countKey, scope->stamp, result);
    return result;
}

Result<std::vector<qint64>> CaseloadQuery::pageIds(const Scope& scope, const Sort& sort, int offset,
                                                   int limit)
{
    const PagePlan plan = CaseloadPlanner::pagePlan(scope.figures, sort.key, offset, limit);
    auto ids = m_session.database().prepare(CaseloadPlanner::pageIdsSql(plan, scope.where, sort));
    if (!ids.ok())
        return ids.error();
    scope.where.bindTo(*ids);
    ids->bind(":limit", limit).bind(":offset", offset);
    return readIds(*ids);
}

// What the table shows, for the page's cases only, in the page's order.
Result<std::vector<CaseSummary>> CaseloadQuery::summaries(const Scope& scope, const std::vector<qint64>& ids)
{
    QStringList numbers;
    for (qint64 id : ids)
        numbers << QString::number(id);
    auto details = m_session.database().prepare(
        QStringLiteral("SELECT c.id, c.reference, c.panel_id, p.name, c.stage, c.risk, sub.name, a.name, "
                       "c.next_review, (SELECT min(r.due_date) FROM scheduled_reviews r "
                       "WHERE r.case_id = c.id AND r.completed_on IS NULL) "
                       "FROM cases c JOIN panels p ON p.id = c.panel_id "
                       "JOIN subjects sub ON sub.id = c.subject_id "
                       "LEFT JOIN agencies a ON a.id = c.lead_agency_id WHERE c.id IN (%1) AND %2")
            .arg(numbers.join(QLatin1Char(',')), scope.where.visible));
    if (!details.ok())
        return details.error();
    auto read = details->collect<SummaryRow>(readSummary);
    if (!read.ok())
        return read.error();
    QHash<qint64, const PanelKind*> kindOfPanel;
    for (const ScopePanel& panel : scope.panels)
        kindOfPanel.insert(panel.id, panel.kind);
    QHash<qint64, CaseSummary> byId;
    for (auto& [summary, firstOpenScheduledReview] : *read) {
        const ReviewDue due = ReviewDue::of(kindOfPanel.value(summary.panelId), summary.stage,
                                            summary.nextReview, firstOpenScheduledReview, scope.today);
        summary.reviewDue = due.date;
        summary.isReviewOverdue = due.isOverdue;
        byId.insert(summary.id, summary);
    }
    std::vector<CaseSummary> rows;
    rows.reserve(ids.size());
    for (qint64 id : ids) {
        // A case removed between the two reads is simply not shown.
        if (auto found = byId.constFind(id); found != byId.cend())
            rows.push_back(*found);
    }
    return rows;
}

Result<std::vector<CaseSummary>> CaseloadQuery::page(const Filter& filter, const Sort& sort, int offset,
                                                     int limit)
{
    offset = std::max(offset, 0);
    if (limit <= 0)
        return std::vector<CaseSummary>{};
    // How many cases match decides the plan; the model has usually just asked, so it is remembered.
    auto expected = count(filter);
    if (!expected.ok())
        return expected.error();
    if (*expected == 0)
        return std::vector<CaseSummary>{};
    auto scope = scopeOf(filter);
    if (!scope.ok())
        return scope.error();
    scope->figures.expected = *expected;
    auto ids = pageIds(*scope, sort, offset, limit);
    if (!ids.ok())
        return ids.error();
    if (ids->empty())
        return std::vector<CaseSummary>{};
    return summaries(*scope, *ids);
}

} // namespace confer
