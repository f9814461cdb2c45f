#pragma once

#include "audit/AuditAction.h"
#include "common/Result.h"

namespace confer {

class Database;
class Session;

// Whether a store is a demonstration store: one that holds invented people and cases only. `confer
// demo` marks a store so for good (the schema refuses to unmark it); the window shows a banner on every
// screen of such a store, and exports are to print DEMONSTRATION from the same flag. Everything added to
// a demonstration store afterwards is demonstration data too (see core/demo/schema/0005_demonstration.sql).
class DemonstrationStore final {
public:
    // The audit action of the marking: once per store, by the administrator who ran `confer demo`.
    static AuditAction auditAction() { return AuditAction::StoreDemonstration; }

    static Result<bool> isDemonstration(Database& db);
    // Marks the store and appends the audit event, inside the caller's transaction if there is one.
    // Nothing happens (and nothing is audited) when the store is already marked. Administrators only.
    static Status mark(Session& session);
};

} // namespace confer
