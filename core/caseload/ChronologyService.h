#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"

#include <vector>

namespace confer {

class PanelKindRegistry;
class Session;

// One timeline per case, oldest first, from stage moves, notes, actions and their updates, consent,
// scheduled reviews and time-series field values.
class ChronologyService final {
public:
    ChronologyService(Session& session, const PanelKindRegistry& kinds);
    Result<std::vector<ChronologyEntry>> timeline(CaseId caseId);

private:
    Session& m_session;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
