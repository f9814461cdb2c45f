#pragma once

#include "caseload/CaseloadTypes.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QDateEdit;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QVBoxLayout;

namespace confer {

struct Caseload;
struct PanelKind;
class KindFieldForm;
class SubjectForm;

// Opens a new case: the panel (only panels the user is a member of), the subject with only the fields
// its type needs (data minimisation), the referral, the lead, risk and marking, and the kind's
// required fields. Creates it through CaseService::create; a refusal is shown and changes nothing.
class NewCaseDialog final : public QDialog {
    Q_OBJECT
public:
    NewCaseDialog(Caseload& caseload, QWidget* parent = nullptr);

    void accept() override;
    std::optional<CaseId> createdCaseId() const { return m_createdCaseId; }
    bool hasPanels() const { return !m_panels.empty(); }

    QComboBox* panelBox() const { return m_panel; }
    SubjectForm* subjectForm() const { return m_subject; }
    QDateEdit* referralDateEdit() const { return m_referralDate; }
    QLineEdit* referrerEdit() const { return m_referrer; }
    QComboBox* referringAgencyBox() const { return m_referringAgency; }
    QPlainTextEdit* referralReasonEdit() const { return m_referralReason; }
    QComboBox* leadAgencyBox() const { return m_leadAgency; }
    QLineEdit* leadProfessionalEdit() const { return m_leadProfessional; }
    QComboBox* riskBox() const { return m_risk; }
    QComboBox* markingBox() const { return m_marking; }
    KindFieldForm* fieldForm() const { return m_fields; }
    QPushButton* createButton() const { return m_ok; }
    QString errorText() const;

private:
    const PanelKind* currentKind() const;
    void onPanelChanged();
    void updateOkButton();
    void showError(const QString& message);

    Caseload& m_caseload;
    std::vector<Panel> m_panels;
    std::vector<Agency> m_agencies;
    QDate m_today;
    QComboBox* m_panel;
    QLabel* m_kindLabel;
    QFrame* m_subjectCard;
    QVBoxLayout* m_subjectLayout;
    SubjectForm* m_subject = nullptr;
    QDateEdit* m_referralDate;
    QLineEdit* m_referrer;
    QComboBox* m_referringAgency;
    QPlainTextEdit* m_referralReason;
    QComboBox* m_leadAgency;
    QLineEdit* m_leadProfessional;
    QComboBox* m_risk;
    QComboBox* m_marking;
    QFrame* m_fieldsCard;

    QVBoxLayout* m_fieldsLayout;
    KindFieldForm* m_fields = nullptr;
    QLabel* m_error;
    QPushButton* m_ok = nullptr;
    std::optional<CaseId> m_createdCaseId; // none until a case is created
};

} // namespace confer
