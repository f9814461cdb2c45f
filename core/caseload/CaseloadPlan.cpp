#include "caseload/CaseloadPlan.h"

#include "caseload/CaseSearchText.h"
#include "caseload/ReviewDue.h"
#include "store/Statement.h"

#include <QMap>

#include <algorithm>

namespace confer {

namespace {

// Rough costs in microseconds, measured on a 100,000-case store (tests/bench/caseload), to choose
// between plans. Case rows are large and mostly outside the page cache, so reading one costs a page
// decryption; the covering indexes are small and stay cached.
constexpr double RowReadCost = 8.0;    // one case (or subject) row, by id
constexpr double IndexSeekCost = 0.4;  // one entry of cases_caseload_by_id, by id
constexpr double IndexScanCost = 0.05; // the next entry of an index being walked
constexpr double SetProbeCost = 0.12;  // one id looked up in an id set in memory
constexpr double SetInsertCost = 0.6;  // one id added to an id set, in no particular order

// Severity order, from unassessed to red; the same expression as the index cases_by_risk_rank.
const char* const RiskRank =
    "(CASE c.risk WHEN 'red' THEN 3 WHEN 'amber' THEN 2 WHEN 'green' THEN 1 ELSE 0 END)";

QString idList(const std::vector<qint64>& ids)
{
    QStringList numbers;
    numbers.reserve(static_cast<qsizetype>(ids.size()));
    for (qint64 id : ids)
        numbers << QString::number(id);
    return numbers.join(QLatin1Char(','));
}

// A stage is closed by its panel's kind; a key closed in every panel in view is one NOT IN, one closed in
// only some of them (IOM's notSelected) is excluded for those panels only.
void leaveOutClosed(CaseloadConditions& where, const std::vector<ScopePanel>& panels)
{
    QMap<QString, std::vector<qint64>> panelsClosing;
    for (const ScopePanel& panel : panels) {
        for (const QString& stage : panel.closedStages)
            panelsClosing[stage].push_back(panel.id);
    }
    QStringList everywhere;
    for (auto it = panelsClosing.cbegin(); it != panelsClosing.cend(); ++it) {
        const QByteArray name = ":closed" + QByteArray::number(int(where.bindings.size()));
        where.bindings.push_back({name, it.key()});
        if (it.value().size() == panels.size())
            everywhere << QString::fromLatin1(name);
        else
            where.terms << QStringLiteral("NOT (c.stage = %1 AND c.panel_id IN (%2))")
                               .arg(QString::fromLatin1(name), idList(it.value()));
    }
    if (!everywhere.isEmpty())
        where.terms << QStringLiteral("c.stage NOT IN (%1)").arg(everywhere.join(QLatin1Char(',')));
}

// SQL true when c is in a stage its panel's kind schedules reviews for (empty when no panel in view has
// one), so the overdue filter applies ReviewDue's rule.
QString inScheduledStage(const std::vector<ScopePanel>& panels, CaseloadConditions& where)
{
    QMap<QString, std::vector<qint64>> panelsScheduling;
    for (const ScopePanel& panel : panels) {
        for (const QString& stage : panel.scheduledStages)
            panelsScheduling[stage].push_back(panel.id);
    }
    QStringList terms;
    for (auto it = panelsScheduling.cbegin(); it != panelsScheduling.cend(); ++it) {
        const QByteArray name = ":scheduled" + QByteArray::number(int(where.bindings.size()));
        where.bindings.push_back({name, it.key()});
        terms << QStringLiteral("(c.stage = %1 AND c.panel_id IN (%2))")
                     .arg(QString::fromLatin1(name), idList(it.value()));
    }
    return terms.isEmpty() ? QString() : QStringLiteral("(%1)").arg(terms.join(QStringLiteral(" OR ")));
}

// How the rows of one sort order are read: walking an index in that order, or gathering and sorting.
struct SortPlan {
    QString walkSource; // FROM clause that yields cases in sort order
    QString join;       // what the ORDER BY needs besides cases, when gathering and sorting
    QString order;      // ORDER BY terms, %1 being ASC or DESC
    double walkCost;    // per case walked past
};

SortPlan sortPlan(CaseloadQuery::SortKey key)
{
    using Key = CaseloadQuery::SortKey;
    switch (key) {
    case Key::Reference:
        return {QStringLiteral("cases c INDEXED BY sqlite_autoindex_cases_1"), QString(),
                QStringLiteral("c.reference %1, c.id %1"), RowReadCost};
    case Key::Subject:
        return {QStringLiteral("subjects sub INDEXED BY subjects_by_name "
                               "CROSS JOIN cases c INDEXED BY cases_by_subject ON c.subject_id = sub.id"),
                QStringLiteral(" CROSS JOIN subjects sub ON sub.id = c.subject_id"),
                QStringLiteral("sub.name COLLATE NOCASE %1, sub.id %1, c.id %1"), RowReadCost};
    case Key::Panel:
        return {QStringLiteral("panels p INDEXED BY sqlite_autoindex_panels_1 "
                               "CROSS JOIN cases c INDEXED BY cases_by_panel ON c.panel_id = p.id"),
                QStringLiteral(" CROSS JOIN panels p ON p.id = c.panel_id"),
                QStringLiteral("p.name COLLATE NOCASE %1, p.id %1, c.id %1"), RowReadCost};
    case Key::Stage:
        return {QStringLiteral("cases c INDEXED BY cases_by_stage"), QString(),
                QStringLiteral("c.stage %1, c.id %1"), RowReadCost};
    case Key::Risk:
        return {QStringLiteral("cases c INDEXED BY cases_by_risk_rank"), QString(),
                QString::fromLatin1(RiskRank) + QStringLiteral(" %1, c.id %1"), RowReadCost};
    case Key::NextReview:
        break;
    }
    // Covering: the filter is checked from the index, and only one date's cases are sorted at a time.
    return {QStringLiteral("cases c INDEXED BY cases_review_walk"), QString(),
            QStringLiteral("c.next_review %1, c.id %1"), IndexScanCost};
}

const char* const InMatches = "c.id IN temp.caseload_match";

// The match set holds every matching case, the user's or not (see fillMatchesSql): only when the user sees
// every case is each match one of theirs.
bool seesEveryCase(const CaseloadFigures& figures)
{
    return figures.visible >= figures.caseRows;
}

// Unary + keeps SQLite from seeking an index by the column: the condition is checked, not used to seek.
QString checkedOnEachCase(const QString& visible)
{
    return QLatin1Char('+') + visible;
}

} // namespace

QString CaseloadConditions::admittedSql(Reach reach) const
{
    return (QStringList{reach == Reach::ById ? checkedOnEachCase(visible) : visible} + terms)
        .join(QStringLiteral(" AND "));
}

QString CaseloadConditions::leftOutSql() const
{
    // A term on a NULL (no review date) is neither true nor false: IS NOT 1 counts it out.
    return visible + QStringLiteral(" AND (%1) IS NOT 1").arg(terms.join(QStringLiteral(" AND ")));
}

void CaseloadConditions::bindTo(Statement& statement) const
{
    for (const Binding& binding : bindings)
        statement.bind(binding.name.constData(), binding.value);
}

CaseloadConditions CaseloadPlanner::conditions(const CaseloadQuery::Filter& filter, const QString& visible,
                                               const std::vector<ScopePanel>& panels, const QDate& today)
{
    CaseloadConditions where;
    where.visible = visible;
    if (filter.panelId)
        where.terms << QStringLiteral("c.panel_id = %1").arg(*filter.panelId);
    if (!filter.includesClosed || filter.isOverdueOnly)
        leaveOutClosed(where, panels);
    if (!filter.stage.isEmpty()) {
        where.terms << QStringLiteral("c.stage = :stage");
        where.bindings.push_back({":stage", filter.stage});
    }
    if (filter.risk) {
        where.terms << QStringLiteral("c.risk = :risk");
        where.bindings.push_back({":risk", riskKey(*filter.risk)});
    }
    if (filter.isOverdueOnly) {
        where.terms << ReviewDue::dateSql(inScheduledStage(panels, where)) + QStringLiteral(" < :today");
        where.bindings.push_back({":today", today.toString(Qt::ISODate)});
    }
    where.match = caseSearchMatch(filter.text);
    return where;
}

CountPlan CaseloadPlanner::countPlan(const CaseloadFigures& figures)
{
    if (seesEveryCase(figures) && figures.admitted >= figures.visible)
        return CountPlan::EveryMatch;
    // Either look each match up in the covering index by id, or intersect the matches with the filter's
    // id set (built once per filter, then reused while the user types), walking the smaller of the two.
    const double setSize = keepsLeftOut(figures) ? figures.visible - figures.admitted : figures.admitted;
    const double viaRows = IndexSeekCost * figures.matches;
    const double viaSets =
        (figures.hasScopeSet ? 0.0 : IndexScanCost * figures.visible + SetInsertCost * setSize) +
        SetProbeCost * std::min<double>(figures.matches, setSize);
    return viaRows <= viaSets ? CountPlan::LookUpMatches : CountPlan::IntersectSets;
}

bool CaseloadPlanner::keepsLeftOut(const CaseloadFigures& figures)
{
    // The usual caseload leaves out only closed cases. Matches less those left out counts the matches the
    // filter admits only when every match is a case the user sees.
    return seesEveryCase(figures) && figures.visible - figures.admitted < figures.admitted;
}

PagePlan CaseloadPlanner::pagePlan(const CaseloadFigures& figures, CaseloadQuery::SortKey key, int offset,
                                   int limit)
{
    // Walking the sort order reads about (offset + limit) * caseRows / expected cases to fill the page;
    // gathering reads every case the filter admits (or every match of its text) and sorts them.
    const SortPlan plan = sortPlan(key);
    const double probe = figures.hasText ? SetProbeCost : 0.0;
    const double walkCost = double(offset + limit) * double(figures.caseRows) /
                            double(std::max(figures.expected, 1)) * (plan.walkCost + probe);
    const double subjectRead = key == CaseloadQuery::SortKey::Subject ? RowReadCost : 0.0;
    const bool needsCaseRow =
        key == CaseloadQuery::SortKey::Reference || key == CaseloadQuery::SortKey::Subject;
    const double viaFilterIndex =
        double(figures.admitted) * (IndexScanCost + probe + (needsCaseRow ? RowReadCost : 0.0) + subjectRead);
    const double viaMatches = double(figures.matches) * (IndexSeekCost + subjectRead);
    const bool gathersMatches = figures.hasText && viaMatches <= viaFilterIndex;
    if (walkCost <= (gathersMatches ? viaMatches : viaFilterIndex))
        return PagePlan::WalkSortOrder; // a broad filter: read in sort order, stop at the page's end
    return gathersMatches ? PagePlan::GatherMatches : PagePlan::GatherByFilter;
}

QString CaseloadPlanner::countAdmittedSql(const CaseloadConditions& where)
{
    // Every filter but text is in the covering index: no case row is read.
    return QStringLiteral("SELECT count(*) FROM cases c INDEXED BY cases_caseload WHERE ") +
           where.admittedSql();
}

QString CaseloadPlanner::countMatchesSql(CountPlan plan, const CaseloadConditions& where, bool isScopeSmaller)
{
    if (plan == CountPlan::LookUpMatches)
        return QStringLiteral("SELECT count(*) FROM temp.caseload_match m CROSS JOIN cases c INDEXED BY "
                              "cases_caseload_by_id ON c.id = m.id WHERE ") +
               where.admittedSql(CaseloadConditions::Reach::ById);
    // Walk the smaller set, look each id up in the other.
    return isScopeSmaller ? QStringLiteral("SELECT count(*) FROM temp.caseload_scope s "
                                           "CROSS JOIN temp.caseload_match m ON m.id = s.id")
                          : QStringLiteral("SELECT count(*) FROM temp.caseload_match m "
                                           "CROSS JOIN temp.caseload_scope s ON s.id = m.id");
}

QString CaseloadPlanner::fillMatchesSql()
{
    // The ids of every case whose reference, subject or postcode match the text, on any panel: the one
    // statement that asks the search index without CaseAccess::visibleCases (CaseDataReads knows it). The
    // ids stay in memory and are used only by statements that keep to the visible cases. Keeping to them
    // here as well would look up every match by id: measured on 100,000 cases, a third more time per
    // keystroke and half as much again at the 95th percentile, where the first letter of a word matches
    // tens of thousands.
    return QStringLiteral("INSERT INTO temp.caseload_match (id) SELECT docid FROM case_search "
                          "WHERE case_search MATCH :match");
}

QString CaseloadPlanner::fillScopeSql(const CaseloadConditions& where, bool keepsLeftOut)
{
    return QStringLiteral("INSERT INTO temp.caseload_scope (id) SELECT c.id FROM cases c INDEXED BY "
                          "cases_caseload WHERE ") +
           (keepsLeftOut ? where.leftOutSql() : where.admittedSql());
}

QString CaseloadPlanner::pageIdsSql(PagePlan plan, const CaseloadConditions& where,
                                    const CaseloadQuery::Sort& sort)
{
    const SortPlan order = sortPlan(sort.key);
    QString source;
    QStringList terms{where.admittedSql(plan == PagePlan::GatherMatches
                                            ? CaseloadConditions::Reach::ById
                                            : CaseloadConditions::Reach::ByPanel)};
    switch (plan) {
    case PagePlan::WalkSortOrder:
        source = order.walkSource;
        break;
    case PagePlan::GatherMatches:
        // Few matches: look them up by id in the covering index and sort them.
        source = QStringLiteral("temp.caseload_match m CROSS JOIN cases c INDEXED BY cases_caseload_by_id "
                                "ON c.id = m.id") +
                 order.join;
        break;
    case PagePlan::GatherByFilter:
        // A narrow filter on panel, stage, risk or review date: gather through the covering index.
        source = QStringLiteral("cases c INDEXED BY cases_caseload") + order.join;
        break;
    }
    if (!where.match.isEmpty() && plan != PagePlan::GatherMatches)
        terms << QString::fromLatin1(InMatches);
    return QStringLiteral("SELECT c.id FROM %1 WHERE %2 ORDER BY %3 LIMIT :limit OFFSET :offset")
        .arg(source, terms.join(QStringLiteral(" AND ")),
             order.order.arg(sort.isAscending ? QStringLiteral("ASC") : QStringLiteral("DESC")));
}

} // namespace confer
