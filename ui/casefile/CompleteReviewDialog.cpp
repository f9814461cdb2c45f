#include "casefile/CompleteReviewDialog.h"

#include "casefile/CaseText.h"
#include "caseload/Caseload.h"
#include "shell/FormFields.h"

#include <QDateEdit>

namespace confer {

CompleteReviewDialog::CompleteReviewDialog(Caseload& caseload, const ScheduledReviewRecord& review,
                                           const QDate& today, QWidget* parent)
    : OutcomeDialog({tr("Complete review"), QStringLiteral("completeReviewError"),
                     QStringLiteral("reviewOutcome"), tr("Outcome"), tr("&Outcome:"), tr("&Complete review")},
                    parent)
    , m_caseload(caseload)
    , m_reviewId(review.id)
    , m_date(FormFields::dateEdit(QStringLiteral("reviewDate"), tr("Date the review was held"), today, today,
                                  this))
{
    setMinimumWidth(480);
    addText(tr("%1, due %2.").arg(review.label, CaseText::date(review.dueDate)));
    addOutcomeForm(tr("&Held on:"), m_date);
}

Status CompleteReviewDialog::submit()
{
    return m_caseload.cases.completeReview(m_reviewId, m_date->date(), outcome());
}

} // namespace confer
