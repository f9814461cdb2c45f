#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"

#include <memory>
#include <vector>

namespace confer {

class CaseloadScratch;
class PanelKindRegistry;
class Session;

// The caseload table's data, one page at a time straight from the store, so it stays instant at
// 100,000 cases. Only the cases the user may see are ever read (CaseAccess::visibleCases). Which stages
// are closed comes from the panel kinds. CaseloadPlanner chooses how to read and writes the SQL; this
// class gathers the figures it needs and runs what it chose. Indexes:
// core/caseload/schema/0003_caseload_indexes.sql.
class CaseloadQuery final {
public:
    struct Filter {
        QString text; // filter as you type: reference, subject name or alias, postcode (prefix match)
        std::optional<qint64> panelId;
        QString stage; // empty: any
        std::optional<Risk> risk;
        bool isOverdueOnly = false; // next review before today; a closed case is never overdue
        bool includesClosed = false;
    };
    // Every order ends with the case id, so paging is stable (Subject: name, then subject, then case).
    // Subject and Panel sort by name without regard to case; Stage by its key; Risk from unassessed,
    // green, amber to red (descending puts red first); NextReview puts cases without a date first.
    enum class SortKey { Reference, Subject, Panel, Stage, Risk, NextReview };
    struct Sort {
        SortKey key = SortKey::NextReview;
        bool isAscending = true;
    };

    CaseloadQuery(Session& session, const PanelKindRegistry& kinds);
    ~CaseloadQuery();
    CaseloadQuery(const CaseloadQuery&) = delete;
    CaseloadQuery& operator=(const CaseloadQuery&) = delete;

    // Not const: both fill and reuse the id sets of CaseloadScratch.
    Result<std::vector<CaseSummary>> page(const Filter& filter, const Sort& sort, int offset, int limit);
    Result<int> count(const Filter& filter);

private:
    struct Scope;
    Result<Scope> scopeOf(const Filter& filter);
    Result<std::vector<qint64>> pageIds(const Scope& scope, const Sort& sort, int offset, int limit);
    Result<std::vector<CaseSummary>> summaries(const Scope& scope, const std::vector<qint64>& ids);

    Session& m_session;
    const PanelKindRegistry& m_kinds;
    std::unique_ptr<CaseloadScratch> m_scratch;
};

} // namespace confer
