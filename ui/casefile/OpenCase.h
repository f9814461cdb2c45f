#pragma once

#include "caseload/CaseloadTypes.h"
#include "caseload/ReviewDue.h"

#include <QDate>

#include <optional>
#include <vector>

namespace confer {

struct PanelKind;

// What a case view has read about one case, shared by its tabs: the case, its panel and kind, the
// agency directory for names and choices, the user's own agency, when its review is due (the service
// decides), and today by the session's clock.
struct OpenCase {
    CaseRecord record;
    Panel panel;
    const PanelKind* kind = nullptr;
    std::vector<Agency> agencies;
    std::optional<AgencyId> userAgencyId;
    ReviewDue reviewDue;
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
};

} // namespace confer
