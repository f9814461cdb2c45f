#pragma once

#include "common/Result.h"
#include "partnership/PartnershipTypes.h"

#include <vector>

namespace confer {

class Session;

// The directory of partner organisations. Everyone signed in may read it; administrators and
// coordinators maintain it. Changes are audited.
class AgencyService final {
public:
    explicit AgencyService(Session& session);
    Result<std::vector<Agency>> agencies() const;
    Result<Agency> agency(AgencyId id) const;
    Result<Agency> add(const Agency& agency);
    Status update(const Agency& agency);
    Status setUserAgency(UserId userId, std::optional<AgencyId> agencyId); // administrators
    Result<std::optional<AgencyId>> agencyOfUser(UserId userId) const;

private:
    Session& m_session;
};

} // namespace confer
