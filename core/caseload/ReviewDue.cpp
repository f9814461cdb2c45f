#include "caseload/ReviewDue.h"

#include "partnership/PanelKind.h"

namespace confer {

ReviewDue ReviewDue::of(const PanelKind* kind, const QString& stage, const std::optional<QDate>& nextReview,
                        const std::optional<QDate>& firstOpenScheduledReview, const QDate& today)
{
    ReviewDue due;
    if (kind) {
        const StageDefinition* definition = kind->stage(stage);
        if (definition && definition->isClosed)
            return due;
    }
    due.date = kind && isScheduledStage(*kind, stage) ? firstOpenScheduledReview : nextReview;
    due.isOverdue = due.date && *due.date < today;
    return due;
}

bool ReviewDue::isScheduledStage(const PanelKind& kind, const QString& stage)
{
    return !kind.reviewsOnEnter.value(stage).isEmpty();
}

QString ReviewDue::dateSql(const QString& isInScheduledStage)
{
    if (isInScheduledStage.isEmpty())
        return QStringLiteral("c.next_review");
    return QStringLiteral("(CASE WHEN %1 THEN (SELECT min(r.due_date) FROM scheduled_reviews r "
                          "WHERE r.case_id = c.id AND r.completed_on IS NULL) ELSE c.next_review END)")
        .arg(isInScheduledStage);
}

} // namespace confer
