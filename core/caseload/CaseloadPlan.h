#pragma once

#include "caseload/CaseloadQuery.h"

#include <QByteArray>
#include <QDate>
#include <QString>
#include <QStringList>

#include <vector>

namespace confer {

class Statement;

struct PanelKind;

// A panel in view of the caseload, with the stages its kind counts as closed and those that schedule their
// own reviews (ReviewDue).
struct ScopePanel {
    qint64 id = 0;
    const PanelKind* kind = nullptr;
    QStringList closedStages;
    QStringList scheduledStages;
};

// The filter as SQL over `cases AS c`, text excepted (each plan applies the match its own way): the
// need-to-know condition, then the filter's own terms. Ids are written as numbers; everything else is bound.
struct CaseloadConditions {
    struct Binding {
        QByteArray name;
        QString value;
    };
    QString visible; // CaseAccess::visibleCases("c")
    QStringList terms;
    std::vector<Binding> bindings;
    QString match; // the full-text query; empty when the filter has no text

    // How a statement reaches its cases: through an index that starts with panel_id, which need-to-know
    // narrows, or by id, when need-to-know is checked on each case found (seeking by id and by each of the
    // user's panels would cost a seek per panel for every id).
    enum class Reach { ByPanel, ById };
    // The cases the filter admits, and the visible cases its terms leave out (it must have some).
    QString admittedSql(Reach reach = Reach::ByPanel) const;
    QString leftOutSql() const;
    void bindTo(Statement& statement) const;
};

// What the planner is told before it chooses: sizes of id sets, never a case.
struct CaseloadFigures {
    qint64 caseRows = 0; // every panel's cases (an upper bound): what walking a sort order's index passes
    int visible = 0;     // cases the user may see
    int admitted = 0;    // cases the filter admits, text aside
    int matches = 0;     // cases whose text matches, on any panel; 0 without text
    int expected = 0;    // cases the whole filter admits (count)
    bool hasText = false;
    bool hasScopeSet = false; // the filter's id set is built already (it is reused while the user types)
};

// How count() counts a filter with text: every match, when the user sees every case and the filter leaves
// none out; each match looked up in the covering index by id; or the matches intersected with the filter's
// id set.
enum class CountPlan { EveryMatch, LookUpMatches, IntersectSets };
// How page() finds a page's case ids: walking the sort order's index until the page is full, gathering the
// text's matches by id and sorting them, or gathering through the filter's covering index and sorting.
enum class PagePlan { WalkSortOrder, GatherMatches, GatherByFilter };

// Chooses plans from figures and writes their SQL, reading nothing: CaseloadQuery gathers the figures and
// runs what is chosen. Costs were measured on a 100,000-case store (tests/bench/caseload); the indexes
// named are in core/caseload/schema/0003_caseload_indexes.sql.
class CaseloadPlanner final {
public:
    static CaseloadConditions conditions(const CaseloadQuery::Filter& filter, const QString& visible,
                                         const std::vector<ScopePanel>& panels, const QDate& today);

    static CountPlan countPlan(const CaseloadFigures& figures);
    // Whether the filter's id set holds the visible cases it leaves out (fewer) rather than those it admits:
    // only for a user who sees every case, since the matches are counted less those left out.
    static bool keepsLeftOut(const CaseloadFigures& figures);
    static PagePlan pagePlan(const CaseloadFigures& figures, CaseloadQuery::SortKey key, int offset,
                             int limit);

    // Statements. Counting and gathering read the covering indexes; temp.caseload_match and
    // temp.caseload_scope are the id sets CaseloadScratch keeps.
    static QString countAdmittedSql(const CaseloadConditions& where);
    static QString countMatchesSql(CountPlan plan, const CaseloadConditions& where, bool isScopeSmaller);
    static QString fillMatchesSql();
    static QString fillScopeSql(const CaseloadConditions& where, bool keepsLeftOut);
    // The page's ids in order, with :limit and :offset to bind besides the conditions.
    static QString pageIdsSql(PagePlan plan, const CaseloadConditions& where,
                              const CaseloadQuery::Sort& sort);
};

} // namespace confer
