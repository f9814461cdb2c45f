#pragma once

#include "caseload/CaseloadTypes.h"
#include "shell/FormDialog.h"

#include <optional>
#include <vector>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;

namespace confer {

struct Caseload;
class OptionalDateEdit;

// Adds an action (tasking) agreed for a case: what is to be done, which agency and person own it, and
// by when.
class ActionDialog final : public FormDialog {
    Q_OBJECT
public:
    ActionDialog(Caseload& caseload, CaseId caseId, const std::vector<Agency>& agencies, const QDate& today,
                 QWidget* parent = nullptr);

    std::optional<CaseAction> addedAction() const { return m_added; }

private:
    Status submit() override;
    bool isComplete() const override;

    Caseload& m_caseload;
    CaseId m_caseId;
    QPlainTextEdit* m_description;
    QComboBox* m_agency;
    QLineEdit* m_person;
    OptionalDateEdit* m_due;
    std::optional<CaseAction> m_added;
};

} // namespace confer
