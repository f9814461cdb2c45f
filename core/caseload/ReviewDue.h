#pragma once

#include <QDate>
#include <QString>

#include <optional>

namespace confer {

struct PanelKind;

// When a case's review is due and whether it is overdue, by the one rule every screen and filter uses:
// - a case in a closed stage has no review due;
// - a case in a stage that schedules its own reviews on entry (Channel's exit: 6 and 12 months on) is
//   off the kind's cadence and waits for the first of those not yet completed (none left: none due);
// - any other case is due on its next review date (the cadence, or a date the panel set);
// - it is overdue when that day is before today (Clock::today()).
// A kind this copy of Confer does not know closes nothing and schedules nothing.
struct ReviewDue {
    std::optional<QDate> date;
    bool isOverdue = false;

    static ReviewDue of(const PanelKind* kind, const QString& stage, const std::optional<QDate>& nextReview,
                        const std::optional<QDate>& firstOpenScheduledReview, const QDate& today);

    // Whether the stage schedules its own reviews, which replace the cadence while the case is in it.
    static bool isScheduledStage(const PanelKind& kind, const QString& stage);

    // The due date of the rule as SQL over `cases AS c` (ISO text, NULL when none), given an SQL condition
    // that is true when c is in a scheduled stage (empty: no case in view is). Closed stages are the
    // caller's to leave out, as they are from every caseload view. "Overdue" is `<this> < :today`.
    static QString dateSql(const QString& isInScheduledStage);
};

} // namespace confer
