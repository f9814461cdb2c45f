#pragma once

#include "casefile/OutcomeDialog.h"
#include "caseload/CaseloadTypes.h"

class QDateEdit;

namespace confer {

struct Caseload;

// Completes a scheduled review (Channel's 6- and 12-month reviews after exit) with its date and outcome.
class CompleteReviewDialog final : public OutcomeDialog {
    Q_OBJECT
public:
    CompleteReviewDialog(Caseload& caseload, const ScheduledReviewRecord& review, const QDate& today,
                         QWidget* parent = nullptr);

private:
    Status submit() override;

    Caseload& m_caseload;
    ReviewId m_reviewId;
    QDateEdit* m_date;
};

} // namespace confer
