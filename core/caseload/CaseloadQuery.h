#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"

#include <vector>

namespace confer {

class Session;

// The caseload table's data, one page at a time straight from the store, so it stays instant at
// 100,000 cases. Only panels the user is a member of are ever read.
class CaseloadQuery final {
public:
    struct Filter {
        QString text; // filter as you type: reference, subject name or alias, postcode (prefix match)
        std::optional<qint64> panelId;
        QString stage;  // empty: any
        std::optional<Risk> risk;
        bool isOverdueOnly = false;
        bool includesClosed = false;
    };
    enum class SortKey { Reference, Subject, Panel, Stage, Risk, NextReview };
    struct Sort {
        SortKey key = SortKey::NextReview;
        bool isAscending = true;
    };

    explicit CaseloadQuery(Session& session);
    Result<std::vector<CaseSummary>> page(const Filter& filter, const Sort& sort, int offset, int limit) const;
    Result<int> count(const Filter& filter) const;

private:
    Session& m_session;
};

} // namespace confer
