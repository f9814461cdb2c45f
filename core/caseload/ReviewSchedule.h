#pragma once

#include "caseload/CaseloadTypes.h"
#include "caseload/ReviewDue.h"
#include "common/Result.h"

#include <optional>
#include <vector>

namespace confer {

class Database;
class PanelKindRegistry;
class Session;
struct PanelKind;
struct StageDefinition;

// When a case is reviewed: the kind's cadence from each stage move, the reviews a kind schedules when
// a case enters a stage (Channel: 6 and 12 months after exit), their completion, and when the case's
// review is due (ReviewDue).
class ReviewSchedule final {
public:
    ReviewSchedule(Session& session, const PanelKindRegistry& kinds);

    // The cadence date a case gets on entering a stage: none in a closed stage or for a kind without one.
    static std::optional<QDate> nextReviewAfterMove(const PanelKind& kind, const StageDefinition& stage,
                                                    const QDate& on);
    // Schedules the reviews the kind names for entering `stage`, inside the caller's transaction.
    static Status scheduleOnEntry(Database& db, const PanelKind& kind, CaseId caseId, const QString& stage,
                                  const QDate& on, const QString& nowUtc);

    Result<std::vector<ScheduledReviewRecord>> list(CaseId caseId); // by due date
    Status complete(ReviewId reviewId, const QDate& on, const QString& outcome);
    // The case's review due date and whether it is overdue, today by the session's clock.
    Result<ReviewDue> due(CaseId caseId);

private:
    Session& m_session;
    const PanelKindRegistry& m_kinds;
};

} // namespace confer
