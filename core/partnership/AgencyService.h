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
    Result<Agency> agency(qint64 id) const;
    Result<Agency> add(const Agency& agency);
    Status update(const Agency& agency);
    Status setUserAgency(qint64 userId, std::optional<qint64> agencyId); // administrators
    Result<std::optional<qint64>> agencyOfUser(qint64 userId) const;

private:
    Session& m_session;
};

} // namespace confer
