#pragma once

#include "audit/AuditAction.h"
#include "common/Result.h"

#include <QString>

#include <optional>

namespace confer {

class Session;

// Need-to-know (Caldicott principle 4): a user may read or change a case only when they are a member
// of its panel (PanelMembership). Administrators manage panels but read no case unless they are members too.
// Every refusal is audited ("access.denied").
//
// The one home of the rule: every statement that reads case data (cases, subjects, notes, actions, consent,
// reviews, histories, the search index) to show it keeps to visibleCases(). The only reads without it are
// this class's own, which decide access; the caseload's search-index lookup, which collects ids only
// (CaseloadPlanner::fillMatchesSql); and the steps of a change after requireCase() (a stage gate's latest
// consent, the next reference), which show nothing. CaseDataReadsTest checks every statement of every read.
class CaseAccess final {
public:
    explicit CaseAccess(Session& session);

    // A condition on the `cases` row under alias that holds only for the cases the signed-in user may see:
    // those on the panels they sit on. Every read model joins its rows to a case and adds this condition,
    // so a row of a case the user may not see never leaves the store.
    QString visibleCases(const QString& alias) const;

    // The panel of a case the user may see; NotFound and AccessDenied are indistinguishable to the
    // caller's user (both say the case is not available), but the audit records which.
    Result<qint64> requireCase(qint64 caseId, AuditAction attemptedAction);

    // The tables whose rows belong to one case and are looked up by their own id.
    enum class CaseRow { Action, Note, ScheduledReview };
    // The case a row belongs to, to decide access before anything else of the row is read; nullopt when
    // there is no such row.
    Result<std::optional<qint64>> caseOf(CaseRow table, qint64 rowId);

    // Whether the user already sees this subject (person, household or place) on a case of their panels:
    // only then may a new case name them.
    Result<bool> seesSubject(qint64 subjectId);

    // How many case rows the store holds at most (the largest case id), for the caseload planner's cost
    // estimates: walking an index passes every panel's cases. A number, never a case.
    Result<qint64> caseRowsUpperBound();

private:
    Session& m_session;
};

} // namespace confer
