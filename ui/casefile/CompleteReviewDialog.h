#pragma once

#include "caseload/CaseloadTypes.h"

#include <QDialog>

class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace confer {

struct Caseload;

// Completes a scheduled review (Channel's 6- and 12-month reviews after exit) with its date and outcome.
class CompleteReviewDialog final : public QDialog {
    Q_OBJECT
public:
    CompleteReviewDialog(Caseload& caseload, const ScheduledReviewRecord& review, const QDate& today,
                         QWidget* parent = nullptr);

    void accept() override;

    QDateEdit* dateEdit() const { return m_date; }
    QPlainTextEdit* outcomeEdit() const { return m_outcome; }
    QPushButton* completeButton() const { return m_ok; }
    QString errorText() const;

private:
    Caseload& m_caseload;
    ReviewId m_reviewId;
    QDateEdit* m_date;
    QPlainTextEdit* m_outcome;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
};

} // namespace confer
