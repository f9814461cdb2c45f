#pragma once

#include "caseload/CaseloadTypes.h"
#include "shell/FormDialog.h"

#include <vector>

class QComboBox;
class QDateEdit;
class QFrame;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;

namespace confer {

struct Caseload;
struct PanelKind;
class KindFieldForm;
class SubjectForm;

// Opens a new case: the panel (only panels the user is a member of), the subject with only the fields
// its type needs (data minimisation), the referral, the lead, risk and marking, and the kind's
// required fields. Creates it through CaseService::create; a refusal is shown and changes nothing.
class NewCaseDialog final : public FormDialog {
    Q_OBJECT
public:
    NewCaseDialog(Caseload& caseload, QWidget* parent = nullptr);

    std::optional<CaseId> createdCaseId() const { return m_createdCaseId; }
    bool hasPanels() const { return !m_panels.empty(); }

private:
    Status submit() override;
    bool isComplete() const override;
    void readPanelsAndAgencies();
    void setUpFields();
    QScrollArea* makeCards();
    const PanelKind* currentKind() const;
    void onPanelChanged();

    Caseload& m_caseload;
    std::vector<Panel> m_panels;
    std::vector<Agency> m_agencies;
    QDate m_today;
    QComboBox* m_panel;
    QLabel* m_kindLabel;
    QFrame* m_subjectCard = nullptr;
    QVBoxLayout* m_subjectLayout = nullptr;
    SubjectForm* m_subject = nullptr;
    QDateEdit* m_referralDate;
    QLineEdit* m_referrer;
    QComboBox* m_referringAgency;
    QPlainTextEdit* m_referralReason;
    QComboBox* m_leadAgency;
    QLineEdit* m_leadProfessional;
    QComboBox* m_risk;
    QComboBox* m_marking;
    QFrame* m_fieldsCard = nullptr;
    QVBoxLayout* m_fieldsLayout = nullptr;
    KindFieldForm* m_fields = nullptr;
    std::optional<CaseId> m_createdCaseId; // none until a case is created
};

} // namespace confer
