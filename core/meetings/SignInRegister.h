#pragma once

#include "common/Result.h"
#include "meetings/MeetingTypes.h"

#include <optional>
#include <vector>

namespace confer {

class Database;

// The one rule of "everyone present has signed" (Thurrock 8.1 Method A; Durham 5.10): who is present at a
// meeting, or at one of its agenda items, and has neither signed the meeting's declaration nor been let off
// by the chair with a reason. Present means invited, no apologies, arrived and not left; a guest invited for
// one item counts only at that item. A refusal does not count as signed. DeclarationGate asks it before a
// case item opens; the meeting room shows the same list.
class SignInRegister final {
public:
    // No access check: callers have passed MeetingAccess.
    static Result<std::vector<OutstandingSignature>> outstanding(Database& db, MeetingId meetingId,
                                                                 std::optional<AgendaItemId> agendaItemId);
};

} // namespace confer
