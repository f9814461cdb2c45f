#pragma once

#include "casefile/OpenCase.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;

namespace confer {

class ErrorLine;
struct Caseload;
class KindFieldForm;
class OptionalDateEdit;
class SubjectForm;

// A case's details as one form: the common details (risk, lead agency and professional, next review,
// marking, referral), the subject, and the kind's own fields. Save checks everything before changing
// anything, so bad input changes nothing; Revert shows the case as stored.
class CaseDetailsTab final : public QWidget {
    Q_OBJECT
public:
    CaseDetailsTab(Caseload& caseload, const OpenCase& openCase, QWidget* parent = nullptr);

    // Shows the case as stored (after a save, a stage move, a recorded value...).
    void display(const OpenCase& openCase);
    // Time-series values from the chronology, newest first, shown under their field.
    void setFieldHistory(const QString& fieldKey, const QStringList& lines);
    bool hasUnsavedChanges() const { return m_isDirty; }

signals:
    void saved();
    void recordValueRequested(const QString& fieldKey);

private:
    QScrollArea* makeCards(const QString& kindName);
    void save();
    void revert();
    void markDirty();
    void showError(const QString& message);

    Caseload& m_caseload;
    OpenCase m_case;
    QComboBox* m_risk;
    QComboBox* m_leadAgency;
    QLineEdit* m_leadProfessional;
    OptionalDateEdit* m_nextReview;
    QComboBox* m_marking;
    QLabel* m_referral;
    QPlainTextEdit* m_referralReason;
    SubjectForm* m_subject;
    KindFieldForm* m_fields;
    QPushButton* m_save;
    QPushButton* m_revert;
    ErrorLine* m_error;
    QLabel* m_status;
    bool m_isDirty = false;
};

} // namespace confer
