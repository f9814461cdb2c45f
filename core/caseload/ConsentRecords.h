#pragma once

#include "caseload/CaseloadTypes.h"
#include "common/Result.h"

#include <optional>
#include <vector>

namespace confer {

class Database;
class PanelKindRegistry;
class Session;

// A case's consent decisions (Channel, Durham 5.10: consent from the individual or a parent to receive
// support and to share information). Each decision is a new row and none is changed; the latest by
// date is the one in force.
class ConsentRecords final {
public:
    ConsentRecords(Session& session, const PanelKindRegistry& kinds);

    Status record(CaseId caseId, const Consent& consent);
    Result<std::vector<Consent>> list(CaseId caseId); // oldest first

    // The decision in force (none recorded: nullopt), with no access check: for the consent gate,
    // which runs for a case its caller has already loaded.
    static Result<std::optional<Consent::State>> latestState(Database& db, CaseId caseId);

private:
    Session& m_session;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
