#pragma once

#include "caseload/CaseloadTypes.h"

#include <QDate>

#include <optional>
#include <vector>

namespace confer {

struct PanelKind;

// What a case view has read about one case, shared by its tabs: the case, its panel and kind, the
// agency directory for names and choices, the user's own agency, and today by the session's clock.
struct OpenCase {
    CaseRecord record;
    Panel panel;
    const PanelKind* kind = nullptr;
    std::vector<Agency> agencies;
    std::optional<AgencyId> userAgencyId;
    QDate today;

    QString agencyName(std::optional<AgencyId> agencyId) const
    {
        if (!agencyId)
            return {};
        for (const Agency& agency : agencies) {
            if (agency.id == *agencyId)
                return agency.name;
        }
        return {};
    }
    bool isReviewOverdue() const { return record.nextReview && *record.nextReview < today; }
};

} // namespace confer
